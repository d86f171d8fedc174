"""Online filing under /dich-vu-cong/: one page per step, each one a plain form that works
without JavaScript on a 375 px phone.

0. the agency (only when several carry out the procedure), 1. người nộp, 2. thành phần hồ sơ,
3. trích yếu, 4. tóm tắt and "Nộp hồ sơ" → the confirmation with the reference and the tracking
secret. Each step has "Tiếp tục", "Lưu nháp" and (after the first) "Quay lại"; the draft is kept
between visits and listed in "Hồ sơ của tôi".
"""

import secrets

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congso.accounts.services import applicant_defaults
from congso.dossiers import eforms
from congso.dossiers.forms_citizen import (
    AgencyForm,
    ApplicantForm,
    ComponentsStep,
    ConfirmForm,
    SummaryForm,
)
from congso.dossiers.models import Dossier, DossierFile
from congso.dossiers.services import Conflict, DossierError, Invalid, filing, records
from congso.dossiers.status import Status
from congso.dossiers.uploads import ALLOWED_DESCRIPTION
from congso.dossiers.views.citizen_common import (
    JUST_SUBMITTED,
    citizen_page,
    draft_step,
    rate_limited,
    step_nav,
)
from congso.procedures.models import Procedure

SAVED = _("Đã lưu nháp. Bạn có thể quay lại tiếp tục soạn bất cứ lúc nào tại “Hồ sơ của tôi”.")


def _action(request) -> str:
    """Which button was pressed: next (also Enter in a field), save or back."""
    action = request.POST.get("action", "next")
    return action if action in ("next", "save", "back") else "next"


def _after(request, dossier, action: str, *, here: str, back: str | None, forward: str):
    if action == "save":
        messages.success(request, SAVED)
        return redirect(here, pk=dossier.pk)
    if action == "back" and back:
        return redirect(back, pk=dossier.pk)
    return redirect(forward, pk=dossier.pk)


def _page(request, template, dossier, step, **context):
    context.update(
        dossier=dossier,
        agency=dossier.agency,
        procedure=dossier.procedure,
        steps=step_nav(dossier, step),
        step=step,
    )
    return render(request, f"dossiers/citizen/{template}", context)


@citizen_page
@rate_limited("create")
def start(request, code):
    """Steps 0 and 1 of a new dossier. No draft exists until the citizen sends step 1; the
    hidden submission key of that form makes a double click create one draft, not two."""
    procedure = get_object_or_404(Procedure.objects.published(), code=code[:64])
    agencies = list(procedure.agencies.order_by("name"))
    context = {"procedure": procedure, "agencies": agencies}
    if not procedure.is_online or not agencies:
        return render(request, "dossiers/citizen/unavailable.html", context)
    agency = agencies[0] if len(agencies) == 1 else None
    if agency is None:
        chosen = request.POST.get("agency") or request.GET.get("agency")
        # "chon" marks step 0 sent without a choice (an unticked radio group sends nothing).
        sent = chosen or request.GET.get("chon")
        agency_form = AgencyForm(agencies, {"agency": chosen or ""} if sent else None)
        if not agency_form.is_valid():
            return render(
                request, "dossiers/citizen/step_agency.html", {**context, "form": agency_form}
            )
        agency = next(a for a in agencies if a.identifier == agency_form.cleaned_data["agency"])
    context["agency"] = agency
    if request.method == "POST":
        form = ApplicantForm(request.POST)
        if form.is_valid():
            try:
                dossier = filing.create_draft(
                    request.user,
                    procedure,
                    agency_identifier=agency.identifier,
                    applicant=form.cleaned_data,
                    summary=procedure.name,
                    submission_key=request.POST.get("submission_key", "")[:64],
                )
            except DossierError as error:
                form.add_error(None, error.detail)
            else:
                if dossier.status != Status.DRAFT:
                    return redirect("dossiers:my_dossier", pk=dossier.pk)
                # A re-sent step 1 (same key) returns the first draft: it takes what was sent.
                filing.update_draft(dossier, request.user, applicant=form.cleaned_data)
                return _after(
                    request,
                    dossier,
                    _action(request),
                    here="dossiers:step_applicant",
                    back=None,
                    forward="dossiers:step_components",
                )
    else:
        form = ApplicantForm(initial=applicant_defaults(request.user))
    context.update(
        form=form,
        dossier=None,
        steps=step_nav(None, "nguoi-nop"),
        step="nguoi-nop",
        submission_key=secrets.token_urlsafe(24),
        action_url=request.get_full_path(),
    )
    return render(request, "dossiers/citizen/step_applicant.html", context)


