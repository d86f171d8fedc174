"""The filters of a publication list, read from the query string (?nam=2025&loai=...&han=...).

A value that is not one of the offered choices is ignored, as a bad ?page= is: a reader who
edits the address by hand gets the full list, never an error page."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class ChoiceFilter:
    """One field, one of fixed choices (kind, status)."""

    param: str
    label: str
    field: str
    choices: tuple  # ((value, label), ...)

    def options(self, items) -> list[tuple[str, str]]:
        present = set(items.order_by().values_list(self.field, flat=True).distinct())
        return [(str(value), str(label)) for value, label in self.choices if value in present]

    def apply(self, items, value: str):
        return items.filter(**{self.field: value})


@dataclass(frozen=True)
class DistinctFilter:
    """The values editors typed (a statistics sector), offered as they were typed."""

    param: str
    label: str
    field: str

    def options(self, items) -> list[tuple[str, str]]:
        values = items.order_by(self.field).values_list(self.field, flat=True).distinct()
        return [(value, value) for value in values if value]

    def apply(self, items, value: str):
        return items.filter(**{self.field: value})


@dataclass(frozen=True)
class YearFilter:
    """A year, or a span of years (start_field–end_field): a 2021–2025 plan is found under 2023."""

    param: str
    label: str
    field: str
    end_field: str = ""

    def options(self, items) -> list[tuple[str, str]]:
        rows = items.order_by().values_list(self.field, self.end_field or self.field)
        years: set[int] = set()
        for start, end in rows:
            start = getattr(start, "year", start)
            end = getattr(end, "year", end) or start
            if start:
                years.update(range(start, max(start, end) + 1))
        return [(str(year), str(year)) for year in sorted(years, reverse=True)]

    def apply(self, items, value: str):
        year = int(value)
        if not self.end_field:
            lookup = f"{self.field}__year" if self._is_date(items) else self.field
            return items.filter(**{lookup: year})
        spans = Q(**{f"{self.field}__lte": year, f"{self.end_field}__gte": year})
        single = Q(**{self.field: year, f"{self.end_field}__isnull": True})
        return items.filter(spans | single)

    def _is_date(self, items) -> bool:
        return items.model._meta.get_field(self.field).get_internal_type() in {
            "DateField",
            "DateTimeField",
        }


OPEN, CLOSED = "con-han", "het-han"


@dataclass(frozen=True)
class DeadlineFilter:
    """Còn hạn / hết hạn against the item kind's deadline field."""

    param: str
    label: str
    field: str

    def options(self, items) -> list[tuple[str, str]]:
        return [(OPEN, "Còn hạn"), (CLOSED, "Hết hạn")]

    def apply(self, items, value: str):
        now = timezone.now()
        if value == OPEN:
            return items.filter(**{f"{self.field}__gte": now})
        return items.filter(**{f"{self.field}__lt": now})


class ListFilters:
    """The filters bound to a request: what the template shows and what the list applies."""

    def __init__(self, filters, params, items):
        self.fields = []
        self.selected: dict[str, str] = {}
        for list_filter in filters:
            options = list_filter.options(items)
            wanted = params.get(list_filter.param, "")
            value = wanted if wanted in {value for value, _ in options} else ""
            if value:
                self.selected[list_filter.param] = value
            self.fields.append(
                {
                    "filter": list_filter,
                    "param": list_filter.param,
                    "label": list_filter.label,
                    "options": options,
                    "value": value,
                }
            )
        self._filters = filters

    @property
    def is_active(self) -> bool:
        return bool(self.selected)

    def apply(self, items):
        for list_filter in self._filters:
            value = self.selected.get(list_filter.param)
            if value:
                items = list_filter.apply(items, value)
        return items
