from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from congso.core.models import BasePage


@register_snippet
class Unit(index.Indexed, models.Model):
    """A unit of the agency: the leadership board, a division (phòng), an attached centre."""

    KIND_CHOICES = [
        ("leadership", _("Lãnh đạo")),
        ("division", _("Phòng chuyên môn")),
        ("attached", _("Đơn vị trực thuộc")),
    ]
    name = models.CharField(_("tên đơn vị"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=KIND_CHOICES, default="division")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    functions = RichTextField(_("chức năng, nhiệm vụ"), blank=True)
    functions_en = RichTextField(_("functions and tasks (English)"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent"), FieldPanel("sort_order")]),
        FieldPanel("functions"),
        FieldPanel("functions_en"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Liên hệ")
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("functions")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name


@register_snippet
class Official(index.Indexed, models.Model):
    """A contact official (Decree 42/2022 Art. 4.1(e)): name, position, unit, phone, e-mail."""

    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255)
    position_en = models.CharField(_("position (English)"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="officials"
    )
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    photo = models.ForeignKey(
        "core.CongsoImage",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duties = models.TextField(_("nhiệm vụ được phân công"), blank=True)
    is_leader = models.BooleanField(_("lãnh đạo cơ quan"), default=False)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("is_leader")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("position_en")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("photo"),
        FieldPanel("duties"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("position")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")

    def __str__(self) -> str:
        return f"{self.name} — {self.position}"


class OrganisationPage(BasePage):
    """Organisation chart and contact directory, in Vietnamese or English."""

    intro = RichTextField(_("giới thiệu"), blank=True)
    language = models.CharField(
        _("ngôn ngữ"), max_length=5, choices=[("vi", "Tiếng Việt"), ("en", "English")], default="vi"
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("language")]
    parent_page_types = ["home.HomePage", "home.EnglishHomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang tổ chức bộ máy")

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def get_context(self, request, *args, **kwargs):
        from congso.organisation.querysets import organisation_chart

        context = super().get_context(request, *args, **kwargs)
        context.update(organisation_chart())
        return context


class AgencyLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện (trước 01/07/2025)")
    COMMUNE = "commune", _("Cấp xã")


class Agency(models.Model):
    """An agency that receives dossiers (a province department, a commune), by its electronic
    identifier (mã định danh điện tử). Units above are the portal's own agency's divisions; an
    agency may point at the unit or site that describes it instead of repeating them.
    See docs/decisions/0005-agencies-and-calendar.md."""

    identifier = models.CharField(
        _("mã định danh điện tử"),
        max_length=50,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z0-9]+(\.[A-Z0-9]+)*$",
                _("Mã định danh gồm chữ in hoa, chữ số và dấu chấm, ví dụ 000.00.12.H56."),
            )
        ],
        help_text=_("Ví dụ 000.00.12.H56"),
    )
    name = models.CharField(_("tên cơ quan"), max_length=255)
    level = models.CharField(
        _("cấp"), max_length=20, choices=AgencyLevel.choices, default=AgencyLevel.PROVINCE
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("cổng thông tin của cơ quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agencies",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("là đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agencies",
        help_text=_("Khi cơ quan là một đơn vị trong sơ đồ tổ chức của cổng (ví dụ trung tâm)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("identifier"), FieldPanel("level")]),
        FieldPanel("name"),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("site"), FieldPanel("unit")]),
    ]

    class Meta:
        ordering = ["identifier"]
        verbose_name = _("cơ quan giải quyết thủ tục")
        verbose_name_plural = _("cơ quan giải quyết thủ tục")

    def __str__(self) -> str:
        return f"{self.name} ({self.identifier})"

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Cơ quan không thể là cấp trên của chính nó.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
