"""Telling the citizen what happened to their dossier, and the officers what is due.

The services send `records.dossier_event` after the transaction that recorded an event commits.
`on_dossier_event` (connected in apps.py) picks the citizen-facing ones and enqueues
`tasks.notify_event`, which runs in the `db_worker` (in tests: at once): a slow or broken mail
server never holds up or breaks the officer's action. Each message sent, or the error that
stopped it, is kept as a `Notification`.

Channels are classes named in `settings.DOSSIER_NOTIFIERS` (docs/notifications.md): e-mail is
built in; `SmsNotifier` and `ZaloNotifier` write to files until an agency plugs in its provider.
"""

import dataclasses
import logging
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from congso.dossiers.calendar import to_local
from congso.dossiers.status import Action, Channel

logger = logging.getLogger(__name__)

DEFAULT_NOTIFIERS = ["congso.dossiers.notifications.EmailNotifier"]
# Citizen-facing whatever the status does (an apology keeps the status but moves the date).
ALWAYS = {
    Action.RECEIVE,
    Action.REQUEST_SUPPLEMENT,
    Action.REFUSE,
    Action.RETURN_RESULT,
    Action.APOLOGIZE,
}


def local_time(moment) -> str:
    """`09:04 25/12/2020`, Vietnam time."""
    return to_local(moment).strftime("%H:%M %d/%m/%Y") if moment else ""


def absolute(path: str) -> str:
    from congso.core.site_address import site_url

    return site_url(path)


@dataclasses.dataclass
class Message:
    subject: str
    text: str
    html: str
    # One line for SMS and Zalo (no HTML, no long links they would cut).
    short: str


class Notifier:
    """A channel. Subclasses set `channel`, say who receives (`recipient_for`) and deliver
    (`send`); raising in `send` is fine: the task records the error and goes on."""

    channel = ""

    def recipient_for(self, dossier) -> str:
        raise NotImplementedError

    def send(self, recipient: str, message: Message) -> None:
        raise NotImplementedError


class EmailNotifier(Notifier):
    channel = "email"

    def recipient_for(self, dossier) -> str:
        return (dossier.applicant_email or "").strip()

    def send(self, recipient: str, message: Message) -> None:
        send_mail(
            message.subject,
            message.text,
            None,  # DEFAULT_FROM_EMAIL
            [recipient],
            html_message=message.html,
            fail_silently=False,
        )


class FileNotifier(Notifier):
    """Writes each message as a file (the demo's stand-in for a provider) and logs it."""

    folder_setting = ""

    def folder(self) -> Path:
        configured = getattr(settings, self.folder_setting, None)
        return Path(configured or Path(settings.VAR_DIR) / self.channel)

    def send(self, recipient: str, message: Message) -> None:
        folder = self.folder()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"{stamp}-{recipient.lstrip('+')}.{self.channel}"
        path.write_text(f"To: {recipient}\n\n{message.short}\n", encoding="utf-8")
        logger.info(
            "%s to %s written to %s (no provider configured)", self.channel, recipient, path
        )


class SmsNotifier(Notifier):
    """Through congso.accounts.sms (settings.SMS_SENDER): the same gateway as the login codes,
    a file per message until an agency names its provider's class there."""

    channel = "sms"

    def recipient_for(self, dossier) -> str:
        return (dossier.applicant_phone or "").strip()

    def send(self, recipient: str, message: Message) -> None:
        from congso.accounts.sms import send_sms

        send_sms(recipient, message.short)


class ZaloNotifier(FileNotifier):
    """Zalo ZNS needs an approved template and an OA token per agency: subclass and override
    `send` (docs/notifications.md); until then each message is a file under ZALO_FILE_PATH."""

    channel = "zalo"
    folder_setting = "ZALO_FILE_PATH"

    def recipient_for(self, dossier) -> str:
        return (dossier.applicant_phone or "").strip()


def notifiers() -> list[Notifier]:
    paths = getattr(settings, "DOSSIER_NOTIFIERS", None) or DEFAULT_NOTIFIERS
    return [import_string(path)() for path in paths]


def is_citizen_facing(event, dossier=None) -> bool:
    if event.action == Action.SUBMIT and dossier is not None and dossier.owner_id is None:
        # Entered at the desk: submitted and received at once, the reception mail says it all.
        return False
    if event.action in ALWAYS:
        return True
    return bool(
        event.public and event.from_status is not None and event.from_status != event.to_status
    )


