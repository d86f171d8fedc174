from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from congso.analytics.privacy import client_ip
from congso.contact import services
from congso.contact.forms import ContactForm
from congso.core.ratelimit import RateLimited

BOT_MESSAGE = (
    "Thư chưa được gửi vì ô “Để trống ô này” (dùng để chặn thư rác tự động) đã có nội dung. "
    "Vui lòng xoá nội dung ô đó rồi gửi lại."
)
REFUSED_MESSAGE = "Thư chưa được gửi. Vui lòng sửa các ô được đánh dấu bên dưới."


def _render(request, page, form, status=200, notice=""):
    context = page.get_context(request)
    context.update({"form": form, "notice": notice})
    return TemplateResponse(request, "contact/contact_page.html", context, status=status)


def _rate_limited(request, page, limited: RateLimited):
    minutes = max(1, -(-limited.retry_after // 60))
    notice = f"Bạn đã gửi quá nhiều thư. Vui lòng thử lại sau khoảng {minutes} phút."
    form = ContactForm(request.POST, topics=list(page.topics.all()))
    response = _render(request, page, form, status=429, notice=notice)
    response["Retry-After"] = str(limited.retry_after)
    return response


# The page carries a form with a CSRF token: it must never be stored in the shared page cache.
@never_cache
def contact_page(request, page):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    topics = list(page.topics.select_related("unit"))
    if request.method == "GET":
        return _render(request, page, ContactForm(topics=topics))
    form = ContactForm(request.POST, topics=topics)
    ip = client_ip(request)
    try:
        if form.is_bot:
            services.note_bot_attempt(ip)
            return _render(request, page, form, status=400, notice=BOT_MESSAGE)
        if not form.is_valid():
            return _render(request, page, form, status=400, notice=REFUSED_MESSAGE)
        services.submit_message(page=page, data=form.cleaned_data, ip=ip)
    except RateLimited as limited:
        return _rate_limited(request, page, limited)
    # Post/redirect/get: reloading the confirmation never sends the message twice.
    return HttpResponseRedirect(page.get_url(request) + page.reverse_subpage("sent"), status=303)


def sent_page(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    context = page.get_context(request)
    return TemplateResponse(request, "contact/sent.html", context)
