"""Results of online public services, kept ready to read (SERVICES.md; issue 10, part 1 and 8).

- `DossierFact`: one row per dossier with what the figures need, recomputed from the dossier
  on each of its events. Its `contributions()` say which day counters it adds to.
- `AgencyDay`: counters per agency and day, moved by the difference between a fact's old and
  new contributions. A period's figures are a sum over its days: no scan of the dossiers.

"In progress" is a stock, not a flow: the day rows hold its daily change (`in_progress_delta`,
`overdue_delta`), so the number in progress at the end of day D is the sum of the deltas up to D.
`manage.py rebuild_service_stats` recomputes everything from the dossiers (and a test proves the
kept figures equal a full recount).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    IN_PROGRESS = "", _("Đang giải quyết")
    EARLY = "early", _("Trước hạn")
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Quá hạn")
    REFUSED = "refused", _("Không được tiếp nhận")
    WITHDRAWN = "withdrawn", _("Rút hồ sơ")
    STOPPED = "stopped", _("Dừng xử lý")


# The counters of one agency-day, in the order the API and CSV list them.
COUNTERS = (
    "received",
    "received_online",
    "received_in_person",
    "received_postal",
    "received_fully_online",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "supplement_requested",
    "refused",
    "withdrawn",
    "stopped",
    "processing_seconds",
    "processing_count",
    "rating_count",
    "rating_sum",
    "rating_satisfied",
    "fee_bearing",
    "paid_online",
    "electronic_result",
    "in_progress_delta",
    "overdue_delta",
)


class DossierFact(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier", on_delete=models.CASCADE, primary_key=True, related_name="fact"
    )
    agency = models.ForeignKey("organisation.Agency", on_delete=models.PROTECT, related_name="+")
    procedure = models.ForeignKey(
        "procedures.Procedure", on_delete=models.PROTECT, related_name="+"
    )
    channel = models.PositiveSmallIntegerField()
    fully_online = models.BooleanField(default=False)
    received_on = models.DateField(null=True)
    due_on = models.DateField(null=True)
    # The legal due instant (an apology's new appointment does not move it): "overdue now"
    # counts the open dossiers due earlier today from the facts alone, without the dossiers.
    due_at = models.DateTimeField(null=True)
    settled_at = models.DateTimeField(null=True)
    settled_on = models.DateField(null=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    # Working time from receipt to settlement, pauses for a supplement excluded.
    processing_seconds = models.PositiveBigIntegerField(null=True)
    supplement_on = models.DateField(null=True)
    rating = models.PositiveSmallIntegerField(null=True)
    rated_on = models.DateField(null=True)
    fee_bearing = models.BooleanField(default=False)
    paid_online_on = models.DateField(null=True)
    electronic_result = models.BooleanField(default=False)
    is_sample = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu hồ sơ")
        verbose_name_plural = _("số liệu hồ sơ")
        indexes = [
            models.Index(fields=["agency", "settled_on"], name="fact_agency_settled_idx"),
            # Only sample rows (a few thousand in a demo, none in production): "does this period
            # include sample dossiers?" on the results page is an index probe, not a scan.
            models.Index(
                fields=["agency", "received_on"],
                name="fact_sample_idx",
                condition=models.Q(is_sample=True),
            ),
            # Dossiers still open by their due day and instant: "overdue now" corrects today's
            # count with those due later today (querysets.stock_at) from this index alone.
            models.Index(
                fields=["due_on", "due_at", "agency"],
                name="fact_open_due_idx",
                condition=models.Q(outcome=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.get_outcome_display()}"


class AgencyDay(models.Model):
    agency = models.ForeignKey("organisation.Agency", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    received = models.IntegerField(default=0)
    received_online = models.IntegerField(default=0)
    received_in_person = models.IntegerField(default=0)
    received_postal = models.IntegerField(default=0)
    received_fully_online = models.IntegerField(default=0)
    finished_early = models.IntegerField(default=0)
    finished_on_time = models.IntegerField(default=0)
    finished_late = models.IntegerField(default=0)
    supplement_requested = models.IntegerField(default=0)
    refused = models.IntegerField(default=0)
    withdrawn = models.IntegerField(default=0)
    stopped = models.IntegerField(default=0)
    processing_seconds = models.BigIntegerField(default=0)
    processing_count = models.IntegerField(default=0)
    rating_count = models.IntegerField(default=0)
    rating_sum = models.IntegerField(default=0)
    rating_satisfied = models.IntegerField(default=0)
    fee_bearing = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    electronic_result = models.IntegerField(default=0)
    in_progress_delta = models.IntegerField(default=0)
    overdue_delta = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu theo ngày")
        verbose_name_plural = _("số liệu theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="servicestats_agency_day")
        ]
        indexes = [models.Index(fields=["day", "agency"], name="agencyday_day_idx")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day:%d/%m/%Y}"
