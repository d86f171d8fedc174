"""What an admin does to the outbox: send a failed message again, or abandon one the portal
will never accept (which lets the dossier's later messages go). Each is logged (ResendLog and
the application log) with who did it and what the message was before."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from congso.nationalsync import sender
from congso.nationalsync.models import OutboxMessage, ResendLog, State

log = logging.getLogger("congso.nationalsync")

PERMISSION = "nationalsync.manage_national_sync"
RESENDABLE = (State.FAILED, State.ABANDONED)
ABANDONABLE = (State.FAILED, State.PENDING)


class NotAllowed(Exception):
    """The message is not in a state for this (the message is Vietnamese)."""


def may_manage(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))


def _require(user) -> None:
    if not may_manage(user):
        raise PermissionDenied("Chỉ quản trị hệ thống được gửi lại bản tin đồng bộ.")


def _log(message, user, action, previous_state, previous_error) -> None:
    ResendLog.objects.create(
        message=message,
        user=user,
        user_name=user.get_username(),
        action=action,
        previous_state=previous_state,
        previous_error=previous_error,
    )
    log.info(
        "national sync #%s %s by %s (was %s)",
        message.pk,
        action,
        user.get_username(),
        previous_state,
    )


def _after_commit_send() -> None:
    if sender.enabled():
        transaction.on_commit(sender.enqueue_drain, robust=True)


def resend(pk: int, user) -> OutboxMessage:
    """A failed (or abandoned) message goes back to the queue with a fresh set of attempts.
    An acknowledged message is never sent again."""
    _require(user)
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=pk).first()
        if message is None:
            raise OutboxMessage.DoesNotExist
        if message.state not in RESENDABLE:
            raise NotAllowed(
                f"Bản tin #{message.pk} đang ở trạng thái “{message.get_state_display()}”: "
                "chỉ gửi lại bản tin gửi lỗi hoặc đã bỏ qua."
            )
        previous = (message.state, message.last_error)
        message.state = State.PENDING
        message.attempts = 0
        message.next_attempt_at = timezone.now()
        message.save(update_fields=["state", "attempts", "next_attempt_at"])
        _log(message, user, ResendLog.Action.RESEND, *previous)
        _after_commit_send()
    return message


def resend_all_failed(user) -> int:
    _require(user)
    count = 0
    for pk in OutboxMessage.objects.filter(state=State.FAILED).values_list("pk", flat=True):
        try:
            resend(pk, user)
        except NotAllowed:
            continue  # changed under us (another admin, the drainer): leave it
        count += 1
    return count


def abandon(pk: int, user) -> OutboxMessage:
    _require(user)
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=pk).first()
        if message is None:
            raise OutboxMessage.DoesNotExist
        if message.state not in ABANDONABLE:
            raise NotAllowed(
                f"Bản tin #{message.pk} đang ở trạng thái “{message.get_state_display()}”: "
                "chỉ bỏ qua bản tin đang chờ hoặc gửi lỗi."
            )
        previous = (message.state, message.last_error)
        message.state = State.ABANDONED
        message.next_attempt_at = None
        message.save(update_fields=["state", "next_attempt_at"])
        _log(message, user, ResendLog.Action.ABANDON, *previous)
        _after_commit_send()  # the dossier's next message may go now
    return message
