"""The commune's editor in a real browser: logs into the admin, finds only the commune's tree,
is turned away from the department's pages, edits an article and submits it for review; the
commune's site answers on its own host name (*.localhost resolves to this machine)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site, WorkflowState
from wagtail.users.models import UserProfile

from congso.core.tests.factories import UserFactory
from congso.core.tests.sites import COMMUNE_HOST, COMMUNE_NAME, make_two_sites
from congso.tests.admin_browser import (
    form_submission,
    log_in,
    press_footer_action,
    translated,
)
from congso.users.roles import site_group_names

pytestmark = pytest.mark.browser


def commune_editor(language):
    user = UserFactory(username="bientap-xa", is_staff=True, first_name="Biên tập xã")
    user.groups.add(Group.objects.get(name=site_group_names(COMMUNE_NAME)[0]))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_the_commune_editor_works_only_on_the_commune_tree(
    browser_page, live_server, admin_language
):
    from playwright.sync_api import expect

    sites = make_two_sites()
    port = int(live_server.url.rsplit(":", 1)[1])
    # make_home put the department back at testserver: the browser reaches it at the live server.
    Site.objects.filter(pk=sites.department_site.pk).update(hostname="localhost", port=port)
    Site.objects.filter(pk=sites.commune_site.pk).update(port=port)
    commune_editor(admin_language)
    page = browser_page

    log_in(page, "bientap-xa")
    page.goto("/admin/pages/")
    explorer = page.locator("main")
    expect(explorer).to_contain_text(COMMUNE_NAME)
    expect(explorer).not_to_contain_text(sites.department.title)

    page.goto(f"/admin/pages/{sites.department.pk}/")
    expect(page.locator("main")).not_to_contain_text(sites.department_article.title)
    page.goto(f"/admin/pages/{sites.department_article.pk}/edit/")
    expect(page.locator("#id_title")).to_have_count(0)

    article = sites.commune_article
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("#id_title").fill("Tin của xã về đường giao thông, đã cập nhật")
    with form_submission(page):
        press_footer_action(page, "action-submit")
    expect(page.locator(".messages .success")).to_contain_text(
        translated(
            admin_language,
            "Page '%(page_title)s' has been submitted for moderation.",
            page_title="Tin của xã về đường giao thông, đã cập nhật",
        )
    )
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.workflow.name == f"Duyệt tin bài – {COMMUNE_NAME}"

    # The public side of the commune, on its own host name and the served port.
    page.goto(f"http://{COMMUNE_HOST}:{port}/")
    expect(page.locator("h1")).to_contain_text(COMMUNE_NAME)
    expect(page.locator(".ticker")).to_contain_text(sites.commune_article.title)
    expect(page.locator("body")).not_to_contain_text(sites.department_article.title)
