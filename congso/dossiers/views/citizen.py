"""“Hồ sơ của tôi”: the citizen's dossiers, each with its status in their words, what is asked
of them, its papers, and what they may still do (supplement, withdraw, rate).

Only the owner ever sees these pages (another account's id is a 404, as for files and slips).
Every state change goes through processing.perform / filing, whose refusals become messages.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congso.dossiers.forms_citizen import RatingForm, SupplementForm, WithdrawForm
from congso.dossiers.models import Dossier, DossierFile, Rating, SupplementRequest
from congso.dossiers.services import DossierError, filing, records
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Action, Status
from congso.dossiers.uploads import ACCEPT_ATTRIBUTE, ALLOWED_DESCRIPTION
from congso.dossiers.views.citizen_common import (
    citizen_page,
    own_dossier,
    rate_limited,
    resume_step,
)
from congso.dossiers.views.files import APPLICANT_FORMS

PER_PAGE = 20
WITHDRAWABLE = {
    Status.SUBMITTED,
    Status.RECEIVED,
    Status.PROCESSING,
    Status.SUPPLEMENT,
    Status.PAYMENT,
}


def open_request(dossier):
    """The supplement request still waiting for the citizen, or None."""
    if dossier.status != Status.SUPPLEMENT:
        return None
    waiting = getattr(dossier, "open_requests", None)
    if waiting is None:
        waiting = list(dossier.supplements.filter(completed_at__isnull=True))
    return waiting[-1] if waiting else None


@citizen_page
def my_dossiers(request):
    dossiers = (
        Dossier.objects.filter(owner=request.user)
        .select_related("procedure", "agency")
        .prefetch_related(
            Prefetch(
                "supplements",
                queryset=SupplementRequest.objects.filter(completed_at__isnull=True),
                to_attr="open_requests",
            )
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(dossiers, PER_PAGE).get_page(request.GET.get("page"))
    rows = []
    for dossier in page:
        rows.append(
            {
                "dossier": dossier,
                "asked": open_request(dossier),
                "resume_url": resume_step(dossier) if dossier.status == Status.DRAFT else "",
            }
        )
    return render(request, "dossiers/citizen/my_dossiers.html", {"items": page, "rows": rows})


def detail_context(request, dossier, **forms) -> dict:
    files = filing.current_files(dossier).select_related("component")
    returned = dossier.status == Status.RETURNED
    rating = Rating.objects.filter(dossier=dossier).first()
    can_supplement = dossier.status == Status.SUPPLEMENT
    can_rate = returned and rating is None
    return {
        "dossier": dossier,
        "events": [
            {"event": e, "label": Action(e.action).label if e.action in Action else e.action}
            for e in dossier.events.filter(public=True).exclude(action=Action.CREATE)
        ],
        "asked": open_request(dossier),
        "papers": [f for f in files if f.kind != DossierFile.Kind.RESULT],
        "results": [f for f in files if f.kind == DossierFile.Kind.RESULT] if returned else [],
        "slips": [s for s in dossier.slips.all() if s.form in APPLICANT_FORMS],
        "rating": rating,
        "secret": records.tracking_secret(dossier) if dossier.status != Status.DRAFT else "",
        "tracking_url": (
            records.tracking_url(dossier, with_secret=True)
            if dossier.status != Status.DRAFT
            else ""
        ),
        "resume_url": resume_step(dossier) if dossier.status == Status.DRAFT else "",
        "can_withdraw": dossier.status in WITHDRAWABLE,
        "allowed": ALLOWED_DESCRIPTION,
        "accept": ACCEPT_ATTRIBUTE,
        "supplement_form": (forms.get("supplement_form") or SupplementForm(auto_id="supplement-%s"))
        if can_supplement
        else None,
        "rating_form": (forms.get("rating_form") or RatingForm(auto_id="rating-%s"))
        if can_rate
        else None,
    }


@citizen_page
def my_dossier(request, pk):
    dossier = own_dossier(request, pk)
    return render(request, "dossiers/citizen/my_dossier.html", detail_context(request, dossier))


@citizen_page
@rate_limited("action")
def supplement(request, pk):
    dossier = own_dossier(request, pk)
    if request.method != "POST" or dossier.status != Status.SUPPLEMENT:
        return redirect("dossiers:my_dossier", pk=dossier.pk)
    form = SupplementForm(
        request.POST, files_list=request.FILES.getlist("files"), auto_id="supplement-%s"
    )
    if form.is_valid():
        try:
            with transaction.atomic():
                for uploaded in form.uploads:
                    filing.attach_file(dossier, request.user, uploaded)
                perform(dossier.pk, request.user, Action.SUPPLEMENT, form.cleaned_data)
        except DossierError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(
                request, _("Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục giải quyết hồ sơ của bạn.")
            )
            return redirect("dossiers:my_dossier", pk=dossier.pk)
    context = detail_context(request, dossier, supplement_form=form)
    return render(request, "dossiers/citizen/my_dossier.html", context)


@citizen_page
@rate_limited("action")
def withdraw(request, pk):
    """A page of its own: the citizen confirms, with a reason if they wish."""
    dossier = own_dossier(request, pk)
    if dossier.status not in WITHDRAWABLE:
        messages.error(request, _("Hồ sơ ở trạng thái này không rút được nữa."))
        return redirect("dossiers:my_dossier", pk=dossier.pk)
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                perform(
                    dossier.pk,
                    request.user,
                    Action.WITHDRAW,
                    {"reason": form.cleaned_data["reason"]},
                )
            except DossierError as error:
                form.add_error(None, error.detail)
            else:
                messages.success(request, _("Đã rút hồ sơ."))
                return redirect("dossiers:my_dossier", pk=dossier.pk)
    else:
        form = WithdrawForm()
    return render(request, "dossiers/citizen/withdraw.html", {"dossier": dossier, "form": form})


@citizen_page
@rate_limited("action")
def rate(request, pk):
    dossier = own_dossier(request, pk)
    if request.method != "POST":
        return redirect("dossiers:my_dossier", pk=dossier.pk)
    form = RatingForm(request.POST, auto_id="rating-%s")
    if form.is_valid():
        try:
            perform(dossier.pk, request.user, Action.RATE, form.cleaned_data)
        except DossierError as error:
            messages.error(request, error.detail)
            return redirect("dossiers:my_dossier", pk=dossier.pk)
        messages.success(request, _("Cảm ơn bạn đã đánh giá."))
        return redirect("dossiers:my_dossier", pk=dossier.pk)
    context = detail_context(request, dossier, rating_form=form)
    return render(request, "dossiers/citizen/my_dossier.html", context)
