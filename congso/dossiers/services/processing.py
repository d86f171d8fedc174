"""Every action on a submitted dossier, for the admin screens and the API alike: `perform` locks
the dossier row, checks the state (409), the person (403), the input (400), moves the status
through the state machine, the step through the workflow data, the clock, and records the event.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from congso.dossiers.calendar import resume, to_local
from congso.dossiers.models import Apology, Dossier, DossierFile, SupplementRequest
from congso.dossiers.querysets import calendar_for
from congso.dossiers.services import filing, records
from congso.dossiers.services.access import (
    is_staff_of,
    require_owner,
    require_role,
    roles_in,
)
from congso.dossiers.services.codes import next_code
from congso.dossiers.services.errors import Conflict, Forbidden, Invalid, NotFound
from congso.dossiers.services.records import enter_step, record, step_punctuality
from congso.dossiers.status import FINISHED, Action, Clock, Role, Status


def _text(fields: dict, name: str, *, required: bool, label: str, limit: int = 5000) -> str:
    value = fields.get(name) or ""
    if not isinstance(value, str):
        raise Invalid(f"{label} phải là chuỗi ký tự.", fields={name: ["Sai kiểu dữ liệu."]})
    value = value.strip()
    if required and not value:
        raise Invalid(
            f"Vui lòng nhập {label.lower()}.", fields={name: [f"Vui lòng nhập {label.lower()}."]}
        )
    return value[:limit]


def _user(dossier, username, *, role: str | None = None):
    if not username:
        return None
    User = get_user_model()
    target = User.objects.filter(username=str(username), is_active=True).first()
    if target is None or not is_staff_of(target, dossier.agency):
        raise Invalid("Cán bộ không thuộc cơ quan giải quyết hồ sơ.", fields={"user": ["Sai."]})
    if role and role not in roles_in(target, dossier.agency):
        raise Invalid(
            f"Cán bộ này không có vai trò {Role(role).label}.", fields={"user": ["Sai vai trò."]}
        )
    return target


def _step_transition(dossier, user, action: str):
    """The workflow row for `action` at the dossier's current step, after checking the person
    holds its role and the dossier is not handed to someone else."""
    step = dossier.workflow.step(dossier.current_step)
    row = dossier.workflow.transitions.filter(action=action, from_step=dossier.current_step).first()
    if row is None:
        if action == Action.RECEIVE and dossier.code:
            # The loser of two officers receiving at once learns who was first.
            raise Conflict(
                f"Không thể tiếp nhận: hồ sơ đã được tiếp nhận trước đó (mã {dossier.code})."
            )
        if step is None or dossier.status in FINISHED:
            # A settled dossier (or one past its last step): its status is the reason.
            raise Conflict(
                f"Không thể thực hiện “{Action(action).label}”: hồ sơ đang ở trạng thái "
                f"“{Status(dossier.status).label}”."
            )
        where = step.name
        raise Conflict(
            f"Thao tác “{Action(action).label}” không có ở bước “{where}” của quy trình."
        )
    require_role(user, dossier.agency, row.role)
    if dossier.assignee_id and dossier.assignee_id != user.pk and not user.is_superuser:
        if Role.LEADER not in roles_in(user, dossier.agency):
            raise Forbidden("Hồ sơ đang được giao cho cán bộ khác.")
    return row, step


def _move(dossier, row, at, *, assignee=None):
    """Follow the workflow row: onto its target step, and its effect on the clock (the agency
    admin's data; receiving always starts the clock, rule 1)."""
    target = dossier.workflow.step(row.to_step) if row.to_step else None
    if row.to_step and target is None:
        raise Conflict(f"Quy trình lỗi: không có bước “{row.to_step}”.")
    if row.clock == Clock.PAUSE and dossier.received_at and dossier.paused_at is None:
        dossier.paused_at = at
    elif row.clock == Clock.RESUME:
        _resume_clock(dossier, at)
    elif row.clock == Clock.FINISH and dossier.finished_at is None:
        dossier.finished_at = at
    elif row.clock == Clock.STOP:
        dossier.paused_at = None
    if row.to_step:
        enter_step(dossier, target, at)
        dossier.assignee = assignee


def _resume_clock(dossier, at):
    """Rule 6: the working time the clock stood still is added to every due time."""
    if dossier.paused_at is None:
        return
    cal = calendar_for(dossier.agency)
    for name in ("legal_due_at", "due_at", "step_due_at"):
        value = getattr(dossier, name)
        if value is not None:
            setattr(dossier, name, resume(cal, value, dossier.paused_at, at))
    dossier.paused_at = None


def _transition(dossier, method_name: str, message: str):
    method = getattr(dossier, method_name)
    try:
        method()
    except TransitionNotAllowed:
        raise Conflict(message)


def receive(dossier, user, fields):
    row, step = _step_transition(dossier, user, Action.RECEIVE)
    _transition(dossier, "mark_received", _state_message(dossier, "tiếp nhận"))
    at = records.now()
    dossier.code = next_code(dossier.agency, at)
    dossier.received_at = at
    p = dossier.procedure
    from congso.dossiers.calendar import due_at

    dossier.legal_due_at = dossier.due_at = due_at(dossier.agency, at, p.time_limit, p.time_unit)
    _move(dossier, row, at)
    return {
        "note": _text(fields, "note", required=False, label="Ghi chú"),
        "slip": "01",
        "role": row.role,
        "step": step,
    }


def request_supplement(dossier, user, fields):
    reason = _text(fields, "reason", required=True, label="Lý do")
    row, step = _step_transition(dossier, user, Action.REQUEST_SUPPLEMENT)
    if dossier.status == Status.SUPPLEMENT:
        raise Conflict("Hồ sơ đang chờ bổ sung.")
    after_receipt = dossier.status != Status.SUBMITTED
    _transition(dossier, "mark_supplement_requested", _state_message(dossier, "yêu cầu bổ sung"))
    at = records.now()
    # Asked after receipt the clock always stands still (rule 6), whatever the row says;
    # asked at the desk there is no clock yet (rule 1).
    pauses = after_receipt
    if pauses and dossier.paused_at is None:
        dossier.paused_at = at
    SupplementRequest.objects.create(
        dossier=dossier, requested_at=at, requested_by=user, reason=reason, pauses_clock=pauses
    )
    return {"note": reason, "slip": "02", "role": row.role, "step": step}


def supplement(dossier, user, fields):
    note = _text(fields, "note", required=False, label="Ghi chú")
    require_owner(user, dossier)
    if dossier.status != Status.SUPPLEMENT:
        raise Conflict("Hồ sơ không ở trạng thái chờ bổ sung.")
    request = dossier.supplements.filter(completed_at__isnull=True).last()
    new_files = (
        request is not None
        and dossier.files.filter(
            kind=DossierFile.Kind.SUPPLEMENT, uploaded_at__gte=request.requested_at
        ).exists()
    )
    if not note and not new_files:
        raise Invalid("Vui lòng đính kèm giấy tờ bổ sung hoặc ghi chú nội dung bổ sung.")
    dossier.mark_supplemented()
    at = records.now()
    _resume_clock(dossier, at)
    if request is not None:
        request.completed_at = at
        request.note = note
        request.save(update_fields=["completed_at", "note"])
    return {"note": note, "role": "applicant"}


def refuse(dossier, user, fields):
    reason = _text(fields, "reason", required=True, label="Lý do")
    row, step = _step_transition(dossier, user, Action.REFUSE)
    _transition(dossier, "mark_refused", "Chỉ từ chối hồ sơ chưa được tiếp nhận.")
    return {"note": reason, "slip": "03", "role": row.role, "step": step}


def assign(dossier, user, fields):
    if dossier.status in FINISHED or dossier.status == Status.DRAFT:
        raise Conflict(_state_message(dossier, "phân công"))
    step = dossier.workflow.step(dossier.current_step)
    if step is None:
        raise Conflict("Hồ sơ không ở bước nào của quy trình.")
    require_role(user, dossier.agency, Role.LEADER, Role.ONE_STOP, step.role)
    target = _user(dossier, fields.get("user"), role=step.role)
    if target is None:
        raise Invalid("Vui lòng chọn cán bộ.", fields={"user": ["Vui lòng chọn cán bộ."]})
    dossier.assignee = target
    return {
        "note": f"{target.get_full_name() or target.username}",
        "public": False,
        "role": step.role,
        "step": None,
    }


def forward(dossier, user, fields):
    row, step = _step_transition(dossier, user, Action.FORWARD)
    target_step = dossier.workflow.step(row.to_step)
    assignee = _user(dossier, fields.get("user"), role=target_step.role if target_step else None)
    _transition(dossier, "mark_processing", _state_message(dossier, "chuyển bước"))
    _move(dossier, row, records.now(), assignee=assignee)
    return {
        "note": _text(fields, "note", required=False, label="Ghi chú"),
        "role": row.role,
        "step": step,
        "public": False,
    }


def send_back(dossier, user, fields):
    reason = _text(fields, "reason", required=True, label="Lý do")
    row, step = _step_transition(dossier, user, Action.SEND_BACK)
    _transition(dossier, "mark_processing", _state_message(dossier, "trả lại"))
    _move(dossier, row, records.now())
    return {"note": reason, "role": row.role, "step": step, "public": False}


def approve(dossier, user, fields):
    row, step = _step_transition(dossier, user, Action.APPROVE)
    _transition(dossier, "mark_done", _state_message(dossier, "phê duyệt"))
    at = records.now()
    dossier.finished_at = at  # status 9 is "processed" whatever the row's clock says
    _move(dossier, row, at)
    return {
        "note": _text(fields, "note", required=False, label="Ghi chú"),
        "role": row.role,
        "step": step,
    }


def return_result(dossier, user, fields):
    number = _text(fields, "result_number", required=True, label="Số, ký hiệu kết quả", limit=100)
    row, step = _step_transition(dossier, user, Action.RETURN_RESULT)
    _transition(dossier, "mark_returned", "Chỉ trả kết quả cho hồ sơ đã xử lý xong.")
    at = records.now()
    dossier.result_number = number
    dossier.result_date = _date(fields.get("result_date")) or to_local(at).date()
    dossier.result_signer = _text(fields, "signer", required=False, label="Người ký", limit=255)
    dossier.result_note = _text(fields, "note", required=False, label="Ghi chú")
    dossier.returned_at = at
    _move(dossier, row, at)
    dossier.current_step = ""
    return {"note": dossier.result_note, "role": row.role, "step": step}


def _date(value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        try:
            return dt.datetime.strptime(str(value), "%d/%m/%Y").date()
        except ValueError:
            raise Invalid(
                "Ngày kết quả không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy).",
                fields={"result_date": ["Ngày không hợp lệ."]},
            )


def _datetime(value, name):
    if isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value or "").strip())
        except ValueError:
            raise Invalid(
                "Thời điểm không hợp lệ (ISO 8601, ví dụ 2026-05-20T16:00:00+07:00).",
                fields={name: ["Thời điểm không hợp lệ."]},
            )
    if moment.tzinfo is None:
        from congso.dossiers.calendar import VN

        moment = moment.replace(tzinfo=VN)
    return moment


