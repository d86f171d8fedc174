"""The outbox of messages for the National Public Service Portal (issue 10, part 5).

One row per dossier event that the portal must hear about, written in the event's own
transaction (`outbox.on_event_recorded`), then sent by `sender.drain()` in order per dossier.
Another part (Decision 766 index) counts "dossiers synchronised" as dossiers with a message in
state "acknowledged": keep that value and `acknowledged_at`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    # The national service names (public descriptions of the portal's integration API).
    SYNC = "DongBoHoSoMC", _("Đồng bộ hồ sơ (DongBoHoSoMC)")
    PROGRESS = "CapNhatTienDoHoSoMC", _("Cập nhật tiến độ (CapNhatTienDoHoSoMC)")


class State(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    FAILED = "failed", _("Gửi lỗi")
    ACKNOWLEDGED = "acknowledged", _("Cổng quốc gia đã nhận")
    ABANDONED = "abandoned", _("Đã bỏ qua")


class OutboxMessage(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.PROTECT,
        related_name="national_messages",
        verbose_name=_("hồ sơ"),
    )
    event = models.ForeignKey(
        "dossiers.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sự kiện"),
    )
    kind = models.CharField(_("loại bản tin"), max_length=24, choices=Kind.choices)
    payload = models.JSONField(_("nội dung gửi"), default=dict)
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveIntegerField(_("số lần gửi"), default=0)
    # When the next try is due (backoff); a pending message is sent once this has passed.
    next_attempt_at = models.DateTimeField(_("lần gửi tiếp theo"), null=True, blank=True)
    # While "sending": the moment a crashed drainer's claim is considered stale.
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    sent_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("thời điểm được xác nhận"), null=True, blank=True)

    class Meta:
        ordering = ["dossier_id", "id"]
        verbose_name = _("bản tin đồng bộ")
        verbose_name_plural = _("bản tin đồng bộ")
        indexes = [
            # The drain: messages not yet acknowledged, by state and due time.
            models.Index(fields=["state", "next_attempt_at"], name="nationalsync_due_idx"),
            # Order per dossier (the head of each dossier's queue) and the 766 count of
            # acknowledged dossiers.
            models.Index(fields=["dossier", "state", "id"], name="nationalsync_dossier_idx"),
        ]
        # Installation admins only (superusers have it; grant it to a group to share the work).
        permissions = [
            ("manage_national_sync", _("Quản lý đồng bộ Cổng DVC quốc gia (gửi lại, bỏ qua)"))
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk}"


class ResendLog(models.Model):
    """Who asked for which message to be sent again (or abandoned it), and when (admins only)."""

    class Action(models.TextChoices):
        RESEND = "resend", _("Gửi lại")
        ABANDON = "abandon", _("Bỏ qua")

    action = models.CharField(max_length=10, choices=Action.choices, default=Action.RESEND)
    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="resends")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    user_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    previous_state = models.CharField(max_length=12, choices=State.choices)
    previous_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.user_name} → #{self.message_id}"
