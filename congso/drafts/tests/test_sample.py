import pytest
from django.core.management import call_command

from congso.drafts.models import DraftComment, DraftIndexPage, DraftPage
from congso.drafts.tests.factories import make_second_site

pytestmark = pytest.mark.django_db


def test_sample_drafts_are_created_once_on_every_home_site(home):
    make_second_site()
    call_command("load_sample_drafts")
    call_command("load_sample_drafts")
    assert DraftIndexPage.objects.count() == 2
    assert DraftPage.objects.live().count() == 4
    assert all("(dữ liệu mẫu)" in d.title for d in DraftPage.objects.all())


def test_the_samples_are_one_open_draft_and_one_closed_with_its_report(home, client):
    call_command("load_sample_drafts")
    open_draft = DraftPage.objects.get(slug__contains="nong-thon-moi")
    closed = DraftPage.objects.get(slug__contains="quy-che")
    assert open_draft.is_open and open_draft.sections.count() == 3
    assert open_draft.files.get().file.marked_public  # downloadable (is_public follows on commit)
    assert DraftComment.objects.filter(page=open_draft, status="approved").count() == 3
    assert closed.shows_report
    html = client.get(closed.url).content.decode()
    assert "Tiếp thu, đã bổ sung vào khoản 2 Điều 3." in html


@pytest.mark.browser
def test_the_sample_drafts_render_on_a_phone(browser_page, home):
    from wagtail.models import Site

    from congso.core.models import OrganisationSettings

    OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    call_command("load_sample_drafts")
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 740})
    for draft in DraftPage.objects.all():
        page.goto(draft.url)
        page.screenshot(path=f"/tmp/issue11/draft-{draft.pk}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.goto("/lay-y-kien-du-thao/")
    page.screenshot(path="/tmp/issue11/draft-list.png", full_page=True)
    assert page.locator(".draft-card").count() == 2
