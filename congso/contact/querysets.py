"""Reading what the contact page shows."""

from django.db.models import Q

from congso.core.models import OrganisationSettings


def agency_settings(page) -> OrganisationSettings:
    """The identity of the site the page belongs to (not of the request's Host)."""
    return OrganisationSettings.for_site(page.get_site())


def organisation_page_for(page):
    """The site's Vietnamese organisation chart page, where units and officials are listed."""
    from congso.organisation.models import OrganisationPage

    site_root = page.get_site().root_page
    return (
        OrganisationPage.objects.live()
        .public()
        .descendant_of(site_root)
        .filter(language="vi")
        .order_by("path")
        .first()
    )


def unit_contacts():
    from congso.organisation.models import Unit

    return list(
        Unit.objects.exclude(Q(phone="") & Q(email="") & Q(address=""))
        .select_related("parent")
        .order_by("sort_order", "name")
    )


def contact_context(page, request) -> dict:
    return {
        "agency": agency_settings(page),
        "organisation_page": organisation_page_for(page),
        "units": unit_contacts() if page.show_units else [],
        "topics": list(page.topics.select_related("unit")),
    }
