"""Issue 9's contracts, parts 7 and 1: public tracking by code, the agencies list and the
due-date calculator, called as an outside program would (helpers in contract_issue9.py)."""

import json

import pytest

from congso.dossiers.models import Dossier
from congso.dossiers.status import Status
from congso.dossiers.tests import contract_issue9 as contract
from congso.dossiers.tests.contract_issue9 import (
    AGENCY,
    API,
    APPLICANT,
    CITIZEN,
    COMMUNE,
    PROCEDURE,
    at_status,
    due,
    filed,
    tracking,
    vietnamese,
)
from congso.dossiers.tests.factories import vn

pytestmark = pytest.mark.django_db
api, demo = contract.api, contract.demo


# --- part 7: tracking -------------------------------------------------------------------------


def test_tracking_by_code_answers_the_public_fields_and_no_history(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    body = tracking(client, code).json()
    assert {"code", "status", "status_text", "procedure", "received_at", "due_at"} <= set(body)
    assert body["code"] == code and body["status"] == 2 and body["procedure"] == PROCEDURE
    assert body["due_at"] == "2026-05-12T09:00:00+07:00"
    assert "history" not in body
    assert APPLICANT["name"] not in json.dumps(body, ensure_ascii=False)
    assert APPLICANT["id_number"] not in json.dumps(body)


def test_tracking_with_the_secret_adds_the_history(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    secret = api(CITIZEN).get(f"{API}/{dossier_id}").json()["secret"]
    body = tracking(client, code, secret=secret).json()
    assert [row["action"] for row in body["history"]][:2] == ["submit", "receive"]


def test_before_receipt_the_dossier_is_tracked_by_its_reference(api, client):
    dossier_id = filed(api)
    reference = api(CITIZEN).get(f"{API}/{dossier_id}").json()["reference"]
    body = tracking(client, reference).json()
    assert body["status"] == 1 and body["received_at"] is None


def test_a_wrong_secret_answers_exactly_what_the_code_alone_answers(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    assert tracking(client, code, secret="sai").json() == tracking(client, code).json()


def test_a_wrong_code_tells_nothing_but_a_vietnamese_not_found(api, client):
    at_status(api, Status.RECEIVED)
    answers = [tracking(client, code) for code in (f"{AGENCY}-260505-0002", "x", "1")]
    assert {a.status_code for a in answers} == {404}
    assert len({a.json()["detail"] for a in answers}) == 1
    assert vietnamese(answers[0].json()["detail"])


def test_tracking_too_often_is_a_429_with_a_vietnamese_message(api, client, settings):
    settings.DOSSIER_TRACKING_RATE_LIMIT = "3/60"
    for _ in range(3):
        tracking(client, "x")
    answer = tracking(client, "x")
    assert answer.status_code == 429 and vietnamese(answer.json()["detail"])


# --- part 1: agencies and the due-date calculator ---------------------------------------------


def test_the_agencies_list_has_the_list_shape_and_the_four_fields(client, demo):
    body = client.get("/api/v1/agencies").json()
    assert {"count", "page", "page_size", "results"} <= set(body)
    rows = {row["identifier"]: row for row in body["results"]}
    assert {"identifier", "name", "level", "parent"} <= set(rows[AGENCY])
    assert rows[COMMUNE]["parent"] == AGENCY and rows[AGENCY]["parent"] is None
    assert rows[AGENCY]["level"] == "province" and rows[COMMUNE]["level"] == "commune"


@pytest.mark.parametrize(
    "received_at, amount, unit, expected",
    [
        ("2026-04-24T16:45:00+07:00", 3, "working_day", "2026-05-04T16:45:00+07:00"),
        ("2026-04-24T16:45:00+07:00", 2, "working_day", "2026-04-29T16:45:00+07:00"),
        ("2026-04-28T08:00:00+07:00", 3, "working_day", "2026-05-05T08:00:00+07:00"),
        ("2026-05-05T12:10:00+07:00", 4, "working_hour", "2026-05-05T17:00:00+07:00"),
        ("2026-05-05T09:00:00+07:00", 5, "working_day", "2026-05-12T09:00:00+07:00"),
    ],
)
def test_the_worked_examples_of_services_md_through_the_api(
    client, demo, received_at, amount, unit, expected
):
    answer = due(client, received_at, amount, unit)
    assert answer.status_code == 200 and answer.json() == {"due_at": expected}


def test_the_supplement_example_of_services_md_through_the_dossiers_api(api, clock):
    dossier_id = filed(api)
    clock.set(vn(2026, 5, 5, 9, 0))
    assert api("motcua").act(dossier_id, "receive").json()["due_at"] == "2026-05-12T09:00:00+07:00"
    clock.set(vn(2026, 5, 7, 10, 0))
    api("chuyenvien").act(dossier_id, "request-supplement", {"reason": "Thiếu (mẫu)"})
    clock.set(vn(2026, 5, 11, 14, 0))
    body = api(CITIZEN).act(dossier_id, "supplement", {"note": "Đã bổ sung (mẫu)"}).json()
    assert body["due_at"] == "2026-05-14T11:30:00+07:00"


def test_an_amount_of_a_thousand_is_answered(client, demo):
    assert due(client, "2026-05-05T09:00:00+07:00", 1000).status_code == 200


@pytest.mark.parametrize(
    "received_at, amount, unit, agency",
    [
        ("2026-05-05T09:00:00+07:00", 1001, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", 0, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", -1, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", "2.5", "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", "", "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", 3, "week", AGENCY),
        ("2026-05-05T09:00:00+07:00", 3, "", AGENCY),
        ("05/05/2026 09:00", 3, "working_day", AGENCY),
        ("", 3, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", 3, "working_day", "000.99.99.H99"),
        ("2026-05-05T09:00:00+07:00", 3, "working_day", ""),
    ],
)
def test_a_bad_due_date_parameter_is_a_400_with_a_message(
    client, demo, received_at, amount, unit, agency
):
    answer = due(client, received_at, amount, unit, agency)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_the_calculator_answers_130_requests_a_minute_from_one_address(client, demo):
    codes = {due(client, "2026-05-05T09:00:00+07:00", 3).status_code for _ in range(130)}
    assert codes == {200}
