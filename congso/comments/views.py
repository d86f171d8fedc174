from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from congso.analytics.privacy import client_ip
from congso.comments.forms import CommentForm
from congso.comments.services import RateLimited, note_bot_attempt, submit_comment

BOT_MESSAGE = (
    "Bình luận chưa được gửi vì ô “Để trống ô này” (dùng để chặn thư rác tự động) đã có nội dung. "
    "Vui lòng xoá nội dung ô đó rồi gửi lại."
)


def _article_or_404(page_id: int):
    from congso.news.models import ArticlePage

    article = ArticlePage.objects.live().public().filter(pk=page_id).first()
    if article is None:
        raise Http404("Không tìm thấy bài viết để bình luận.")
    return article


def _form_page(request, article, form, status=200, notice=""):
    context = {"article": article, "form": form, "notice": notice}
    return render(request, "comments/form_page.html", context, status=status)


@require_GET
@never_cache
def token(request):
    """A CSRF token for the comment form of a cached article (filled in by comments.js)."""
    return JsonResponse({"token": get_token(request)})


@require_http_methods(["GET", "POST"])
@never_cache
def submit(request, page_id: int):
    article = _article_or_404(page_id)
    if request.method == "GET":
        # Works without JavaScript: this page is never cached, so it carries a real token.
        return _form_page(request, article, CommentForm())
    form = CommentForm(request.POST)
    ip = client_ip(request)
    try:
        if form.is_bot:
            note_bot_attempt(ip)
            return _form_page(request, article, form, status=400, notice=BOT_MESSAGE)
        if not form.is_valid():
            return _form_page(request, article, form, status=400)
        submit_comment(page=article, form=form, ip=ip)
    except RateLimited as limited:
        minutes = max(1, -(-limited.retry_after // 60))
        response = render(
            request,
            "comments/rate_limited.html",
            {"article": article, "minutes": minutes},
            status=429,
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
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
    return render(request, "comments/csrf_failure.html", {"retry_url": retry_url}, status=403)
