from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyStat(models.Model):
    """Site-wide counters per day, written only by the batched flush."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("ngày"))
    visits = models.PositiveIntegerField(_("lượt truy cập"), default=0)
    article_views = models.PositiveIntegerField(_("lượt đọc tin"), default=0)

    class Meta:
        verbose_name = _("thống kê ngày")
        verbose_name_plural = _("thống kê ngày")
        constraints = [
            models.UniqueConstraint(fields=["site", "date"], name="analytics_daily_unique")
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.visits}"


class FlushedBatch(models.Model):
    """Batches of cached counters already added to the database.

    Written in the same transaction as the counts, so a flush that dies after committing
    but before deleting the batch from the cache does not count it twice.
    """

    batch_id = models.CharField(max_length=32, unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("lô đã ghi")
        verbose_name_plural = _("lô đã ghi")

    def __str__(self) -> str:
        return self.batch_id
