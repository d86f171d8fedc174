"""Working calendars: sessions per weekday and calendar days (days off, make-up working days).

A row without an agency belongs to the installation-wide default calendar. An agency with no
sessions of its own works the default sessions; an agency's calendar day replaces the default
row of the same date. See docs/calendar.md and docs/decisions/0005-agencies-and-calendar.md.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel

WEEKDAYS = [
    (0, _("Thứ Hai")),
    (1, _("Thứ Ba")),
    (2, _("Thứ Tư")),
    (3, _("Thứ Năm")),
    (4, _("Thứ Sáu")),
    (5, _("Thứ Bảy")),
    (6, _("Chủ nhật")),
]


class WorkingSession(models.Model):
    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="working_sessions",
        help_text=_("Để trống: lịch mặc định cho mọi cơ quan chưa khai báo phiên riêng."),
    )
    weekday = models.PositiveSmallIntegerField(_("thứ"), choices=WEEKDAYS)
    start = models.TimeField(_("bắt đầu"))
    end = models.TimeField(_("kết thúc"))

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start"), FieldPanel("end")]),
    ]

    class Meta:
        ordering = ["agency__identifier", "weekday", "start"]
        verbose_name = _("phiên làm việc")
        verbose_name_plural = _("phiên làm việc")

    def __str__(self) -> str:
        owner = self.agency.identifier if self.agency_id else _("mặc định")
        return f"{owner}: {self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self):
        if self.start is None or self.end is None:
            return
        if self.start >= self.end:
            raise ValidationError({"end": _("Giờ kết thúc phải sau giờ bắt đầu.")})
        overlapping = WorkingSession.objects.filter(
            agency_id=self.agency_id, weekday=self.weekday, start__lt=self.end, end__gt=self.start
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(_("Phiên này trùng giờ với một phiên khác cùng ngày."))


class CalendarDayForm(WagtailAdminModelForm):
    """Whatever the administrator saves is theirs: the holiday loader never overwrites it."""

    def save(self, commit=True):
        self.instance.source = CalendarDay.Source.ADMIN
        return super().save(commit=commit)


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        OFF = "off", _("Ngày nghỉ")
        WORKING = "working", _("Ngày làm việc (làm bù hoặc bỏ ngày nghỉ)")

    class Source(models.TextChoices):
        LIBRARY = "library", _("Nạp từ thư viện holidays")
        ADMIN = "admin", _("Quản trị viên")

    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_days",
        help_text=_("Để trống: áp dụng cho mọi cơ quan (lịch mặc định)."),
    )
    date = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.OFF)
    name = models.CharField(_("tên"), max_length=255, blank=True)
    source = models.CharField(
        _("nguồn"), max_length=10, choices=Source.choices, default=Source.ADMIN, editable=False
    )

    base_form_class = CalendarDayForm
    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("name"),
    ]

    class Meta:
        ordering = ["date", "agency__identifier"]
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "date"], name="dossiers_calendarday_agency_date"
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=models.Q(agency__isnull=True),
                name="dossiers_calendarday_default_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()} {self.name}".strip()

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError:
            raise ValidationError(_("Ngày này đã có trong lịch của cơ quan (hoặc lịch mặc định)."))