@citizen_page
@rate_limited("filing")
@draft_step
def step_applicant(request, dossier):
    if request.method == "POST":
        form = ApplicantForm(request.POST)
        if form.is_valid():
            filing.update_draft(dossier, request.user, applicant=form.cleaned_data)
            return _after(
                request,
                dossier,
                _action(request),
                here="dossiers:step_applicant",
                back=None,
                forward="dossiers:step_components",
            )
    else:
        form = ApplicantForm(initial=ApplicantForm.initial_from(dossier))
    return _page(
        request,
        "step_applicant.html",
        dossier,
        "nguoi-nop",
        form=form,
        action_url=reverse("dossiers:step_applicant", args=[dossier.pk]),
    )


@citizen_page
@rate_limited("filing")
@draft_step
def step_components(request, dossier):
    if request.method == "POST":
        action = _action(request)
        components = ComponentsStep(dossier, request.POST, request.FILES)
        if components.save(request.user, complete=action == "next"):
            return _after(
                request,
                dossier,
                action,
                here="dossiers:step_components",
                back="dossiers:step_applicant",
                forward="dossiers:step_summary",
            )
    else:
        components = ComponentsStep(dossier)
    return _page(
        request,
        "step_components.html",
        dossier,
        "thanh-phan",
        components=components,
        allowed=ALLOWED_DESCRIPTION,
    )


@citizen_page
@rate_limited("filing")
@draft_step
def step_summary(request, dossier):
    if request.method == "POST":
        action = _action(request)
        form = SummaryForm(request.POST)
        # Only going on needs a summary; a draft may be saved, or left backwards, without one.
        form.fields["summary"].required = action == "next"
        if form.is_valid():
            filing.update_draft(dossier, request.user, summary=form.cleaned_data["summary"])
            return _after(
                request,
                dossier,
                action,
                here="dossiers:step_summary",
                back="dossiers:step_components",
                forward="dossiers:step_confirm",
            )
    else:
        form = SummaryForm(initial={"summary": dossier.summary or dossier.procedure.name})
    return _page(request, "step_summary.html", dossier, "trich-yeu", form=form)


@citizen_page
@rate_limited("filing")
@draft_step
def step_confirm(request, dossier):
    problems = []
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        if _action(request) == "back":
            return redirect("dossiers:step_summary", pk=dossier.pk)
        if form.is_valid():
            try:
                filing.submit(dossier.pk, request.user)
            except Conflict:
                # The first of two clicks already submitted it.
                request.session[JUST_SUBMITTED] = dossier.pk
                return redirect("dossiers:submitted", pk=dossier.pk)
            except Invalid as error:
                problems.append(error.detail)
            else:
                request.session[JUST_SUBMITTED] = dossier.pk
                return redirect("dossiers:submitted", pk=dossier.pk)
    else:
        form = ConfirmForm()
    return _page(
        request,
        "step_confirm.html",
        dossier,
        "xac-nhan",
        form=form,
        problems=problems,
        missing=filing.missing_components(dossier),
        invalid_forms=bool(filing.form_errors(dossier)),
        components=summary_components(dossier),
    )


def summary_components(dossier) -> list[dict]:
    """Each component with its file or its answers, as the confirmation page lists them."""
    files = {
        f.component_id: f
        for f in filing.current_files(dossier).filter(kind=DossierFile.Kind.COMPONENT)
    }
    rows = []
    for component in dossier.procedure.components.all():
        answers = []
        if component.form_schema and not eforms.check_schema(component.form_schema):
            schema = eforms.load_schema(component.form_schema)
            data = dossier.form_data.get(str(component.pk)) or {}
            for name, prop in (schema.get("properties") or {}).items():
                if name in data:
                    answers.append((prop.get("title") or name, answer_text(prop, data[name])))
        rows.append({"component": component, "file": files.get(component.pk), "answers": answers})
    return rows


def answer_text(prop: dict, value) -> str:
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(eforms.to_display(prop, value))


@citizen_page
def submitted(request, pk):
    """Shown once, straight after submitting: the reference and the private tracking secret.
    Later visits go to the dossier's page, which keeps both for its owner."""
    dossier = get_object_or_404(Dossier, pk=pk, owner=request.user)
    if request.session.get(JUST_SUBMITTED) != dossier.pk or dossier.status == Status.DRAFT:
        return redirect("dossiers:my_dossier", pk=dossier.pk)
    del request.session[JUST_SUBMITTED]
    return render(
        request,
        "dossiers/citizen/submitted.html",
        {
            "dossier": dossier,
            "secret": records.tracking_secret(dossier),
            "tracking_url": records.tracking_url(dossier, with_secret=True),
        },
    )
