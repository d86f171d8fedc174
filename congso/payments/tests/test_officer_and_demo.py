"""The officer's view of a dossier's payments, and the demo command."""

from django.core.management import call_command

from congso.payments.tests.conftest import bank_says, start


def test_the_officer_page_lists_the_payments_with_the_gateway_outcomes(client, office, asked):
    payment = start(asked, office["citizen"])
    client.get("/thanh-toan/ipn/", bank_says(payment))
    from django.contrib.auth.models import Group

    from congso.dossiers.status import Role
    from congso.users.roles import DOSSIER_GROUP_OF_ROLE, setup_roles

    setup_roles()
    office["one_stop"].groups.add(Group.objects.get(name=DOSSIER_GROUP_OF_ROLE[Role.ONE_STOP]))
    client.force_login(office["one_stop"])
    html = client.get(f"/admin/mot-cua/{asked.pk}/").content.decode()
    assert payment.order_reference in html
    assert "56.000 đồng" in html and "Đã thanh toán" in html and "paid" in html


def test_the_demo_command_enables_online_payment_only_on_sample_procedures_with_fees(office):
    from congso.dossiers.tests.factories import make_procedure
    from congso.payments.tests.conftest import add_fees

    sample = make_procedure(office["agency"], is_sample=True)
    add_fees(sample)
    free_sample = make_procedure(office["agency"], is_sample=True)
    real = make_procedure(office["agency"])
    add_fees(real)
    call_command("load_sample_payments")
    sample.refresh_from_db()
    free_sample.refresh_from_db()
    real.refresh_from_db()
    assert (sample.online_payment, free_sample.online_payment, real.online_payment) == (
        True,
        False,
        False,
    )
