from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """What the public search knows about one published, public page.

    The row holds the display and filter fields; the full-text representation lives next to it
    in the backend's own structure (an FTS5 table on SQLite, a `vector` tsvector column with a
    GIN index on PostgreSQL), both created by migration 0002 for the current database only.
    """

    page_id = models.PositiveIntegerField(primary_key=True)
    type = models.CharField(_("loại"), max_length=20, db_index=True)
    type_label = models.CharField(_("tên loại"), max_length=50)
    title = models.CharField(_("tiêu đề"), max_length=500)
    code = models.CharField(_("số/ký hiệu"), max_length=100, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    date = models.DateTimeField(_("ngày"), null=True, blank=True, db_index=True)
    category = models.CharField(_("chuyên mục"), max_length=255, blank=True)
    category_slug = models.SlugField(
        _("đường dẫn chuyên mục"), max_length=255, blank=True, db_index=True
    )
    category_page_id = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    url = models.CharField(_("đường dẫn"), max_length=1000)
    tree_path = models.CharField(max_length=255, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục chỉ mục tìm kiếm")
        verbose_name_plural = _("chỉ mục tìm kiếm")

    def __str__(self) -> str:
        return self.title
