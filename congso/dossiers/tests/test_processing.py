"""The dossier services end to end: filing, every officer action, the clock, refusals."""

import datetime as dt

import pytest

from congso.dossiers.models import Event, Slip
from congso.dossiers.services import Conflict, Forbidden, Invalid, NotFound, filing, records
from congso.dossiers.services.access import get_visible
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role, Status
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    pdf_upload,
    submitted_dossier,
    vn,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(holidays_2026):
    agency = make_agency()
    return {
        "agency": agency,
        "one_stop": make_staff(agency, Role.ONE_STOP, "motcua"),
        "specialist": make_staff(agency, Role.SPECIALIST, "chuyenvien"),
        "leader": make_staff(agency, Role.LEADER, "lanhdao"),
        "citizen": make_user("congdan"),
        "procedure": make_procedure(agency, time_limit=5),
    }


def test_submitting_a_complete_draft_gives_status_one_at_the_receive_step(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    assert dossier.status == Status.SUBMITTED
    assert dossier.current_step == "tiep-nhan"
    assert dossier.code is None


def test_a_draft_missing_a_required_component_is_not_submitted(office, clock):
    dossier = filing.create_draft(office["citizen"], office["procedure"], applicant={"name": "A"})
    with pytest.raises(Invalid, match="Đơn đề nghị"):
        filing.submit(dossier.pk, office["citizen"])
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT


def test_receiving_gives_the_code_of_the_agency_and_day_and_starts_the_clock(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    clock.set(vn(2026, 5, 5, 9, 0))
    dossier = perform(dossier.pk, office["one_stop"], "receive")
    assert dossier.status == Status.RECEIVED
    assert dossier.code == "000.00.12.H56-260505-0001"
    assert dossier.legal_due_at == vn(2026, 5, 12, 9, 0)
    assert dossier.current_step == "xu-ly"


def test_receiving_issues_form_01(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    slip = Slip.objects.get(dossier=dossier)
    assert slip.form == "01"
    assert slip.file.read(5) == b"%PDF-"


def test_codes_run_on_within_a_day_and_restart_the_next(office, clock):
    codes = []
    for moment in (vn(2026, 5, 5, 9), vn(2026, 5, 5, 10), vn(2026, 5, 6, 8)):
        dossier = submitted_dossier(office["procedure"], office["citizen"])
        clock.set(moment)
        codes.append(perform(dossier.pk, office["one_stop"], "receive").code)
    assert [c[-11:] for c in codes] == ["260505-0001", "260505-0002", "260506-0001"]


def test_receiving_twice_is_a_conflict(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Conflict):
        perform(dossier.pk, office["one_stop"], "receive")


def test_a_specialist_may_not_receive(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    with pytest.raises(Forbidden):
        perform(dossier.pk, office["specialist"], "receive")


def test_an_officer_of_another_agency_does_not_find_the_dossier(office, clock):
    other = make_staff(make_agency("000.00.99.H56", "Cơ quan khác"), Role.ONE_STOP)
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    with pytest.raises(NotFound):
        get_visible(other, dossier.pk)


def test_another_citizen_does_not_find_the_dossier(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    with pytest.raises(NotFound):
        get_visible(make_user("nguoikhac"), dossier.pk)


def test_a_supplement_after_receipt_moves_the_due_time_by_the_paused_working_time(office, clock):
    # SERVICES.md: 5 working days from Tue 05/05 09:00 → 12/05 09:00; supplement asked Thu 07/05
    # 10:00, completed Mon 11/05 14:00 → due 14/05 11:30.
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    clock.set(vn(2026, 5, 5, 9, 0))
    perform(dossier.pk, office["one_stop"], "receive")
    clock.set(vn(2026, 5, 7, 10, 0))
    dossier = perform(dossier.pk, office["specialist"], "request-supplement", {"reason": "Thiếu"})
    assert dossier.status == Status.SUPPLEMENT
    clock.set(vn(2026, 5, 11, 14, 0))
    dossier = perform(dossier.pk, office["citizen"], "supplement", {"note": "Đã bổ sung"})
    assert dossier.status == Status.RECEIVED
    assert dossier.due_at == vn(2026, 5, 14, 11, 30)
    assert dossier.legal_due_at == vn(2026, 5, 14, 11, 30)


def test_a_supplement_asked_at_the_desk_does_not_start_the_clock(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    dossier = perform(dossier.pk, office["one_stop"], "request-supplement", {"reason": "Thiếu"})
    assert dossier.received_at is None and dossier.paused_at is None
    dossier = perform(dossier.pk, office["citizen"], "supplement", {"note": "Đây"})
    assert dossier.status == Status.SUBMITTED


def test_a_supplement_without_note_or_file_is_refused(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "request-supplement", {"reason": "Thiếu"})
    with pytest.raises(Invalid):
        perform(dossier.pk, office["citizen"], "supplement", {})


def test_a_file_attached_during_a_supplement_counts_as_the_supplement(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "request-supplement", {"reason": "Thiếu"})
    dossier.refresh_from_db()
    filing.attach_file(dossier, office["citizen"], pdf_upload("bo-sung.pdf"))
    assert perform(dossier.pk, office["citizen"], "supplement", {}).status == Status.SUBMITTED


def test_refusing_needs_a_reason(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    with pytest.raises(Invalid):
        perform(dossier.pk, office["one_stop"], "refuse", {})


def test_refusing_a_received_dossier_is_a_conflict(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Conflict):
        perform(dossier.pk, office["one_stop"], "refuse", {"reason": "Sai"})


def test_refusing_issues_form_03(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    dossier = perform(
        dossier.pk, office["one_stop"], "refuse", {"reason": "Không thuộc thẩm quyền"}
    )
    assert dossier.status == Status.REFUSED
    assert list(dossier.slips.values_list("form", flat=True)) == ["03"]


def _to_approval(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    clock.set(vn(2026, 5, 5, 9, 0))
    perform(dossier.pk, office["one_stop"], "receive")
    clock.set(vn(2026, 5, 6, 9, 0))
    return perform(dossier.pk, office["specialist"], "forward")


def test_forwarding_puts_the_dossier_in_processing_at_the_leaders_step(office, clock):
    dossier = _to_approval(office, clock)
    assert dossier.status == Status.PROCESSING
    assert dossier.current_step == "phe-duyet"


def test_the_leader_sends_back_to_the_specialist_with_a_reason(office, clock):
    dossier = _to_approval(office, clock)
    dossier = perform(dossier.pk, office["leader"], "send-back", {"reason": "Xem lại"})
    assert dossier.current_step == "xu-ly"


def test_approving_then_returning_finishes_the_dossier(office, clock):
    dossier = _to_approval(office, clock)
    clock.set(vn(2026, 5, 7, 9, 0))
    dossier = perform(dossier.pk, office["leader"], "approve")
    assert dossier.status == Status.DONE and dossier.finished_at == vn(2026, 5, 7, 9, 0)
    dossier = perform(
        dossier.pk, office["one_stop"], "return-result", {"result_number": "12/GP-STTTT"}
    )
    assert dossier.status == Status.RETURNED
    assert dossier.result_date == dt.date(2026, 5, 7)


def test_each_hand_over_is_recorded_with_its_punctuality(office, clock):
    dossier = _to_approval(office, clock)
    forward = Event.objects.get(dossier=dossier, action="forward")
    assert forward.from_step == "xu-ly" and forward.to_step == "phe-duyet"
    assert forward.punctuality == "early"
    assert forward.actor == office["specialist"]


def test_the_citizen_rates_once_after_the_result(office, clock):
    dossier = _to_approval(office, clock)
    perform(dossier.pk, office["leader"], "approve")
    perform(dossier.pk, office["one_stop"], "return-result", {"result_number": "1"})
    perform(dossier.pk, office["citizen"], "rate", {"score": 5})
    with pytest.raises(Conflict):
        perform(dossier.pk, office["citizen"], "rate", {"score": 4})


def test_a_score_outside_one_to_five_is_refused(office, clock):
    dossier = _to_approval(office, clock)
    perform(dossier.pk, office["leader"], "approve")
    perform(dossier.pk, office["one_stop"], "return-result", {"result_number": "1"})
    with pytest.raises(Invalid):
        perform(dossier.pk, office["citizen"], "rate", {"score": 6})


def test_an_apology_sets_a_new_date_once_and_keeps_the_legal_one(office, clock):
    dossier = _to_approval(office, clock)
    new = "2026-05-20T16:00:00+07:00"
    dossier = perform(
        dossier.pk, office["leader"], "apologize", {"new_due_at": new, "reason": "Chờ"}
    )
    assert dossier.due_at == vn(2026, 5, 20, 16, 0)
    assert dossier.legal_due_at == vn(2026, 5, 12, 9, 0)
    assert list(dossier.slips.values_list("form", flat=True)) == ["01", "04"]
    with pytest.raises(Conflict):
        perform(dossier.pk, office["leader"], "apologize", {"new_due_at": new, "reason": "Lại"})


def test_an_apology_on_the_due_day_is_too_late(office, clock):
    dossier = _to_approval(office, clock)
    clock.set(vn(2026, 5, 12, 7, 45))
    with pytest.raises(Conflict, match="01 ngày"):
        perform(
            dossier.pk,
            office["leader"],
            "apologize",
            {"new_due_at": "2026-05-20T16:00:00+07:00", "reason": "Chờ"},
        )


def test_the_citizen_withdraws_before_the_result(office, clock):
    dossier = _to_approval(office, clock)
    dossier = perform(dossier.pk, office["citizen"], "withdraw", {"reason": "Không cần nữa"})
    assert dossier.status == Status.WITHDRAWN


def test_stopping_needs_the_step_role(office, clock):
    dossier = _to_approval(office, clock)
    with pytest.raises(Forbidden):
        perform(dossier.pk, office["specialist"], "stop", {"reason": "x"})


def test_a_finished_dossier_reopens_only_with_a_reason(office, clock):
    dossier = _to_approval(office, clock)
    perform(dossier.pk, office["leader"], "approve")
    with pytest.raises(Invalid):
        perform(dossier.pk, office["leader"], "reopen", {})
    dossier = perform(dossier.pk, office["leader"], "reopen", {"reason": "Sai sót kết quả"})
    assert dossier.status == Status.PROCESSING and dossier.finished_at is None
    assert Event.objects.filter(dossier=dossier, action="reopen", note="Sai sót kết quả").exists()


def test_assigning_to_someone_without_the_steps_role_is_refused(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    with pytest.raises(Invalid):
        perform(dossier.pk, office["leader"], "assign", {"user": "motcua"})


def test_a_dossier_assigned_to_one_specialist_is_refused_to_another(office, clock):
    other = make_staff(office["agency"], Role.SPECIALIST, "chuyenvien2")
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    perform(dossier.pk, office["one_stop"], "receive")
    perform(dossier.pk, office["leader"], "assign", {"user": "chuyenvien"})
    with pytest.raises(Forbidden):
        perform(dossier.pk, other, "forward")


def test_a_repeated_submission_key_returns_the_same_draft(office, clock):
    first = filing.create_draft(
        office["citizen"], office["procedure"], applicant={"name": "A"}, submission_key="k1"
    )
    second = filing.create_draft(
        office["citizen"], office["procedure"], applicant={"name": "A"}, submission_key="k1"
    )
    assert first.pk == second.pk


def test_the_tracking_secret_is_stable_and_checked_in_constant_time(office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    secret = records.tracking_secret(dossier)
    assert records.secret_matches(dossier, secret)
    other = "B" if secret.endswith("A") else "A"
    assert not records.secret_matches(dossier, secret[:-1] + other)


def test_an_officer_does_not_find_a_citizens_unsubmitted_draft(office, clock):
    draft = filing.create_draft(office["citizen"], office["procedure"], applicant={"name": "A"})
    with pytest.raises(NotFound):
        get_visible(office["one_stop"], draft.pk)
