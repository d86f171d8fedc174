"""A dossier (hồ sơ) and its records: files, events (the process-control sheet), supplement
requests, apologies, generated slips, rating, and the per-agency-day counter behind its code.

Nothing here is ever deleted by the application: a dossier is refused, withdrawn, stopped or
finished, and its events only grow. The national status is a django-fsm-2 field whose transitions
(in this file) are the only way it changes; services.py decides who may call them.
"""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMIntegerField, transition

from congso.dossiers.status import Channel, Status

# Before receipt a dossier is the applicant's; after it the clock runs.
BEFORE_RECEIPT = [Status.SUBMITTED]
ACTIVE = [Status.RECEIVED, Status.PROCESSING]


class PrivateStorage(LazyObject):
    """Dossier files live outside MEDIA_ROOT's public tree and are only ever served by a view
    that checks who asks (docs/decisions/0006)."""

    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=str(settings.PRIVATE_MEDIA_ROOT / "dossiers"), base_url=None
        )


_private_storage = PrivateStorage()


def private_storage():
    """A callable, so migrations name this function instead of baking in the folder of the
    machine that made them (PRIVATE_MEDIA_ROOT differs per installation)."""
    return _private_storage


class Dossier(ConcurrentTransitionMixin, models.Model):
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    workflow = models.ForeignKey(
        "dossiers.Workflow", on_delete=models.PROTECT, related_name="dossiers"
    )
    channel = models.PositiveSmallIntegerField(
        _("kênh nộp"), choices=Channel.choices, default=Channel.ONLINE
    )
    code = models.CharField(_("mã hồ sơ"), max_length=80, unique=True, null=True, blank=True)
    # Given at submission, before any code exists: what the applicant quotes until receipt.
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người nộp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    applicant_name = models.CharField(_("họ tên người nộp"), max_length=255)
    applicant_id_number = models.CharField(_("số định danh cá nhân"), max_length=20, blank=True)
    applicant_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    form_data = models.JSONField(_("dữ liệu tờ khai"), default=dict, blank=True)

    status = FSMIntegerField(
        _("trạng thái"), choices=Status.choices, default=Status.DRAFT, protected=True
    )
    # The status a supplement request interrupted (1 before receipt, 2 or 4 after).
    status_before_supplement = models.PositiveSmallIntegerField(null=True, blank=True)
    # The status a payment request interrupted (2 or 4), restored when the fees are paid.
    status_before_payment = models.PositiveSmallIntegerField(null=True, blank=True)
    current_step = models.CharField(_("bước hiện tại"), max_length=40, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đang xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_dossiers",
    )

    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    legal_due_at = models.DateTimeField(_("hạn theo quy định"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn trả kết quả"), null=True, blank=True)
    paused_at = models.DateTimeField(_("tạm dừng từ"), null=True, blank=True)
    step_started_at = models.DateTimeField(null=True, blank=True)
    step_due_at = models.DateTimeField(_("hạn của bước"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xử lý xong lúc"), null=True, blank=True)
    returned_at = models.DateTimeField(_("trả kết quả lúc"), null=True, blank=True)

    result_number = models.CharField(_("số, ký hiệu kết quả"), max_length=100, blank=True)
    result_date = models.DateField(_("ngày ban hành kết quả"), null=True, blank=True)
    result_signer = models.CharField(_("người ký kết quả"), max_length=255, blank=True)
    result_note = models.TextField(_("ghi chú kết quả"), blank=True)

    # Set by the client to make a double-clicked or retried submission create one dossier.
    submission_key = models.CharField(max_length=64, blank=True, editable=False)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    # Set when the retention period ended and the applicant's personal data was replaced
    # (congso.retention); the figures of the dossier stay.
    anonymised_at = models.DateTimeField(_("ẩn danh hóa lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["agency", "status", "due_at"], name="dossier_queue_idx"),
            models.Index(fields=["agency", "-submitted_at"], name="dossier_agency_submitted_idx"),
            # "Chờ tiếp nhận" (status 1, oldest first): without it PostgreSQL walks the agency's
            # whole history by date (benchmarks/dossiers_bench.py: 18 ms → 0.3 ms at 15,000).
            models.Index(
                fields=["agency", "status", "submitted_at"], name="dossier_agency_status_sub_idx"
            ),
            models.Index(fields=["assignee", "status"], name="dossier_assignee_idx"),
            models.Index(fields=["owner", "-created_at"], name="dossier_owner_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="dossier_owner_submission_key",
            )
        ]
        permissions = [("process_dossier", _("Giải quyết hồ sơ (một cửa, chuyên viên, lãnh đạo)"))]

    def __str__(self) -> str:
        return self.code or f"{_('Hồ sơ')} #{self.pk}"

    @property
    def status_text(self) -> str:
        from congso.dossiers.status import citizen_text

        return citizen_text(self.status)

    # The national status graph. Each method only moves the status: the service that calls it
    # has already checked who acts, at which step, and records the event.
    @transition(field=status, source=Status.DRAFT, target=Status.SUBMITTED)
    def mark_submitted(self):
        pass

    @transition(field=status, source=BEFORE_RECEIPT, target=Status.RECEIVED)
    def mark_received(self):
        pass

    @transition(
        field=status,
        source=BEFORE_RECEIPT + [Status.SUPPLEMENT],
        target=Status.REFUSED,
        conditions=[lambda dossier: not dossier.received_at],
    )
    def mark_refused(self):
        """Only a dossier never received (also one waiting for a supplement asked at the desk)."""

    @transition(field=status, source=BEFORE_RECEIPT + ACTIVE, target=Status.SUPPLEMENT)
    def mark_supplement_requested(self):
        self.status_before_supplement = self.status

    @transition(
        field=status,
        source=Status.SUPPLEMENT,
        target=GET_STATE(
            lambda dossier: dossier.status_before_supplement or Status.SUBMITTED,
            states=[Status.SUBMITTED, Status.RECEIVED, Status.PROCESSING],
        ),
    )
    def mark_supplemented(self):
        """Back to the status the request interrupted."""

    @transition(field=status, source=ACTIVE, target=Status.PAYMENT)
    def mark_payment_requested(self):
        self.status_before_payment = self.status

    @transition(
        field=status,
        source=Status.PAYMENT,
        target=GET_STATE(
            lambda dossier: dossier.status_before_payment or Status.PROCESSING,
            states=[Status.RECEIVED, Status.PROCESSING],
        ),
    )
    def mark_paid(self):
        """Back to the status the payment request interrupted (congso.payments)."""

    @transition(field=status, source=ACTIVE, target=Status.PROCESSING)
    def mark_processing(self):
        pass

    @transition(field=status, source=ACTIVE, target=Status.DONE)
    def mark_done(self):
        pass

    @transition(field=status, source=Status.DONE, target=Status.RETURNED)
    def mark_returned(self):
        pass

    @transition(
        field=status, source=ACTIVE + [Status.SUPPLEMENT, Status.PAYMENT], target=Status.STOPPED
    )
    def mark_stopped(self):
        pass

    @transition(
        field=status,
        source=BEFORE_RECEIPT + ACTIVE + [Status.SUPPLEMENT, Status.PAYMENT],
        target=Status.WITHDRAWN,
    )
    def mark_withdrawn(self):
        pass

    @transition(
        field=status,
        source=[Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.DONE, Status.RETURNED],
        target=Status.PROCESSING,
    )
    def mark_reopened(self):
        pass


class DossierFile(models.Model):
    class Kind(models.TextChoices):
        COMPONENT = "component", _("Thành phần hồ sơ")
        SUPPLEMENT = "supplement", _("Bổ sung")
        RESULT = "result", _("Kết quả")

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="files")
    component = models.ForeignKey(
        "procedures.Component",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossier_files",
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.COMPONENT)
    file = models.FileField(storage=private_storage, upload_to="%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # A newer file for the same component replaces this one for reading; this one is kept.
    superseded = models.BooleanField(default=False)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("tệp hồ sơ")
        verbose_name_plural = _("tệp hồ sơ")

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """One row of the process-control sheet (form 05) and of the audit trail."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    actor_name = models.CharField(max_length=255, blank=True)
    role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=30)
    from_status = models.PositiveSmallIntegerField(null=True)
    to_status = models.PositiveSmallIntegerField(null=True)
    from_step = models.CharField(max_length=40, blank=True)
    to_step = models.CharField(max_length=40, blank=True)
    step_due_at = models.DateTimeField(null=True, blank=True)
    # early / on_time / late for the step this event finished (blank when not timed).
    punctuality = models.CharField(max_length=10, blank=True)
    note = models.TextField(blank=True)
    # Whether the applicant sees this row in their history (internal notes stay internal).
    public = models.BooleanField(default=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("nhật ký xử lý")
        verbose_name_plural = _("nhật ký xử lý")

    def __str__(self) -> str:
        return f"{self.dossier} {self.action} {self.at:%H:%M %d/%m/%Y}"


class SupplementRequest(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="supplements")
    requested_at = models.DateTimeField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    # True when asked after receipt: the clock stood still until completion.
    pauses_clock = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier} {self.requested_at:%d/%m/%Y}"


class Apology(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="apologies")
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    old_due_at = models.DateTimeField()
    new_due_at = models.DateTimeField()
    reason = models.TextField()

    class Meta:
        constraints = [
            # Once per dossier (SERVICES.md rule 7).
            models.UniqueConstraint(fields=["dossier"], name="dossiers_apology_once")
        ]

    def __str__(self) -> str:
        return f"{self.dossier} → {self.new_due_at:%d/%m/%Y}"


class Slip(models.Model):
    """A generated form (01–05) as issued; regenerated forms are new rows."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="slips")
    form = models.CharField(max_length=2)
    file = models.FileField(storage=private_storage, upload_to="slips/%Y/%m/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier} {self.form}"


class Rating(models.Model):
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="rating")
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="dossiers_rating_score_1_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dossier} {self.score}/5"


class DossierCounter(models.Model):
    """The running number of the dossier code, per agency per Vietnam day. Incremented under a
    row lock (PostgreSQL) or the database write lock (SQLite): never max()+1."""

    agency = models.ForeignKey("organisation.Agency", on_delete=models.CASCADE)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="dossiers_counter_agency_day")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day} {self.last}"
