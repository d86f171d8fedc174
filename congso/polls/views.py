from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from congso.analytics.privacy import client_ip
from congso.core.ratelimit import RateLimited
from congso.polls import querysets, services
from congso.polls.models import Poll

THANKS_PARAM = "da-binh-chon"
BOT_MESSAGE = (
    "Phiếu chưa được ghi nhận vì ô “Để trống ô này” (dùng để chặn phiếu tự động) đã có nội "
    "dung. Vui lòng xoá nội dung ô đó rồi bình chọn lại."
)


def _poll_or_404(index, poll_id: int) -> Poll:
    poll = (
        Poll.objects.filter(index=index, pk=poll_id, is_published=True)
        .prefetch_related("options")
        .first()
    )
    if poll is None:
        raise Http404("Không tìm thấy cuộc bình chọn.")
    return poll


def _render(request, index, poll, *, status=200, notice="", thanks=False, selected=None):
    voter = services.voter_hash(services.read_voter_token(request), poll)
    voted = querysets.has_voted(poll, voter)
    context = index.get_context(request)
    context.update(
        {
            "poll": poll,
            "voted": voted,
            "show_results": poll.results_visible(voted),
            "results": querysets.results(poll) if poll.results_visible(voted) else None,
            "notice": notice,
            "thanks": thanks and voted,
            "selected": selected,
            "poll_url": index.poll_url(poll, request),
        }
    )
    return TemplateResponse(request, "polls/poll_page.html", context, status=status)


def _selected(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# Never cached: the page carries a CSRF token and shows this visitor's vote and the live counts.
@never_cache
def poll_page(request, index, poll_id: int):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    poll = _poll_or_404(index, poll_id)
    if request.method != "POST":
        return _render(
            request,
            index,
            poll,
            thanks=THANKS_PARAM in request.GET,
            selected=_selected(request.GET.get("phuong-an")),
        )
    selected = _selected(request.POST.get("option"))
    ip = client_ip(request)
    try:
        services.check_rate_limit(ip)
        if request.POST.get("website"):
            return _render(request, index, poll, status=400, notice=BOT_MESSAGE, selected=selected)
        token = services.read_voter_token(request) or services.new_voter_token()
        services.cast_vote(poll=poll, option_id=request.POST.get("option"), token=token)
    except RateLimited as limited:
        minutes = max(1, -(-limited.retry_after // 60))
        notice = f"Bạn đã gửi quá nhiều phiếu. Vui lòng thử lại sau khoảng {minutes} phút."
        response = _render(request, index, poll, status=429, notice=notice, selected=selected)
        response["Retry-After"] = str(limited.retry_after)
        return response
    except services.VoteRefused as refused:
        return _render(
            request, index, poll, status=refused.status, notice=refused.message, selected=selected
        )
    # Post/redirect/get: a reload never posts the vote again.
    response = HttpResponseRedirect(f"{index.poll_url(poll, request)}?{THANKS_PARAM}=1", status=303)
    services.set_voter_cookie(response, token)
    return response


@never_cache
def token(request, index, poll_id: int):
    """A CSRF token for the vote form shown on a cached page (the home page), read by polls.js."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    _poll_or_404(index, poll_id)
    return JsonResponse({"token": get_token(request)})
