from urllib.parse import urlsplit

from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from congso.analytics.privacy import client_ip
from congso.comments.forms import KEY_FIELD, CommentForm
from congso.comments.services import (
    KeyReused,
    KeyUnusable,
    new_submission_key,
    note_bot_attempt,
    read_submission_key,
    submit_comment,
    usable_submission_key,
)
from congso.core.ratelimit import RateLimited

BOT_MESSAGE = (
    "Bình luận chưa được gửi vì ô “Để trống ô này” (dùng để chặn thư rác tự động) đã có nội dung. "
    "Vui lòng xoá nội dung ô đó rồi gửi lại."
)
KEY_UNUSABLE_MESSAGE = (
    "Biểu mẫu này đã hết hạn nên bình luận chưa được gửi. Nội dung bạn viết vẫn còn bên dưới: "
    "vui lòng bấm “Gửi bình luận” một lần nữa."
)
KEY_REUSED_MESSAGE = (
    "Biểu mẫu này đã được dùng để gửi một bình luận khác, nên bình luận mới chưa được gửi. "
    "Nội dung bạn vừa viết vẫn còn bên dưới: vui lòng bấm “Gửi bình luận” một lần nữa."
)


def _article_or_404(page_id: int):
    from congso.news.models import ArticlePage

    article = ArticlePage.objects.live().public().filter(pk=page_id).first()
    if article is None:
        raise Http404("Không tìm thấy bài viết để bình luận.")
    return article


THANKS_MESSAGE = (
    "Bình luận của bạn đã được gửi thành công. Bình luận sẽ hiển thị dưới bài viết sau khi "
    "được Ban biên tập kiểm duyệt."
)
REFUSED_MESSAGE = "Bình luận chưa được gửi. Vui lòng sửa các ô được đánh dấu."
CSRF_MESSAGE = (
    "Không thể gửi biểu mẫu: biểu mẫu đã hết hạn hoặc thiếu mã xác thực bảo mật, nên nội dung "
    "chưa được lưu. Hãy lấy mã mới và gửi lại."
)


def _wants_json(request) -> bool:
    """A script that asks for JSON only (Accept: application/json) gets JSON; browsers HTML."""
    return request.accepts("application/json") and not request.accepts("text/html")


def _form_page(request, article, form, status=200, notice=""):
    context = {"article": article, "form": form, "notice": notice}
    return render(request, "comments/form_page.html", context, status=status)


def _form_again(request, article, status, notice="", new_key=False):
    """The posted form shown again, with what the reader wrote and a key that still works."""
    data = request.POST.copy()
    if new_key:
        data[KEY_FIELD] = new_submission_key(article)
    else:
        data[KEY_FIELD] = usable_submission_key(data.get(KEY_FIELD, ""), article)
    form = CommentForm(data)
    if _wants_json(request):
        answer = {"status": "refused", "message": notice or REFUSED_MESSAGE, "key": data[KEY_FIELD]}
        answer["errors"] = {name: list(errors) for name, errors in form.errors.items()}
        return JsonResponse(answer, status=status)
    return _form_page(request, article, form, status=status, notice=notice)


def _key_for_form(request):
    """A submission key for the comment form whose action is `?form=`, if it is a live article's."""
    try:
        match = resolve(urlsplit(request.GET.get("form", "")).path)
    except (Resolver404, ValueError):
        return None
    if match.view_name != "comments:submit":
        return None
    try:
        return new_submission_key(_article_or_404(match.kwargs["page_id"]))
    except Http404:
        return None


@require_GET
@never_cache
def token(request):
    """A CSRF token for the comment form of a cached article (filled in by comments.js), and,
    given `?form=<the form's action>`, the form's submission key."""
    data = {"token": get_token(request)}
    key = _key_for_form(request)
    if key:
        data["key"] = key
    return JsonResponse(data)


@require_http_methods(["GET", "POST"])
@never_cache
def submit(request, page_id: int):
    article = _article_or_404(page_id)
    if request.method == "GET":
        # Works without JavaScript: this page is never cached, so it carries a real token.
        form = CommentForm(initial={KEY_FIELD: new_submission_key(article)})
        return _form_page(request, article, form)
    form = CommentForm(request.POST)
    ip = client_ip(request)
    try:
        if form.is_bot:
            note_bot_attempt(ip)
            return _form_again(request, article, status=400, notice=BOT_MESSAGE)
        if not form.is_valid():
            return _form_again(request, article, status=400)
        key = read_submission_key(form.cleaned_data[KEY_FIELD], article)
        submit_comment(page=article, form=form, ip=ip, key=key)
    except KeyUnusable:
        return _form_again(request, article, status=400, notice=KEY_UNUSABLE_MESSAGE)
    except KeyReused:
        return _form_again(request, article, status=409, notice=KEY_REUSED_MESSAGE, new_key=True)
    except RateLimited as limited:
        minutes = max(1, -(-limited.retry_after // 60))
        if _wants_json(request):
            message = f"Bạn đã gửi quá nhiều bình luận. Vui lòng thử lại sau khoảng {minutes} phút."
            answer = {"status": "rate_limited", "message": message}
            response = JsonResponse({**answer, "retry_after": limited.retry_after}, status=429)
        else:
            context = {"article": article, "minutes": minutes}
            response = render(request, "comments/rate_limited.html", context, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    # A resend of an earlier post gets exactly this answer too: nothing in it depends on
    # whether this request saved the comment.
    if _wants_json(request):
        return JsonResponse({"status": "received", "message": THANKS_MESSAGE})
    return render(request, "comments/thanks.html", {"article": article})


def csrf_failure(request, reason=""):
    """Django's CSRF refusal, in Vietnamese, pointing comment writers to a form that works."""
    retry_url = ""
    try:
        match = resolve(request.path_info)
        if match.view_name == "comments:submit":
            retry_url = reverse("comments:submit", kwargs=match.kwargs)
    except Resolver404:
        pass
    if _wants_json(request):
        # A script (a mobile app posting comments) reads JSON, not the HTML page for people.
        return JsonResponse(
            {"status": "refused", "message": CSRF_MESSAGE, "retry_url": retry_url}, status=403
        )
    return render(request, "comments/csrf_failure.html", {"retry_url": retry_url}, status=403)
