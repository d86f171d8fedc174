"""/api/v1/dossiers/{id}/actions/<action>: every action through the API, its refusals, and the
whole round trip with tokens from `manage.py create_api_token`."""

import pytest

from congso.dossiers.models import Dossier
from congso.dossiers.status import Role
from congso.dossiers.tests import api_fixtures
from congso.dossiers.tests.api_fixtures import API, new_body
from congso.dossiers.tests.factories import make_agency, make_staff, pdf_upload, vn

pytestmark = pytest.mark.django_db
office, api = api_fixtures.office, api_fixtures.api


def _filed(api, office):
    citizen = api("congdan1")
    body = citizen.post(API, new_body(office["procedure"])).json()
    citizen.upload(body["id"], pdf_upload(), body["components"][0]["id"])
    citizen.act(body["id"], "submit")
    return body["id"]


def _received(api, office, clock):
    dossier_id = _filed(api, office)
    clock.set(vn(2026, 5, 5, 9, 0))
    assert api("motcua").act(dossier_id, "receive").status_code == 200
    return dossier_id


def _approved(api, office, clock):
    dossier_id = _received(api, office, clock)
    clock.set(vn(2026, 5, 6, 9, 0))
    assert api("chuyenvien").act(dossier_id, "forward").status_code == 200
    clock.set(vn(2026, 5, 7, 9, 0))
    assert api("lanhdao").act(dossier_id, "approve").status_code == 200
    return dossier_id


def test_the_round_trip_through_the_api(api, office, clock):
    citizen = api("congdan1")
    created = citizen.post(API, new_body(office["procedure"]))
    assert created.status_code == 201
    dossier_id = created.json()["id"]
    component = created.json()["components"][0]["id"]
    assert citizen.upload(dossier_id, pdf_upload(), component).status_code == 201
    submitted = citizen.act(dossier_id, "submit").json()
    assert submitted["status"] == 1 and submitted["secret"]

    clock.set(vn(2026, 5, 5, 9, 0))
    received = api("motcua").act(dossier_id, "receive").json()
    assert received["status"] == 2
    assert received["code"] == "000.00.12.H56-260505-0001"
    assert received["received_at"] == "2026-05-05T09:00:00+07:00"
    assert received["due_at"] == received["legal_due_at"] == "2026-05-12T09:00:00+07:00"

    clock.set(vn(2026, 5, 6, 9, 0))
    assert api("chuyenvien").act(dossier_id, "forward").json()["status"] == 4
    clock.set(vn(2026, 5, 7, 9, 0))
    assert api("lanhdao").act(dossier_id, "approve").json()["status"] == 9
    assert api("motcua").upload(dossier_id, pdf_upload("ket-qua.pdf")).status_code == 201
    returned = api("motcua").act(dossier_id, "return-result", {"result_number": "12/GP-STTTT"})
    assert returned.json()["status"] == 10

    rated = citizen.act(dossier_id, "rate", {"score": 5, "comment": "Nhanh (mẫu)"}).json()
    assert rated["rating"] == {"score": 5, "comment": "Nhanh (mẫu)"}
    mine = citizen.get(f"{API}/{dossier_id}").json()
    assert {d["type"] for d in mine["documents"]} == {"slip", "result"}
    assert mine["result"]["number"] == "12/GP-STTTT"


def test_the_answer_to_receive_links_form_01_by_its_absolute_address(api, office, clock):
    dossier_id = _filed(api, office)
    body = api("motcua").act(dossier_id, "receive").json()
    (slip,) = body["documents"]
    assert slip["form"] == "01" and slip["url"].startswith("http")
    assert "/dich-vu-cong/phieu/" in slip["url"]


def test_the_citizen_downloads_form_01_from_the_link(api, office, clock, client):
    dossier_id = _received(api, office, clock)
    slip = api("congdan1").get(f"{API}/{dossier_id}").json()["documents"][0]
    from urllib.parse import urlsplit

    client.force_login(office["citizen"])
    response = client.get(urlsplit(slip["url"]).path)
    assert response.status_code == 200


def test_the_result_file_is_not_listed_to_the_citizen_before_it_is_returned(api, office, clock):
    dossier_id = _approved(api, office, clock)
    api("motcua").upload(dossier_id, pdf_upload("ket-qua.pdf"))
    documents = api("congdan1").get(f"{API}/{dossier_id}").json()["documents"]
    assert [d["type"] for d in documents] == ["slip"]