def apologize(dossier, user, fields):
    reason = _text(fields, "reason", required=True, label="Lý do")
    new_due = _datetime(fields.get("new_due_at"), "new_due_at")
    require_role(user, dossier.agency, Role.LEADER, Role.ONE_STOP)
    if dossier.status not in (Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT):
        raise Conflict(_state_message(dossier, "xin lỗi, hẹn lại"))
    if dossier.apologies.exists():
        raise Conflict("Hồ sơ đã có một phiếu xin lỗi và hẹn lại; chỉ được hẹn lại một lần.")
    at = records.now()
    if to_local(at).date() >= to_local(dossier.due_at).date():
        raise Conflict("Phiếu xin lỗi phải được lập chậm nhất 01 ngày trước hạn trả kết quả.")
    if new_due <= dossier.due_at:
        raise Invalid(
            "Ngày hẹn mới phải sau hạn trả kết quả hiện tại.",
            fields={"new_due_at": ["Phải sau hạn hiện tại."]},
        )
    Apology.objects.create(
        dossier=dossier,
        at=at,
        by=user,
        old_due_at=dossier.due_at,
        new_due_at=new_due,
        reason=reason,
    )
    dossier.due_at = new_due
    return {"note": reason, "slip": "04", "role": "", "step": None}


def stop(dossier, user, fields):
    reason = _text(fields, "reason", required=True, label="Lý do")
    row, step = _step_transition(dossier, user, Action.STOP)
    _transition(dossier, "mark_stopped", _state_message(dossier, "dừng xử lý"))
    dossier.paused_at = None
    return {"note": reason, "role": row.role, "step": step}


