"""Two sites for the several-sites tests: the department at testserver, a commune at
xa-test.localhost, each with a category and an article. Requests pick a site by Host header."""

from dataclasses import dataclass

import pytest
from wagtail.models import Site

from congso.core.tests.factories import UserFactory, make_article, make_category, make_home

COMMUNE_HOST = "xa-test.localhost"
COMMUNE_NAME = "UBND xã Thử"


@dataclass
class TwoSites:
    department: object
    commune: object
    department_site: Site
    commune_site: Site
    department_category: object
    commune_category: object
    department_article: object
    commune_article: object


def make_two_sites() -> TwoSites:
    from congso.core.sites import add_site

    department = make_home("Sở Thông tin và Truyền thông")
    category = make_category(department, "Chuyển đổi số")
    department_article = make_article(category, "Tin của Sở về chuyển đổi số")
    # Without the Decree-42 sections: those belong to the apps that own them, tested there.
    result = add_site(hostname=COMMUNE_HOST, name=COMMUNE_NAME, port=80, portal_sections=False)
    commune = result.home
    commune_category = commune.get_children().get(slug="tin-tuc").get_children().first().specific
    commune_article = make_article(commune_category, "Tin của xã về đường giao thông")
    return TwoSites(
        department=department,
        commune=commune,
        department_site=Site.objects.get(is_default_site=True),
        commune_site=result.site,
        department_category=category,
        commune_category=commune_category,
        department_article=department_article,
        commune_article=commune_article,
    )


@pytest.fixture
def two_sites(db):
    return make_two_sites()


def site_user(username: str, site_name: str, chief: bool = False):
    """A staff account in one site's own editor (or chief editor) group."""
    from django.contrib.auth.models import Group

    from congso.users.roles import site_group_names

    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=site_group_names(site_name)[1 if chief else 0]))
    return user
