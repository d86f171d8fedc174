"""Which deadlines call for a reminder now: the three rules of docs/reminders.md, each as a
list of `Candidate`s computed on the agency's working calendar (congso.dossiers.calendar).

- a step due within one working day (8 working hours, the admin's "Sắp đến hạn" bound) → its
  assignee, or else the agency's officers of the step's role;
- a step whose due time has passed → the agency's leaders;
- a supplement request still open past its deadline → the dossier is stopped.

Only dossiers someone in the agency has to act on are read (statuses 2, 4, 6 and 9, the
admin's "working" ones after receipt): a dossier waiting for a supplement has its clock
paused, a settled one has nothing due.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef

from congso.dossiers.calendar import HOURS_PER_WORKING_DAY, add_working_time
from congso.dossiers.querysets import calendar_for
from congso.dossiers.status import Role, Status
from congso.reminders.models import Kind

ONE_WORKING_DAY = dt.timedelta(hours=HOURS_PER_WORKING_DAY)
# Someone in the agency has to act and a step may be timed (5 waits for the applicant).
ACTING = [Status.RECEIVED, Status.PROCESSING, Status.PAYMENT, Status.DONE]
# Installation default when neither settings nor the procedure says (docs/reminders.md: not a
# national rule; set the procedure's own time from its legal text).
DEFAULT_SUPPLEMENT_DAYS = 30


@dataclass
class Candidate:
    kind: str
    dossier: object
    occurrence: str
    due_at: dt.datetime
    step_code: str = ""
    step_name: str = ""
    step_started_at: dt.datetime | None = None
    supplement: object = None
    recipients: list = field(default_factory=list)


def step_occurrence(dossier) -> str:
    """The step and when the dossier entered it: entering the same step again later (sent
    back) is a new occurrence with a reminder of its own."""
    started = dossier.step_started_at
    stamp = started.astimezone(dt.UTC).isoformat() if started else ""
    return f"{dossier.current_step}@{stamp}"


def _active_staff(agency_id, roles):
    from congso.dossiers.models import AgencyStaff

    rows = AgencyStaff.objects.filter(agency_id=agency_id, role__in=roles, user__is_active=True)
    return list(
        {row.user.pk: row.user for row in rows.select_related("user").order_by("user__pk")}.values()
    )


def _steps(workflow_ids) -> dict:
    from congso.dossiers.models import WorkflowStep

    rows = WorkflowStep.objects.filter(workflow_id__in=workflow_ids)
    return {(s.workflow_id, s.code): s for s in rows}


def _timed_dossiers():
    from congso.dossiers.models import Dossier

    return Dossier.objects.filter(status__in=ACTING, step_due_at__isnull=False).select_related(
        "agency", "assignee"
    )


def _reminded(kind):
    """Whether the dossier's current step occurrence already has a `kind` row."""
    from congso.reminders.models import Reminder

    return Exists(
        Reminder.objects.filter(
            dossier=OuterRef("pk"),
            kind=kind,
            step_code=OuterRef("current_step"),
            step_started_at=OuterRef("step_started_at"),
        )
    )


