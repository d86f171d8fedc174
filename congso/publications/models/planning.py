"""Plans and programmes (Decree 42 art. 4.1.đ), budget disclosure and sector statistics."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from congso.core.text import format_date, format_number
from congso.publications.fields import VndAmountField
from congso.publications.filters import ChoiceFilter, DistinctFilter, YearFilter
from congso.publications.models.base import PublicationIndexPage, PublicationPage

YEAR_MESSAGE = _("Năm phải trong khoảng 1945–2100.")
YEAR_VALIDATORS = [
    MinValueValidator(1945, message=YEAR_MESSAGE),
    MaxValueValidator(2100, message=YEAR_MESSAGE),
]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def year_span(start, end) -> str:
    if start and end and end != start:
        return f"{start}–{end}"
    return str(start or end or "")


def decision_text(number: str, day) -> str:
    parts = [number, f"ngày {format_date(day)}" if day else ""]
    return " ".join(part for part in parts if part)


class DecisionMixin(models.Model):
    """The decision (quyết định) that issued or approved the item: its number and date."""

    decision_number = models.CharField(
        _("số quyết định ban hành/phê duyệt"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: 123/QĐ-UBND"),
    )
    decision_date = models.DateField(_("ngày ban hành"), null=True, blank=True)

    decision_panel = FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")])

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return getattr(self, "title", "") or self.decision_number

    def reference(self) -> str:
        return self.decision_number


# ------------------------------------------------------------------ plans and programmes


class PlanKind(models.TextChoices):
    STRATEGY = "strategy", _("Chiến lược")
    MASTER_PLAN = "master_plan", _("Quy hoạch")
    PROGRAMME = "programme", _("Chương trình")
    PLAN = "plan", _("Kế hoạch")
    SCHEME = "scheme", _("Đề án")
    ANNUAL = "annual", _("Kế hoạch công tác năm")
    RESULTS = "results", _("Báo cáo kết quả thực hiện")


class PlanStatus(models.TextChoices):
    ONGOING = "ongoing", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class PlanPage(DecisionMixin, PublicationPage):
    kind = models.CharField(_("loại"), max_length=20, choices=PlanKind.choices)
    year_from = models.PositiveSmallIntegerField(_("từ năm"), validators=YEAR_VALIDATORS)
    year_to = models.PositiveSmallIntegerField(
        _("đến năm"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Để trống khi kế hoạch chỉ cho một năm."),
    )
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    status = models.CharField(
        _("tình hình thực hiện"), max_length=10, choices=PlanStatus.choices, blank=True
    )

    content_panels = PublicationPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
                DecisionMixin.decision_panel,
                FieldPanel("issuer"),
            ],
            heading=_("Thông tin kế hoạch, chương trình"),
        ),
        *PublicationPage.common_panels,
    ]
    search_fields = PublicationPage.search_fields + [index.SearchField("decision_number")]
    parent_page_types = ["publications.PlanIndexPage"]

    class Meta:
        verbose_name = _("kế hoạch, chương trình")
        verbose_name_plural = _("kế hoạch, chương trình")

    def clean(self):
        super().clean()
        if self.year_from and self.year_to and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("Năm kết thúc không được trước năm bắt đầu.")})

    def facts(self):
        return [
            (_("Loại"), self.get_kind_display()),
            (_("Thời kỳ"), year_span(self.year_from, self.year_to)),
            (_("Quyết định"), decision_text(self.decision_number, self.decision_date)),
            (_("Cơ quan ban hành"), self.issuer),
            (_("Tình hình thực hiện"), self.get_status_display() if self.status else ""),
        ]


class PlanIndexPage(PublicationIndexPage):
    item_model = "publications.PlanPage"
    subpage_types = ["publications.PlanPage"]
    filters = (
        YearFilter("nam", _("Năm"), "year_from", "year_to"),
        ChoiceFilter("loai", _("Loại"), "kind", tuple(PlanKind.choices)),
    )

    class Meta:
        verbose_name = _("chuyên mục chiến lược, kế hoạch, chương trình")


# ------------------------------------------------------------------ budget disclosure


class BudgetKind(models.TextChoices):
    ESTIMATE = "estimate", _("Dự toán ngân sách")
    QUARTER = "quarter", _("Tình hình thực hiện dự toán quý")
    HALF_YEAR = "half_year", _("Tình hình thực hiện dự toán 6 tháng")
    FINAL = "final", _("Quyết toán ngân sách")
    FINANCIAL_REPORT = "report", _("Báo cáo tài chính năm")


class BudgetDisclosurePage(DecisionMixin, PublicationPage):
    fiscal_year = models.PositiveSmallIntegerField(_("năm ngân sách"), validators=YEAR_VALIDATORS)
    kind = models.CharField(_("loại công khai"), max_length=12, choices=BudgetKind.choices)
    quarter = models.PositiveSmallIntegerField(
        _("quý"),
        null=True,
        blank=True,
        choices=[(n, _("Quý %(n)s") % {"n": ROMAN[n]}) for n in ROMAN],
        help_text=_("Chỉ cho báo cáo tình hình thực hiện dự toán quý."),
    )
    total_amount = VndAmountField(
        _("tổng số (đồng)"),
        null=True,
        blank=True,
        help_text=_("Tổng dự toán / quyết toán, tính bằng đồng; ví dụ 12.500.000.000."),
    )

    content_panels = PublicationPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("fiscal_year"), FieldPanel("kind"), FieldPanel("quarter")]
                ),
                FieldPanel("total_amount"),
                DecisionMixin.decision_panel,
            ],
            heading=_("Thông tin công khai ngân sách"),
        ),
        *PublicationPage.common_panels,
    ]
    search_fields = PublicationPage.search_fields + [index.SearchField("decision_number")]
    parent_page_types = ["publications.BudgetIndexPage"]

    class Meta:
        verbose_name = _("công khai ngân sách")
        verbose_name_plural = _("công khai ngân sách")

    def clean(self):
        super().clean()
        if self.kind == BudgetKind.QUARTER and not self.quarter:
            raise ValidationError({"quarter": _("Hãy chọn quý của báo cáo thực hiện dự toán quý.")})
        if self.kind != BudgetKind.QUARTER and self.quarter:
            raise ValidationError({"quarter": _("Chỉ chọn quý cho báo cáo thực hiện dự toán quý.")})

    def facts(self):
        period = str(self.fiscal_year or "")
        if self.quarter:
            period = f"Quý {ROMAN[self.quarter]}/{self.fiscal_year}"
        amount = format_number(self.total_amount) + " đồng" if self.total_amount is not None else ""
        return [
            (_("Loại"), self.get_kind_display()),
            (_("Năm ngân sách"), period),
            (_("Tổng số"), amount),
            (_("Quyết định"), decision_text(self.decision_number, self.decision_date)),
        ]


class BudgetIndexPage(PublicationIndexPage):
    item_model = "publications.BudgetDisclosurePage"
    subpage_types = ["publications.BudgetDisclosurePage"]
    filters = (
        YearFilter("nam", _("Năm ngân sách"), "fiscal_year"),
        ChoiceFilter("loai", _("Loại"), "kind", tuple(BudgetKind.choices)),
    )

    class Meta:
        verbose_name = _("chuyên mục công khai ngân sách")


# ------------------------------------------------------------------ sector statistics


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Năm")


PERIOD_LIMITS = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF_YEAR: 2}


class StatisticsPage(PublicationPage):
    sector = models.CharField(
        _("lĩnh vực"), max_length=255, help_text=_("Ví dụ: Bưu chính, Viễn thông, Chuyển đổi số")
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    period_kind = models.CharField(
        _("kỳ số liệu"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    period_number = models.PositiveSmallIntegerField(
        _("số kỳ"),
        null=True,
        blank=True,
        help_text=_("Tháng 1–12, quý 1–4, 6 tháng đầu năm 1 hoặc cuối năm 2; để trống cho cả năm."),
    )
    source = models.CharField(_("nguồn số liệu"), max_length=255, blank=True)

    content_panels = PublicationPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("sector"),
                FieldRowPanel(
                    [FieldPanel("year"), FieldPanel("period_kind"), FieldPanel("period_number")]
                ),
                FieldPanel("source"),
            ],
            heading=_("Kỳ và lĩnh vực thống kê"),
            help_text=_("Bảng chỉ tiêu: thêm khối “Bảng” trong nội dung, hoặc đính kèm tệp XLSX."),
        ),
        *PublicationPage.common_panels,
    ]
    search_fields = PublicationPage.search_fields + [index.SearchField("sector")]
    parent_page_types = ["publications.StatisticsIndexPage"]

    class Meta:
        verbose_name = _("số liệu thống kê")
        verbose_name_plural = _("số liệu thống kê")

    def clean(self):
        super().clean()
        limit = PERIOD_LIMITS.get(self.period_kind)
        if limit is None:
            if self.period_number:
                raise ValidationError({"period_number": _("Số liệu cả năm không có số kỳ.")})
            return
        if not self.period_number or self.period_number > limit:
            message = _("Kỳ %(kind)s phải là một số từ 1 đến %(limit)s.") % {
                "kind": self.get_period_kind_display().lower(),
                "limit": limit,
            }
            raise ValidationError({"period_number": message})

    @property
    def period_label(self) -> str:
        if self.period_kind == PeriodKind.MONTH:
            return f"Tháng {self.period_number}/{self.year}"
        if self.period_kind == PeriodKind.QUARTER:
            return f"Quý {ROMAN.get(self.period_number, '')}/{self.year}"
        if self.period_kind == PeriodKind.HALF_YEAR:
            half = "đầu" if self.period_number == 1 else "cuối"
            return f"6 tháng {half} năm {self.year}"
        return f"Năm {self.year}"

    def facts(self):
        return [
            (_("Lĩnh vực"), self.sector),
            (_("Kỳ số liệu"), self.period_label),
            (_("Nguồn số liệu"), self.source),
        ]


class StatisticsIndexPage(PublicationIndexPage):
    item_model = "publications.StatisticsPage"
    subpage_types = ["publications.StatisticsPage"]
    filters = (
        YearFilter("nam", _("Năm"), "year"),
        DistinctFilter("linh-vuc", _("Lĩnh vực"), "sector"),
        ChoiceFilter("ky", _("Kỳ số liệu"), "period_kind", tuple(PeriodKind.choices)),
    )

    class Meta:
        verbose_name = _("chuyên mục thống kê chuyên ngành")
