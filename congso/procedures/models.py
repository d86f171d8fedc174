"""The procedure catalogue (thủ tục hành chính): procedures with their fields (lĩnh vực),
components (thành phần hồ sơ), fees and legal basis. Field names follow SERVICES.md "Data";
the import format (docs/procedures-import.md) uses the national database's names."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from congso.core.text import fold

from .querysets import ProcedureQuerySet

TEMPLATE_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Không trực tuyến")


class TimeUnit(models.TextChoices):
    # The same strings as congso.dossiers.calendar.Unit: a dossier's due date is computed from
    # these two fields without translation.
    WORKING_DAY = "working_day", _("ngày làm việc")
    WORKING_HOUR = "working_hour", _("giờ làm việc")
    DAY = "day", _("ngày")


class Channel(models.TextChoices):
    # National channel codes (SERVICES.md): 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích.
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POSTAL = "postal", _("Qua dịch vụ bưu chính công ích")


class ProcedureField(models.Model):
    """A field (lĩnh vực) of procedures, e.g. "Xuất bản, In và Phát hành"."""

    code = models.CharField(_("mã lĩnh vực"), max_length=64, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("name")])]

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.name


def _max_upload(file) -> None:
    limit = getattr(settings, "DOCUMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
    if file and file.size > limit:
        raise ValidationError(_("Tệp mẫu quá lớn (tối đa %(mb)s MB).") % {"mb": limit // 2**20})


class Procedure(ClusterableModel):
    code = models.CharField(
        _("mã thủ tục"),
        max_length=64,
        unique=True,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.004494.000.00.00.H56"),
    )
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.ForeignKey(
        ProcedureField,
        verbose_name=_("lĩnh vực"),
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    agencies = models.ManyToManyField(
        "organisation.Agency",
        verbose_name=_("cơ quan thực hiện"),
        related_name="procedures",
        blank=True,
    )
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
        db_index=True,
    )
    time_limit = models.PositiveIntegerField(_("thời hạn giải quyết"), default=0)
    time_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAY
    )
    steps = models.TextField(_("trình tự thực hiện"), blank=True)
    channel_in_person = models.BooleanField(_("nộp trực tiếp"), default=True)
    channel_online = models.BooleanField(_("nộp trực tuyến"), default=False)
    channel_postal = models.BooleanField(_("nộp qua bưu chính công ích"), default=False)
    conditions = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    published_at = models.DateTimeField(
        _("ngày công khai"), null=True, blank=True, default=timezone.now
    )
    effective_from = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    is_sample = models.BooleanField(
        _("dữ liệu mẫu"), default=False, help_text=_("Trang thủ tục hiện thông báo dữ liệu mẫu.")
    )
    active = models.BooleanField(_("đang áp dụng"), default=True)
    # Whether the fees can be paid through the payment gateway (congso.payments); Decision 766's
    # index counts procedures offering it.
    online_payment = models.BooleanField(_("cho phép thanh toán trực tuyến"), default=False)
    # How long the personal data of a closed dossier is kept before it is anonymised
    # (congso.retention; docs/retention.md says why 5 years is the default).
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn lưu dữ liệu cá nhân (năm)"), default=5
    )
    # Name, code and field without diacritics, lower case: the list's search box matches
    # "cap phep" and "cấp phép" alike on every database.
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = ProcedureQuerySet.as_manager()

    panels = [
        # A plain list: a handful of fields, no need for a chooser dialog.
        FieldRowPanel([FieldPanel("code"), FieldPanel("field", widget=forms.Select)]),
        FieldPanel("name"),
        FieldPanel("agencies"),
        FieldRowPanel(
            [FieldPanel("online_level"), FieldPanel("time_limit"), FieldPanel("time_unit")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("channel_in_person"),
                        FieldPanel("channel_online"),
                        FieldPanel("channel_postal"),
                    ]
                ),
                FieldPanel("online_payment"),
            ],
            heading=_("Cách thức thực hiện"),
        ),
        FieldPanel("steps"),
        InlinePanel("components", label=_("Thành phần hồ sơ"), heading=_("Thành phần hồ sơ")),
        InlinePanel("fees", label=_("Phí, lệ phí"), heading=_("Phí, lệ phí")),
        FieldPanel("conditions"),
        FieldPanel("applicants"),
        FieldPanel("result"),
        InlinePanel("legal_basis", label=_("Căn cứ pháp lý"), heading=_("Căn cứ pháp lý")),
        FieldPanel("retention_years"),
        FieldRowPanel(
            [
                FieldPanel("published_at"),
                FieldPanel("effective_from"),
                FieldPanel("active"),
                FieldPanel("is_sample"),
            ]
        ),
    ]

    class Meta:
        ordering = ["field__name", "name"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        field_name = self.field.name if self.field_id else ""
        self.search_text = fold(f"{self.code} {self.name} {field_name}").lower()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"/thu-tuc-hanh-chinh/{self.code}/"

    @property
    def submit_url(self) -> str:
        """The online filing page (built by the dossiers app), for full or partial procedures."""
        return f"/dich-vu-cong/nop-ho-so/{self.code}/"

    @property
    def is_online(self) -> bool:
        return self.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL)

    @property
    def channels(self) -> list[str]:
        flags = [
            (self.channel_in_person, Channel.IN_PERSON),
            (self.channel_online, Channel.ONLINE),
            (self.channel_postal, Channel.POSTAL),
        ]
        return [str(channel) for on, channel in flags if on]

    @property
    def channel_labels(self) -> list[str]:
        return [Channel(value).label for value in self.channels]

    @property
    def time_limit_text(self) -> str:
        """'05 ngày làm việc', as procedures are published (two digits below ten)."""
        if not self.time_limit:
            return str(_("Giải quyết ngay trong ngày"))
        return f"{self.time_limit:02d} {TimeUnit(self.time_unit).label}"


class Component(Orderable):
    """A component of the dossier (thành phần hồ sơ): a file to upload, or an e-form."""

    procedure = ParentalKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="components"
    )
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    required = models.BooleanField(_("bắt buộc"), default=True)
    copies = models.CharField(
        _("số lượng"), max_length=100, blank=True, help_text=_("Ví dụ: 01 bản chính")
    )
    template = models.FileField(
        _("mẫu đơn, tờ khai"),
        upload_to="procedures/forms/",
        blank=True,
        validators=[FileExtensionValidator(TEMPLATE_EXTENSIONS), _max_upload],
        help_text=_("Tệp mẫu để người dân tải về (PDF, DOC, DOCX, XLS, XLSX, ODT, ODS)."),
    )
    form_schema = models.JSONField(
        _("biểu mẫu điện tử (JSON Schema)"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu người dân tải tệp lên thay cho biểu mẫu điện tử."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("copies")]),
        FieldPanel("template"),
        FieldPanel("form_schema"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self) -> str:
        return self.name

    @property
    def has_form(self) -> bool:
        return bool(self.form_schema)

    @property
    def template_url(self) -> str:
        if not self.template:
            return ""
        return f"/thu-tuc-hanh-chinh/{self.procedure.code}/mau/{self.pk}/"

    def clean(self):
        if self.form_schema in (None, "", {}):
            return
        errors = schema_errors(self.form_schema)
        if errors:
            raise ValidationError({"form_schema": errors})


def schema_errors(schema) -> list[str]:
    """The dossiers app's e-form checks when it is installed, else only the JSON object."""
    if not isinstance(schema, dict):
        return [str(_("Biểu mẫu điện tử phải là một đối tượng JSON ({…})."))]
    try:
        from congso.dossiers.eforms import check_schema
    except ImportError:
        return []
    return list(check_schema(schema))