def withdraw(dossier, user, fields):
    reason = _text(fields, "reason", required=False, label="Lý do")
    owner = user.is_authenticated and dossier.owner_id == user.pk
    if not owner:
        # An in-person applicant withdraws at the desk: the one-stop officer records it.
        require_role(user, dossier.agency, Role.ONE_STOP)
        if not reason:
            raise Invalid("Vui lòng nhập lý do rút hồ sơ.", fields={"reason": ["Bắt buộc."]})
    _transition(dossier, "mark_withdrawn", _state_message(dossier, "rút"))
    dossier.paused_at = None
    return {"note": reason, "role": "applicant" if owner else Role.ONE_STOP}


def reopen(dossier, user, fields):
    reason = _text(fields, "reason", required=True, label="Lý do mở lại")
    require_role(user, dossier.agency, Role.LEADER, Role.ADMIN)
    _transition(dossier, "mark_reopened", "Chỉ mở lại hồ sơ đã kết thúc.")
    steps = list(dossier.workflow.steps.order_by("sort_order", "pk"))
    target = next((s for s in steps if s.role == Role.SPECIALIST), steps[0] if steps else None)
    at = records.now()
    enter_step(dossier, target, at)
    dossier.finished_at = dossier.returned_at = None
    return {"note": reason, "role": Role.LEADER, "step": None}


