"""What the portal told whom, and when: one row per message (e-mail, SMS, Zalo) about a dossier
event, and one per officer's daily digest. Kept like the events: the record that the citizen was
told, or why they were not (the mail server's error)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    event = models.ForeignKey(
        "dossiers.Event",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    channel = models.CharField(_("kênh"), max_length=20)
    to = models.CharField(_("người nhận"), max_length=255)
    subject = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    # What makes a message unique ("event:<id>:<channel>", "digest:<date>:<user id>"): a task
    # retried or a digest run twice the same day finds the row and sends nothing more.
    key = models.CharField(max_length=120, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("thông báo đã gửi")
        verbose_name_plural = _("thông báo đã gửi")

    def __str__(self) -> str:
        return f"{self.channel} → {self.to}: {self.subject}"
