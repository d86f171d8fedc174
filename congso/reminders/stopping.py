"""Stopping a dossier whose applicant never answered a supplement request in time.

The stop goes through the one action service (`processing.perform`), as an officer's would:
the event is recorded (actor "Hệ thống nhắc việc"), the status becomes 8 "Dừng xử lý", the
statistics follow, and the applicant receives the normal e-mail with the reason. A dossier
asked for a supplement at the desk, before receipt, was never received and so cannot be
"stopped": it is refused instead (status 3), which issues form 03 as the desk's refusal does.

Circular 01/2018/TT-VPCP has no form for stopping (forms 01–06 only): the reason is in the
event, the applicant's e-mail and form 05 (printable from the dossier page).
"""

import logging

from django.db import transaction

from congso.dossiers.calendar import to_local
from congso.dossiers.models import Dossier, Event
from congso.dossiers.services.errors import DossierError
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Action, Status
from congso.reminders import rules

logger = logging.getLogger(__name__)


def reason_text(reminder, days: int) -> str:
    request = reminder.supplement
    return (
        "Quá thời hạn bổ sung, hoàn thiện hồ sơ: người nộp không bổ sung theo yêu cầu ngày "
        f"{to_local(request.requested_at):%d/%m/%Y} trong {days} ngày làm việc (hạn "
        f"{to_local(reminder.due_at):%H:%M %d/%m/%Y}), theo thời hạn bổ sung quy định cho thủ tục "
        "này trên cổng. Hệ thống tự động dừng giải quyết hồ sơ."
    )


def stop_expired(reminder) -> None:
    """Stop (or refuse) the dossier if it still waits for this very request; sets the
    reminder's outcome, error and event (the caller saves them)."""
    if reminder.event_id or reminder.outcome:
        return  # done by an earlier attempt whose e-mails failed
    from congso.reminders.services import system_actor

    actor = system_actor()
    days = rules.supplement_days(reminder.dossier.procedure)
    with transaction.atomic():
        # Under the dossier's row lock: an applicant supplementing at this moment either
        # finished first (nothing to stop) or waits until the stop committed.
        dossier = Dossier.objects.select_for_update().get(pk=reminder.dossier_id)
        request = reminder.supplement
        request.refresh_from_db()
        if dossier.status != Status.SUPPLEMENT or request.completed_at is not None:
            reminder.outcome = "Người nộp đã bổ sung hoặc hồ sơ đã được xử lý: không dừng."
            return
        action = Action.STOP if dossier.received_at else Action.REFUSE
        try:
            perform(dossier.pk, actor, action, {"reason": reason_text(reminder, days)})
        except DossierError as error:
            # The workflow offers no stop at this step (an agency's own workflow): an officer
            # must decide; the listing shows why.
            reminder.outcome = "Chưa dừng được hồ sơ, cần cán bộ xử lý."
            reminder.error = error.detail
            logger.warning(
                "Reminder %s could not %s dossier %s: %s",
                reminder.pk,
                action,
                dossier.pk,
                error.detail,
            )
            return
        reminder.event = Event.objects.filter(dossier=dossier, action=action).latest("pk")
        logger.info(
            "Reminder %s: %s dossier %s (supplement request %s expired at %s) as %s",
            reminder.pk,
            action,
            dossier.pk,
            request.pk,
            reminder.due_at,
            actor.username,
        )
        reminder.outcome = (
            "Đã dừng xử lý hồ sơ." if action == Action.STOP else "Đã từ chối tiếp nhận hồ sơ."
        )