HANDLERS = {
    Action.RECEIVE: receive,
    Action.REQUEST_SUPPLEMENT: request_supplement,
    Action.SUPPLEMENT: supplement,
    Action.REFUSE: refuse,
    Action.ASSIGN: assign,
    Action.FORWARD: forward,
    Action.SEND_BACK: send_back,
    Action.APPROVE: approve,
    Action.RETURN_RESULT: return_result,
    Action.APOLOGIZE: apologize,
    Action.STOP: stop,
    Action.WITHDRAW: withdraw,
    Action.REOPEN: reopen,
}


def _state_message(dossier, verb: str) -> str:
    return f"Không thể {verb} hồ sơ đang ở trạng thái “{Status(dossier.status).label}”."


def perform(dossier_id, user, action: str, fields: dict | None = None) -> Dossier:
    """Run `action` on the dossier as `user`. The caller has already found the dossier visible
    to `user` (access.get_visible); this locks it and re-reads it so that two officers pressing
    at once act one after the other, the second on what the first left (409)."""
    fields = fields or {}
    if action == Action.SUBMIT:
        return filing.submit(dossier_id, user)
    if action == Action.RATE:
        dossier = Dossier.objects.get(pk=dossier_id)
        filing.rate(dossier, user, score=fields.get("score"), comment=fields.get("comment") or "")
        return Dossier.objects.get(pk=dossier_id)
    handler = HANDLERS.get(action)
    if handler is None:
        raise NotFound("Không có thao tác này.")
    try:
        with transaction.atomic():
            dossier = (
                Dossier.objects.select_for_update()
                .select_related("procedure", "agency", "workflow")
                .get(pk=dossier_id)
            )
            if dossier.status == Status.DRAFT:
                raise Conflict("Hồ sơ chưa được nộp.")
            before_status, before_step = dossier.status, dossier.current_step
            step_due = dossier.step_due_at
            punctuality = step_punctuality(dossier, records.now())
            outcome = handler(dossier, user, fields)
            dossier.save()
            moved = dossier.current_step != before_step or outcome.get("step") is not None
            event = record(
                dossier,
                user,
                action,
                at=records.now(),
                from_status=before_status,
                from_step=before_step,
                role=outcome.get("role", ""),
                note=outcome.get("note", ""),
                public=outcome.get("public", True),
                punctuality=punctuality if moved else "",
                step_due_at=step_due if moved else None,
            )
            if outcome.get("slip") and records.slips_wanted():
                from congso.dossiers.services.slips_issue import issue_slip

                issue_slip(dossier, outcome["slip"], event=event)
    except ConcurrentTransition:
        raise Conflict("Hồ sơ vừa được cán bộ khác xử lý; vui lòng tải lại.")
    except Dossier.DoesNotExist:
        raise NotFound("Không tìm thấy hồ sơ.")
    return dossier
