"""Reminders and escalations of dossier deadlines (docs/reminders.md).

A `Reminder` is the record that one rule fired for one occurrence of a deadline: a step due
within one working day (its assignee is reminded), a step overdue (the agency's leaders are
told), or a supplement request left unanswered past its deadline (the dossier is stopped). The
unique constraint on (dossier, kind, occurrence) is what makes `send_reminders` idempotent: two
runs, or two workers at once, insert one row, and only the run that inserted it acts.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Kind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn bước xử lý")
    OVERDUE = "overdue", _("Quá hạn bước xử lý (báo lãnh đạo)")
    SUPPLEMENT_EXPIRED = "supplement_expired", _("Quá hạn bổ sung, dừng xử lý")


class Reminder(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.PROTECT,
        related_name="reminders",
    )
    # The dossier's agency when the rule fired: the listing filters and limits by it.
    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    # Which occurrence of the deadline: "<step code>@<step started, UTC ISO>" for a step (a
    # step entered again after a send-back is a new occurrence), "supplement:<id>" for a
    # supplement request.
    occurrence = models.CharField(max_length=120)
    step_code = models.CharField(_("mã bước"), max_length=40, blank=True)
    # With step_code, the occurrence in columns: rules.py skips dossiers already reminded in SQL
    # instead of inserting (and failing) again every run.
    step_started_at = models.DateTimeField(null=True, blank=True)
    step_name = models.CharField(_("bước"), max_length=255, blank=True)
    due_at = models.DateTimeField(_("hạn"))
    supplement = models.ForeignKey(
        "dossiers.SupplementRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expiry_reminders",
    )
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("lập lúc"))
    # Set by the worker that took the row (a conditional UPDATE): a second worker leaves it.
    claimed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    outcome = models.TextField(_("kết quả"), blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    event = models.ForeignKey(
        "dossiers.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("nhắc việc")
        verbose_name_plural = _("nhắc việc và cảnh báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "kind", "occurrence"], name="reminders_once_per_occurrence"
            )
        ]
        indexes = [
            models.Index(fields=["agency", "-created_at"], name="reminders_agency_idx"),
            models.Index(fields=["done_at", "claimed_at"], name="reminders_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier} — {self.get_kind_display()}"


class SupplementDeadline(models.Model):
    """A procedure's own time for the applicant to supplement, overriding
    settings.SUPPLEMENT_DEADLINE_WORKING_DAYS (the dossiers app's SupplementRequest has no
    deadline of its own)."""

    procedure = models.OneToOneField(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        on_delete=models.CASCADE,
        related_name="supplement_deadline",
    )
    working_days = models.PositiveSmallIntegerField(
        _("hạn bổ sung (ngày làm việc)"),
        help_text=_("0: không tự động dừng xử lý hồ sơ của thủ tục này."),
    )
    legal_basis = models.CharField(
        _("căn cứ"),
        max_length=500,
        blank=True,
        help_text=_("Văn bản quy định thời hạn bổ sung của thủ tục (nếu có)."),
    )

    panels = [FieldPanel("procedure"), FieldPanel("working_days"), FieldPanel("legal_basis")]

    class Meta:
        verbose_name = _("hạn bổ sung hồ sơ theo thủ tục")
        verbose_name_plural = _("hạn bổ sung hồ sơ theo thủ tục")

    def __str__(self) -> str:
        return f"{self.procedure} — {self.working_days}"
