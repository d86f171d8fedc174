"""/api/v1/dossiers: creating a draft, attaching files, submitting, reading and listing."""

import pytest

from congso.dossiers.models import Dossier, DossierFile
from congso.dossiers.tests import api_fixtures
from congso.dossiers.tests.api_fixtures import API, new_body
from congso.dossiers.tests.factories import APPLICANT, make_agency, make_procedure, pdf_upload

pytestmark = pytest.mark.django_db
office, api = api_fixtures.office, api_fixtures.api


def _draft(api, office, **headers):
    return api("congdan1").post(API, new_body(office["procedure"]), **headers)


def _filed(api, office):
    """A submitted dossier id, through the API."""
    citizen = api("congdan1")
    body = _draft(api, office).json()
    component = body["components"][0]["id"]
    assert citizen.upload(body["id"], pdf_upload(), component).status_code == 201
    assert citizen.act(body["id"], "submit").status_code == 200
    return body["id"]


def test_creating_a_draft_answers_201_with_its_id_status_zero_and_components(api, office):
    response = _draft(api, office)
    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["id"], int) and body["status"] == 0
    assert body["components"] == [
        {
            "id": office["procedure"].components.get().pk,
            "name": "Đơn đề nghị",
            "required": True,
            "copies": "01 bản chính",
            "form_schema": None,
        }
    ]
    assert body["procedure"] == office["procedure"].code
    assert body["agency"] == "000.00.12.H56"


def test_the_draft_belongs_to_the_caller(api, office):
    body = _draft(api, office).json()
    dossier = Dossier.objects.get(pk=body["id"])
    assert dossier.owner == office["citizen"]
    assert dossier.applicant_name == APPLICANT["name"]


def test_a_retried_post_with_the_same_idempotency_key_creates_one_dossier(api, office):
    first = _draft(api, office, **{"Idempotency-Key": "lan-1"}).json()
    second = _draft(api, office, **{"Idempotency-Key": "lan-1"}).json()
    assert first["id"] == second["id"]
    assert Dossier.objects.count() == 1


def test_posts_without_a_key_create_two_dossiers(api, office):
    _draft(api, office)
    _draft(api, office)
    assert Dossier.objects.count() == 2


def test_bad_json_is_a_400_not_a_422(api, office):
    response = api("congdan1").post(API, raw="{không phải json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Nội dung yêu cầu không phải JSON hợp lệ."


def test_a_json_array_is_a_400(api, office):
    assert api("congdan1").post(API, raw="[1, 2]").status_code == 400


def test_wrong_types_are_refused_field_by_field(api, office):
    response = api("congdan1").post(
        API, {"procedure": 12, "applicant": "Nguyễn Văn A", "form_data": []}
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"procedure", "applicant", "form_data"}


def test_an_unknown_procedure_is_a_400_on_the_procedure_field(api, office):
    response = api("congdan1").post(API, {"procedure": "1.000000", "applicant": APPLICANT})
    assert response.status_code == 400
    assert "procedure" in response.json()["errors"]


def test_a_bad_applicant_is_refused_field_by_field(api, office):
    body = {**new_body(office["procedure"]), "applicant": {"name": "", "id_number": "12ab"}}
    response = api("congdan1").post(API, body)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"name", "id_number"}


def test_the_agency_is_required_when_the_procedure_has_several(api, office):
    office["procedure"].agencies.add(make_agency("000.00.13.H56", "Sở khác"))
    response = api("congdan1").post(API, new_body(office["procedure"]))
    assert response.status_code == 400
    assert "agency" in response.json()["errors"]
    body = {**new_body(office["procedure"]), "agency": "000.00.13.H56"}
    assert api("congdan1").post(API, body).json()["agency"] == "000.00.13.H56"


def test_a_procedure_not_offered_online_is_a_409(api, office):
    procedure = make_procedure(office["agency"], online_level="none")
    response = api("congdan1").post(API, new_body(procedure))
    assert response.status_code == 409
    assert "trực tuyến" in response.json()["detail"]


def test_attaching_a_pdf_answers_201_with_the_file(api, office):
    body = _draft(api, office).json()
    response = api("congdan1").upload(body["id"], pdf_upload(), body["components"][0]["id"])
    assert response.status_code == 201
    stored = response.json()
    assert stored["content_type"] == "application/pdf" and stored["kind"] == "component"
    assert stored["url"].endswith(f"/dich-vu-cong/tep/{stored['id']}/")


