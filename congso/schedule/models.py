"""The leaders' weekly work schedule (lịch công tác tuần): one page per site, entries hang off it.

Entries are rows, not pages: the office adds and reschedules dozens a week, and a page revision
and review for each would be far too heavy. They are live as soon as they are saved; the
schedule page itself goes through the normal review workflow.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.search import index

from congso.core.models import BasePage

# Wagtail serves only addresses of word characters and slashes ending in "/", so the .ics
# files are at ical/ and ical/2026-W49/ (their download name still ends in .ics).
WEEK_PATTERN = r"(?P<week>\d{4}-W\d{2})"


class SchedulePage(RoutablePageMixin, BasePage):
    """Lịch công tác: this week and next week, any earlier week (?tuan=2026-W49), a print view
    and iCalendar (one week, or a feed to subscribe to)."""

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=2000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang lịch công tác")
        verbose_name_plural = _("trang lịch công tác")

    def search_payload(self) -> dict:
        return {
            "title": self.title,
            "code": "",
            "body": self.intro,
            "date": None,
            "type": "page",
            "type_label": "Trang",
            "category": "",
        }

    def get_meta_description(self) -> str:
        return self.search_description or self.intro or "Lịch công tác tuần của lãnh đạo cơ quan."

    @path("", name="index")
    def week_view(self, request):
        from congso.schedule import views

        return views.schedule_page(request, self)

    @path("ban-in/", name="print")
    def print_view(self, request):
        from congso.schedule import views

        return views.schedule_print(request, self)

    @path("ical/", name="feed")
    def ical_feed(self, request):
        from congso.schedule import views

        return views.ical_feed(request, self)

    @re_path(rf"^ical/{WEEK_PATTERN}/$", name="week_ics")
    def ical_week(self, request, week):
        from congso.schedule import views

        return views.ical_week(request, self, week)


class ScheduleEntry(models.Model):
    """One engagement of a leader. Times are the portal's local time (settings.TIME_ZONE)."""

    page = models.ForeignKey(
        SchedulePage,
        verbose_name=_("trang lịch công tác"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    day = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(
        _("giờ kết thúc"), null=True, blank=True, help_text=_("Bỏ trống nếu chưa rõ.")
    )
    content = models.TextField(_("nội dung"), max_length=2000)
    leader = models.CharField(
        _("lãnh đạo chủ trì/dự"),
        max_length=255,
        help_text=_("Chức danh, ví dụ “Giám đốc Sở”, “Phó Giám đốc Sở phụ trách”."),
    )
    official = models.ForeignKey(
        "organisation.Official",
        verbose_name=_("cán bộ (trong danh bạ)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schedule_entries",
        help_text=_("Không bắt buộc: liên kết tới cán bộ trong danh bạ cơ quan."),
    )
    place = models.CharField(_("địa điểm"), max_length=255)
    participants = models.TextField(_("thành phần"), blank=True, max_length=1000)
    preparing_unit = models.CharField(_("đơn vị chuẩn bị"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True, max_length=1000)
    cancelled = models.BooleanField(
        _("hoãn/hủy"), default=False, help_text=_("Giữ lại trên lịch, đánh dấu là hoãn/hủy.")
    )
    # Set when the day, time, place, content or leader changed after the entry was first saved,
    # so readers see "Điều chỉnh" and calendar clients replace their copy (SEQUENCE).
    changed_at = models.DateTimeField(_("điều chỉnh lúc"), null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    # Changes to these are "điều chỉnh" a reader must notice; a typo in the notes is not.
    SIGNIFICANT_FIELDS = (
        "day",
        "start_time",
        "end_time",
        "place",
        "content",
        "leader",
        "cancelled",
    )

    panels = [
        FieldPanel("page"),
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("leader"), FieldPanel("official")]),
        FieldPanel("place"),
        FieldPanel("participants"),
        MultiFieldPanel(
            [FieldPanel("preparing_unit"), FieldPanel("notes"), FieldPanel("cancelled")],
            heading=_("Thông tin thêm"),
        ),
    ]
    search_fields = [index.SearchField("content"), index.SearchField("leader")]

    class Meta:
        ordering = ["day", "start_time", "pk"]
        indexes = [models.Index(fields=["page", "day"])]
        verbose_name = _("mục lịch công tác")
        verbose_name_plural = _("lịch công tác")

    def __str__(self) -> str:
        return f"{self.start_time:%H:%M} {self.day:%d/%m/%Y} – {self.leader}: {self.content[:60]}"

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")}, code="end_before_start"
            )
        for name in ("content", "leader", "place"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise ValidationError({name: _("Trường này không được để trống.")}, code="blank")
