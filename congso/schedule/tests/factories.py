"""Schedule pages and entries for tests."""

from datetime import time

import factory
from wagtail.models import Page, Site

from congso.core.tests.factories import make_home
from congso.home.models import HomePage
from congso.schedule.models import ScheduleEntry, SchedulePage


def make_schedule_page(home, title="Lịch công tác", publish=True) -> SchedulePage:
    page = SchedulePage(title=title, slug="lich-cong-tac", intro="Lịch của lãnh đạo.")
    home.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    page.refresh_from_db()
    return page


def make_second_site(hostname="xa.localhost", title="UBND xã Thạch Hà") -> HomePage:
    """A commune's site beside the default one (which make_home sets up)."""
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug=hostname.replace(".", "-"))
    root.add_child(instance=home)
    Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
    return home


def default_home() -> HomePage:
    return make_home()


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleEntry

    start_time = time(8, 0)
    end_time = time(10, 0)
    content = factory.Sequence(lambda n: f"Họp giao ban số {n}")
    leader = "Giám đốc Sở"
    place = "Phòng họp số 1"
    participants = "Lãnh đạo các phòng"