def test_a_file_that_claims_to_be_a_pdf_and_is_not_is_refused_and_nothing_is_kept(api, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = _draft(api, office).json()
    fake = SimpleUploadedFile("don.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = api("congdan1").upload(body["id"], fake, body["components"][0]["id"])
    assert response.status_code == 400
    assert response.json()["detail"] and "file" in response.json()["errors"]
    assert not DossierFile.objects.exists()


def test_an_upload_without_a_file_is_a_400(api, office):
    body = _draft(api, office).json()
    response = api("congdan1").client.post(
        f"{API}/{body['id']}/files", {"component": "1"}, headers=api("congdan1").headers
    )
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


def test_a_component_of_another_procedure_is_a_400(api, office):
    other = make_procedure(office["agency"])
    body = _draft(api, office).json()
    response = api("congdan1").upload(body["id"], pdf_upload(), other.components.get().pk)
    assert response.status_code == 400
    assert "component" in response.json()["errors"]


def test_submitting_answers_status_one_and_the_tracking_secret(api, office):
    from congso.dossiers.services.records import tracking_secret

    citizen = api("congdan1")
    body = _draft(api, office).json()
    citizen.upload(body["id"], pdf_upload(), body["components"][0]["id"])
    response = citizen.act(body["id"], "submit")
    assert response.status_code == 200
    answer = response.json()
    assert answer["status"] == 1 and answer["status_text"]
    assert answer["secret"] == tracking_secret(Dossier.objects.get(pk=body["id"]))


def test_submitting_without_the_required_component_is_a_400_naming_it(api, office):
    body = _draft(api, office).json()
    response = api("congdan1").act(body["id"], "submit")
    assert response.status_code == 400
    assert "Đơn đề nghị" in response.json()["detail"]


def test_submitting_twice_is_a_409(api, office):
    dossier_id = _filed(api, office)
    response = api("congdan1").act(dossier_id, "submit")
    assert response.status_code == 409
    assert response.json()["detail"] == "Hồ sơ đã được nộp trước đó."


def test_the_owner_reads_the_dossier_with_its_public_events(api, office):
    dossier_id = _filed(api, office)
    body = api("congdan1").get(f"{API}/{dossier_id}").json()
    assert body["id"] == dossier_id and body["status"] == 1
    assert [e["action"] for e in body["events"]] == ["submit"]
    assert body["files"][0]["kind"] == "component"


def test_an_action_answers_the_dossier_without_its_event_list(api, office):
    body = _draft(api, office).json()
    assert "events" not in body


def test_staff_see_every_event_including_internal_ones(api, office):
    dossier_id = _filed(api, office)
    body = api("motcua").get(f"{API}/{dossier_id}").json()
    assert [e["action"] for e in body["events"]] == ["create", "submit"]
    assert body["secret"] is None


def test_an_id_that_is_not_a_number_is_a_404(api, office):
    response = api("congdan1").get(f"{API}/abc")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy hồ sơ."


def test_the_citizen_lists_only_their_own_dossiers(api, office):
    mine = _filed(api, office)
    api("congdan2").post(API, new_body(office["procedure"]))
    body = api("congdan1").get(API).json()
    assert (body["count"], body["page"], body["page_size"]) == (1, 1, 20)
    assert [row["id"] for row in body["results"]] == [mine]


def test_staff_list_their_agencys_submitted_dossiers_but_no_drafts(api, office):
    filed = _filed(api, office)
    _draft(api, office)
    body = api("motcua").get(API).json()
    assert [row["id"] for row in body["results"]] == [filed]


def test_the_list_filters_by_status_and_agency(api, office):
    _filed(api, office)
    staff = api("motcua")
    assert staff.get(API, {"status": "1"}).json()["count"] == 1
    assert staff.get(API, {"status": "2"}).json()["count"] == 0
    assert staff.get(API, {"agency": "000.00.99.H56"}).json()["count"] == 0


def test_a_bad_list_parameter_is_a_400(api, office):
    response = api("motcua").get(API, {"page_size": "1000"})
    assert response.status_code == 400
    assert api("motcua").get(API, {"status": "x"}).status_code == 400
