"""An office whose procedure has fees (one fixed, one per page) and online payment, and a
dossier brought to "waiting for payment" through the real services."""

import pytest

from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role
from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    submitted_dossier,
    vn,
)
from congso.procedures.models import Fee

FIXED = 50_000
PER_PAGE = 2_000


def add_fees(procedure):
    Fee.objects.create(
        procedure=procedure, description="Lệ phí cấp giấy phép", amount=FIXED, sort_order=0
    )
    Fee.objects.create(
        procedure=procedure,
        description="Phí sao y",
        amount=PER_PAGE,
        per_quantity=True,
        unit="trang",
        sort_order=1,
    )


@pytest.fixture
def office(holidays_2026, clock, settings):  # noqa: F811
    settings.PAYMENT_GATEWAY = "sandbox"
    agency = make_agency()
    procedure = make_procedure(agency, time_limit=5, online_payment=True)
    add_fees(procedure)
    return {
        "agency": agency,
        "one_stop": make_staff(agency, Role.ONE_STOP, "motcua"),
        "specialist": make_staff(agency, Role.SPECIALIST, "chuyenvien"),
        "leader": make_staff(agency, Role.LEADER, "lanhdao"),
        "citizen": make_user("congdan"),
        "procedure": procedure,
        "clock": clock,
    }


@pytest.fixture
def asked(office):
    """A received dossier the specialist asked to pay 50.000 + 3 × 2.000 = 56.000 đồng."""
    at = office["clock"]
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    at.set(vn(2026, 5, 5, 9, 0))
    perform(dossier.pk, office["one_stop"], "receive")
    at.set(vn(2026, 5, 6, 10, 0))
    return perform(dossier.pk, office["specialist"], "request-payment", {"quantity": 3})


def start(dossier, citizen):
    """The citizen presses "Thanh toán trực tuyến": the payment sent to the gateway."""
    from congso.payments import services

    services.start_online(
        dossier.pk, citizen, return_url="http://testserver/thanh-toan/ket-qua/", client_ip="1.2.3.4"
    )
    return dossier.payments.order_by("-pk").first()


def bank_says(payment, *, success=True, at=None):
    """The signed parameters the sandbox bank sends for `payment`."""
    from congso.payments.gateways import get_gateway
    from congso.payments.gateways.vnpay import F

    gateway = get_gateway("sandbox")
    asked = {
        F["merchant"]: gateway.merchant,
        F["amount"]: str(payment.amount * 100),
        F["reference"]: payment.order_reference,
        F["order_info"]: "Thanh toan",
    }
    return gateway.bank_answer(asked, success=success, at=at or vn(2026, 5, 6, 10, 5))


__all__ = ["bank_says", "start", "vn"]