def step_candidates(now: dt.datetime) -> list[Candidate]:
    """Due-soon and overdue steps, agency by agency (each on its own calendar)."""
    from congso.organisation.models import Agency

    found = []
    agency_ids = set(_timed_dossiers().order_by().values_list("agency_id", flat=True).distinct())
    for agency in Agency.objects.filter(pk__in=agency_ids).order_by("pk"):
        agency_id = agency.pk
        # The instant one working day from now is used up: the admin's "Sắp đến hạn" bound.
        limit = add_working_time(calendar_for(agency), now, ONE_WORKING_DAY)
        mine = _timed_dossiers().filter(agency_id=agency_id)
        overdue = mine.filter(step_due_at__lt=now).exclude(_reminded(Kind.OVERDUE))
        due_soon = mine.filter(step_due_at__gte=now, step_due_at__lte=limit).exclude(
            _reminded(Kind.DUE_SOON)
        )
        rows = list(overdue.order_by("step_due_at", "pk")) + list(
            due_soon.order_by("step_due_at", "pk")
        )
        if not rows:
            continue
        steps = _steps({d.workflow_id for d in rows})
        leaders = None
        for dossier in rows:
            step = steps.get((dossier.workflow_id, dossier.current_step))
            common = {
                "dossier": dossier,
                "occurrence": step_occurrence(dossier),
                "due_at": dossier.step_due_at,
                "step_code": dossier.current_step,
                "step_started_at": dossier.step_started_at,
                "step_name": step.name if step else dossier.current_step,
            }
            if dossier.step_due_at < now:
                if leaders is None:
                    leaders = _active_staff(agency_id, [Role.LEADER])
                found.append(Candidate(kind=Kind.OVERDUE, recipients=leaders, **common))
            else:
                found.append(
                    Candidate(kind=Kind.DUE_SOON, recipients=_assignees(dossier, step), **common)
                )
    return found


def _assignees(dossier, step) -> list:
    """The officer the dossier is handed to, or else everyone of the step's role."""
    if dossier.assignee_id and dossier.assignee.is_active:
        return [dossier.assignee]
    if step is None:
        return []
    return _active_staff(dossier.agency_id, [step.role])


def supplement_days(procedure) -> int:
    """Working days the applicant has to supplement: the procedure's own (SupplementDeadline),
    else settings.SUPPLEMENT_DEADLINE_WORKING_DAYS, else 30. 0 means never stop."""
    from congso.reminders.models import SupplementDeadline

    own = SupplementDeadline.objects.filter(procedure=procedure).first()
    if own is not None:
        return own.working_days
    return int(getattr(settings, "SUPPLEMENT_DEADLINE_WORKING_DAYS", DEFAULT_SUPPLEMENT_DAYS))


def supplement_deadline(request, days: int | None = None) -> dt.datetime | None:
    """When the applicant's time to answer `request` ends (None: never)."""
    dossier = request.dossier
    days = supplement_days(dossier.procedure) if days is None else days
    if days <= 0:
        return None
    cal = calendar_for(dossier.agency)
    return add_working_time(cal, request.requested_at, days * ONE_WORKING_DAY)


def supplement_candidates(now: dt.datetime) -> list[Candidate]:
    """Open supplement requests of dossiers still waiting (status 5) whose deadline passed."""
    from congso.dossiers.models import SupplementRequest

    requests = (
        SupplementRequest.objects.filter(
            completed_at__isnull=True,
            dossier__status=Status.SUPPLEMENT,
            expiry_reminders__isnull=True,
        )
        .select_related("dossier__agency", "dossier__procedure", "requested_by")
        .order_by("requested_at", "pk")
    )
    found, days_by_procedure, leaders = [], {}, {}
    for request in requests:
        dossier = request.dossier
        if dossier.procedure_id not in days_by_procedure:
            days_by_procedure[dossier.procedure_id] = supplement_days(dossier.procedure)
        deadline = supplement_deadline(request, days_by_procedure[dossier.procedure_id])
        if deadline is None or deadline >= now:
            continue
        if dossier.agency_id not in leaders:
            leaders[dossier.agency_id] = _active_staff(dossier.agency_id, [Role.LEADER])
        asked_by = request.requested_by
        recipients = [asked_by] if asked_by is not None and asked_by.is_active else []
        recipients += [u for u in leaders[dossier.agency_id] if u not in recipients]
        found.append(
            Candidate(
                kind=Kind.SUPPLEMENT_EXPIRED,
                dossier=dossier,
                occurrence=f"supplement:{request.pk}",
                due_at=deadline,
                step_code=dossier.current_step,
                supplement=request,
                recipients=recipients,
            )
        )
    return found
