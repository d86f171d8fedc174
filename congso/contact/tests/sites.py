"""A second site (a commune) and an officer whose page permissions cover only it: for tests
that the admin keeps each site's rows to its own staff."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Site

from congso.core.tests.factories import UserFactory
from congso.home.models import HomePage


def make_commune_site(hostname: str = "xa.localhost") -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage(title="Ủy ban nhân dân xã", slug="xa")
    root.add_child(instance=home)
    Site.objects.create(hostname=hostname, port=80, root_page=home, site_name="Xã mẫu")
    return home


def officer_of(home, model_perms: list[str], username: str = "canbo-xa"):
    """A staff account that may edit the pages under `home` only, with `model_perms`."""
    group = Group.objects.create(name=f"Biên tập {home.slug}")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for dotted in model_perms:
        app_label, codename = dotted.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(group)
    return user
