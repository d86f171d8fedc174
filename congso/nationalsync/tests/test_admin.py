"""The admin page "Đồng bộ Cổng DVC quốc gia": installation admins see the failed and pending
messages with their errors and payloads and send them again (logged); officers cannot."""

import pytest
from django.urls import reverse

from congso.dossiers.services.processing import perform
from congso.dossiers.tests.admin_setup import PASSWORD, make_office
from congso.dossiers.tests.factories import submitted_dossier
from congso.nationalsync.models import OutboxMessage, ResendLog, State

pytestmark = pytest.mark.django_db
LIST = reverse("nationalsync_admin:list")


@pytest.fixture
def desk(clock):
    office = make_office()
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    dossier.refresh_from_db()
    office["dossier"] = dossier
    office["message"] = OutboxMessage.objects.get()
    return office


def failed(message, error="Cổng DVC quốc gia trả lời HTTP 400: <b>MaTTHC sai</b>"):
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=State.FAILED, attempts=3, last_error=error
    )
    message.refresh_from_db()
    return message


def test_an_admin_sees_a_failed_message_with_its_error_escaped(desk, admin_client):
    failed(desk["message"])
    page = admin_client.get(LIST).content.decode()
    assert f'data-message="{desk["message"].pk}" data-state="failed"' in page
    assert "&lt;b&gt;MaTTHC sai&lt;/b&gt;" in page and "<b>MaTTHC sai</b>" not in page
    assert "Gửi lại" in page


def test_the_page_says_sync_is_off_while_it_is_not_configured(desk, admin_client, settings):
    settings.NATIONAL_SYNC_URL = ""
    page = admin_client.get(LIST).content.decode()
    assert 'id="sync-disabled"' in page and "NATIONAL_SYNC_URL" in page


def test_filters_by_state_kind_and_code(desk, admin_client):
    failed(desk["message"])
    assert desk["dossier"].code in admin_client.get(LIST, {"trang-thai": "loi"}).content.decode()
    assert (
        'id="no-messages"' in admin_client.get(LIST, {"trang-thai": "da-xac-nhan"}).content.decode()
    )
    assert (
        'id="no-messages"'
        in admin_client.get(LIST, {"loai": "CapNhatTienDoHoSoMC"}).content.decode()
    )
    assert 'id="no-messages"' in admin_client.get(LIST, {"q": "KHONG-CO"}).content.decode()


def test_nonsense_filters_fall_back_to_the_default_list(desk, admin_client):
    answer = admin_client.get(LIST, {"trang-thai": "x'; drop", "loai": "\x00", "page": "-3"})
    assert answer.status_code == 200


def test_the_message_page_shows_the_payload_escaped(desk, admin_client):
    OutboxMessage.objects.filter(pk=desk["message"].pk).update(
        payload={**desk["message"].payload, "ChuHoSo": "<script>alert(1)</script>"}
    )
    page = admin_client.get(reverse("nationalsync_admin:detail", args=[desk["message"].pk]))
    text = page.content.decode()
    assert '"service": "DongBoHoSoMC"' in text or "&quot;service&quot;: &quot;DongBoHoSoMC" in text
    assert "<script>alert(1)</script>" not in text


def test_an_unknown_message_is_a_404(desk, admin_client):
    assert admin_client.get(reverse("nationalsync_admin:detail", args=[999999])).status_code == 404


def test_resend_puts_a_failed_message_back_in_the_queue_and_logs_who(desk, admin_client):
    message = failed(desk["message"])
    admin_client.post(reverse("nationalsync_admin:resend", args=[message.pk]))
    message.refresh_from_db()
    assert (message.state, message.attempts) == (State.PENDING, 0)
    log = ResendLog.objects.get()
    assert (log.message, log.action, log.previous_state) == (message, "resend", State.FAILED)
    assert "MaTTHC sai" in log.previous_error and log.user_name == "admin"


def test_resend_all_puts_every_failed_message_back(desk, admin_client):
    failed(desk["message"])
    perform(desk["dossier"].pk, desk["specialist"], "forward")
    second = failed(OutboxMessage.objects.order_by("pk").last())
    admin_client.post(reverse("nationalsync_admin:resend_all"))
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {State.PENDING}
    assert ResendLog.objects.filter(message=second).exists()


def test_an_acknowledged_message_cannot_be_resent(desk, admin_client):
    OutboxMessage.objects.filter(pk=desk["message"].pk).update(state=State.ACKNOWLEDGED)
    answer = admin_client.post(
        reverse("nationalsync_admin:resend", args=[desk["message"].pk]), follow=True
    )
    assert "chỉ gửi lại bản tin gửi lỗi" in answer.content.decode()
    assert OutboxMessage.objects.get().state == State.ACKNOWLEDGED
    assert not ResendLog.objects.exists()


def test_resend_by_get_is_refused(desk, admin_client):
    failed(desk["message"])
    answer = admin_client.get(reverse("nationalsync_admin:resend", args=[desk["message"].pk]))
    assert answer.status_code == 405


def refused(answer) -> bool:
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard."""
    return answer.status_code == 403 or (
        answer.status_code == 302 and answer.url.rstrip("/").endswith("/admin")
    )


def test_a_one_stop_officer_can_neither_see_nor_resend(desk, client):
    message = failed(desk["message"])
    client.login(username="motcua", password=PASSWORD)
    assert refused(client.get(LIST))
    assert refused(client.get(reverse("nationalsync_admin:detail", args=[message.pk])))
    assert refused(client.post(reverse("nationalsync_admin:resend", args=[message.pk])))
    assert refused(client.post(reverse("nationalsync_admin:resend_all")))
    assert refused(client.post(reverse("nationalsync_admin:abandon", args=[message.pk])))
    assert OutboxMessage.objects.get().state == State.FAILED
    assert not ResendLog.objects.exists()


def test_the_menu_item_is_shown_to_admins_only(desk, admin_client, client):
    assert LIST in admin_client.get("/admin/").content.decode()
    client.login(username="motcua", password=PASSWORD)
    assert LIST not in client.get("/admin/").content.decode()
