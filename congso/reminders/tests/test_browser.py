"""An officer logs in and finds their reminders: on the admin home ("Nhắc việc của tôi") and in
the "Nhắc việc và cảnh báo" list reached from the menu, filtered by kind."""

import pytest

from congso.reminders import services
from congso.reminders.models import Kind
from congso.reminders.tests.conftest import vn
from congso.tests.admin_browser import log_in

pytestmark = pytest.mark.browser


def remind_now(clock, moment):
    clock.set(moment)
    services.scan()
    for pk in services.pending_ids():
        services.process(pk)


def test_a_leader_sees_the_overdue_dossier_on_the_home_page_and_in_the_list(
    browser_page, office, received, clock
):
    dossier = received()
    remind_now(clock, vn(2026, 5, 7, 15))  # due soon: the specialists
    remind_now(clock, vn(2026, 5, 8, 15))  # overdue: the leader
    page = browser_page
    log_in(page, "lanhdao", "x")
    panel = page.locator("#reminders-panel")
    assert dossier.code in panel.inner_text()
    assert panel.locator(f"li[data-kind={Kind.OVERDUE}]").count() == 1

    page.goto("/admin/")
    page.get_by_role("link", name="Nhắc việc và cảnh báo").first.click()
    page.wait_for_url("**/admin/nhac-viec/**")
    rows = page.locator("#reminders tbody tr")
    assert rows.count() == 2  # the agency's rows, both kinds
    page.locator("#id_loai").select_option(Kind.OVERDUE)
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url(f"**loai={Kind.OVERDUE}**")
    assert rows.count() == 1
    assert dossier.code in rows.first.inner_text()
    rows.first.get_by_role("link", name=dossier.code).click()
    page.wait_for_url(f"**/admin/mot-cua/{dossier.pk}/")


def test_an_officer_of_another_agency_sees_none_of_them(browser_page, office, received, clock):
    received()
    remind_now(clock, vn(2026, 5, 8, 15))
    log_in(browser_page, "lanhdao-xa", "x")
    assert "Không có nhắc việc nào." in browser_page.locator("#reminders-panel").inner_text()
    browser_page.goto("/admin/nhac-viec/")
    assert "Không có nhắc việc hoặc cảnh báo nào." in browser_page.content()
