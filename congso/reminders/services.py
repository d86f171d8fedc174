"""Acting on the rules: `scan` records one Reminder per (dossier, kind, occurrence) — the
unique constraint lets only one run or worker insert it — and `process` does what the row
asks, once: e-mail the recipients, or stop the dossier whose supplement never came.

A row is taken by a conditional UPDATE (`claim`): of two workers handed the same row, one
updates it and the other finds nothing to take. A row whose work failed (the mail server was
down) stays pending and is taken again after CLAIM_TIMEOUT; the e-mails already sent are
`Notification` rows keyed per reminder and recipient, so they are not sent again.
"""

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from congso.dossiers.services import records
from congso.reminders import rules
from congso.reminders.models import Kind, Reminder

logger = logging.getLogger(__name__)

CLAIM_TIMEOUT = dt.timedelta(minutes=10)


def scan(now: dt.datetime | None = None) -> list[int]:
    """Record a Reminder for every rule that fires now and was not recorded before; the ids of
    the rows inserted by this call."""
    now = now or records.now()
    created = []
    for candidate in rules.step_candidates(now) + rules.supplement_candidates(now):
        reminder = _insert(candidate, now)
        if reminder is not None:
            created.append(reminder.pk)
    return created


def _insert(candidate, now) -> Reminder | None:
    """The new row, or None when this occurrence already has one (also one another worker is
    inserting at this moment: the unique constraint decides)."""
    dossier = candidate.dossier
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                dossier=dossier,
                agency_id=dossier.agency_id,
                kind=candidate.kind,
                occurrence=candidate.occurrence,
                step_code=candidate.step_code,
                step_name=candidate.step_name,
                step_started_at=candidate.step_started_at,
                due_at=candidate.due_at,
                supplement=candidate.supplement,
                created_at=now,
            )
            reminder.recipients.set(candidate.recipients)
    except IntegrityError:
        return None
    return reminder


def pending_ids() -> list[int]:
    """Rows not yet done and not held by a worker (or held longer than CLAIM_TIMEOUT)."""
    stale = timezone.now() - CLAIM_TIMEOUT
    return list(
        Reminder.objects.filter(done_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def claim(reminder_id: int) -> bool:
    now = timezone.now()
    taken = (
        Reminder.objects.filter(pk=reminder_id, done_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        .update(claimed_at=now)
    )
    return taken == 1


def process(reminder_id: int) -> str:
    """Do the row's work if this caller takes it; what happened, in a word (for the task)."""
    if not claim(reminder_id):
        return "taken"
    reminder = Reminder.objects.select_related(
        "dossier__procedure", "dossier__agency", "supplement"
    ).get(pk=reminder_id)
    if reminder.kind == Kind.SUPPLEMENT_EXPIRED:
        from congso.reminders.stopping import stop_expired

        stop_expired(reminder)
    from congso.reminders.mail import send_reminder

    failures = send_reminder(reminder)
    if failures:
        reminder.error = "; ".join(
            part for part in (reminder.error, f"Gửi thư lỗi cho {failures} người nhận.") if part
        )
        reminder.save(update_fields=["outcome", "error", "event"])
        return "retry"
    reminder.done_at = timezone.now()
    reminder.save(update_fields=["done_at", "outcome", "error", "event"])
    return "done"


def system_actor():
    """The account the automatic stop is recorded under: "Hệ thống nhắc việc". It can never log
    in (inactive, no usable password); it holds every role of every agency only so that the
    one action service accepts it (docs/decisions/0011-reminders-system-actor.md)."""
    from django.conf import settings

    username = getattr(settings, "REMINDERS_SYSTEM_USERNAME", "he-thong-nhac-viec")
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    user = User(username=username, first_name="Hệ thống", last_name="nhắc việc", is_active=False)
    user.is_superuser = True
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # another worker made it a moment ago
        return User.objects.get(username=username)
    return user
