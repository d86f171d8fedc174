"""Issue 9's contracts, part 9 (bad input and races) through the API: every action in every
status is done or a 409 with the reason, never a 500 (helpers in contract_issue9.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from congso.dossiers.models import Dossier
from congso.dossiers.status import FINISHED, Status
from congso.dossiers.tests import contract_issue9 as contract
from congso.dossiers.tests.contract_issue9 import (
    AGENCY,
    ALLOWED,
    API,
    APPLICANT,
    BODIES,
    CITIZEN,
    PROCEDURE,
    WITH_EFORM,
    assert_dossier_answer,
    at_status,
    caller,
    create,
    due,
    filed,
    tracking,
    vietnamese,
)
from congso.dossiers.tests.factories import pdf_upload

pytestmark = pytest.mark.django_db
api, demo = contract.api, contract.demo


# --- part 9: every action in every status -----------------------------------------------------

STATUSES = [int(s) for s in Status]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", list(BODIES))
def test_every_action_in_every_status_is_done_or_a_409_with_the_reason(api, action, status):
    dossier_id = at_status(api, status)
    login, body = caller(dossier_id, action)
    answer = api(login).act(dossier_id, action, body)
    if status in ALLOWED[action]:
        assert answer.status_code == 200, answer.json()
        assert_dossier_answer(answer.json())
    else:
        assert answer.status_code == 409, answer.json()
        assert vietnamese(answer.json()["detail"])
        assert Dossier.objects.get(pk=dossier_id).status == status


def test_a_double_clicked_submission_creates_one_dossier(api):
    created = create(api).json()
    citizen = api(CITIZEN)
    for component in created["components"]:
        if component["required"]:
            citizen.upload(created["id"], pdf_upload(), component["id"])
    first = citizen.act(created["id"], "submit")
    second = citizen.act(created["id"], "submit")
    assert (first.status_code, second.status_code) == (200, 409)
    assert vietnamese(second.json()["detail"])
    assert Dossier.objects.filter(status=Status.SUBMITTED).count() == 1


def test_a_double_clicked_creation_with_one_idempotency_key_creates_one_dossier(api):
    citizen = api(CITIZEN)
    body = {"procedure": PROCEDURE, "applicant": APPLICANT, "summary": "", "form_data": {}}
    first = citizen.post(API, body, **{"Idempotency-Key": "nhan-doi-1"})
    second = citizen.post(API, body, **{"Idempotency-Key": "nhan-doi-1"})
    assert first.json()["id"] == second.json()["id"]
    assert Dossier.objects.count() == 1


def test_two_officers_receiving_one_after_the_other_one_wins_the_other_gets_409(api):
    dossier_id = filed(api)
    assert api("motcua").act(dossier_id, "receive").status_code == 200
    again = api("motcua").act(dossier_id, "receive")
    assert again.status_code == 409 and vietnamese(again.json()["detail"])


def test_the_second_officer_to_receive_is_told_the_dossier_was_received_and_its_code(api):
    dossier_id = filed(api)
    code = api("motcua").act(dossier_id, "receive").json()["code"]
    again = api("motcua").act(dossier_id, "receive")
    assert again.status_code == 409 and code in again.json()["detail"]


SETTLED = [
    (action, int(status))
    for action in ("receive", "approve", "forward", "return-result", "stop")
    for status in sorted(FINISHED)
    # Returning the result is what a processed dossier waits for.
    if (action, status) != ("return-result", Status.DONE)
]


@pytest.mark.parametrize("action, status", SETTLED)
def test_a_step_action_on_a_settled_dossier_names_its_status(api, action, status):
    dossier_id = at_status(api, status)
    login, body = caller(dossier_id, action)
    answer = api(login).act(dossier_id, action, body)
    assert answer.status_code == 409
    detail = answer.json()["detail"]
    assert str(Status(status).label) in detail or "đã được tiếp nhận" in detail


def test_a_file_that_claims_to_be_a_pdf_and_is_not_is_refused_with_a_message(api):
    created = create(api).json()
    fake = SimpleUploadedFile("don.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    answer = api(CITIZEN).upload(created["id"], fake, created["components"][0]["id"])
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_refused_upload_keeps_nothing(api):
    created = create(api).json()
    fake = SimpleUploadedFile("don.pdf", b"not a pdf", "application/pdf")
    api(CITIZEN).upload(created["id"], fake, created["components"][0]["id"])
    assert api(CITIZEN).get(f"{API}/{created['id']}").json()["files"] == []


def _eform_component(api) -> int:
    answer = api(CITIZEN).get(f"/api/v1/procedures/{WITH_EFORM}")
    (component,) = [c for c in answer.json()["components"] if c["form_schema"]]
    return component["id"]


def test_e_form_data_breaking_its_schema_is_refused_field_by_field(api):
    component = _eform_component(api)
    bad = {"ho_ten": "", "so_dinh_danh": "123", "ngay_ky": "hôm qua", "so_luong": 0}
    created = create(api, WITH_EFORM, form_data={str(component): bad}).json()
    for c in created["components"]:
        if c["required"] and c["id"] != component:
            api(CITIZEN).upload(created["id"], pdf_upload(), c["id"])
    answer = api(CITIZEN).act(created["id"], "submit")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])
    fields = answer.json()["errors"]["form_data"][str(component)]
    assert {"ho_ten", "so_dinh_danh", "ngay_ky", "so_luong"} <= set(fields)


def test_e_form_data_that_follows_its_schema_is_submitted(api):
    component = _eform_component(api)
    good = {"ho_ten": "Nguyễn Văn A (mẫu)", "so_dinh_danh": "001099000001", "ngay_ky": "2026-05-05"}
    created = create(api, WITH_EFORM, form_data={str(component): good}).json()
    for c in created["components"]:
        if c["required"] and c["id"] != component:
            api(CITIZEN).upload(created["id"], pdf_upload(), c["id"])
    assert api(CITIZEN).act(created["id"], "submit").status_code == 200


# --- NUL characters: PostgreSQL can neither store nor compare them ----------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"procedure": PROCEDURE, "applicant": {**APPLICANT, "name": "Nguyễn\x00Văn A"}},
        {"procedure": PROCEDURE + "\x00", "applicant": APPLICANT},
        {"procedure": PROCEDURE, "applicant": APPLICANT, "summary": "x\x00"},
        {"procedure": PROCEDURE, "applicant": APPLICANT, "agency": AGENCY + "\x00"},
        {"procedure": PROCEDURE, "applicant": APPLICANT, "form_data": {"1": {"a\x00": "b"}}},
    ],
)
def test_a_nul_character_in_a_new_dossier_is_a_400_with_a_message(api, body):
    answer = api(CITIZEN).post(API, body)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_an_actions_fields_is_a_400_with_a_message(api):
    dossier_id = filed(api)
    answer = api("motcua").act(dossier_id, "refuse", {"reason": "Sai\x00 (mẫu)"})
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_a_tracking_code_is_a_404_like_any_wrong_code(client, demo):
    answer = client.get(f"{API}/{AGENCY}-260505-0001%00/tracking")
    assert answer.status_code == 404 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_the_tracking_secret_answers_as_a_wrong_secret(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    answer = tracking(client, code, secret="abc\x00")
    assert answer.status_code == 200 and "history" not in answer.json()


def test_a_nul_character_in_the_due_date_agency_is_a_400_with_a_message(client, demo):
    answer = due(client, "2026-05-05T09:00:00+07:00", 3, agency=AGENCY + "\x00")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_the_list_filter_is_a_400_with_a_message(api):
    answer = api("motcua").get(API, {"agency": AGENCY + "\x00"})
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_malformed_multipart_body_is_a_400_in_json_with_a_message(api, client):
    dossier_id = create(api).json()["id"]
    answer = client.post(
        f"{API}/{dossier_id}/files",
        b"garbage",
        content_type="multipart/form-data",  # no boundary
        headers=api(CITIZEN).headers,
    )
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


@pytest.mark.parametrize("depth", [100, 100_000])
def test_json_nested_too_deep_is_a_400_with_a_message(api, depth):
    form_data = "[" * depth + "]" * depth
    raw = f'{{"procedure": "{PROCEDURE}", "applicant": {{"name": "A"}}, "form_data": {form_data}}}'
    answer = api(CITIZEN).post(API, raw=raw)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])
