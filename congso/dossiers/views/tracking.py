"""The public tracking page /tra-cuu-ho-so/ (records.TRACKING_PATH): type a dossier code, or
open the link of the receipt's QR code (?ma=<code>&secret=<secret>).

The lookup itself is congso/dossiers/tracking.py, shared with the API. An answer about a
dossier is never stored by a shared cache (the page cache already bypasses any query string
it does not know, and the answer is private, no-store) and never sends the secret on to another
site in a Referer.
"""

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from congso.core import ratelimit
from congso.dossiers import tracking


@require_GET
def tracking_page(request):
    code = (request.GET.get("ma") or "").strip()[: tracking.MAX_CODE_LENGTH]
    secret = (request.GET.get("secret") or "").strip()[:64]
    context = {"code": code, "found": None, "message": "", "asked": bool(code)}
    status = 200
    retry_after = None
    if code:
        try:
            tracking.check_rate(request)
        except ratelimit.RateLimited as limited:
            status, retry_after = 429, limited.retry_after
            context["message"] = tracking.RATE_LIMITED
        else:
            dossier = tracking.find(code)
            if dossier is None:
                status = 404
                context["message"] = tracking.NOT_FOUND
            else:
                context["found"] = tracking.answer(dossier, secret)
    response = render(request, "dossiers/tracking.html", context, status=status)
    if code or secret:
        patch_cache_control(response, private=True, no_store=True)
        response["Referrer-Policy"] = "no-referrer"
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response
