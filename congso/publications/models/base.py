"""What every Decree-42 disclosure section shares: an index page (list with filters, RSS,
sitemap) and an item page (summary, facts, body, documents, an optional deadline).

The five kinds (plans, budget, statistics, investment projects and bidding, recruitment) only
add their own fields, `facts()` and filters; everything else lives here once.
"""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from congso.core.blocks import BodyBlock, DocumentLinkBlock
from congso.core.models import BasePage
from congso.core.text import excerpt, format_datetime

EDITOR_NOTE_HELP = _(
    "Chỉ biên tập viên thấy ghi chú này (trong trang quản trị và khi xem trước); bạn đọc của "
    "một chuyên mục chưa có bài thấy dòng “Chuyên mục đang được cập nhật”."
)
FILE_NOT_PUBLIC = _(
    "Tệp “%(title)s” chưa được đánh dấu “cho phép tải công khai” trong thư viện tệp: bạn đọc "
    "sẽ không tải được. Hãy đánh dấu tệp đó, hoặc chọn văn bản đã xuất bản trong thư viện văn bản."
)
DEADLINE_PAST = _("%(label)s đã qua (%(value)s). Hãy chọn một thời điểm sau hiện tại.")


class PublicFileBlock(DocumentLinkBlock):
    """A file from the library; refused unless readers can download it (documents app rule:
    a file is public when marked so or attached to a published public document)."""

    def clean(self, value):
        value = super().clean(value)
        document = value.get("document")
        if document is not None and not getattr(document, "marked_public", True):
            raise ValidationError(FILE_NOT_PUBLIC % {"title": document.title})
        return value


class AttachmentsBlock(blocks.StreamBlock):
    library_document = blocks.PageChooserBlock(
        label=_("Văn bản trong thư viện văn bản"),
        page_type="documents.OfficialDocumentPage",
    )
    file = PublicFileBlock(label=_("Tệp"))


