"""The public page /chi-so-766/, the admin's close view and entered values: who may do what,
and bad input answered with a message, never a 500."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission

from congso.core.tests.factories import UserFactory
from congso.dossiers.tests.factories import make_agency
from congso.index766.models import EnteredValue, Indicator, PeriodClosure
from congso.index766.tests.helpers import add_facts, d, procedure

PAGE = "/chi-so-766/"
CLOSE = "/admin/chi-so-766/khoa-ky/"
ADD_VALUE = "/admin/snippets/index766/enteredvalue/add/"


@pytest.fixture(autouse=True)
def site(home):
    """Pages render the site's settings: a site with its home page, whatever ran before."""
    return home


@pytest.fixture
def agency(set_766):
    agency = make_agency()
    add_facts(agency, [(procedure(agency, published=d(1, 1)), 2, d(5, 4, 2025), d(5, 11, 2025),
                        d(5, 8, 2025), "early", 5, d(5, 9, 2025), False, None, True, True)])  # fmt: skip
    return agency


@pytest.fixture
def editor(db):
    """A staff member who may use the admin but holds no permission of the index."""
    user = UserFactory(username="bientap", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_page_shows_every_indicator_and_the_ranking(client, agency):
    response = client.get(PAGE, {"ky": "2025", "co-quan": agency.identifier})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<tr data-code="') == 21
    assert 'id="ranking-table"' in html and agency.name in html
    assert "<svg" in html and "Chưa nhập" in html


def test_the_picker_builds_the_period_from_year_and_quarter(client, agency):
    response = client.get(PAGE, {"nam": "2025", "quy": "2"})
    assert response.status_code == 200
    assert response.context["period"].code == "2025-Q2"


def test_a_nonsense_period_on_the_page_is_a_400_with_a_message(client, set_766):
    response = client.get(PAGE, {"ky": "2025-Q7"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()


def test_an_unknown_agency_on_the_page_is_a_404_with_a_message(client, set_766):
    response = client.get(PAGE, {"ky": "2025", "co-quan": "<script>x</script>"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy cơ quan" in html and "<script>x</script>" not in html


def test_an_officer_without_the_permission_cannot_close_a_period(client, editor, set_766):
    client.force_login(editor)
    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    assert client.get(CLOSE).status_code in (302, 403)
    assert client.post(CLOSE, {"period": "2025-Q3"}).status_code in (302, 403)
    assert not PeriodClosure.objects.exists()


def test_an_officer_without_the_permission_cannot_enter_a_value(client, editor, agency):
    client.force_login(editor)
    indicator = Indicator.objects.get(code="1.2")
    response = client.post(
        ADD_VALUE,
        {"agency": agency.pk, "period": "2025", "indicator": indicator.pk, "numerator": "1",
         "denominator": "1", "evidence": "x"},
    )  # fmt: skip
    assert response.status_code in (302, 403)
    assert not EnteredValue.objects.exists()


def test_an_admin_closes_a_period_and_a_second_close_is_a_409(client, agency):
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.post(CLOSE, {"period": "2025-Q2"}).status_code == 302
    closure = PeriodClosure.objects.get(period="2025-Q2")
    assert closure.closed_by == admin and closure.agencies.count() == 1
    again = client.post(CLOSE, {"period": "2025-Q2"})
    assert again.status_code == 409
    assert "đã được khóa" in again.content.decode()


def test_closing_a_nonsense_period_in_the_admin_is_a_400(client, set_766):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    response = client.post(CLOSE, {"period": "2025-Q9"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()


def _value_form(agency, code="1.2", period="2025", **extra):
    return {
        "agency": agency.pk,
        "period": period,
        "indicator": Indicator.objects.get(code=code).pk,
        "numerator": "8",
        "denominator": "10",
        "evidence": "Báo cáo số 12/BC (dữ liệu mẫu)",
        **extra,
    }


def test_an_admin_enters_a_value_and_is_recorded_as_the_one_who_entered_it(client, agency):
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.post(ADD_VALUE, _value_form(agency)).status_code == 302
    value = EnteredValue.objects.get()
    assert value.entered_by == admin and value.period == "2025"


def test_a_computed_indicator_cannot_be_entered(client, agency):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    response = client.post(ADD_VALUE, _value_form(agency, code="2.1"))
    assert response.status_code == 200 and not EnteredValue.objects.exists()


def test_a_value_cannot_be_entered_into_a_closed_period(client, agency):
    from congso.index766 import services

    services.close_period(services.period_of("2025"), today=dt.date(2026, 1, 2))
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    response = client.post(ADD_VALUE, _value_form(agency))
    assert response.status_code == 200 and "đã khóa" in response.content.decode()
    assert not EnteredValue.objects.exists()


def test_a_numerator_over_its_denominator_is_refused(client, agency):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    response = client.post(ADD_VALUE, _value_form(agency, numerator="11"))
    assert response.status_code == 200 and not EnteredValue.objects.exists()
