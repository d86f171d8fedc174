"""What the citizen's pages share: their own dossiers only, per-user rate limits on every POST,
pages never stored by any cache (they carry the ID number and phone), answers to the services'
refusals as Vietnamese messages instead of errors."""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from congso.core import ratelimit
from congso.dossiers.models import Dossier
from congso.dossiers.services import filing
from congso.dossiers.status import Status

# POSTs per user: "<count>/<seconds>", overridable in settings. Filing a dossier of five
# components with drafts saved along the way takes a few dozen; these only stop floods.
RATES = {
    "create": ("DOSSIER_CREATE_RATE_LIMIT", "30/3600"),
    "filing": ("DOSSIER_FILING_RATE_LIMIT", "120/600"),
    "action": ("DOSSIER_ACTION_RATE_LIMIT", "20/600"),
}
# The session remembers the dossier just submitted, so that its confirmation (with the secret)
# is shown to the click that submitted it and to a second click that arrived after it.
JUST_SUBMITTED = "dossiers_just_submitted"
STEPS = [
    ("nguoi-nop", "dossiers:step_applicant", "Người nộp"),
    ("thanh-phan", "dossiers:step_components", "Thành phần hồ sơ"),
    ("trich-yeu", "dossiers:step_summary", "Trích yếu"),
    ("xac-nhan", "dossiers:step_confirm", "Xác nhận và nộp"),
]


def citizen_page(view):
    """Login required (allauth's login page, back here after), never cached anywhere."""
    return never_cache(login_required(view))


def rate_limited(bucket: str):
    """Count each POST of the user in `bucket`; over the limit, a 429 page, nothing done."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                setting, default = RATES[bucket]
                rate = ratelimit.Rate.parse(getattr(settings, setting, default))
                try:
                    ratelimit.hit(f"dossier-{bucket}:{request.user.pk}", rate, every_worker=True)
                except ratelimit.RateLimited as limited:
                    response = render(request, "dossiers/citizen/429.html", status=429)
                    response["Retry-After"] = str(limited.retry_after)
                    return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def own_dossier(request, pk) -> Dossier:
    """The user's own dossier; anyone else's (even an officer's agency's) is a 404."""
    return get_object_or_404(
        Dossier.objects.select_related("procedure", "agency"), pk=pk, owner=request.user
    )


def draft_step(view):
    """A filing step of the user's own draft: `view(request, dossier)`. Once submitted, the
    step's address leads to the dossier (a back button after submitting changes nothing)."""

    @functools.wraps(view)
    def wrapper(request, pk):
        dossier = own_dossier(request, pk)
        if dossier.status != Status.DRAFT:
            if request.session.get(JUST_SUBMITTED) == dossier.pk:
                return redirect("dossiers:submitted", pk=dossier.pk)
            return redirect("dossiers:my_dossier", pk=dossier.pk)
        return view(request, dossier)

    return wrapper


def resume_step(dossier) -> str:
    """Where "Tiếp tục soạn" takes the citizen: the first step that still needs something."""
    if not dossier.applicant_name:
        return reverse("dossiers:step_applicant", args=[dossier.pk])
    if filing.missing_components(dossier) or filing.form_errors(dossier):
        return reverse("dossiers:step_components", args=[dossier.pk])
    if not dossier.summary:
        return reverse("dossiers:step_summary", args=[dossier.pk])
    return reverse("dossiers:step_confirm", args=[dossier.pk])


def step_nav(dossier, current: str) -> list[dict]:
    """The steps for the progress list (an ordered list with aria-current on this step)."""
    return [
        {
            "slug": slug,
            "name": name,
            "number": number,
            "url": reverse(url_name, args=[dossier.pk]) if dossier is not None else "",
            "current": slug == current,
        }
        for number, (slug, url_name, name) in enumerate(STEPS, start=1)
    ]
