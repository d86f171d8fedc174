"""Editable vocabularies: document types, issuing agencies and fields (lĩnh vực).

They are data, not choices in code: agencies merge and get renamed (2025 reform) and each
portal uses its own list of types.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from congso.core.text import slugify_vi


class _Vocabulary(index.Indexed, models.Model):
    name = models.CharField(_("tên"), max_length=255, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name)[:255] or "muc"
        super().save(*args, **kwargs)


class DocumentType(_Vocabulary):
    """Luật, Nghị định, Quyết định, Báo cáo, Công văn …; `code` is the symbol part (BC, QĐ)."""

    code = models.CharField(
        _("ký hiệu viết tắt"),
        max_length=20,
        blank=True,
        help_text=_("Phần viết tắt trong số ký hiệu, ví dụ BC cho Báo cáo, QĐ cho Quyết định."),
    )

    panels = _Vocabulary.panels + [FieldPanel("code")]

    class Meta(_Vocabulary.Meta):
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")


class IssuingAgency(_Vocabulary):
    code = models.CharField(
        _("ký hiệu cơ quan"),
        max_length=40,
        blank=True,
        help_text=_("Phần ký hiệu cơ quan trong số ký hiệu, ví dụ STTTT, SKHĐT, UBND."),
    )

    panels = _Vocabulary.panels + [FieldPanel("code")]

    class Meta(_Vocabulary.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class DocumentField(_Vocabulary):
    class Meta(_Vocabulary.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
