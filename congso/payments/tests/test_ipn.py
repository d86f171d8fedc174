"""The gateway's server notification (IPN): applied once, never marking paid on a wrong
signature, a wrong amount or an unknown order, each refusal logged and answered in VNPay's
codes."""

import pytest

from congso.dossiers.models import Event
from congso.dossiers.status import Status
from congso.payments import services
from congso.payments.gateways import get_gateway
from congso.payments.gateways.vnpay import F, canonical, sign
from congso.payments.models import PaymentNotification, PaymentStatus
from congso.payments.tests.conftest import bank_says, start


def ipn(client, params):
    response = client.get("/thanh-toan/ipn/", params)
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def sent(asked, office):
    return start(asked, office["citizen"])


def test_a_paid_notification_marks_the_payment_paid_and_resumes_the_dossier(client, asked, sent):
    assert ipn(client, bank_says(sent)) == {"RspCode": "00", "Message": "Confirm Success"}
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert sent.status == PaymentStatus.PAID
    assert sent.transaction_no and sent.bank_code == "NCB"
    assert asked.status == Status.RECEIVED
    assert asked.paused_at is None
    assert asked.events.last().action == "pay"


def test_a_paid_notification_fills_paid_online_on_in_the_statistics(client, asked, sent):
    from congso.servicestats.models import DossierFact

    ipn(client, bank_says(sent))
    assert DossierFact.objects.get(dossier=asked).paid_online_on is not None


def test_the_same_notification_twice_changes_nothing_the_second_time(client, asked, sent):
    params = bank_says(sent)
    ipn(client, params)
    events = Event.objects.filter(dossier=asked).count()
    assert ipn(client, params)["RspCode"] == "02"
    assert Event.objects.filter(dossier=asked).count() == events
    assert list(sent.notifications.values_list("outcome", flat=True)) == ["paid", "duplicate"]


def test_a_failure_arriving_after_the_payment_leaves_it_paid(client, asked, sent):
    ipn(client, bank_says(sent, success=True))
    assert ipn(client, bank_says(sent, success=False))["RspCode"] == "02"
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert sent.status == PaymentStatus.PAID
    assert asked.status == Status.RECEIVED


def test_a_cancelled_payment_keeps_the_dossier_waiting(client, asked, sent):
    assert ipn(client, bank_says(sent, success=False))["RspCode"] == "00"
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert sent.status == PaymentStatus.CANCELLED
    assert asked.status == Status.PAYMENT


def test_a_tampered_signature_is_refused_and_logged(client, asked, sent):
    params = bank_says(sent)
    params[F["amount"]] = "100"  # the amount changed after signing
    assert ipn(client, params) == {"RspCode": "97", "Message": "Invalid signature"}
    sent.refresh_from_db()
    assert sent.status == PaymentStatus.PENDING
    row = PaymentNotification.objects.get(kind="ipn")
    assert (row.signature_ok, row.outcome, row.payment) == (False, "bad_signature", sent)


def test_a_notification_without_signature_is_refused(client, asked, sent):
    params = bank_says(sent)
    del params[F["signature"]]
    assert ipn(client, params)["RspCode"] == "97"


def _resigned(params):
    from congso.payments.gateways import get_gateway

    params[F["signature"]] = sign(get_gateway("sandbox").secret, canonical(params))
    return params


def test_a_wrong_amount_with_a_valid_signature_is_refused(client, asked, sent):
    params = bank_says(sent)
    params[F["amount"]] = str((sent.amount - 1000) * 100)
    assert ipn(client, _resigned(params))["RspCode"] == "04"
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert (sent.status, asked.status) == (PaymentStatus.PENDING, Status.PAYMENT)
    assert PaymentNotification.objects.get().outcome == "bad_amount"


def test_an_unknown_order_is_refused_and_logged(client, asked, sent):
    params = bank_says(sent)
    params[F["reference"]] = "CS260506FFFFFFFFFF"
    assert ipn(client, _resigned(params))["RspCode"] == "01"
    row = PaymentNotification.objects.get()
    assert (row.outcome, row.payment, row.order_reference) == (
        "unknown_order",
        None,
        "CS260506FFFFFFFFFF",
    )


@pytest.mark.parametrize(
    "query",
    ["", "vnp_Amount=abc&vnp_SecureHash=00", "vnp_TxnRef=%00&vnp_SecureHash=zz", "x=1"],
)
def test_garbage_notifications_get_an_answer_not_a_500(client, db, query):
    response = client.get(f"/thanh-toan/ipn/?{query}")
    assert response.status_code == 200
    assert response.json()["RspCode"] in {"97", "01"}


def test_the_return_page_never_settles_a_payment(client, asked, sent):
    response = client.get("/thanh-toan/ket-qua/", bank_says(sent))
    assert response.status_code == 200
    sent.refresh_from_db()
    assert sent.status == PaymentStatus.PENDING
    assert "Đang chờ ngân hàng xác nhận" in response.content.decode()


def test_the_return_page_refuses_a_forged_result(client, asked, sent):
    params = bank_says(sent)
    params[F["response_code"]] = "24"
    response = client.get("/thanh-toan/ket-qua/", params)
    assert response.status_code == 400
    assert "Không xác thực được" in response.content.decode()


def test_a_payment_after_the_dossier_was_withdrawn_is_kept_for_refund(client, office, asked, sent):
    from congso.dossiers.services.processing import perform

    perform(asked.pk, office["citizen"], "withdraw")
    assert ipn(client, bank_says(sent))["RspCode"] == "00"
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert (sent.status, asked.status) == (PaymentStatus.PAID, Status.WITHDRAWN)
    last = asked.events.last()
    assert last.action == "pay" and not last.public and "hoàn trả" in last.note


def test_a_new_attempt_after_a_cancelled_one_gets_a_new_order_reference(office, asked, sent):
    gateway = get_gateway()
    services.apply(gateway, gateway.verify_ipn(bank_says(sent, success=False)), kind="ipn")
    again = start(asked, office["citizen"])
    assert again.pk != sent.pk and again.order_reference != sent.order_reference
    assert (again.amount, again.items) == (sent.amount, sent.items)