def test_receiving_twice_is_a_409_with_the_reason(api, office, clock):
    dossier_id = _received(api, office, clock)
    response = api("motcua").act(dossier_id, "receive")
    assert response.status_code == 409
    assert response.json()["detail"]


def test_a_specialist_may_not_receive(api, office, clock):
    dossier_id = _filed(api, office)
    response = api("chuyenvien").act(dossier_id, "receive")
    assert response.status_code == 403
    assert "vai trò" in response.json()["detail"]


def test_the_citizen_may_not_approve_their_own_dossier(api, office, clock):
    dossier_id = _received(api, office, clock)
    assert api("congdan1").act(dossier_id, "approve").status_code in (403, 409)


def test_staff_do_not_even_find_a_citizens_unsubmitted_draft(api, office):
    # Until it is submitted the draft is the citizen's alone: not found, like any other
    # dossier one may not see.
    body = api("congdan1").post(API, new_body(office["procedure"])).json()
    assert api("motcua").act(body["id"], "submit").status_code == 404


def test_request_supplement_needs_a_reason(api, office, clock):
    dossier_id = _received(api, office, clock)
    response = api("chuyenvien").act(dossier_id, "request-supplement", {})
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_the_supplement_round_moves_the_due_date(api, office, clock):
    dossier_id = _received(api, office, clock)
    clock.set(vn(2026, 5, 7, 10, 0))
    asked = api("chuyenvien").act(dossier_id, "request-supplement", {"reason": "Thiếu bản sao"})
    assert asked.json()["status"] == 5
    assert api("congdan1").get(f"{API}/{dossier_id}").json()["supplement_reason"] == (
        "Thiếu bản sao"
    )
    clock.set(vn(2026, 5, 11, 14, 0))
    assert api("congdan1").upload(dossier_id, pdf_upload("bo-sung.pdf")).status_code == 201
    supplied = api("congdan1").act(dossier_id, "supplement", {"note": "Đã bổ sung"}).json()
    assert supplied["status"] == 2
    assert supplied["due_at"] == "2026-05-14T11:30:00+07:00"


def test_refusing_issues_form_03(api, office, clock):
    dossier_id = _filed(api, office)
    body = api("motcua").act(dossier_id, "refuse", {"reason": "Không thuộc thẩm quyền"}).json()
    assert body["status"] == 3
    assert [d["form"] for d in body["documents"]] == ["03"]


def test_assign_takes_a_login(api, office, clock):
    dossier_id = _received(api, office, clock)
    body = api("lanhdao").act(dossier_id, "assign", {"user": "chuyenvien"}).json()
    assert body["assignee"] == "chuyenvien"


def test_assigning_to_an_unknown_login_is_a_400_on_the_user_field(api, office, clock):
    dossier_id = _received(api, office, clock)
    response = api("lanhdao").act(dossier_id, "assign", {"user": "khongco"})
    assert response.status_code == 400
    assert "user" in response.json()["errors"]


def test_send_back_returns_the_dossier_to_the_specialist(api, office, clock):
    dossier_id = _received(api, office, clock)
    api("chuyenvien").act(dossier_id, "forward")
    body = api("lanhdao").act(dossier_id, "send-back", {"reason": "Xem lại"}).json()
    assert body["current_step"] == "xu-ly"


def test_an_apology_sets_a_new_date_and_issues_form_04(api, office, clock):
    dossier_id = _received(api, office, clock)
    body = api("lanhdao").act(
        dossier_id, "apologize", {"new_due_at": "2026-05-20T16:00:00+07:00", "reason": "Chờ"}
    )
    assert body.json()["due_at"] == "2026-05-20T16:00:00+07:00"
    assert [d["form"] for d in body.json()["documents"]] == ["01", "04"]


def test_an_apology_with_a_bad_date_is_a_400(api, office, clock):
    dossier_id = _received(api, office, clock)
    response = api("lanhdao").act(dossier_id, "apologize", {"new_due_at": "mai", "reason": "x"})
    assert response.status_code == 400
    assert "new_due_at" in response.json()["errors"]


def test_stop_and_withdraw(api, office, clock):
    first = _received(api, office, clock)
    assert api("chuyenvien").act(first, "stop", {"reason": "Hết thẩm quyền"}).status_code == 200
    second = _filed(api, office)
    assert api("congdan1").act(second, "withdraw", {}).json()["status"] == 7


