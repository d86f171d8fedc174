"""The comment form of a draft: its own never-cached page (the draft page itself is cached and
shared by every reader, so it cannot carry a CSRF token)."""

from django.shortcuts import render
from django.utils.cache import patch_cache_control

from congso.analytics.privacy import client_ip
from congso.core.ratelimit import RateLimited
from congso.drafts.forms import DraftCommentForm
from congso.drafts.models import WindowState
from congso.drafts.services import WindowNotOpen, note_bot_attempt, submit_comment

BOT_MESSAGE = (
    "Góp ý chưa được gửi vì ô “Để trống ô này” (dùng để chặn thư rác tự động) đã có nội dung. "
    "Vui lòng xoá nội dung ô đó rồi gửi lại."
)
REFUSED_MESSAGE = "Góp ý chưa được gửi. Vui lòng sửa các ô được đánh dấu bên dưới."


def _never_cached(response):
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    return response


def _render(request, page, template, context=None, status=200):
    context = {"page": page, "draft": page, **(context or {})}
    return _never_cached(render(request, template, context, status=status))


def _form_page(request, page, form, status=200, notice=""):
    context = {"form": form, "notice": notice, "window_state": page.window_state()}
    return _render(request, page, "drafts/comment_form.html", context, status=status)


def comment_form(request, page):
    if request.method not in ("GET", "POST"):
        response = _render(request, page, "drafts/comment_closed.html", status=405)
        response["Allow"] = "GET, POST"
        return response
    state = page.window_state()
    if state != WindowState.OPEN:
        # Nothing is read from a post that arrives outside the window: nothing can be saved.
        status = 403 if request.method == "POST" else 200
        message = WindowNotOpen(state).message
        context = {"message": message, "window_state": state}
        return _render(request, page, "drafts/comment_closed.html", context, status=status)
    if request.method == "GET":
        form = DraftCommentForm(page=page, initial={"section": request.GET.get("muc", "")})
        return _form_page(request, page, form)
    form = DraftCommentForm(request.POST, page=page)
    ip = client_ip(request)
    try:
        if form.is_bot:
            note_bot_attempt(ip)
            return _form_page(request, page, form, status=400, notice=BOT_MESSAGE)
        if not form.is_valid():
            return _form_page(request, page, form, status=400, notice=REFUSED_MESSAGE)
        comment = submit_comment(page=page, form=form, ip=ip)
    except WindowNotOpen as closed:  # the window closed while the reader was writing
        context = {"message": closed.message, "window_state": closed.state}
        return _render(request, page, "drafts/comment_closed.html", context, status=403)
    except RateLimited as limited:
        minutes = max(1, -(-limited.retry_after // 60))
        response = _render(
            request, page, "drafts/rate_limited.html", {"minutes": minutes}, status=429
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    return _render(request, page, "drafts/comment_thanks.html", {"comment": comment})
