from django.db.models import Prefetch

from congso.organisation.models import Official, Unit


def organisation_chart():
    """Leaders first, then each unit with its officials, in one round trip per table."""
    officials = Official.objects.select_related("photo").order_by("sort_order", "name")
    units = list(
        Unit.objects.filter(parent__isnull=True)
        .prefetch_related(Prefetch("officials", queryset=officials), "children__officials")
        .order_by("sort_order", "name")
    )
    leaders = [o for o in officials.filter(is_leader=True).select_related("unit")]
    return {"leaders": leaders, "units": units, "directory": officials.select_related("unit")}