def on_dossier_event(sender, dossier, event, **kwargs) -> None:
    """Receiver of records.dossier_event. Never raises: the action has already committed."""
    if not is_citizen_facing(event, dossier):
        return
    try:
        from congso.dossiers.tasks import notify_event

        notify_event.enqueue(event.pk)
    except Exception:
        logger.exception("Could not queue the notification of event %s", event.pk)


# Building the message -------------------------------------------------------------------------


def _label(dossier) -> str:
    return dossier.code or f"nộp lúc {local_time(dossier.submitted_at or dossier.created_at)}"


def _slip_link(dossier, form: str) -> str:
    from congso.dossiers.services.slips_issue import latest_slip

    slip = latest_slip(dossier, form)
    return absolute(reverse("dossiers:slip", args=[slip.pk])) if slip else ""


def _result_files(dossier) -> list[dict]:
    from congso.dossiers.models import DossierFile

    files = dossier.files.filter(kind=DossierFile.Kind.RESULT, superseded=False)
    return [{"name": f.name, "url": absolute(reverse("dossiers:file", args=[f.pk]))} for f in files]


def _content(dossier, event) -> dict:
    """Subject, opening sentence, facts (label, value), paragraphs and links for `event`."""
    label = _label(dossier)
    agency = dossier.agency.name
    facts = [("Thủ tục", dossier.procedure.name), ("Cơ quan giải quyết", agency)]
    paragraphs, links = [], []
    action = event.action
    if action == Action.SUBMIT:
        subject = "Đã nộp hồ sơ"
        lead = "Hồ sơ của ông/bà đã được nộp. Cán bộ một cửa sẽ kiểm tra và tiếp nhận."
        facts.append(("Mã tham chiếu", str(dossier.reference)))
    elif action == Action.RECEIVE:
        subject = f"Hồ sơ {dossier.code} đã được tiếp nhận"
        lead = "Hồ sơ của ông/bà đã được tiếp nhận."
        facts += [
            ("Mã hồ sơ", dossier.code),
            ("Tiếp nhận lúc", local_time(dossier.received_at)),
            ("Ngày hẹn trả kết quả", local_time(dossier.due_at)),
        ]
        links.append(("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", _slip_link(dossier, "01")))
    elif action == Action.REQUEST_SUPPLEMENT:
        subject = f"Hồ sơ {label} cần bổ sung"
        lead = "Cơ quan giải quyết đề nghị ông/bà bổ sung, hoàn thiện hồ sơ."
        facts.append(("Nội dung cần bổ sung", event.note))
        paragraphs.append(
            "Vui lòng đăng nhập, vào “Hồ sơ của tôi” để bổ sung. Thời gian chờ bổ sung "
            "không tính vào thời hạn giải quyết."
        )
        links.append(("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", _slip_link(dossier, "02")))
    elif action == Action.REFUSE:
        subject = f"Hồ sơ {label} không được tiếp nhận"
        lead = "Rất tiếc, hồ sơ của ông/bà không được tiếp nhận."
        facts.append(("Lý do", event.note))
        links.append(("Phiếu từ chối tiếp nhận", _slip_link(dossier, "03")))
    elif action == Action.RETURN_RESULT:
        subject = f"Đã có kết quả hồ sơ {dossier.code}"
        lead = "Hồ sơ của ông/bà đã có kết quả giải quyết."
        facts += [
            ("Số, ký hiệu kết quả", dossier.result_number),
            (
                "Ngày ban hành",
                dossier.result_date.strftime("%d/%m/%Y") if dossier.result_date else "",
            ),
            ("Người ký", dossier.result_signer),
        ]
        files = _result_files(dossier)
        links += [(f"Tải kết quả: {f['name']}", f["url"]) for f in files]
        if files:
            paragraphs.append("Ông/bà có thể tải kết quả bằng đường dẫn dưới đây (cần đăng nhập).")
        if not files or dossier.channel != Channel.ONLINE:
            paragraphs.append(
                f"Ông/bà nhận bản chính kết quả tại Bộ phận tiếp nhận và trả kết quả của {agency}, "
                "mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân."
            )
        paragraphs.append("Mời ông/bà đánh giá mức độ hài lòng trong “Hồ sơ của tôi”.")
    elif action == Action.APOLOGIZE:
        subject = f"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {label}"
        lead = "Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ chưa giải quyết được đúng hạn."
        apology = dossier.apologies.order_by("-at").first()
        facts += [
            ("Lý do", event.note),
            ("Ngày hẹn cũ", local_time(apology.old_due_at) if apology else ""),
            ("Ngày hẹn trả kết quả mới", local_time(dossier.due_at)),
        ]
        links.append(("Phiếu xin lỗi và hẹn lại ngày trả kết quả", _slip_link(dossier, "04")))
    elif action == Action.REQUEST_PAYMENT:
        from congso.payments.notify import payment_request_content

        asked = payment_request_content(dossier, label, absolute)
        subject, lead = asked["subject"], asked["lead"]
        facts += asked["facts"]
        paragraphs, links = asked["paragraphs"], asked["links"]
    else:
        status = dossier.status_text
        subject = f"Hồ sơ {label}: {status[:1].lower()}{status[1:]}"
        lead = f"Trạng thái hồ sơ của ông/bà: {status}."
        if event.note and action in (Action.STOP, Action.REOPEN, Action.WITHDRAW):
            facts.append(("Lý do", event.note))
    links = [(text, url) for text, url in links if url]
    return {
        "subject": subject,
        "lead": lead,
        "facts": facts,
        "paragraphs": paragraphs,
        "links": links,
    }


