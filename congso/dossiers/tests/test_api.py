"""GET /api/v1/calendar/due-date: the contract other programs rely on."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import make_agency

pytestmark = pytest.mark.django_db
URL = "/api/v1/calendar/due-date"
GOOD = {
    "agency": "000.00.12.H56",
    "received_at": "2026-04-24T16:45:00+07:00",
    "amount": "3",
    "unit": "working_day",
}


@pytest.fixture
def agency(db):
    return make_agency()


def ask(client, **changes):
    return client.get(URL, {**GOOD, **changes})


def test_the_due_date_is_returned_with_the_vietnam_offset(client, agency):
    response = ask(client)
    assert response.status_code == 200
    assert response.json() == {"due_at": "2026-05-04T16:45:00+07:00"}


def test_a_naive_received_at_is_vietnam_time(client, agency):
    assert ask(client, received_at="2026-04-24T16:45:00").json()["due_at"] == (
        "2026-05-04T16:45:00+07:00"
    )


def test_a_received_at_in_utc_is_converted_to_vietnam_time(client, agency):
    assert ask(client, received_at="2026-04-24T09:45:00Z").json()["due_at"] == (
        "2026-05-04T16:45:00+07:00"
    )


def test_a_plus_sign_lost_in_an_unencoded_query_string_is_read_as_the_offset(client, agency):
    response = client.get(
        URL + "?agency=000.00.12.H56&received_at=2026-04-24T16:45:00+07:00"
        "&amount=3&unit=working_day"
    )
    assert response.json() == {"due_at": "2026-05-04T16:45:00+07:00"}


def test_working_hours_and_calendar_days_are_accepted_units(client, agency):
    assert ask(client, unit="working_hour", amount="4", received_at="2026-05-05T12:10").json() == {
        "due_at": "2026-05-05T17:00:00+07:00"
    }
    assert ask(client, unit="day", amount="2", received_at="2026-04-28T10:00").json() == {
        "due_at": "2026-05-04T10:00:00+07:00"
    }


def test_an_amount_of_a_thousand_working_days_is_answered(client, agency):
    assert ask(client, amount="1000").status_code == 200


def _refused(response, word):
    assert response.status_code == 400
    assert word in response.json()["detail"]


def test_an_unknown_agency_is_a_400_with_a_message(client, agency):
    _refused(ask(client, agency="000.00.99.H99"), "cơ quan")


def test_a_missing_agency_is_a_400_with_a_message(client, agency):
    _refused(client.get(URL, {k: v for k, v in GOOD.items() if k != "agency"}), "cơ quan")


@pytest.mark.parametrize("bad", ["", "hôm qua", "2026-13-01T08:00", "24/04/2026", "1900-01-01"])
def test_a_bad_received_at_is_a_400_with_a_message(client, agency, bad):
    _refused(ask(client, received_at=bad), "received_at")


@pytest.mark.parametrize("bad", ["0", "1001", "-1", "2.5", "ba", "", "²", "3²"])
def test_an_amount_outside_one_to_a_thousand_or_not_an_integer_is_a_400(client, agency, bad):
    _refused(ask(client, amount=bad), "amount")


@pytest.mark.parametrize("bad", ["", "week", "WORKING_DAY"])
def test_an_unknown_unit_is_a_400_with_a_message(client, agency, bad):
    _refused(ask(client, unit=bad), "unit")


def test_the_calculator_is_not_limited_at_120_requests_a_minute(client, agency):
    codes = {ask(client).status_code for _ in range(121)}
    assert codes == {200}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    received_at=st.one_of(st.text(max_size=40), st.datetimes().map(lambda d: d.isoformat())),
    amount=st.one_of(st.text(max_size=6), st.integers(-5, 1005).map(str)),
    unit=st.sampled_from(["working_day", "working_hour", "day", "", "x"]),
)
def test_the_calculator_answers_200_or_400_to_anything(client, agency, received_at, amount, unit):
    response = ask(client, received_at=received_at, amount=amount, unit=unit)
    assert response.status_code in (200, 400)
    assert set(response.json()) <= {"due_at", "detail"}


def test_a_received_at_with_a_space_instead_of_t_is_read_as_vietnam_time(client, agency):
    assert ask(client, received_at="2026-04-24 16:45").json() == {
        "due_at": "2026-05-04T16:45:00+07:00"
    }


def test_a_flood_from_one_address_gets_a_429_with_retry_after(client, agency, settings):
    settings.DUE_DATE_RATE_LIMIT = "3/3600"
    codes = [ask(client).status_code for _ in range(3)]
    response = ask(client)
    assert codes == [200, 200, 200]
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Quá nhiều yêu cầu" in response.json()["detail"]


def test_the_limit_counts_each_address_on_its_own(client, agency, settings):
    settings.DUE_DATE_RATE_LIMIT = "1/3600"
    assert ask(client).status_code == 200
    other = client.get(URL, GOOD, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200
