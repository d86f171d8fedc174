"""Everything that changes a contact message: receiving it, mailing it, handling it."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from congso.analytics.privacy import keyed_hash
from congso.contact.models import ContactMessage
from congso.contact.querysets import agency_settings
from congso.core import ratelimit
from congso.core.text import format_datetime

logger = logging.getLogger(__name__)

HANDLED_ACTION = "congso_contact.handled"
REOPENED_ACTION = "congso_contact.reopened"
# Messages per sender address and period; CONTACT_RATE_LIMIT in settings overrides it.
DEFAULT_RATE = "5/3600"


def source_hash(ip: str) -> str:
    return keyed_hash(ip, purpose="contact-source")


def check_rate_limit(source: str) -> None:
    rate = ratelimit.Rate.parse(getattr(settings, "CONTACT_RATE_LIMIT", DEFAULT_RATE))
    ratelimit.hit(f"contact:{source}", rate, every_worker=True)


def note_bot_attempt(ip: str) -> None:
    """A filled honeypot uses up the sender's allowance too, so a bot soon gets 429s."""
    check_rate_limit(source_hash(ip))


def submit_message(*, page, data: dict, ip: str) -> ContactMessage:
    """Store a valid form's message, then mail it to the topic's mailbox once committed.

    Raises RateLimited before saving anything. A mail server that refuses does not lose the
    message: it stays in the admin with the error noted."""
    source = source_hash(ip)
    check_rate_limit(source)
    topic = data["topic"]
    agency_email = agency_settings(page).email
    with transaction.atomic():
        message = ContactMessage.objects.create(
            page=page,
            topic=topic,
            topic_name=topic.name,
            recipient=topic.recipient(agency_email) or "",
            name=data["name"],
            email=data["email"],
            phone=data.get("phone", ""),
            subject=data["subject"],
            message=data["message"],
            source_hash=source,
        )
        transaction.on_commit(lambda: deliver(message))
    return message


def _admin_url(message: ContactMessage) -> str:
    site = message.page.get_site()
    path = reverse("wagtailsnippets_contact_contactmessage:edit", args=[message.pk])
    return f"{site.root_url}{path}" if site else path


def deliver(message: ContactMessage) -> bool:
    """E-mail the message to its mailbox; the sender's address is the Reply-To, so the unit
    answers with a plain reply."""
    if not message.recipient:
        _note_delivery(message, error="Chưa cấu hình hộp thư nhận (thư điện tử của cơ quan).")
        return False
    lines = [
        f"Thư liên hệ gửi qua cổng thông tin lúc {format_datetime(message.created_at)}.",
        "",
        f"Chủ đề: {message.topic_name}",
        f"Người gửi: {message.name}",
        f"Thư điện tử: {message.email}",
        f"Điện thoại: {message.phone or '(không có)'}",
        f"Tiêu đề: {message.subject}",
        "",
        message.message,
        "",
        f"Đánh dấu đã xử lý tại: {_admin_url(message)}",
    ]
    mail = EmailMessage(
        subject=f"[Liên hệ] {message.subject}",
        body="\n".join(lines),
        to=[message.recipient],
        reply_to=[message.email],
    )
    try:
        mail.send(fail_silently=False)
    except Exception as error:  # any backend failure: keep the message, note why
        logger.warning("contact message %s not mailed: %s", message.pk, error)
        _note_delivery(message, error=str(error)[:255] or error.__class__.__name__)
        return False
    _note_delivery(message)
    return True


def _note_delivery(message: ContactMessage, error: str = "") -> None:
    message.mailed_at = None if error else timezone.now()
    message.mail_error = error
    ContactMessage.objects.filter(pk=message.pk).update(
        mailed_at=message.mailed_at, mail_error=error
    )


def set_status(message: ContactMessage, user, status: str, note: str | None = None) -> bool:
    """Mark a message handled (or back to unhandled), recording who and when."""
    with transaction.atomic():
        message = ContactMessage.objects.select_for_update().get(pk=message.pk)
        changed = message.status != status
        if note is not None:
            message.staff_note = note
        if changed:
            message.status = status
            handled = status == ContactMessage.Status.HANDLED
            message.handled_at = timezone.now() if handled else None
            message.handled_by = user if handled else None
        message.save(update_fields=["status", "handled_at", "handled_by", "staff_note"])
        if changed:
            action = HANDLED_ACTION if status == ContactMessage.Status.HANDLED else REOPENED_ACTION
            log(instance=message, action=action, user=user)
    return changed
