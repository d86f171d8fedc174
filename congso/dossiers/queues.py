"""Reading dossiers for the one-stop admin: the officer's agencies, the queues and their counts,
and what a given officer may do to a given dossier at its current step.

Every queue starts from `access.staff_dossiers(user)` (only the officer's agencies) narrowed to
one agency and a status set, so that PostgreSQL reads it through the (agency, status, due_at)
index; list rows come with their procedure, agency and assignee in the same query.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from congso.dossiers.calendar import HOURS_PER_WORKING_DAY, add_working_time, to_local
from congso.dossiers.models import AgencyStaff, WorkflowStep
from congso.dossiers.querysets import cached_calendar_for, calendar_for
from congso.dossiers.services import records
from congso.dossiers.services.access import roles_in, staff_dossiers
from congso.dossiers.status import FINISHED, Action, Channel, Role, Status

# Statuses in which someone in the agency has something to do (5 waits for the applicant).
WORKING = [Status.SUBMITTED, Status.RECEIVED, Status.PROCESSING, Status.PAYMENT, Status.DONE]
# Received and not yet processed: the clock runs (5 is paused, 9 has finished it).
CLOCK_RUNNING = [Status.RECEIVED, Status.PROCESSING, Status.PAYMENT]


@dataclass(frozen=True)
class Queue:
    slug: str
    label: str
    help: str


QUEUES = (
    Queue("moi-nop", _("Mới nộp trực tuyến"), _("Hồ sơ nộp trực tuyến, chưa tiếp nhận.")),
    Queue(
        "cho-tiep-nhan",
        _("Chờ tiếp nhận"),
        _("Mọi hồ sơ đã nộp chưa tiếp nhận (trực tuyến, bưu chính), cũ nhất trước."),
    ),
    Queue(
        "viec-cua-toi",
        _("Việc của tôi"),
        _("Hồ sơ giao cho tôi, hoặc chưa giao ai ở bước thuộc vai trò của tôi."),
    ),
    Queue("sap-den-han", _("Sắp đến hạn"), _("Đến hạn trả kết quả trong 01 ngày làm việc.")),
    Queue("qua-han", _("Quá hạn"), _("Đã quá hạn trả kết quả mà chưa xử lý xong.")),
    Queue("cho-bo-sung", _("Chờ bổ sung"), _("Đang chờ người nộp bổ sung, hoàn thiện hồ sơ.")),
)
QUEUE_BY_SLUG = {queue.slug: queue for queue in QUEUES}


def officer_agencies(user):
    """The agencies whose dossiers `user` handles (every agency for a superuser)."""
    from congso.organisation.models import Agency

    if user.is_superuser:
        return Agency.objects.order_by("name")
    return AgencyStaff.objects.agencies_of(user).order_by("name")


def is_officer(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or AgencyStaff.objects.filter(user=user).exists()
    )


# Asked once per request: every admin page renders the menu twice (the sidebar and its
# collapsed form), each of the six queue items and "Nhập hồ sơ trực tiếp" asking again.
_REQUEST_ROLES = "_congso_dossier_roles"
_REQUEST_DESK = "_congso_dossier_desk"


def request_roles(request) -> frozenset[str]:
    """Every role the request's user holds in any agency: one query for the whole request."""
    roles = getattr(request, _REQUEST_ROLES, None)
    if roles is None:
        user = request.user
        roles = frozenset()
        if user.is_authenticated:
            rows = AgencyStaff.objects.filter(user=user).values_list("role", flat=True)
            roles = frozenset(rows.distinct())
        setattr(request, _REQUEST_ROLES, roles)
    return roles


def request_is_officer(request) -> bool:
    """`is_officer(request.user)`, read once per request."""
    user = request.user
    return user.is_authenticated and (user.is_superuser or bool(request_roles(request)))


