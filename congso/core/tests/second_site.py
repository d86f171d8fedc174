"""A second Wagtail Site (a commune's) beside the default one, for tests of several sites."""

from wagtail.models import Page, Site

from congso.home.models import HomePage


def make_second_site(
    hostname: str = "xa-thach-ha.localhost", port: int = 8000, title: str = "UBND xã Thạch Hà"
) -> tuple[Site, HomePage]:
    home = HomePage(title=title, slug=hostname.split(".")[0])
    Page.get_first_root_node().add_child(instance=home)
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=title)
    return site, home
