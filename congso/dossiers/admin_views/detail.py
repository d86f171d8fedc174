"""One dossier in the admin: its data, files, e-form answers, slips, the process-control history,
and one button (with its small form) for each action this officer may take at this step."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from congso.dossiers import queues as q
from congso.dossiers.admin_views import require_officer
from congso.dossiers.forms import ACTION_FIELDS, ActionForm
from congso.dossiers.models import DossierFile
from congso.dossiers.services import DossierError, filing
from congso.dossiers.services.access import staff_dossiers
from congso.dossiers.services.processing import perform
from congso.dossiers.services.slips_issue import issue_slip, latest_slip
from congso.dossiers.status import PUNCTUALITY_TEXT, Action, Status
from congso.retention.access import log_staff_access

# The slip an action issues (processing.py), shown as a link right after the action.
SLIP_OF = {
    Action.RECEIVE: "01",
    Action.REQUEST_SUPPLEMENT: "02",
    Action.REFUSE: "03",
    Action.APOLOGIZE: "04",
}
SLIP_NAMES = {
    "01": gettext_lazy("Phiếu tiếp nhận và hẹn trả kết quả (mẫu 01)"),
    "02": gettext_lazy("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"),
    "03": gettext_lazy("Phiếu từ chối tiếp nhận (mẫu 03)"),
    "04": gettext_lazy("Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"),
    "05": gettext_lazy("Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)"),
}


def _dossier(request, pk):
    """The dossier if it belongs to one of this officer's agencies; a 404 otherwise, so that
    guessing ids of another agency's dossiers tells nothing."""
    require_officer(request)
    dossier = (
        staff_dossiers(request.user)
        .select_related("procedure", "agency", "workflow", "assignee", "owner")
        .prefetch_related("workflow__steps")  # the page, its buttons and their choices
        .filter(pk=pk)
        .first()
    )
    if dossier is None:
        raise Http404
    return dossier


def _user_choices(dossier, action):
    step = q.step_of(dossier.workflow, dossier.current_step)
    if action == Action.FORWARD:
        row = dossier.workflow.transitions.filter(
            action=Action.FORWARD, from_step=dossier.current_step
        ).first()
        step = q.step_of(dossier.workflow, row.to_step) if row and row.to_step else None
    return list(q.staff_with_role(dossier.agency, step.role)) if step else []


def _action_forms(dossier, user):
    forms = []
    for action in q.available_actions(dossier, user):
        choices = (
            _user_choices(dossier, action) if action in (Action.FORWARD, Action.ASSIGN) else ()
        )
        forms.append(ActionForm(action, user_choices=choices))
    return forms


@require_GET
def detail(request, pk):
    dossier = _dossier(request, pk)
    log_staff_access(request, dossier, "view")
    steps = {step.code: step.name for step in dossier.workflow.steps.all()}
    events = [
        (
            event,
            steps.get(event.from_step, event.from_step),
            steps.get(event.to_step, event.to_step),
            _label(Action, event.action),
            _label(Status, event.to_status),
        )
        for event in dossier.events.select_related("actor")
    ]
    slips = list(dossier.slips.all())
    fresh = next((s for s in slips if str(s.pk) == request.GET.get("phieu")), None)
    return TemplateResponse(
        request,
        "dossiers/admin/detail.html",
        {
            "dossier": dossier,
            "step_name": steps.get(dossier.current_step, dossier.current_step),
            "files": dossier.files.select_related("component", "uploaded_by"),
            "eforms": q.eform_rows(dossier),
            "result_signatures": q.result_signatures(dossier),
            "slips": [(slip, SLIP_NAMES.get(slip.form, slip.form)) for slip in slips],
            "fresh_slip": fresh,
            "fresh_slip_name": SLIP_NAMES.get(fresh.form) if fresh else "",
            "events": events,
            "punctuality": {key.value: text for key, text in PUNCTUALITY_TEXT.items()},
            "supplements": dossier.supplements.all(),
            "apologies": dossier.apologies.all(),
            "action_forms": _action_forms(dossier, request.user),
            "status_label": Status(dossier.status).label,
        },
    )


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _errors_text(form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return "; ".join(parts)


@require_POST
def act(request, pk, action):
    dossier = _dossier(request, pk)
    if action not in ACTION_FIELDS:
        raise Http404
    back = reverse("dossiers_admin:detail", args=[dossier.pk])
    form = ActionForm(action, request.POST, request.FILES, user_choices=_all_staff(dossier))
    if not form.is_valid():
        messages.error(
            request, _("Chưa thực hiện được: %(errors)s") % {"errors": _errors_text(form)}
        )
        return redirect(back)
    result = form.cleaned_data.get("file")
    try:
        with transaction.atomic():
            if result is not None:
                # Attached first (the result may only be added before it is returned); a refusal
                # of the action below rolls the attachment back with it.
                filing.attach_file(dossier, request.user, result, kind=DossierFile.Kind.RESULT)
            dossier = perform(dossier.pk, request.user, action, form.service_fields())
    except DossierError as error:
        details = "; ".join(" ".join(map(str, v)) for v in error.fields.values() if v)
        text = (
            error.detail
            if not details or details in error.detail
            else f"{error.detail} ({details})"
        )
        messages.error(request, _("Chưa thực hiện được: %(reason)s") % {"reason": text})
        return redirect(back)
    messages.success(
        request,
        _("Đã thực hiện “%(action)s” cho hồ sơ %(code)s.")
        % {"action": Action(action).label, "code": dossier.code or dossier.pk},
    )
    form_code = SLIP_OF.get(action)
    slip = latest_slip(dossier, form_code) if form_code else None
    return redirect(f"{back}?phieu={slip.pk}" if slip else back)


def _all_staff(dossier):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(agency_roles__agency=dossier.agency).distinct()


@require_POST
def control_sheet(request, pk):
    """Form 05 as of now, issued on demand and opened at once (each issue is kept)."""
    dossier = _dossier(request, pk)
    if dossier.status == Status.DRAFT:
        raise Http404
    slip = issue_slip(dossier, "05")
    return redirect(reverse("dossiers:slip", args=[slip.pk]))