def request_may_enter_in_person(request) -> bool:
    """Whether the desk has an agency for this user (admin_views.desk.desk_agencies), read
    once per request: a one-stop officer somewhere, or a superuser once an agency exists."""
    user = request.user
    if not user.is_authenticated:
        return False
    if not user.is_superuser:
        return Role.ONE_STOP in request_roles(request)
    known = getattr(request, _REQUEST_DESK, None)
    if known is None:
        from congso.organisation.models import Agency

        known = Agency.objects.exists()
        setattr(request, _REQUEST_DESK, known)
    return known


def pick_agency(user, identifier: str | None, agencies=None):
    """The agency the officer works in now: the one asked for if it is theirs, else their
    first. A superuser who asks for none sees every agency (None). `agencies`: the list of
    officer_agencies(user) when the caller has read it already (no further query)."""
    if agencies is not None:
        chosen = next((a for a in agencies if identifier and a.identifier == identifier), None)
        if chosen is not None or user.is_superuser:
            return chosen
        return agencies[0] if agencies else None
    agencies = officer_agencies(user)
    if identifier:
        chosen = agencies.filter(identifier=identifier).first()
        if chosen is not None:
            return chosen
    if user.is_superuser:
        return None
    return agencies.first()


def in_agency(user, agency):
    dossiers = staff_dossiers(user)
    return dossiers.filter(agency=agency) if agency is not None else dossiers


def _my_roles(user, agency) -> set[str]:
    if agency is None:
        return {role.value for role in Role} if user.is_superuser else set()
    return roles_in(user, agency)


def due_soon_limit(agency, now: dt.datetime, *, cached: bool = False) -> dt.datetime:
    """One working day (8 working hours) from now on the agency's calendar (`cached`: the
    calendar from the cache, for the queue page read on every request)."""
    calendar = cached_calendar_for(agency) if cached else calendar_for(agency)
    return add_working_time(calendar, now, dt.timedelta(hours=HOURS_PER_WORKING_DAY))


# The order an officer works through each queue in.
ORDERING = {
    "moi-nop": ("-submitted_at", "-pk"),
    "cho-tiep-nhan": ("submitted_at", "pk"),
    "viec-cua-toi": ("due_at", "submitted_at", "pk"),
    "sap-den-han": ("due_at", "pk"),
    "qua-han": ("due_at", "pk"),
    "cho-bo-sung": ("-pk",),
}
# Every status some queue lists: the counts read only these rows of the agency (the index).
QUEUED = sorted({Status.SUBMITTED, Status.SUPPLEMENT, *WORKING})


class Reader:
    """The queues of one officer in one agency at one moment. The officer's roles and the
    due-soon limit are read once, however many queues are asked for; the six counts are one
    query."""

    def __init__(self, user, agency, now: dt.datetime | None = None):
        self.user, self.agency, self.now = user, agency, now or records.now()

    @cached_property
    def roles(self) -> set[str]:
        return _my_roles(self.user, self.agency)

    @cached_property
    def due_soon(self) -> dt.datetime:
        return due_soon_limit(self.agency, self.now, cached=True)

    def condition(self, slug: str) -> Q:
        """Which of the agency's dossiers `slug` lists."""
        if slug == "moi-nop":
            return Q(status=Status.SUBMITTED, channel=Channel.ONLINE)
        if slug == "cho-tiep-nhan":
            return Q(status=Status.SUBMITTED)
        if slug == "viec-cua-toi":
            at_my_step = WorkflowStep.objects.filter(
                workflow=OuterRef("workflow_id"),
                code=OuterRef("current_step"),
                role__in=self.roles,
            )
            return Q(status__in=WORKING) & (
                Q(assignee=self.user)
                | Q(assignee__isnull=True, current_step__gt="") & Exists(at_my_step)
            )
        if slug == "sap-den-han":
            return Q(status__in=CLOCK_RUNNING, due_at__gt=self.now, due_at__lte=self.due_soon)
        if slug == "qua-han":
            return Q(status__in=CLOCK_RUNNING, due_at__lte=self.now)
        if slug == "cho-bo-sung":
            return Q(status=Status.SUPPLEMENT)
        raise KeyError(slug)

    def dossiers(self, slug: str):
        condition = self.condition(slug)
        return in_agency(self.user, self.agency).filter(condition).order_by(*ORDERING[slug])

    def counts(self) -> dict[str, int]:
        """{slug: count} of every queue in one query (a COUNT … FILTER per queue over the
        agency's open dossiers, read through the (agency, status, …) indexes)."""
        rows = in_agency(self.user, self.agency).filter(status__in=QUEUED)
        totals = rows.aggregate(
            **{f"n{n}": Count("pk", filter=self.condition(q.slug)) for n, q in enumerate(QUEUES)}
        )
        return {q.slug: totals[f"n{n}"] for n, q in enumerate(QUEUES)}


