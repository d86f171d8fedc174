"""The citizen's pages (box in "Hồ sơ của tôi", the sandbox bank, the return page) and who may
download a receipt."""

import pytest

from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role, Status
from congso.dossiers.tests.factories import make_agency, make_staff, make_user
from congso.payments.models import PaymentStatus
from congso.payments.tests.conftest import bank_says, start


def page(client, user, dossier):
    client.force_login(user)
    return client.get(f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/").content.decode()


def test_my_dossier_shows_the_amount_the_items_and_the_pay_button(client, office, asked):
    html = page(client, office["citizen"], asked)
    assert "56.000 đồng" in html and "Phí sao y" in html and "3 trang" in html
    assert "Thanh toán trực tuyến" in html


def test_without_online_payment_the_citizen_is_told_to_pay_at_the_desk(client, office, asked):
    office["procedure"].online_payment = False
    office["procedure"].save()
    html = page(client, office["citizen"], asked)
    assert "Thanh toán trực tuyến" not in html
    assert "Vui lòng nộp tại" in html
    client.force_login(office["citizen"])
    response = client.post(f"/thanh-toan/ho-so/{asked.pk}/", follow=True)
    assert "chưa cho phép thanh toán trực tuyến" in response.content.decode()


def test_paying_through_the_sandbox_marks_paid_and_shows_the_receipt(client, office, asked):
    client.force_login(office["citizen"])
    to_bank = client.post(f"/thanh-toan/ho-so/{asked.pk}/")
    assert to_bank.status_code == 302 and to_bank.url.startswith("/thanh-toan/sandbox/?")
    bank_page = client.get(to_bank.url)
    assert "Thanh toán thành công" in bank_page.content.decode()
    fields = dict(bank_page.context["params"], ket_qua="thanh-cong")
    back = client.post("/thanh-toan/sandbox/", fields, follow=True)
    assert "Đã thanh toán" in back.content.decode()
    asked.refresh_from_db()
    assert asked.status == Status.RECEIVED
    html = page(client, office["citizen"], asked)
    assert "Biên lai thu phí, lệ phí (PDF)" in html


def test_the_sandbox_refuses_an_unsigned_order(client, office, asked):
    payment = start(asked, office["citizen"])
    response = client.get(
        "/thanh-toan/sandbox/", {"vnp_TxnRef": payment.order_reference, "vnp_Amount": "1"}
    )
    assert response.status_code == 400


def test_the_sandbox_does_not_exist_with_a_real_gateway(client, settings, db):
    settings.PAYMENT_GATEWAY = "vnpay"
    assert client.get("/thanh-toan/sandbox/").status_code == 404


def test_another_citizen_cannot_start_the_payment(client, office, asked):
    client.force_login(make_user("nguoikhac"))
    assert client.post(f"/thanh-toan/ho-so/{asked.pk}/").status_code == 302
    assert not asked.payments.exclude(started_at=None).exists()


@pytest.fixture
def paid(client, office, asked):
    payment = start(asked, office["citizen"])
    client.get("/thanh-toan/ipn/", bank_says(payment))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    return payment


def test_the_owner_downloads_the_receipt_as_a_pdf(client, office, paid):
    client.force_login(office["citizen"])
    response = client.get(f"/thanh-toan/bien-lai/{paid.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_officer_of_the_agency_downloads_the_receipt(client, office, paid):
    client.force_login(office["one_stop"])
    assert client.get(f"/thanh-toan/bien-lai/{paid.pk}/").status_code == 200


@pytest.mark.parametrize("who", ["other_citizen", "other_agency_officer"])
def test_nobody_else_gets_the_receipt(client, office, paid, who):
    if who == "other_citizen":
        user = make_user("nguoila")
    else:
        user = make_staff(make_agency("000.00.99.H56", "Sở khác"), Role.ONE_STOP, "canbokhac")
    client.force_login(user)
    assert client.get(f"/thanh-toan/bien-lai/{paid.pk}/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in_for_a_receipt(client, paid):
    response = client.get(f"/thanh-toan/bien-lai/{paid.pk}/")
    assert response.status_code == 302 and "login" in response.url


def test_an_unpaid_payment_has_no_receipt(client, office, asked):
    client.force_login(office["citizen"])
    payment = asked.payments.get()
    assert client.get(f"/thanh-toan/bien-lai/{payment.pk}/").status_code == 404


def test_the_officer_asks_for_payment_from_the_admin_page(client, office):
    from django.contrib.auth.models import Group

    from congso.dossiers.tests.factories import submitted_dossier
    from congso.users.roles import DOSSIER_GROUP_OF_ROLE, setup_roles

    setup_roles()
    specialist = office["specialist"]
    specialist.groups.add(Group.objects.get(name=DOSSIER_GROUP_OF_ROLE[Role.SPECIALIST]))
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    client.force_login(specialist)
    detail = client.get(f"/admin/mot-cua/{dossier.pk}/")
    assert "Yêu cầu thực hiện nghĩa vụ tài chính" in detail.content.decode()
    client.post(
        f"/admin/mot-cua/{dossier.pk}/thao-tac/request-payment/",
        {"request-payment-quantity": "2"},
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.PAYMENT
    assert dossier.payments.get().amount == 54_000


def test_the_procedure_page_shows_per_quantity_fees_and_online_payment(client, office, home):
    html = client.get(office["procedure"].get_absolute_url()).content.decode()
    assert "2.000 đồng</strong>/trang" in html
    assert "thanh toán trực tuyến" in html
