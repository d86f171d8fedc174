"""Investment projects and bidding notices (dự án đầu tư, thông tin đấu thầu)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from congso.core.text import format_datetime, format_number
from congso.publications.fields import VndAmountField
from congso.publications.filters import ChoiceFilter, DeadlineFilter, YearFilter
from congso.publications.models.base import PublicationIndexPage, PublicationPage
from congso.publications.models.planning import (
    YEAR_VALIDATORS,
    DecisionMixin,
    decision_text,
    year_span,
)


def vnd(amount) -> str:
    return f"{format_number(amount)} đồng" if amount is not None else ""


class ProjectStatus(models.TextChoices):
    PREPARING = "preparing", _("Chuẩn bị đầu tư")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    COMPLETED = "completed", _("Đã hoàn thành")
    SUSPENDED = "suspended", _("Tạm dừng")


class ProjectPage(DecisionMixin, PublicationPage):
    investor = models.CharField(_("chủ đầu tư"), max_length=255)
    location = models.CharField(_("địa điểm thực hiện"), max_length=255)
    total_investment = VndAmountField(
        _("tổng mức đầu tư (đồng)"),
        null=True,
        blank=True,
        help_text=_("Tính bằng đồng; ví dụ 45.000.000.000."),
    )
    capital_source = models.CharField(_("nguồn vốn"), max_length=255, blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=12,
        choices=ProjectStatus.choices,
        default=ProjectStatus.PREPARING,
    )
    year_from = models.PositiveSmallIntegerField(
        _("khởi công (năm)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    year_to = models.PositiveSmallIntegerField(
        _("hoàn thành (năm)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    content_panels = PublicationPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("investor"), FieldPanel("location")]),
                FieldRowPanel([FieldPanel("total_investment"), FieldPanel("capital_source")]),
                FieldRowPanel(
                    [FieldPanel("status"), FieldPanel("year_from"), FieldPanel("year_to")]
                ),
                DecisionMixin.decision_panel,
            ],
            heading=_("Thông tin dự án"),
        ),
        *PublicationPage.common_panels,
    ]
    search_fields = PublicationPage.search_fields + [
        index.SearchField("investor"),
        index.SearchField("location"),
        index.SearchField("decision_number"),
    ]
    parent_page_types = ["publications.ProjectIndexPage"]

    class Meta:
        verbose_name = _("dự án đầu tư")
        verbose_name_plural = _("dự án đầu tư")

    def clean(self):
        super().clean()
        if self.year_from and self.year_to and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("Năm hoàn thành không được trước năm khởi công.")})

    def facts(self):
        return [
            (_("Chủ đầu tư"), self.investor),
            (_("Tổng mức đầu tư"), vnd(self.total_investment)),
            (_("Tình trạng"), self.get_status_display()),
            (_("Địa điểm"), self.location),
            (_("Nguồn vốn"), self.capital_source),
            (_("Thời gian thực hiện"), year_span(self.year_from, self.year_to)),
            (_("Quyết định phê duyệt"), decision_text(self.decision_number, self.decision_date)),
        ]


class ProjectIndexPage(PublicationIndexPage):
    item_model = "publications.ProjectPage"
    subpage_types = ["publications.ProjectPage"]
    filters = (
        ChoiceFilter("tinh-trang", _("Tình trạng"), "status", tuple(ProjectStatus.choices)),
        YearFilter("nam", _("Năm"), "year_from", "year_to"),
    )

    class Meta:
        verbose_name = _("chuyên mục dự án đầu tư")


class BiddingForm(models.TextChoices):
    OPEN = "open", _("Đấu thầu rộng rãi")
    LIMITED = "limited", _("Đấu thầu hạn chế")
    DIRECT = "direct", _("Chỉ định thầu")
    COMPETITIVE = "competitive", _("Chào hàng cạnh tranh")
    DIRECT_PURCHASE = "purchase", _("Mua sắm trực tiếp")
    SELF = "self", _("Tự thực hiện")


class BiddingNoticePage(PublicationPage):
    notice_number = models.CharField(
        _("số thông báo mời thầu"), max_length=100, blank=True, help_text=_("Ví dụ: IB2500012345")
    )
    package_name = models.CharField(_("tên gói thầu"), max_length=500)
    project = models.ForeignKey(
        ProjectPage,
        verbose_name=_("thuộc dự án"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bidding_notices",
    )
    bidding_form = models.CharField(
        _("hình thức lựa chọn nhà thầu"), max_length=12, choices=BiddingForm.choices
    )
    package_price = VndAmountField(
        _("giá gói thầu (đồng)"), null=True, blank=True, help_text=_("Ví dụ: 2.350.000.000.")
    )
    closing_at = models.DateTimeField(
        _("thời điểm đóng thầu"),
        help_text=_("Sau thời điểm này danh sách ghi “hết hạn”."),
    )
    how_to_submit = models.TextField(
        _("cách thức nộp hồ sơ dự thầu"),
        blank=True,
        help_text=_("Ví dụ: qua Hệ thống mạng đấu thầu quốc gia; nơi phát hành hồ sơ mời thầu."),
    )

    deadline_field = "closing_at"
    content_panels = PublicationPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("package_name"), FieldPanel("notice_number")]),
                FieldPanel("project"),
                FieldRowPanel([FieldPanel("bidding_form"), FieldPanel("package_price")]),
                FieldPanel("closing_at"),
                FieldPanel("how_to_submit"),
            ],
            heading=_("Thông tin gói thầu"),
        ),
        *PublicationPage.common_panels,
    ]
    search_fields = PublicationPage.search_fields + [
        index.SearchField("package_name"),
        index.SearchField("notice_number"),
        index.FilterField("closing_at"),
    ]
    parent_page_types = ["publications.BiddingIndexPage"]

    class Meta:
        verbose_name = _("thông báo mời thầu")
        verbose_name_plural = _("thông báo mời thầu")

    def reference(self) -> str:
        return self.notice_number

    def facts(self):
        return [
            (_("Gói thầu"), self.package_name),
            (_("Đóng thầu"), format_datetime(self.closing_at)),
            (_("Hình thức"), self.get_bidding_form_display()),
            (_("Giá gói thầu"), vnd(self.package_price)),
            (_("Số thông báo"), self.notice_number),
            (_("Thuộc dự án"), self.project.title if self.project_id else ""),
            (_("Cách thức nộp hồ sơ"), self.how_to_submit),
        ]


class BiddingIndexPage(PublicationIndexPage):
    item_model = "publications.BiddingNoticePage"
    subpage_types = ["publications.BiddingNoticePage"]
    filters = (
        DeadlineFilter("han", _("Thời hạn"), "closing_at"),
        ChoiceFilter("hinh-thuc", _("Hình thức"), "bidding_form", tuple(BiddingForm.choices)),
        YearFilter("nam", _("Năm"), "date"),
    )

    class Meta:
        verbose_name = _("chuyên mục thông tin đấu thầu")