def queue_dossiers(user, agency, slug: str, *, now: dt.datetime | None = None):
    """The dossiers of one queue, in the order an officer works through them."""
    return Reader(user, agency, now).dossiers(slug)


def counts(user, agency, *, now: dt.datetime | None = None) -> dict[str, int]:
    return Reader(user, agency, now).counts()


def search(dossiers, text: str):
    """By dossier code or applicant name (a part of either)."""
    text = (text or "").strip()[:100]
    if not text:
        return dossiers
    return dossiers.filter(Q(code__icontains=text) | Q(applicant_name__icontains=text))


def for_list(dossiers):
    return dossiers.select_related("procedure", "agency", "assignee")


def step_names(dossiers) -> dict[tuple[int, str], str]:
    """(workflow id, step code) → step name for a page of dossiers, in one query."""
    workflow_ids = {d.workflow_id for d in dossiers}
    rows = WorkflowStep.objects.filter(workflow_id__in=workflow_ids).values_list(
        "workflow_id", "code", "name"
    )
    return {(workflow_id, code): name for workflow_id, code, name in rows}


# What a person may do at the dossier's current step ----------------------------------------

# The state-machine method each step action calls (the FSM says whether the status allows it).
_FSM_METHOD = {
    Action.RECEIVE: "mark_received",
    Action.REQUEST_SUPPLEMENT: "mark_supplement_requested",
    Action.REFUSE: "mark_refused",
    Action.FORWARD: "mark_processing",
    Action.SEND_BACK: "mark_processing",
    Action.APPROVE: "mark_done",
    Action.RETURN_RESULT: "mark_returned",
    Action.STOP: "mark_stopped",
    Action.REQUEST_PAYMENT: "mark_payment_requested",
}


