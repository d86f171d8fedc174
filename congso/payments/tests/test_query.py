"""The daily reconciliation against a fake VNPay query API on 127.0.0.1: a notification that
never comes is settled from the gateway's answer; an order the gateway never saw expires; a
gateway that is down leaves the payment pending for the next run."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from congso.dossiers.status import Status
from congso.payments import services
from congso.payments.gateways.vnpay import QUERY_REQUEST_ORDER, QUERY_RESPONSE_ORDER, F, sign
from congso.payments.models import PaymentStatus
from congso.payments.tests.conftest import start, vn

SECRET = "FAKESECRETFORTESTS"
MERCHANT = "TESTMERCH"


class FakeBank:
    """Answers querydr for the orders in `paid` (paid), `failed`, or "91" (not found)."""

    def __init__(self):
        self.paid, self.failed, self.requests = {}, set(), []
        self.down = False
        bank = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                bank.requests.append(body)
                if bank.down:
                    self.send_response(503)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(bank.answer(body)).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/merchant_webapi/api/transaction"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, body):
        ref = body[F["reference"]]
        values = {k: "" for k in QUERY_RESPONSE_ORDER}
        values.update(response_id="r1", command="querydr", merchant=MERCHANT, reference=ref)
        signed_request = "|".join(str(body[F[k]]) for k in QUERY_REQUEST_ORDER)
        if sign(SECRET, signed_request) != body[F["signature"]]:
            values.update(response_code="97", message="Invalid signature")
        elif ref in self.paid:
            values.update(
                response_code="00",
                transaction_status="00",
                amount=str(self.paid[ref] * 100),
                bank_code="NCB",
                pay_date="20260506101000",
                transaction_no="14000001",
                transaction_type="01",
            )
        elif ref in self.failed:
            values.update(response_code="00", transaction_status="02", amount="0")
        else:
            values.update(response_code="91", message="Not found")
        answer = {F[k]: v for k, v in values.items()}
        answer[F["signature"]] = sign(SECRET, "|".join(values[k] for k in QUERY_RESPONSE_ORDER))
        return answer

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def bank(settings):
    fake = FakeBank()
    settings.PAYMENT_GATEWAY = "vnpay"
    settings.VNPAY_TMN_CODE = MERCHANT
    settings.VNPAY_HASH_SECRET = SECRET
    settings.VNPAY_API_URL = fake.url
    yield fake
    fake.close()


@pytest.fixture
def sent(bank, office, asked, settings):
    settings.PAYMENT_GATEWAY = "vnpay"  # the office fixture chose the sandbox
    payment = start(asked, office["citizen"])
    assert payment.gateway == "vnpay"
    office["clock"].set(vn(2026, 5, 6, 11, 0))  # an hour later: no notification came
    return payment


def test_a_notification_that_never_came_is_settled_by_the_daily_query(bank, sent, asked):
    bank.paid[sent.order_reference] = sent.amount
    assert services.reconcile()["paid"] == 1
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert sent.status == PaymentStatus.PAID
    assert sent.paid_at == dt.datetime(2026, 5, 6, 3, 10, tzinfo=dt.UTC)
    assert asked.status == Status.RECEIVED
    assert sent.notifications.get().kind == "query"


def test_the_query_is_signed_as_the_gateway_expects(bank, sent):
    services.reconcile()
    (body,) = bank.requests
    assert body[F["command"]] == "querydr"
    assert body[F["reference"]] == sent.order_reference
    assert body[F["merchant"]] == MERCHANT


def test_running_the_reconciliation_twice_settles_once(bank, sent, asked):
    bank.paid[sent.order_reference] = sent.amount
    services.reconcile()
    events = asked.events.count()
    assert services.reconcile()["asked"] == 0
    assert asked.events.count() == events


def test_a_failed_transaction_at_the_bank_marks_the_attempt_failed(bank, sent, asked):
    bank.failed.add(sent.order_reference)
    assert services.reconcile()["failed"] == 1
    sent.refresh_from_db()
    assert sent.status == PaymentStatus.FAILED


def test_an_order_the_bank_never_saw_expires_after_its_validity(bank, sent, asked):
    assert services.reconcile()["expired"] == 1
    sent.refresh_from_db()
    asked.refresh_from_db()
    assert sent.status == PaymentStatus.EXPIRED
    assert asked.status == Status.PAYMENT  # still waiting: the citizen can pay again


def test_a_wrong_amount_in_the_query_answer_never_marks_paid(bank, sent):
    bank.paid[sent.order_reference] = sent.amount - 1
    assert services.reconcile()["errors"] == 1
    sent.refresh_from_db()
    assert sent.status == PaymentStatus.PENDING


def test_a_gateway_that_is_down_leaves_the_payment_pending_for_the_next_run(bank, sent):
    bank.down = True
    assert services.reconcile()["errors"] == 1
    sent.refresh_from_db()
    assert sent.status == PaymentStatus.PENDING
    assert sent.notifications.get().outcome == "error"


def test_a_recent_payment_is_not_asked_about_yet(bank, office, asked, settings):
    settings.PAYMENT_GATEWAY = "vnpay"
    start(asked, office["citizen"])
    office["clock"].set(vn(2026, 5, 6, 10, 10))
    assert services.reconcile()["asked"] == 0


def test_the_management_command_reports_what_it_did(bank, sent, capsys):
    bank.paid[sent.order_reference] = sent.amount
    call_command("reconcile_payments")
    assert "1 đã thanh toán" in capsys.readouterr().out


def test_the_task_runs_the_same_reconciliation(bank, sent):
    from congso.payments.tasks import reconcile_payments

    bank.paid[sent.order_reference] = sent.amount
    result = reconcile_payments.enqueue()
    assert result.return_value["paid"] == 1
