"""StreamField block library shared by articles and standard pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=500)
    alignment = blocks.ChoiceBlock(
        label=_("căn lề"),
        choices=[("full", _("toàn chiều rộng")), ("center", _("giữa"))],
        default="full",
        required=False,
    )

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "components/blocks/image_with_caption.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người nói / nguồn"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tệp văn bản"))
    label = blocks.CharBlock(label=_("tiêu đề hiển thị"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Liên kết văn bản")
        template = "components/blocks/document_link.html"


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("trang"))
    label = blocks.CharBlock(label=_("tiêu đề hiển thị"), required=False)

    class Meta:
        icon = "link"
        label = _("Liên kết trang (văn bản, bài viết)")
        template = "components/blocks/page_link.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), features=RICH_FEATURES)
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Bảng"), template="components/blocks/table.html")
    document = DocumentLinkBlock()
    page_link = PageLinkBlock()
