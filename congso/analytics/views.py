from django.core import signing
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from congso.analytics.beacon import is_probably_bot, read_token
from congso.analytics.privacy import client_ip
from congso.analytics.querysets import site_figures
from congso.analytics.services import maybe_flush, record_hit


# The page that sends the beacon comes from a shared cache and carries no CSRF token; the
# signed token in the page is what limits counting to pages we rendered.
@csrf_exempt
@require_POST
@never_cache
def count(request):
    try:
        site_id, article_id = read_token(request.POST.get("t", ""))
    except (signing.BadSignature, ValueError):
        return JsonResponse({"error": "Mã thống kê không hợp lệ."}, status=400)
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if not is_probably_bot(user_agent):
        record_hit(
            site_id=site_id, article_id=article_id, ip=client_ip(request), user_agent=user_agent
        )
    maybe_flush()
    return JsonResponse(site_figures(site_id, article_id).as_json())
