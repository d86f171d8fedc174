"""Queue a message for the national portal with each dossier event, in the event's transaction.

What is synchronised (docs/national-sync.md, "Hồ sơ nào được đồng bộ"):
- nothing before receipt: a draft, an online submission waiting at the desk, a request to
  complete it before receipt, a refusal or a withdrawal before receipt. The portal identifies a
  dossier by MaHoSo, and congso gives the code only on receipt;
- on the first event of a received dossier (its receipt, or the first event after this
  feature was switched on for an older dossier): DongBoHoSoMC with the whole dossier;
- every later event, internal hand-overs and notes included: CapNhatTienDoHoSoMC, one progress
  entry with the national status after it (an internal note's text is not sent);
- never sample data ("dữ liệu mẫu"): it must not reach the national portal.
"""

from django.db import transaction

from congso.dossiers.models import Event
from congso.nationalsync import mapping
from congso.nationalsync.models import Kind, OutboxMessage


def _step_started_at(event):
    """When the step this event finished began: the event that entered it."""
    if not event.from_step:
        return None
    return (
        Event.objects.filter(dossier_id=event.dossier_id, to_step=event.from_step, pk__lt=event.pk)
        .order_by("-pk")
        .values_list("at", flat=True)
        .first()
    )


def message_for(dossier, event) -> OutboxMessage | None:
    """The message `event` produces (unsaved), or None when the portal is not told."""
    if not dossier.code or dossier.is_sample or dossier.status == 0:
        return None
    if not OutboxMessage.objects.filter(dossier_id=dossier.pk).exists():
        return OutboxMessage(
            dossier=dossier, event=event, kind=Kind.SYNC, payload=mapping.dossier_payload(dossier)
        )
    payload = mapping.progress_payload(dossier, event, step_started_at=_step_started_at(event))
    return OutboxMessage(dossier=dossier, event=event, kind=Kind.PROGRESS, payload=payload)


def on_event_recorded(sender, dossier, event, **kwargs) -> None:
    message = message_for(dossier, event)
    if message is None:
        return
    message.save()
    from congso.nationalsync import sender as outbox_sender

    if outbox_sender.enabled():
        # Send soon after the action commits, in the worker; the minute timer catches up on
        # whatever this misses (worker down, portal down).
        transaction.on_commit(outbox_sender.enqueue_drain, robust=True)


# The applicant's data in the messages already queued or sent (the record of what the portal
# was told stays; who it was about does not).
PERSONAL = {"ChuHoSo": "(đã ẩn danh)", "Email": "", "SoDienThoai": "", "TrichYeuHoSo": ""}


def _scrub(payload: dict) -> dict:
    payload = {**payload, **{k: v for k, v in PERSONAL.items() if k in payload}}
    if "NoiDungXuLy" in payload:  # the action's name stays, a note written about them goes
        payload["NoiDungXuLy"] = payload["NoiDungXuLy"].split(":", 1)[0]
    if "DanhSachHoSoBoSung" in payload:
        payload["DanhSachHoSoBoSung"] = [
            {**item, "NoiDungBoSung": ""} for item in payload["DanhSachHoSoBoSung"]
        ]
    return payload


def on_dossier_anonymised(sender, dossier, **kwargs) -> None:
    """congso.retention anonymised `dossier` (inside its transaction): clear the applicant's
    data from its messages too."""
    for message in OutboxMessage.objects.filter(dossier_id=dossier.pk).only("pk", "payload"):
        OutboxMessage.objects.filter(pk=message.pk).update(payload=_scrub(message.payload))
