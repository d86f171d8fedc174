from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)


class Comment(index.Indexed, models.Model):
    """A reader's comment. Stored and shown as plain text; visible only once approved."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    name = models.CharField(_("họ tên"), max_length=100)
    email = models.EmailField(_("thư điện tử"), max_length=254)
    text = models.TextField(_("nội dung"), max_length=3000)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True, db_index=True)
    # A keyed hash, not the address: enough to spot one source of spam, useless to identify anyone.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("thời gian duyệt"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()
    search_fields = [
        index.SearchField("text"),
        index.SearchField("name"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="comments_page_status_idx")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:50]}"


class SubmissionKey(models.Model):
    """The idempotency key of one comment form, claimed by the first post that used it.

    A reader whose answer was lost (timeout, a worker killed) sends the same form again: the
    unique key makes that a no-op answered like the first post. Kept a day after use
    (purged by the next post), long enough for any resend; `fingerprint` tells a resend from
    a different comment sent from a reused form.
    """

    key = models.CharField(max_length=32, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A keyed hash of name, email and text: compared, never read back.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.key