class SectionPage(BasePage):
    """A page of the Decree-42 structure: an introduction for readers and a note for editors."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    editor_note = models.TextField(
        _("ghi chú cho biên tập viên"), blank=True, help_text=EDITOR_NOTE_HELP
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("editor_note")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        return self.search_description or excerpt(self.intro, 300)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Previews never reach the page cache, so the note cannot leak to readers through it.
        context["show_editor_note"] = bool(getattr(request, "is_preview", False))
        return context


class PublicationIndexPage(RoutablePageMixin, SectionPage):
    """The list of one kind of publication, newest first, with the filters its readers need."""

    item_model: ClassVar[str] = ""  # "publications.RecruitmentPage"
    filters: ClassVar[tuple] = ()
    per_page = 20
    # Wagtail names a template after each concrete class; every kind shares this one.
    shared_template = "publications/publication_index_page.html"
    parent_page_types = ["home.HomePage", "publications.DisclosurePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return self.shared_template

    @classmethod
    def get_item_model(cls):
        from django.apps import apps

        return apps.get_model(cls.item_model)

    def published_items(self):
        from congso.publications.querysets import published_items

        return published_items(self)

    def get_context(self, request, *args, **kwargs):
        from congso.core.pagination import paginate
        from congso.publications.filters import ListFilters

        context = super().get_context(request, *args, **kwargs)
        all_items = self.published_items()
        bound = ListFilters(self.filters, request.GET, all_items)
        context["filters"] = bound
        context["items"] = paginate(request, bound.apply(all_items), self.per_page)
        context["section_is_empty"] = not all_items.exists()
        return context

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request)
        newest = (
            self.published_items()
            .order_by("-last_published_at")
            .values_list("last_published_at", flat=True)
            .first()
        )
        for entry in entries:
            if newest and (entry.get("lastmod") is None or newest > entry["lastmod"]):
                entry["lastmod"] = newest
        return entries

    @path("rss/", name="rss")
    def rss(self, request):
        from congso.publications.feeds import PublicationFeed

        return PublicationFeed(self)(request)


class PublicationPage(BasePage):
    """One published item. Concrete kinds add fields and say how they read in `facts()`."""

    summary = models.TextField(_("tóm tắt"), max_length=1000)
    date = models.DateTimeField(_("thời gian đăng"), default=timezone.now, db_index=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    attachments = StreamField(
        AttachmentsBlock(),
        verbose_name=_("văn bản, tệp kèm theo"),
        blank=True,
        help_text=_("Văn bản đã có trong thư viện văn bản, hoặc tệp (PDF, DOCX, XLSX)."),
    )

    # The name of a DateTimeField after which the item is closed ("hết hạn"), if the kind has one.
    deadline_field: ClassVar[str | None] = None
    # Facts shown in the list row (the first N of facts()).
    list_fact_count: ClassVar[int] = 3
    extra_template: ClassVar[str] = ""
    shared_template = "publications/publication_page.html"
    subpage_types: ClassVar[list] = []

    common_panels = [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("date"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        abstract = True

    # ---------------------------------------------------------------- what the kind says

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) pairs, in reading order; empty values are left out by callers."""
        return []

    def reference(self) -> str:
        """A number/symbol readers search by (số quyết định, số thông báo), or ""."""
        return ""

    # ---------------------------------------------------------------- shared behaviour

    @property
    def shown_facts(self) -> list[tuple[str, str]]:
        return [(label, value) for label, value in self.facts() if value not in ("", None)]

    @property
    def list_facts(self) -> list[tuple[str, str]]:
        return self.shown_facts[: self.list_fact_count]

    @property
    def deadline(self):
        return getattr(self, self.deadline_field) if self.deadline_field else None

    @property
    def deadline_label(self) -> str:
        if not self.deadline_field:
            return ""
        return str(self._meta.get_field(self.deadline_field).verbose_name).capitalize()

    @property
    def is_open(self) -> bool | None:
        """True while the deadline is ahead, False after it, None for kinds without one."""
        if self.deadline is None:
            return None
        return self.deadline >= timezone.now()

    def clean(self):
        super().clean()
        self._check_deadline()

    def _check_deadline(self):
        """A new (or moved) deadline must be ahead; an old notice stays editable after it."""
        if not self.deadline_field or self.deadline is None:
            return
        if getattr(self, "loading_history", False):
            return
        if self.deadline >= timezone.now():
            return
        if self.pk:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list(self.deadline_field, flat=True)
                .first()
            )
            if stored == self.deadline:
                return
        message = DEADLINE_PAST % {
            "label": self.deadline_label,
            "value": format_datetime(self.deadline),
        }
        raise ValidationError({self.deadline_field: message})

    def get_template(self, request, *args, **kwargs):
        return self.shared_template

    def get_meta_description(self) -> str:
        return self.search_description or excerpt(self.summary, 300)

    def visible_attachments(self) -> list[dict]:
        """Attachments a reader may open: unpublished or internal library documents left out."""
        result = []
        for block in self.attachments:
            if block.block_type == "library_document":
                page = block.value.specific if block.value else None
                if page is not None and page.live and getattr(page, "is_public_document", True):
                    result.append({"title": page.title, "url": page.url, "page": page})
            elif block.block_type == "file" and block.value.get("document"):
                document = block.value["document"]
                title = block.value.get("label") or document.title
                result.append({"title": title, "url": document.url, "file": document})
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.get_parent().specific
        context["files"] = self.visible_attachments()
        return context

    def search_payload(self) -> dict:
        """The congso.search contract (congso/search/adapters.py)."""
        from congso.search.adapters import stream_text

        facts = "\n".join(f"{label}: {value}" for label, value in self.shown_facts)
        parent = getattr(self, "search_parent", None) or self.get_parent()
        return {
            "title": self.title,
            "code": self.reference(),
            "body": "\n".join(filter(None, [self.summary, facts, stream_text(self.body)])),
            "date": self.date,
            "type": "page",
            "type_label": str(self._meta.verbose_name).capitalize()[:50],
            "category": parent.title if parent else "",
        }


class DisclosurePage(SectionPage):
    """ "Công khai thông tin": groups the disclosure sections in one menu entry."""

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "publications.PlanIndexPage",
        "publications.BudgetIndexPage",
        "publications.StatisticsIndexPage",
        "publications.ProjectIndexPage",
        "publications.BiddingIndexPage",
        "publications.RecruitmentIndexPage",
        "home.StandardPage",
    ]
    max_count_per_parent = 1
    template = "publications/disclosure_page.html"
    latest_per_section = 3

    class Meta:
        verbose_name = _("trang công khai thông tin")
        verbose_name_plural = _("trang công khai thông tin")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = []
        for child in self.get_children().live().public().specific():
            latest = []
            if isinstance(child, PublicationIndexPage):
                latest = list(child.published_items()[: self.latest_per_section])
            sections.append({"page": child, "latest": latest})
        context["sections"] = sections
        return context
