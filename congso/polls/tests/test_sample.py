import pytest
from django.core.management import call_command

from congso.contact.tests.sites import make_commune_site
from congso.polls.models import Poll, PollIndexPage, Vote

pytestmark = pytest.mark.django_db


def test_every_home_site_gets_one_open_and_one_closed_sample_poll_once(home):
    make_commune_site()
    for _ in range(2):
        call_command("load_sample_polls", stdout=open("/dev/null", "w"))
    assert PollIndexPage.objects.count() == 2
    assert all(page.live and page.slug == "binh-chon" for page in PollIndexPage.objects.all())
    polls = Poll.objects.all()
    assert polls.count() == 4
    assert all(poll.question.endswith("(dữ liệu mẫu)") for poll in polls)
    assert sorted(poll.state() for poll in polls) == ["closed", "closed", "open", "open"]
    closed = polls.filter(index__in=PollIndexPage.objects.all()).filter(votes__isnull=False)
    assert closed.distinct().count() == 2
    assert Vote.objects.count() == 2 * (48 + 27 + 9)