def staff_with_role(agency, role: str):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(agency_roles__agency=agency, agency_roles__role=role, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def available_actions(dossier, user, *, now: dt.datetime | None = None) -> list[str]:
    """The actions whose button this person gets now: the workflow rows of the current step
    for roles they hold, those the status allows, and the step-free ones (assign, apologize,
    withdraw at the desk, reopen). The service checks everything again when pressed."""
    roles = roles_in(user, dossier.agency)
    if not roles or dossier.status == Status.DRAFT:
        return []
    actions = []
    handed_to_other = (
        dossier.assignee_id
        and dossier.assignee_id != user.pk
        and not user.is_superuser
        and Role.LEADER not in roles
    )
    rows = dossier.workflow.transitions.filter(from_step=dossier.current_step, role__in=roles)
    for row in rows.order_by("sort_order", "pk"):
        if row.action in actions or handed_to_other or not dossier.current_step:
            continue
        if row.action == Action.REQUEST_SUPPLEMENT and dossier.status == Status.SUPPLEMENT:
            continue
        if can_proceed(getattr(dossier, _FSM_METHOD[row.action])):
            actions.append(row.action)
    step = step_of(dossier.workflow, dossier.current_step)
    if (
        step is not None
        and dossier.status not in FINISHED
        and roles & {Role.LEADER, Role.ONE_STOP, step.role}
    ):
        actions.append(Action.ASSIGN)
    if _can_apologize(dossier, roles, now or records.now()):
        actions.append(Action.APOLOGIZE)
    if Role.ONE_STOP in roles and dossier.owner_id is None and can_proceed(dossier.mark_withdrawn):
        actions.append(Action.WITHDRAW)
    if roles & {Role.LEADER, Role.ADMIN} and dossier.status in FINISHED:
        actions.append(Action.REOPEN)
    if dossier.status == Status.PAYMENT and roles & {Role.ONE_STOP, Role.SPECIALIST, Role.LEADER}:
        actions.append(Action.CONFIRM_PAYMENT)  # fees paid in cash at the desk (congso.payments)
    return actions


def step_of(workflow, code: str):
    """workflow.step(code), from the steps prefetched with the dossier when they were."""
    return next((s for s in workflow.steps.all() if s.code == code), None) if code else None


def _can_apologize(dossier, roles, now) -> bool:
    return (
        bool(roles & {Role.LEADER, Role.ONE_STOP})
        and dossier.status in (Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT)
        and dossier.due_at is not None
        and to_local(now).date() < to_local(dossier.due_at).date()
        and not dossier.apologies.exists()
    )


def eform_rows(dossier) -> list[tuple[str, list[tuple[str, object]]]]:
    """The e-form data of each component as (component name, [(question, answer)])."""
    from congso.dossiers.eforms import to_display

    rows = []
    for component in dossier.procedure.components.all():
        data = dossier.form_data.get(str(component.pk))
        if not component.form_schema or not isinstance(data, dict):
            continue
        schema = component.form_schema if isinstance(component.form_schema, dict) else {}
        properties = schema.get("properties") or {}
        answers = [
            (
                (properties.get(key) or {}).get("title") or key,
                to_display(properties.get(key) or {}, value),
            )
            for key, value in data.items()
        ]
        rows.append((component.name, answers))
    return rows


# The agency admin's reach ---------------------------------------------------------------------


def admin_agency_ids(user):
    """Agencies whose workflows and staff `user` manages (None: every agency, a superuser)."""
    if user.is_superuser:
        return None
    return AgencyStaff.objects.filter(user=user, role=Role.ADMIN).values("agency_id")


def managed(queryset, user):
    """`queryset` (workflows or staff rows) narrowed to the agencies `user` administers; a
    workflow shared by every agency (agency empty) is the installation administrator's."""
    ids = admin_agency_ids(user)
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


# A signed result, verified as documents are -------------------------------------------------

MAX_VERIFIED_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class ResultSignature:
    file: object
    summary: str  # "Không có chữ ký số", "Không đọc được…", or one line per signature
    signatures: tuple = ()


def result_signatures(dossier) -> list[ResultSignature]:
    """Each current result PDF with its digital signatures checked against the portal's trust
    anchors (congso.documents.signatures, the same check as official documents)."""
    from congso.documents.models.files import SignatureState
    from congso.documents.services import active_anchor_ders
    from congso.documents.signatures import verify_pdf
    from congso.dossiers.models import DossierFile

    pdfs = dossier.files.filter(
        kind=DossierFile.Kind.RESULT, superseded=False, content_type="application/pdf"
    )
    answers = []
    anchors = None
    for stored in pdfs:
        if stored.size > MAX_VERIFIED_BYTES:
            answers.append(ResultSignature(stored, str(_("Tệp quá lớn để xác minh tại đây."))))
            continue
        anchors = active_anchor_ders() if anchors is None else anchors
        try:
            with stored.file.open("rb") as handle:
                results = verify_pdf(handle.read(), anchors)
        except Exception:  # noqa: BLE001 - a broken PDF may fail anywhere in the parser
            answers.append(ResultSignature(stored, str(_("Không đọc được chữ ký số của tệp."))))
            continue
        if not results:
            answers.append(ResultSignature(stored, str(_("Không có chữ ký số"))))
            continue
        lines = tuple(
            (r.signer, r.organization, r.signed_at, str(SignatureState(r.status).label))
            for r in results
        )
        answers.append(ResultSignature(stored, "", lines))
    return answers
