"""Recruitment notices (thông báo tuyển dụng): positions, numbers, deadline, how to apply."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from congso.core.text import format_datetime, format_number
from congso.publications.filters import DeadlineFilter, YearFilter
from congso.publications.models.base import PublicationIndexPage, PublicationPage


class RecruitmentMethod(models.TextChoices):
    EXAM = "exam", _("Thi tuyển")
    SELECTION = "selection", _("Xét tuyển")
    CONTRACT = "contract", _("Hợp đồng lao động")


class RecruitmentPage(PublicationPage):
    recruiting_unit = models.CharField(_("đơn vị tuyển dụng"), max_length=255)
    method = models.CharField(
        _("hình thức tuyển dụng"), max_length=10, choices=RecruitmentMethod.choices
    )
    apply_deadline = models.DateTimeField(
        _("hạn nộp hồ sơ"), help_text=_("Sau thời điểm này danh sách ghi “hết hạn”.")
    )
    how_to_apply = models.TextField(
        _("cách thức nộp hồ sơ"),
        help_text=_("Hồ sơ gồm những gì, nộp trực tiếp hay qua bưu chính, lệ phí nếu có."),
    )
    where_to_apply = models.CharField(_("nơi nhận hồ sơ"), max_length=500, blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ của cơ quan"), max_length=64, blank=True)

    deadline_field = "apply_deadline"
    extra_template = "publications/includes/positions.html"
    content_panels = PublicationPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("recruiting_unit"), FieldPanel("method")]),
                FieldPanel("apply_deadline"),
                FieldPanel("how_to_apply"),
                FieldRowPanel([FieldPanel("where_to_apply"), FieldPanel("contact_phone")]),
            ],
            heading=_("Thông tin tuyển dụng"),
        ),
        InlinePanel("positions", heading=_("Vị trí cần tuyển"), label=_("vị trí"), min_num=1),
        *PublicationPage.common_panels,
    ]
    search_fields = PublicationPage.search_fields + [
        index.SearchField("recruiting_unit"),
        index.SearchField("how_to_apply"),
        index.FilterField("apply_deadline"),
    ]
    parent_page_types = ["publications.RecruitmentIndexPage"]

    class Meta:
        verbose_name = _("thông báo tuyển dụng")
        verbose_name_plural = _("thông báo tuyển dụng")

    @property
    def total_positions(self) -> int:
        return sum(position.number or 0 for position in self.positions.all())

    def facts(self):
        return [
            (_("Hạn nộp hồ sơ"), format_datetime(self.apply_deadline)),
            (_("Số lượng cần tuyển"), format_number(self.total_positions) + " người"),
            (_("Đơn vị tuyển dụng"), self.recruiting_unit),
            (_("Hình thức"), self.get_method_display()),
            (_("Nơi nhận hồ sơ"), self.where_to_apply),
            (_("Điện thoại liên hệ"), self.contact_phone),
        ]

    def search_payload(self) -> dict:
        payload = super().search_payload()
        positions = "\n".join(f"{p.title}: {p.requirements}" for p in self.positions.all())
        payload["body"] = "\n".join(filter(None, [payload["body"], self.how_to_apply, positions]))
        return payload


class RecruitmentPosition(Orderable):
    page = ParentalKey(RecruitmentPage, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("vị trí việc làm"), max_length=255)
    number = models.PositiveSmallIntegerField(
        _("số lượng"),
        validators=[
            MinValueValidator(1, message=_("Số lượng cần tuyển ít nhất là 1.")),
            MaxValueValidator(9999, message=_("Số lượng cần tuyển tối đa 9.999.")),
        ],
    )
    requirements = models.TextField(
        _("yêu cầu"), blank=True, help_text=_("Trình độ, chuyên ngành, kinh nghiệm, chứng chỉ.")
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("number")]),
        FieldPanel("requirements"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("vị trí cần tuyển")
        verbose_name_plural = _("vị trí cần tuyển")


class RecruitmentIndexPage(PublicationIndexPage):
    item_model = "publications.RecruitmentPage"
    subpage_types = ["publications.RecruitmentPage"]
    filters = (
        DeadlineFilter("han", _("Thời hạn"), "apply_deadline"),
        YearFilter("nam", _("Năm"), "date"),
    )

    class Meta:
        verbose_name = _("chuyên mục tuyển dụng")