class Fee(Orderable):
    procedure = ParentalKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="fees"
    )
    description = models.CharField(_("nội dung"), max_length=500)
    amount = models.PositiveBigIntegerField(_("mức thu (đồng)"), default=0)
    # A fixed item is charged once per dossier; a per-quantity item is amount × the quantity the
    # officer enters when requesting payment (e.g. 2.000 đồng per page, per copy).
    per_quantity = models.BooleanField(
        _("thu theo số lượng"),
        default=False,
        help_text=_("Mức thu nhân với số lượng (ví dụ mỗi trang, mỗi bản sao)."),
    )
    unit = models.CharField(
        _("đơn vị tính"), max_length=50, blank=True, help_text=_("Ví dụ: trang, bản, giấy phép")
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("description"), FieldPanel("amount")]),
        FieldRowPanel([FieldPanel("per_quantity"), FieldPanel("unit")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("phí, lệ phí")
        verbose_name_plural = _("phí, lệ phí")

    def __str__(self) -> str:
        return self.description


class LegalBasis(Orderable):
    """A legal reference, versioned as data (number, title, issue date), never hard-coded."""

    procedure = ParentalKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="legal_basis"
    )
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    document = models.ForeignKey(
        "documents.OfficialDocumentPage",
        verbose_name=_("văn bản trên cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issued_on")]),
        FieldPanel("title"),
        FieldPanel("document"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def __str__(self) -> str:
        return self.number
