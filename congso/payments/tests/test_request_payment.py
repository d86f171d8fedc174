"""Asking for the fees (status 6) and confirming cash at the desk, through processing.perform."""

import pytest
from django.core import mail

from congso.dossiers.services import Conflict, Forbidden, Invalid
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Status
from congso.dossiers.tests.factories import make_procedure, submitted_dossier
from congso.payments.models import Method, Payment, PaymentStatus
from congso.payments.tests.conftest import vn


def test_asking_for_payment_charges_fixed_items_once_and_per_page_items_by_quantity(asked):
    payment = Payment.objects.get(dossier=asked)
    assert payment.amount == 50_000 + 3 * 2_000
    assert [(i["description"], i["quantity"], i["amount"]) for i in payment.items] == [
        ("Lệ phí cấp giấy phép", 1, 50_000),
        ("Phí sao y", 3, 6_000),
    ]
    assert payment.status == PaymentStatus.PENDING


def test_asking_for_payment_moves_the_dossier_to_national_status_6_and_pauses_the_clock(asked):
    assert asked.status == Status.PAYMENT
    assert asked.status_before_payment == Status.RECEIVED
    assert asked.paused_at == vn(2026, 5, 6, 10, 0)
    event = asked.events.last()
    assert event.action == "request-payment"
    assert "56.000 đồng" in event.note


def test_the_citizen_is_mailed_the_amount_and_the_items(office, django_capture_on_commit_callbacks):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with django_capture_on_commit_callbacks(execute=True):
        perform(dossier.pk, office["specialist"], "request-payment", {"quantity": 3})
    message = next(m for m in mail.outbox if "cần nộp phí, lệ phí" in m.subject)
    assert "56.000 đồng" in message.body
    assert "Phí sao y" in message.body


def test_a_citizen_cannot_ask_for_payment(office, asked):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Forbidden):
        perform(dossier.pk, office["citizen"], "request-payment")


@pytest.mark.parametrize("quantity", ["0", "-1", "nhiều", "1000001", True])
def test_a_nonsense_quantity_is_refused_with_a_message(office, quantity):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Invalid, match="Số lượng"):
        perform(dossier.pk, office["specialist"], "request-payment", {"quantity": quantity})
    assert not Payment.objects.filter(dossier=dossier).exists()


def test_a_procedure_without_fees_cannot_ask_for_payment(office):
    procedure = make_procedure(office["agency"])
    dossier = submitted_dossier(procedure, office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Invalid, match="chưa có khoản phí"):
        perform(dossier.pk, office["specialist"], "request-payment")


def test_payment_cannot_be_asked_twice(office, asked):
    with pytest.raises(Conflict):
        perform(asked.pk, office["specialist"], "request-payment")


def test_a_dossier_waiting_for_payment_cannot_be_forwarded(office, asked):
    with pytest.raises(Conflict):
        perform(asked.pk, office["specialist"], "forward")


def test_cash_at_the_desk_settles_the_payment_and_resumes_the_clock(office, asked):
    office["clock"].set(vn(2026, 5, 7, 10, 0))  # one working day later
    due_before = asked.due_at
    dossier = perform(
        asked.pk, office["one_stop"], "confirm-payment", {"receipt_number": "0001234"}
    )
    assert dossier.status == Status.RECEIVED
    assert dossier.paused_at is None
    assert dossier.due_at > due_before  # the working day waited for the fees is given back
    payment = Payment.objects.get(dossier=dossier)
    assert (payment.status, payment.method, payment.transaction_no) == ("paid", "cash", "0001234")
    assert payment.confirmed_by == office["one_stop"]


def test_cash_is_not_counted_as_paid_online_in_the_statistics(office, asked):
    from congso.servicestats.models import DossierFact

    perform(asked.pk, office["one_stop"], "confirm-payment")
    assert DossierFact.objects.get(dossier=asked).paid_online_on is None
    assert Payment.objects.get(dossier=asked).method == Method.CASH


def test_a_citizen_cannot_confirm_cash(office, asked):
    with pytest.raises(Forbidden):
        perform(asked.pk, office["citizen"], "confirm-payment")


def test_cash_cannot_be_confirmed_when_nothing_is_asked(office):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Conflict):
        perform(dossier.pk, office["one_stop"], "confirm-payment")


def test_a_dossier_asked_while_processing_goes_back_to_processing(office):
    from congso.dossiers.models import Dossier

    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    Dossier.objects.filter(pk=dossier.pk).update(status=Status.PROCESSING)
    perform(dossier.pk, office["specialist"], "request-payment")
    assert perform(dossier.pk, office["leader"], "confirm-payment").status == Status.PROCESSING


def test_the_officer_sees_request_and_cash_buttons_at_the_right_moments(office, asked):
    from congso.dossiers.queues import available_actions

    assert "confirm-payment" in available_actions(asked, office["one_stop"])
    assert "request-payment" not in available_actions(asked, office["specialist"])
    dossier = perform(asked.pk, office["one_stop"], "confirm-payment")
    assert "request-payment" in available_actions(dossier, office["specialist"])
    assert "confirm-payment" not in available_actions(dossier, office["one_stop"])
