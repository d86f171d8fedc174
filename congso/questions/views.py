"""Public views of a Q&A page (called by routes.py): parse the request, call a queryset or a
service, render. The list and a question are cached like any page; the form and the tracking
answer are never cached (a CSRF token, a code typed by one person)."""

from django.http import Http404
from django.utils.cache import add_never_cache_headers

from congso.analytics.privacy import client_ip
from congso.core.pagination import paginate
from congso.core.ratelimit import RateLimited
from congso.core.text import clean_plain
from congso.questions import querysets, services
from congso.questions.forms import AskForm
from congso.questions.models import Question, Status

QUERY_MAX = 200
BOT_MESSAGE = (
    "Câu hỏi chưa được gửi vì ô “Để trống ô này” (dùng để chặn thư rác tự động) đã có nội dung. "
    "Vui lòng xoá nội dung ô đó rồi gửi lại."
)
REFUSED_MESSAGE = "Câu hỏi chưa được gửi. Vui lòng sửa các ô được đánh dấu."
CLOSED_MESSAGE = "Trang hỏi đáp đang tạm ngừng nhận câu hỏi mới."


def _search_page_number(request) -> int:
    value = request.GET.get("page", "1")
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 1000 else 1


def index(page, request, topic_slug=None):
    topic = None
    if topic_slug is not None:
        topic = page.topics.filter(slug=topic_slug).first()
        if topic is None:
            raise Http404("Không có chủ đề này.")
    q = " ".join(clean_plain(request.GET.get("q", "")).split())[:QUERY_MAX]
    context = {"topic": topic, "topics": page.topics.all(), "q": q}
    if q:
        found = querysets.search_in(page, q, _search_page_number(request), page.per_page)
        context["found"] = found
    else:
        context["questions"] = paginate(request, querysets.published_in(page, topic), page.per_page)
    context["figures"] = querysets.figures([page])
    return page.render(
        request, template="questions/question_index_page.html", context_overrides=context
    )


def detail(page, request, pk):
    question = querysets.published_in(page).filter(pk=pk).first()
    if question is None:
        raise Http404("Không tìm thấy câu hỏi.")
    return page.render(
        request,
        template="questions/question_detail.html",
        context_overrides={"question": question},
    )


def _form_page(page, request, form, status=200, notice=""):
    response = page.render(
        request,
        template="questions/ask.html",
        context_overrides={"form": form, "notice": notice},
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def ask(page, request):
    if request.method not in ("GET", "POST"):
        raise Http404
    if not page.accept_questions:
        return _form_page(page, request, None, status=403 if request.method == "POST" else 200)
    if request.method == "GET":
        return _form_page(page, request, AskForm(page=page))
    form = AskForm(request.POST, request.FILES, page=page)
    ip = client_ip(request)
    try:
        if form.is_bot:
            services.check_rate_limit(ip)  # a bot's posts use up its allowance too
            return _form_page(page, request, form, status=400, notice=BOT_MESSAGE)
        if not form.is_valid():
            return _form_page(page, request, form, status=400, notice=REFUSED_MESSAGE)
        question = services.ask(page=page, data=form.cleaned_data, files=form.checked_files, ip=ip)
    except RateLimited as limited:
        minutes = max(1, -(-limited.retry_after // 60))
        response = page.render(
            request,
            template="questions/rate_limited.html",
            context_overrides={"minutes": minutes},
        )
        response.status_code = 429
        response["Retry-After"] = str(limited.retry_after)
        add_never_cache_headers(response)
        return response
    response = page.render(
        request, template="questions/thanks.html", context_overrides={"question": question}
    )
    add_never_cache_headers(response)
    return response


def track(page, request):
    code = "".join(clean_plain(request.GET.get("ma", "")).split()).upper()[:20]
    question = None
    if code:
        question = Question.objects.filter(page=page, code=code).first()
    response = page.render(
        request,
        template="questions/track.html",
        context_overrides={
            "code": code,
            "tracked": question,
            "published": question is not None and question.status == Status.PUBLISHED,
        },
    )
    add_never_cache_headers(response)
    return response
