"""What every action shares: the clock, the event row, the tracking secret and address, and the
signal that tells notifications a citizen-facing change happened (after commit only)."""

import base64
import contextlib
import contextvars
import datetime as dt
import hashlib
import hmac
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from congso.dossiers.calendar import HOURS_PER_WORKING_DAY, Unit, add_working_time, timeliness
from congso.dossiers.models import Event
from congso.dossiers.querysets import calendar_for

TRACKING_PATH = "/tra-cuu-ho-so/"
# Sent after the transaction that recorded `event` commits: receivers (e-mail, SMS…) never slow
# down or roll back the action. Arguments: dossier, event.
dossier_event = Signal()
# Sent inside the transaction that records `event`, before it commits: receivers that must
# change with the event or not at all (results statistics, the national-portal outbox) write
# their rows here. A receiver that fails rolls the action back, so keep them small.
# Arguments: dossier, event.
event_recorded = Signal()


_clock: contextvars.ContextVar[dt.datetime | None] = contextvars.ContextVar("clock", default=None)


def now() -> dt.datetime:
    return _clock.get() or timezone.now()


@contextlib.contextmanager
def clock_at(moment: dt.datetime):
    """Run services as if it were `moment`: for loading sample data and importing history from
    another system, whose receptions and hand-overs happened in the past. Never used by a
    request."""
    if timezone.is_naive(moment):
        raise ValueError("clock_at needs an aware datetime")
    token = _clock.set(moment)
    try:
        yield
    finally:
        _clock.reset(token)


_slips: contextvars.ContextVar[bool] = contextvars.ContextVar("slips", default=True)


@contextlib.contextmanager
def without_slips():
    """Issue no slip PDF (forms 01–05) inside: only for the demo's year of sample history, whose
    thousands of receipts nobody prints and whose rendering was most of `make demo`'s time.
    Real dossiers, and the demo's recent sample dossiers, always get their slips."""
    token = _slips.set(False)
    try:
        yield
    finally:
        _slips.reset(token)


def slips_wanted() -> bool:
    return _slips.get()


def tracking_secret(dossier) -> str:
    """The applicant's private tracking secret, derived (not stored): the same on the receipt,
    in "Hồ sơ của tôi" and in the API, and useless without the server's key."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"dossier-secret:{dossier.reference}".encode(), hashlib.sha256
    ).digest()
    return base64.b32encode(digest).decode()[:16]


def secret_matches(dossier, secret: str) -> bool:
    return bool(secret) and hmac.compare_digest(tracking_secret(dossier), str(secret).strip())


def tracking_url(dossier, *, with_secret: bool = False) -> str:
    from congso.core.site_address import site_url

    query = {"ma": dossier.code or str(dossier.reference)}
    if with_secret:
        query["secret"] = tracking_secret(dossier)
    return site_url(f"{TRACKING_PATH}?{urlencode(query)}")


def total_working_time(procedure) -> dt.timedelta:
    """The procedure's time limit as working time (calendar days count as 8 hours each for a
    step's share: the due date itself is computed by calendar.due_at)."""
    unit = Unit(procedure.time_unit)
    hours = procedure.time_limit * (1 if unit is Unit.WORKING_HOUR else HOURS_PER_WORKING_DAY)
    return dt.timedelta(hours=hours)


def enter_step(dossier, step, at: dt.datetime) -> None:
    """Move the dossier onto `step` (a WorkflowStep or None at the end) and time it."""
    dossier.current_step = step.code if step is not None else ""
    dossier.step_started_at = at
    dossier.step_due_at = None
    if step is not None and step.allowance_percent and dossier.received_at:
        share = total_working_time(dossier.procedure) * step.allowance_percent / 100
        due = add_working_time(calendar_for(dossier.agency), at, share)
        # A step never runs past the dossier's own due time.
        dossier.step_due_at = min(due, dossier.due_at) if dossier.due_at else due


def step_punctuality(dossier, at: dt.datetime) -> str:
    if dossier.step_due_at is None:
        return ""
    return timeliness(calendar_for(dossier.agency), at, dossier.step_due_at).value


def record(
    dossier,
    user,
    action: str,
    *,
    at: dt.datetime,
    from_status: int | None,
    from_step: str = "",
    role: str = "",
    note: str = "",
    public: bool = True,
    punctuality: str = "",
    step_due_at=None,
    data: dict | None = None,
) -> Event:
    actor = user if user is not None and user.is_authenticated else None
    event = Event.objects.create(
        dossier=dossier,
        at=at,
        actor=actor,
        actor_name=(actor.get_full_name() or actor.username) if actor else "",
        role=role,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        from_step=from_step,
        to_step=dossier.current_step,
        step_due_at=step_due_at,
        punctuality=punctuality,
        note=note,
        public=public,
        data=data or {},
    )
    event_recorded.send(sender=Event, dossier=dossier, event=event)
    transaction.on_commit(
        lambda: dossier_event.send(sender=Event, dossier=dossier, event=event), robust=True
    )
    return event
