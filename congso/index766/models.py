"""The Decision 766/QĐ-TTg index as data (issue 10, part 2; docs/index-766.md).

- `IndicatorSet` + `Indicator`: the indicators, their points and targets, versioned by the date
  a decision takes effect. The set in force for a period is the latest whose `effective_from` is
  on or before the period's first day, so a new decision changes later periods only.
- `EnteredValue`: an indicator congso cannot measure, entered by an administrator with evidence.
- `PeriodClosure` + `AgencySnapshot` + `SnapshotRow`: a closed period, frozen per agency with
  every indicator's numbers. One closure per period (a database constraint): closing twice is
  refused, and a closed period is always served from its frozen rows.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Source(models.TextChoices):
    COMPUTED = "computed", _("Tính từ dữ liệu hồ sơ")
    ENTERED = "entered", _("Nhập có minh chứng")


class Group(models.TextChoices):
    PUBLICITY = "publicity", _("Công khai, minh bạch")
    PROGRESS = "progress", _("Tiến độ giải quyết")
    ONLINE = "online", _("Dịch vụ trực tuyến")
    PAYMENT = "payment", _("Thanh toán trực tuyến")
    DIGITISATION = "digitisation", _("Số hóa hồ sơ")
    SATISFACTION = "satisfaction", _("Mức độ hài lòng")


# The measures congso computes (congso.index766.measures.FORMULAS; a test keeps them equal).
FORMULA_CHOICES = [
    ("published_on_time", _("TTHC công khai đúng hạn / TTHC đang áp dụng")),
    ("complete_procedures", _("TTHC công khai đủ nội dung bắt buộc / TTHC đang áp dụng")),
    ("synced", _("Hồ sơ được Cổng quốc gia xác nhận đồng bộ / hồ sơ tiếp nhận")),
    ("in_time", _("Trước hạn, đúng hạn, đang trong hạn / đã giải quyết và đang giải quyết")),
    ("offered_online", _("TTHC trực tuyến / TTHC đang áp dụng")),
    ("online_used", _("TTHC trực tuyến có hồ sơ trực tuyến / TTHC trực tuyến")),
    ("online_dossiers", _("Hồ sơ tiếp nhận trực tuyến / hồ sơ tiếp nhận")),
    ("payable_online", _("TTHC có phí cho thanh toán trực tuyến / TTHC có phí")),
    ("paid_once", _("TTHC có giao dịch thanh toán trực tuyến / TTHC cho thanh toán trực tuyến")),
    ("paid_online", _("Hồ sơ thanh toán trực tuyến / hồ sơ có phí đã giải quyết")),
    ("electronic_results", _("Hồ sơ có kết quả điện tử / hồ sơ đã giải quyết")),
    ("satisfied", _("Đánh giá hài lòng (4–5) / lượt đánh giá")),
    ("not_late_nor_complained", _("Đã giải quyết trừ trễ hạn và phàn nàn / đã giải quyết")),
]


class IndicatorSet(models.Model):
    name = models.CharField(_("tên bộ chỉ số"), max_length=200)
    effective_from = models.DateField(
        _("áp dụng từ ngày"),
        unique=True,
        help_text=_("Kỳ báo cáo bắt đầu từ ngày này trở đi dùng bộ chỉ số này."),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("effective_from"), FieldPanel("note")]

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("bộ chỉ số 766")
        verbose_name_plural = _("bộ chỉ số 766")

    def __str__(self) -> str:
        return f"{self.name} (từ {self.effective_from:%d/%m/%Y})"


class Indicator(models.Model):
    indicator_set = models.ForeignKey(
        IndicatorSet,
        verbose_name=_("bộ chỉ số"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    code = models.CharField(_("mã chỉ số"), max_length=20)
    name = models.CharField(_("tên chỉ số"), max_length=300)
    group = models.CharField(_("nhóm"), max_length=20, choices=Group.choices)
    max_points = models.DecimalField(
        _("điểm tối đa"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # Percent; empty: the points are simply the ratio times the maximum.
    target = models.DecimalField(
        _("chỉ tiêu (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.01), MaxValueValidator(100)],
    )
    source = models.CharField(_("nguồn số liệu"), max_length=10, choices=Source.choices)
    # Key of the measure in congso.index766.measures (computed indicators only).
    formula = models.CharField(
        _("công thức"),
        max_length=40,
        blank=True,
        choices=FORMULA_CHOICES,
        help_text=_("Chỉ với chỉ số tính từ hồ sơ; để trống với chỉ số nhập có minh chứng."),
    )
    description = models.TextField(_("cách tính"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("indicator_set"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("order")]),
        FieldPanel("name"),
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("max_points"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("formula")]),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["indicator_set", "order", "code"]
        verbose_name = _("chỉ số 766")
        verbose_name_plural = _("chỉ số 766")
        constraints = [
            models.UniqueConstraint(fields=["indicator_set", "code"], name="index766_set_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def clean(self):
        if self.source == Source.COMPUTED and not self.formula:
            raise ValidationError({"formula": _("Chỉ số tính từ hồ sơ cần chọn công thức.")})
        if self.source == Source.ENTERED and self.formula:
            raise ValidationError({"formula": _("Chỉ số nhập có minh chứng không có công thức.")})


class EnteredValue(models.Model):
    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period = models.CharField(
        _("kỳ báo cáo"), max_length=7, help_text=_("YYYY, YYYY-Qn hoặc YYYY-MM, ví dụ 2026-Q3.")
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("chỉ số"),
        on_delete=models.PROTECT,
        related_name="entered_values",
        limit_choices_to={"source": Source.ENTERED},
    )
    numerator = models.DecimalField(
        _("tử số"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    denominator = models.DecimalField(
        _("mẫu số"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    evidence = models.TextField(
        _("minh chứng"), help_text=_("Văn bản, báo cáo hoặc nguồn số liệu làm căn cứ.")
    )
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp minh chứng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_url = models.URLField(_("đường dẫn minh chứng"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("nhập lúc"), auto_now=True)

    # Plain lists, not choosers: an admin picks among a few agencies and entered indicators.
    panels = [
        FieldRowPanel([FieldPanel("agency", widget=forms.Select), FieldPanel("period")]),
        FieldPanel("indicator", widget=forms.Select),
        FieldRowPanel([FieldPanel("numerator"), FieldPanel("denominator")]),
        MultiFieldPanel(
            [FieldPanel("evidence"), FieldPanel("evidence_document"), FieldPanel("evidence_url")],
            heading=_("Minh chứng"),
        ),
    ]

    class Meta:
        ordering = ["-period", "agency", "indicator__order"]
        verbose_name = _("số liệu nhập chỉ số 766")
        verbose_name_plural = _("số liệu nhập chỉ số 766")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period", "indicator"], name="index766_entered_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} · {self.agency} · {self.period}"

    def clean(self):
        """A well-formed period, an indicator of the set in force then that is entered (not
        computed), a numerator within its denominator, and a period still open."""
        from congso.index766 import services

        errors = {}
        try:
            period = services.period_of(self.period)
            self.period = period.code
        except services.IndexError766 as error:
            errors["period"] = str(error)
            period = None
        if self.indicator_id:
            if self.indicator.source != Source.ENTERED:
                errors["indicator"] = _("Chỉ số này được tính từ hồ sơ, không nhập tay.")
            elif period is not None:
                try:
                    in_force = services.indicator_set_for(period)
                except services.IndexError766 as error:
                    errors["period"] = str(error)
                else:
                    if in_force.pk != self.indicator.indicator_set_id:
                        errors["indicator"] = _(
                            "Chỉ số không thuộc bộ chỉ số áp dụng cho kỳ này (%(set)s)."
                        ) % {"set": in_force}
        if period is not None and services.is_closed(period.code):
            errors["period"] = _("Kỳ %(period)s đã khóa: không nhập, sửa số liệu được nữa.") % {
                "period": period.code
            }
        if (
            self.numerator is not None
            and self.denominator is not None
            and self.numerator > self.denominator
        ):
            errors["numerator"] = _("Tử số không được lớn hơn mẫu số.")
        if errors:
            raise ValidationError(errors)


class PeriodClosure(models.Model):
    period = models.CharField(_("kỳ báo cáo"), max_length=7, unique=True)
    indicator_set = models.ForeignKey(
        IndicatorSet, verbose_name=_("bộ chỉ số"), on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("khóa lúc"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người khóa"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-period"]
        verbose_name = _("kỳ đã khóa")
        verbose_name_plural = _("kỳ đã khóa")
        permissions = [("close_period", _("Khóa kỳ chỉ số 766"))]

    def __str__(self) -> str:
        return self.period


class AgencySnapshot(models.Model):
    closure = models.ForeignKey(PeriodClosure, on_delete=models.CASCADE, related_name="agencies")
    agency = models.ForeignKey("organisation.Agency", on_delete=models.PROTECT, related_name="+")
    total = models.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["closure", "agency"], name="index766_snapshot_once")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.closure_id}: {self.total}"


class SnapshotRow(models.Model):
    """One indicator of one agency in a closed period, as it was scored then."""

    snapshot = models.ForeignKey(AgencySnapshot, on_delete=models.CASCADE, related_name="rows")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=300)
    group = models.CharField(max_length=20)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=10, choices=Source.choices)
    numerator = models.DecimalField(max_digits=14, decimal_places=2)
    denominator = models.DecimalField(max_digits=14, decimal_places=2)
    entered = models.BooleanField(default=False)
    max_points = models.DecimalField(max_digits=5, decimal_places=2)
    target = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    points = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["snapshot", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "code"], name="index766_row_once")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.points}"
