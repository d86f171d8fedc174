"""Sending the outbox to a fake national portal on 127.0.0.1: acknowledged once, retried with
backoff when the portal is slow, failing or down, failed for an admin at the end, and drained in
order per dossier when the portal comes back."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from congso.nationalsync import sender, services
from congso.nationalsync.models import Kind, OutboxMessage, State
from congso.nationalsync.tests.test_outbox import APPROVED, FORWARDED, RECEIVED

pytestmark = pytest.mark.django_db


def received(run):
    return run(None, [(RECEIVED, "one_stop", "receive")])


def settled(run):
    return run(
        None,
        [
            (RECEIVED, "one_stop", "receive"),
            (FORWARDED, "specialist", "forward"),
            (APPROVED, "leader", "approve"),
        ],
    )


def later(minutes):
    return timezone.now() + dt.timedelta(minutes=minutes)


def test_a_due_message_is_posted_with_its_id_and_token_and_acknowledged(run, sync_on):
    dossier = received(run)
    counts = sender.drain()
    message = OutboxMessage.objects.get()
    assert counts["acknowledged"] == 1
    assert (message.state, message.attempts, message.last_error) == (State.ACKNOWLEDGED, 1, "")
    assert message.acknowledged_at is not None
    request = sync_on.requests[0]
    assert request["headers"]["Authorization"] == "Bearer ma-thu-nghiem"
    assert request["headers"]["Idempotency-Key"] == f"congso-{message.pk}"
    body = request["body"]
    assert (body["service"], body["isUpdating"], body["IdBanTin"]) == (
        "DongBoHoSoMC",
        "False",
        str(message.pk),
    )
    assert body["madonvi"] == dossier.agency.identifier
    assert body["data"][0]["MaHoSo"] == dossier.code


def test_an_acknowledged_message_is_never_sent_again(run, sync_on, admin_user):
    received(run)
    sender.drain()
    sender.drain(now=later(600))
    assert len(sync_on.requests) == 1
    with pytest.raises(services.NotAllowed):
        services.resend(OutboxMessage.objects.get().pk, admin_user)
    sender.drain(now=later(600))
    assert len(sync_on.requests) == 1


def test_a_slow_portal_times_out_and_the_message_waits_for_its_retry(run, sync_on):
    received(run)
    sync_on.mode, sync_on.delay = "slow", 1.5
    sender.drain()
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (State.PENDING, 1)
    assert "Quá thời gian chờ" in message.last_error
    assert message.next_attempt_at > timezone.now() + dt.timedelta(seconds=25)
    sender.drain()  # not due yet: not sent again
    assert len(sync_on.requests) == 1


def test_a_server_error_is_retried_later_and_then_acknowledged(run, sync_on):
    received(run)
    sync_on.mode, sync_on.status = "status", 503
    sender.drain()
    assert OutboxMessage.objects.get().state == State.PENDING
    sync_on.mode = "ok"
    sender.drain(now=later(5))
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (State.ACKNOWLEDGED, 2)


def test_a_refusal_of_the_content_fails_at_once_for_an_admin(run, sync_on):
    received(run)
    sync_on.mode, sync_on.status = "status", 400
    sender.drain()
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (State.FAILED, 1)
    assert "HTTP 400" in message.last_error


def test_an_error_code_in_a_200_answer_is_not_an_acknowledgement(run, sync_on):
    received(run)
    sync_on.mode = "error_code"
    sender.drain()
    message = OutboxMessage.objects.get()
    assert message.state == State.PENDING
    assert "Mã TTHC không tồn tại" in message.last_error


def test_after_the_last_attempt_the_message_is_failed(run, sync_on):
    received(run)
    sync_on.mode, sync_on.status = "status", 500
    for minutes in (0, 30, 600):
        sender.drain(now=later(minutes))
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (State.FAILED, 3)
    sender.drain(now=later(6000))
    assert len(sync_on.requests) == 3


def test_the_outbox_drains_in_order_per_dossier_after_the_portal_comes_back(run, sync_on):
    first, second = settled(run), settled(run)
    sync_on.stop()  # down for a while
    sender.drain()
    assert not OutboxMessage.objects.filter(state=State.ACKNOWLEDGED).exists()
    assert OutboxMessage.objects.filter(attempts=1).count() == 2  # each dossier's head, once
    sync_on.start()
    sender.drain(now=later(5))
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {State.ACKNOWLEDGED}
    for dossier in (first, second):
        sent = [b for b in sync_on.bodies() if b["data"][0]["MaHoSo"] == dossier.code]
        expected = OutboxMessage.objects.filter(dossier=dossier).order_by("pk")
        assert [b["IdBanTin"] for b in sent] == [str(m.pk) for m in expected]
        assert [b["service"] for b in sent] == [Kind.SYNC, Kind.PROGRESS, Kind.PROGRESS]


def test_a_failed_message_holds_back_its_dossiers_later_messages_only(run, sync_on):
    blocked = settled(run)
    head = OutboxMessage.objects.filter(dossier=blocked).order_by("pk").first()
    OutboxMessage.objects.filter(pk=head.pk).update(state=State.FAILED)
    other = received(run)
    sender.drain()
    assert [b["data"][0]["MaHoSo"] for b in sync_on.bodies()] == [other.code]
    assert not OutboxMessage.objects.filter(dossier=blocked, state=State.ACKNOWLEDGED).exists()


def test_abandoning_the_head_lets_the_dossiers_next_message_go(run, sync_on, admin_user):
    dossier = settled(run)
    head = OutboxMessage.objects.filter(dossier=dossier).order_by("pk").first()
    OutboxMessage.objects.filter(pk=head.pk).update(state=State.FAILED)
    services.abandon(head.pk, admin_user)
    sender.drain()
    assert len(sync_on.requests) == 2
    assert OutboxMessage.objects.get(pk=head.pk).state == State.ABANDONED


def test_two_drainers_never_claim_the_same_message(run, sync_on):
    received(run)
    pk = OutboxMessage.objects.get().pk
    now = timezone.now()
    assert sender.claim(pk, now) is not None
    assert sender.claim(pk, now) is None


def test_a_message_left_sending_by_a_dead_drainer_is_due_again_after_its_lease(run, sync_on):
    received(run)
    pk = OutboxMessage.objects.get().pk
    sender.claim(pk, timezone.now())  # and the process dies before settling
    sender.drain()
    assert not sync_on.requests
    sender.drain(now=later(5))
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (State.ACKNOWLEDGED, 2)
    assert sync_on.requests[0]["headers"]["Idempotency-Key"] == f"congso-{pk}"


def test_nothing_is_sent_while_the_url_or_token_is_missing(run, sync_on, settings):
    received(run)
    settings.NATIONAL_SYNC_TOKEN = ""
    assert sender.drain()["disabled"] == 1
    assert not sync_on.requests
    assert OutboxMessage.objects.get().state == State.PENDING


def test_backoff_grows_and_stays_within_its_jitter(settings):
    settings.NATIONAL_SYNC_BACKOFF_SECONDS = 60
    settings.NATIONAL_SYNC_BACKOFF_MAX_SECONDS = 3600
    for attempts, full in ((1, 60), (2, 120), (3, 240), (10, 3600)):
        for _ in range(20):
            assert full / 2 <= sender.backoff(attempts) <= full


def test_the_command_says_when_sync_is_off(capsys, settings):
    settings.NATIONAL_SYNC_URL = ""
    call_command("send_national_sync")
    assert "Đồng bộ Cổng DVC quốc gia đang tắt" in capsys.readouterr().out


def test_the_command_sends_and_reports(run, sync_on, capsys):
    received(run)
    call_command("send_national_sync", "--max-seconds", "5")
    assert "Đã gửi 1 bản tin: 1 được xác nhận" in capsys.readouterr().out


def test_the_background_task_drains_the_outbox(run, sync_on):
    from congso.nationalsync.tasks import send_national_sync

    received(run)
    result = send_national_sync.enqueue()  # tests run tasks at once
    assert result.return_value["acknowledged"] == 1
    assert OutboxMessage.objects.get().state == State.ACKNOWLEDGED
