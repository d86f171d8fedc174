"""Public tracking: /tra-cuu-ho-so/ and GET /api/v1/dossiers/{code}/tracking."""

import pytest
from django.test import override_settings

from congso.dossiers.services import records
from congso.dossiers.services.processing import perform
from congso.dossiers.tests import api_fixtures
from congso.dossiers.tests.factories import APPLICANT, submitted_dossier, vn

pytestmark = pytest.mark.django_db
office = api_fixtures.office
PAGE = "/tra-cuu-ho-so/"


def api_url(code):
    return f"/api/v1/dossiers/{code}/tracking"


@pytest.fixture
def received(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    clock.set(vn(2026, 5, 5, 9, 0))
    perform(dossier.pk, office["one_stop"], "receive")
    clock.set(vn(2026, 5, 7, 10, 0))
    perform(dossier.pk, office["specialist"], "request-supplement", {"reason": "Thiếu bản sao"})
    dossier.refresh_from_db()
    return dossier


def _personal_data_absent(text):
    for value in APPLICANT.values():
        assert value not in text
    assert "congdan1" not in text


def test_by_code_alone_the_api_shows_status_procedure_and_dates(client, received):
    body = client.get(api_url(received.code)).json()
    assert body["code"] == "000.00.12.H56-260505-0001"
    assert (body["status"], body["status_text"]) == (5, "Cần bổ sung, hoàn thiện hồ sơ")
    assert body["procedure"] == received.procedure.code
    assert body["received_at"] == "2026-05-05T09:00:00+07:00"
    assert body["due_at"] == "2026-05-12T09:00:00+07:00"
    assert "history" not in body


def test_tracking_shows_no_personal_data_even_with_the_secret(client, received):
    secret = records.tracking_secret(received)
    _personal_data_absent(client.get(api_url(received.code)).content.decode())
    _personal_data_absent(client.get(api_url(received.code), {"secret": secret}).content.decode())
    _personal_data_absent(
        client.get(PAGE, {"ma": received.code, "secret": secret}).content.decode()
    )


def test_with_the_secret_the_api_adds_the_public_history(client, received):
    secret = records.tracking_secret(received)
    body = client.get(api_url(received.code), {"secret": secret}).json()
    actions = [row["action"] for row in body["history"]]
    assert actions == ["submit", "receive", "request-supplement"]
    assert body["history"][0]["actor"] == "Người nộp hồ sơ"
    assert body["history"][2]["note"] == "Thiếu bản sao"


def test_a_wrong_secret_gets_exactly_the_answer_without_one(client, received):
    without = client.get(api_url(received.code))
    wrong = client.get(api_url(received.code), {"secret": "SAIMABIMAT123456"})
    assert wrong.status_code == without.status_code == 200
    assert wrong.json() == without.json()


def test_an_unknown_code_is_a_404_that_says_nothing_more(client, received):
    response = client.get(api_url("000.00.12.H56-260505-0999"), {"secret": "x"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy hồ sơ."}


def test_a_draft_is_not_found_by_its_reference(client, office):
    from congso.dossiers.services import filing

    draft = filing.create_draft(office["citizen"], office["procedure"], applicant={"name": "A"})
    assert client.get(api_url(draft.reference)).status_code == 404


def test_before_receipt_the_reference_is_the_code(client, office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    body = client.get(api_url(dossier.reference)).json()
    assert body["code"] == str(dossier.reference)
    assert (body["status"], body["received_at"], body["due_at"]) == (1, None, None)


def test_a_code_typed_in_lower_case_is_found(client, received):
    assert client.get(api_url(received.code.lower())).status_code == 200


def test_the_api_answer_is_never_stored_by_a_cache(client, received):
    response = client.get(api_url(received.code))
    assert "no-store" in response["Cache-Control"]


def test_the_page_shows_a_form_to_type_the_code(client, db):
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="ma"' in html and "Tra cứu hồ sơ" in html
    assert 'name="viewport"' in html


def test_the_page_shows_the_status_in_words(client, received):
    html = client.get(PAGE, {"ma": received.code}).content.decode()
    assert "Cần bổ sung, hoàn thiện hồ sơ" in html
    assert "12:00" not in html and "09:00 12/05/2026" in html
    assert "Quá trình xử lý" not in html


def test_the_page_shows_the_history_with_the_secret(client, received):
    secret = records.tracking_secret(received)
    html = client.get(PAGE, {"ma": received.code, "secret": secret}).content.decode()
    assert "Quá trình xử lý" in html and "Thiếu bản sao" in html


def test_the_page_with_a_wrong_secret_is_the_page_without_one(client, received):
    without = client.get(PAGE, {"ma": received.code}).content.decode()
    wrong = client.get(PAGE, {"ma": received.code, "secret": "SAI"}).content.decode()
    assert without == wrong


def test_the_page_with_an_unknown_code_says_not_found(client, db):
    response = client.get(PAGE, {"ma": "khong-co"})
    assert response.status_code == 404
    assert "Không tìm thấy hồ sơ." in response.content.decode()


def test_the_page_escapes_what_was_typed(client, db):
    html = client.get(PAGE, {"ma": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html


def test_the_page_with_a_secret_is_private_and_never_cached(client, received):
    secret = records.tracking_secret(received)
    first = client.get(PAGE, {"ma": received.code, "secret": secret})
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert first["Referrer-Policy"] == "no-referrer"
    second = client.get(PAGE, {"ma": received.code, "secret": secret})
    assert second.get("X-Page-Cache", "") != "hit"


def test_the_receipts_tracking_link_opens_the_page(client, received):
    from urllib.parse import urlsplit

    link = urlsplit(records.tracking_url(received, with_secret=True))
    response = client.get(f"{link.path}?{link.query}")
    assert "Quá trình xử lý" in response.content.decode()


@override_settings(DOSSIER_TRACKING_RATE_LIMIT="3/60")
def test_too_many_lookups_from_one_address_get_a_429_with_retry_after(client, received):
    for _ in range(3):
        assert client.get(api_url(received.code)).status_code == 200
    response = client.get(api_url(received.code))
    assert response.status_code == 429
    assert "thử lại" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0


@override_settings(DOSSIER_TRACKING_RATE_LIMIT="3/60")
def test_the_page_and_the_api_share_one_limit(client, received):
    client.get(api_url(received.code))
    client.get(PAGE, {"ma": received.code})
    client.get(api_url("khong-co"))
    response = client.get(PAGE, {"ma": received.code})
    assert response.status_code == 429
    assert "thử lại" in response.content.decode()
    assert "Retry-After" in response


@override_settings(DOSSIER_TRACKING_RATE_LIMIT="3/60")
def test_another_address_is_counted_apart(client, received):
    for _ in range(4):
        client.get(api_url(received.code))
    other = client.get(api_url(received.code), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200
