from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_upload_to,
    get_upload_to,
)
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from congso.core import images
from congso.core.text import slugify_vi


class CongsoImage(AbstractImage):
    """Images carry their caption, credit and whether they are a demo placeholder.

    Files stay private until readers are shown the image (congso.core.images)."""

    file = WagtailImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        storage=images.get_image_storage,
        width_field="width",
        height_field="height",
    )
    caption = models.CharField(_("chú thích ảnh"), max_length=500, blank=True)
    credit = models.CharField(_("nguồn ảnh / tác giả"), max_length=255, blank=True)
    is_placeholder = models.BooleanField(
        _("ảnh giữ chỗ"),
        default=False,
        help_text=_("Ảnh do hệ thống tạo thay cho ảnh gốc chưa có (dữ liệu mẫu)."),
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit", "is_placeholder")

    @property
    def alt_text(self) -> str:
        return self.description or self.caption or self.title

    def get_upload_to(self, filename):
        return images.original_upload_to(self, filename)

    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")


class CongsoRendition(AbstractRendition):
    image = models.ForeignKey(CongsoImage, on_delete=models.CASCADE, related_name="renditions")
    file = WagtailImageField(
        upload_to=get_rendition_upload_to,
        storage=images.get_image_storage,
        width_field="width",
        height_field="height",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        return images.rendition_upload_to(self, filename)


class BasePage(Page):
    """Shared base for every public page: folded slugs and social-sharing metadata."""

    social_image = models.ForeignKey(
        "core.CongsoImage",
        verbose_name=_("ảnh chia sẻ mạng xã hội"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Vietnamese titles must give ASCII slugs (chuyển đổi số -> chuyen-doi-so, Đ -> d).
        if self.title and (not self.slug or not self.slug.isascii()):
            self.slug = slugify_vi(self.slug or self.title) or "trang"
        super().full_clean(*args, **kwargs)

    def route(self, request, path_components):
        # Wagtail walks the tree one level at a time (a child query and a `specific` query per
        # level, each a LIKE on the path that SQLite cannot index). A deep address is found in
        # one indexed lookup on url_path instead; anything else (sub-routes such as rss/, or no
        # match) falls back to the normal walk, so behaviour is unchanged.
        if len(path_components) > 1:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            target = Page.objects.filter(url_path=url_path, live=True).first()
            if target is not None:
                return target.specific.route(request, [])
        return super().route(request, path_components)

    def get_meta_description(self) -> str:
        return self.search_description or ""

    def get_meta_image(self):
        return self.social_image


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """The agency's identity. Kept as data: agencies merge and get renamed (2025 reform)."""

    name = models.CharField(
        _("tên cơ quan"), max_length=255, default="Sở Thông tin và Truyền thông"
    )
    name_en = models.CharField(
        _("tên tiếng Anh"), max_length=255, default="Department of Information and Communications"
    )
    parent_agency = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True, default="Ủy ban nhân dân tỉnh"
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(
        _("giấy phép"),
        max_length=255,
        blank=True,
        help_text=_("Số giấy phép thiết lập trang thông tin điện tử, nếu có."),
    )
    editor_in_chief = models.CharField(_("chịu trách nhiệm nội dung"), max_length=255, blank=True)
    footer_note = RichTextField(
        _("ghi chú chân trang"), blank=True, features=["bold", "italic", "link"]
    )
    logo = models.ForeignKey(
        "core.CongsoImage",
        verbose_name=_("biểu trưng (logo)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Dùng khi chia sẻ lên mạng xã hội cho trang không có ảnh riêng, và làm biểu trưng "
            "của cơ quan trong dữ liệu có cấu trúc (schema.org) cho máy tìm kiếm."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_en"),
                FieldPanel("parent_agency"),
                FieldPanel("logo"),
            ],
            heading=_("Cơ quan"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        FieldPanel("licence"),
        FieldPanel("editor_in_chief"),
        FieldPanel("footer_note"),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan")


@register_snippet
class PortalLink(index.Indexed, Orderable):
    """Links to other state agencies' portals (Decree 42/2022 Art. 7)."""

    title = models.CharField(_("tên cổng/trang"), max_length=255)
    url = models.URLField(_("địa chỉ"))

    panels = [FieldPanel("title"), FieldPanel("url")]
    search_fields = [index.SearchField("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("liên kết cổng thông tin")
        verbose_name_plural = _("liên kết cổng thông tin")

    def __str__(self) -> str:
        return self.title


class RateCounter(models.Model):
    """Events per key and time window, counted in the database so that every worker sees the
    same count without Redis (congso.core.ratelimit.count_in_database). Any public form whose
    limit must hold across workers (comments, and later questions and draft comments) counts
    here under its own key prefix."""

    key = models.CharField(max_length=100)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="core_ratecounter_window")
        ]

    def __str__(self) -> str:
        return f"{self.key}@{self.window}: {self.count}"
