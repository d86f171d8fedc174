"""Reading the catalogue: business names for what citizens and the API may see."""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from congso.core.text import fold, normalise

MAX_QUERY_CHARS = 200


class ProcedureQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def published(self):
        """In force and made public: what citizens see on the portal and through the API."""
        return self.active().filter(published_at__isnull=False, published_at__lte=timezone.now())

    def online(self):
        """Offered online, fully (toàn trình) or partly (một phần)."""
        return self.filter(online_level__in=["full", "partial"])

    def for_agency(self, agency):
        """Procedures an agency implements; `agency` is an Agency or its identifier."""
        if isinstance(agency, str):
            return self.filter(agencies__identifier=agency).distinct()
        return self.filter(agencies=agency).distinct()

    def search(self, q: str):
        """Every word of `q`, with or without diacritics, in the code, name or field."""
        words = fold(normalise(q or "")[:MAX_QUERY_CHARS]).lower().split()
        queryset = self
        for word in words[:10]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def for_listing(self):
        return self.select_related("field").prefetch_related("agencies").order_by("name", "pk")

    def for_detail(self):
        return self.select_related("field").prefetch_related(
            "agencies", "components", "fees", "legal_basis__document"
        )


@dataclass
class CatalogueFilter:
    """The list's filters from a query string; unknown values are dropped, never an error."""

    field: str = ""
    agency: str = ""
    online_level: str = ""
    q: str = ""

    @classmethod
    def from_data(cls, data) -> "CatalogueFilter":
        from .models import OnlineLevel

        def get(name: str, limit: int = 64) -> str:
            # Control characters (NUL above all, which PostgreSQL cannot compare) are dropped
            # like any other value no reader means.
            text = "".join(ch for ch in str(data.get(name) or "") if ch.isprintable())
            return text.strip()[:limit]

        level = get("online_level") or get("muc-do")
        return cls(
            field=get("field") or get("linh-vuc"),
            agency=get("agency") or get("co-quan"),
            online_level=level if level in OnlineLevel.values else "",
            q=get("q", MAX_QUERY_CHARS),
        )

    @property
    def is_active(self) -> bool:
        return bool(self.field or self.agency or self.online_level or self.q)

    def apply(self, queryset):
        if self.field:
            queryset = queryset.filter(field__code=self.field)
        if self.agency:
            queryset = queryset.for_agency(self.agency)
        if self.online_level:
            queryset = queryset.filter(online_level=self.online_level)
        if self.q:
            queryset = queryset.search(self.q)
        return queryset


def catalogue(filters: CatalogueFilter):
    from .models import Procedure

    return filters.apply(Procedure.objects.published()).for_listing()


def filter_choices() -> dict:
    """Fields and agencies that have published procedures, for the list's filters."""
    from congso.organisation.models import Agency

    from .models import OnlineLevel, Procedure, ProcedureField

    published = Procedure.objects.published()
    return {
        "fields": ProcedureField.objects.filter(procedures__in=published).distinct(),
        "agencies": Agency.objects.filter(procedures__in=published).distinct(),
        "levels": OnlineLevel.choices,
    }