def build_message(dossier, event) -> Message:
    content = _content(dossier, event)
    context = {
        **content,
        "dossier": dossier,
        "event": event,
        "label": _label(dossier),
        "status_number": dossier.status,
        "status_text": dossier.status_text,
        "event_at": local_time(event.at),
        "facts": [(k, v) for k, v in content["facts"] if v],
        "tracking_url": _tracking_url(dossier),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = f"[{settings.WAGTAIL_SITE_NAME}] {content['subject']}"
    short = f"{content['subject']}. {dossier.status_text}. Tra cứu: {context['tracking_url']}"
    return Message(
        subject=subject[:255],
        text=render_to_string("dossiers/email/event.txt", context),
        html=render_to_string("dossiers/email/event.html", context),
        short=short,
    )


def _tracking_url(dossier) -> str:
    from congso.dossiers.services.records import tracking_url

    return tracking_url(dossier, with_secret=True)


# Sending --------------------------------------------------------------------------------------


def deliver(notifier: Notifier, key: str, recipient: str, message: Message, **record) -> bool:
    """Send once per `key`: a row already sent is left alone; a failed one is tried again.
    Errors are logged and kept on the row, never raised."""
    from congso.dossiers.models import Notification

    row, _ = Notification.objects.get_or_create(
        key=key,
        defaults={
            "channel": notifier.channel,
            "to": recipient,
            "subject": message.subject,
            **record,
        },
    )
    if row.sent_at is not None:
        return False
    try:
        notifier.send(recipient, message)
    except Exception as error:
        logger.exception("%s to %s failed (%s)", notifier.channel, recipient, key)
        row.error = f"{type(error).__name__}: {error}"[:2000]
        row.save(update_fields=["error"])
        return False
    row.sent_at = timezone.now()
    row.error = ""
    row.save(update_fields=["sent_at", "error"])
    return True


def notify(event_id: int) -> dict:
    """Send the event's message on every configured channel that has a recipient."""
    from congso.dossiers.models import Event

    event = (
        Event.objects.select_related("dossier__procedure", "dossier__agency")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return {"missing": event_id}
    dossier = event.dossier
    outcome, message = {}, None
    for notifier in notifiers():
        recipient = notifier.recipient_for(dossier)
        if not recipient:
            outcome[notifier.channel] = "no recipient"
            continue
        try:
            message = message or build_message(dossier, event)
        except Exception:
            logger.exception("Could not write the message of event %s", event_id)
            return {"error": "render"}
        sent = deliver(
            notifier,
            f"event:{event.pk}:{notifier.channel}",
            recipient,
            message,
            dossier=dossier,
            event=event,
        )
        outcome[notifier.channel] = "sent" if sent else "not sent"
    return outcome
