from congso.organisation.models import Official, Unit


def organisation_chart():
    """Leaders, the top-level units with their sub-units, and the directory of officials.

    The page shows no unit's officials, so none are prefetched on the units."""
    officials = Official.objects.select_related("photo").order_by("sort_order", "name")
    units = list(
        Unit.objects.filter(parent__isnull=True)
        .prefetch_related("children")
        .order_by("sort_order", "name")
    )
    leaders = list(officials.filter(is_leader=True).select_related("unit"))
    return {"leaders": leaders, "units": units, "directory": officials.select_related("unit")}
