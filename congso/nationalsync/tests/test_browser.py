"""An installation admin resends a failed message by pressing the real "Gửi lại" button; the
worker (immediate in tests) sends it to the fake portal, which acknowledges it."""

import pytest

from congso.dossiers.services.processing import perform
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.factories import submitted_dossier
from congso.nationalsync.models import OutboxMessage, ResendLog, State
from congso.tests.admin_browser import form_submission, log_in, staff_user

pytestmark = pytest.mark.browser


def test_an_admin_resends_a_failed_message_and_the_portal_acknowledges_it(
    browser_page, live_server, sync_on
):
    office = make_office()
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    sync_on.mode, sync_on.status = "status", 400  # the portal refuses the first send
    perform(dossier.pk, office["one_stop"], "receive")  # commits: the worker sends at once
    message = OutboxMessage.objects.get()
    assert message.state == State.FAILED
    sync_on.mode = "ok"
    staff_user("quantri", None)
    page = browser_page
    log_in(page, "quantri")
    page.goto("/admin/dong-bo-quoc-gia/")
    row = page.locator(f"tr[data-message='{message.pk}']")
    assert "HTTP 400" in row.inner_text()
    with form_submission(page):
        row.get_by_role("button", name="Gửi lại").click()
    message.refresh_from_db()
    assert message.state == State.ACKNOWLEDGED
    # Sent twice in all: refused, then resent and acknowledged.
    assert [b["IdBanTin"] for b in sync_on.bodies()] == [str(message.pk)] * 2
    assert ResendLog.objects.get().user_name == "quantri"
    assert "Đã đưa bản tin" in page.locator(".messages").inner_text()
