"""The officers' e-mail of a reminder, through the dossiers' notification machinery: one
`Notification` per reminder and recipient (key "reminder:<id>:<user id>"), so a retried task
sends nothing twice and a failed send is tried again."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from congso.dossiers.notifications import EmailNotifier, Message, absolute, deliver, local_time
from congso.reminders.models import Kind

SUBJECTS = {
    Kind.DUE_SOON: "Hồ sơ {code} sắp đến hạn bước “{step}”",
    Kind.OVERDUE: "Cảnh báo: hồ sơ {code} quá hạn bước “{step}”",
    Kind.SUPPLEMENT_EXPIRED: "Hồ sơ {code} quá hạn bổ sung",
}
LEADS = {
    Kind.DUE_SOON: "Hồ sơ dưới đây đến hạn bước “{step}” trong 01 ngày làm việc.",
    Kind.OVERDUE: "Hồ sơ dưới đây đã quá hạn bước “{step}” mà chưa được chuyển bước. Thư này "
    "gửi lãnh đạo cơ quan để đôn đốc.",
    Kind.SUPPLEMENT_EXPIRED: "Người nộp không bổ sung hồ sơ trong thời hạn.",
}


def _url(name: str, *args) -> str:
    try:
        return absolute(reverse(name, args=args))
    except NoReverseMatch:
        return absolute("/admin/")


def build(reminder, user) -> Message:
    dossier = reminder.dossier
    code = dossier.code or f"#{dossier.pk}"
    step = reminder.step_name or reminder.step_code or "—"
    context = {
        "name": user.get_full_name() or user.username,
        "lead": LEADS[reminder.kind].format(step=step),
        "facts": [
            (label, value)
            for label, value in (
                ("Mã hồ sơ", code),
                ("Thủ tục", dossier.procedure.name),
                ("Người nộp", dossier.applicant_name),
                ("Cơ quan", dossier.agency.name),
                ("Bước", step if reminder.kind != Kind.SUPPLEMENT_EXPIRED else ""),
                ("Hạn", local_time(reminder.due_at)),
                ("Kết quả", reminder.outcome),
                ("Lỗi", reminder.error),
            )
            if value
        ],
        "dossier_url": _url("dossiers_admin:detail", dossier.pk),
        "list_url": _url("reminders_admin:list"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = SUBJECTS[reminder.kind].format(code=code, step=step)
    return Message(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}"[:255],
        text=render_to_string("reminders/email/reminder.txt", context),
        html=render_to_string("reminders/email/reminder.html", context),
        short=f"{subject}. {context['lead']}",
    )


def send_reminder(reminder) -> int:
    """E-mail every recipient who has an address; the number of failed sends."""
    notifier = EmailNotifier()
    failures = 0
    for user in reminder.recipients.filter(is_active=True).exclude(email="").order_by("pk"):
        key = f"reminder:{reminder.pk}:{user.pk}"
        message = build(reminder, user)
        sent = deliver(notifier, key, user.email, message, dossier=reminder.dossier)
        if not sent and _failed(key):
            failures += 1
    return failures


def _failed(key: str) -> bool:
    from congso.dossiers.models import Notification

    return Notification.objects.filter(key=key, sent_at__isnull=True).exists()