def test_reopening_a_finished_dossier_needs_a_reason(api, office, clock):
    dossier_id = _approved(api, office, clock)
    assert api("lanhdao").act(dossier_id, "reopen", {}).status_code == 400
    body = api("lanhdao").act(dossier_id, "reopen", {"reason": "Sai sót"}).json()
    assert body["status"] == 4


def test_rating_before_the_result_is_a_409(api, office, clock):
    dossier_id = _approved(api, office, clock)
    assert api("congdan1").act(dossier_id, "rate", {"score": 5}).status_code == 409


def test_a_score_of_the_wrong_type_is_a_400(api, office, clock):
    dossier_id = _approved(api, office, clock)
    api("motcua").act(dossier_id, "return-result", {"result_number": "1"})
    for score in ("5", True, 5.5):
        response = api("congdan1").act(dossier_id, "rate", {"score": score})
        assert response.status_code == 400
        assert "score" in response.json()["errors"]


def test_a_comment_that_is_not_text_is_a_400_not_a_500(api, office, clock):
    dossier_id = _approved(api, office, clock)
    api("motcua").act(dossier_id, "return-result", {"result_number": "1"})
    response = api("congdan1").act(dossier_id, "rate", {"score": 5, "comment": ["x"]})
    assert response.status_code == 400


def test_bad_json_in_an_action_is_a_400(api, office, clock):
    dossier_id = _filed(api, office)
    response = api("motcua").post(f"{API}/{dossier_id}/actions/refuse", raw="{lý do")
    assert response.status_code == 400


def test_an_unknown_action_is_a_404(api, office, clock):
    dossier_id = _filed(api, office)
    response = api("motcua").act(dossier_id, "delete")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không có thao tác này."


def test_an_action_without_a_token_is_a_401(client, office):
    response = client.post(f"{API}/1/actions/receive", "{}", content_type="application/json")
    assert response.status_code == 401


def test_every_action_answers_the_same_dossier_shape(api, office, clock):
    dossier_id = _filed(api, office)
    body = api("motcua").act(dossier_id, "receive").json()
    for key in ("id", "code", "status", "status_text", "received_at", "due_at", "legal_due_at"):
        assert key in body
    assert isinstance(body["id"], int) and isinstance(body["status"], int)
    assert body["procedure"] == office["procedure"].code and body["agency"] == "000.00.12.H56"


# Enumeration: someone else's dossier is a 404, whatever they try ------------------------------


@pytest.fixture
def outsiders(office):
    other_agency = make_agency("000.00.99.H56", "Cơ quan khác (mẫu)")
    make_staff(other_agency, Role.ONE_STOP, "motcua-khac")
    make_staff(other_agency, Role.LEADER, "lanhdao-khac")
    return ["congdan2", "motcua-khac", "lanhdao-khac"]


def test_other_citizens_and_other_agencies_find_no_dossier_by_id(api, office, clock, outsiders):
    ids = [_received(api, office, clock), _filed(api, office)]
    draft = api("congdan1").post(API, new_body(office["procedure"])).json()["id"]
    for login in outsiders:
        caller = api(login)
        for dossier_id in [*ids, draft, max(ids) + 1]:
            assert caller.get(f"{API}/{dossier_id}").status_code == 404
            for action in ("receive", "withdraw", "approve", "submit", "rate"):
                response = caller.act(dossier_id, action, {"reason": "x", "score": 5})
                assert response.status_code == 404, (login, dossier_id, action)
            assert caller.upload(dossier_id, pdf_upload()).status_code == 404
        assert caller.get(API).json()["count"] == 0


def test_other_citizens_and_other_agencies_find_no_dossier_by_code(api, office, clock, outsiders):
    dossier_id = _received(api, office, clock)
    code = Dossier.objects.get(pk=dossier_id).code
    for login in outsiders:
        caller = api(login)
        for guess in (code, code[:-1] + "2", str(Dossier.objects.get(pk=dossier_id).reference)):
            assert caller.get(f"{API}/{guess}").status_code == 404
            assert caller.act(guess, "receive").status_code == 404


def test_the_same_404_whether_the_dossier_exists_or_not(api, office, clock, outsiders):
    dossier_id = _filed(api, office)
    caller = api("congdan2")
    existing = caller.get(f"{API}/{dossier_id}")
    missing = caller.get(f"{API}/{dossier_id + 1000}")
    assert existing.status_code == missing.status_code == 404
    assert existing.json() == missing.json()
