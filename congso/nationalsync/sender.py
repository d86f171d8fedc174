"""Sending the outbox to the national portal: due messages, in order per dossier, each claimed by
one drainer, POSTed with a timeout, acknowledged in a transaction or retried with backoff.

- Order: a message is sent only when every earlier message of its dossier is acknowledged (or
  abandoned by an admin). A failed message holds its dossier's later ones back until an admin
  resends or abandons it: the portal never sees an update before the dossier it updates.
- One sender per message: the claim is a compare-and-set UPDATE (pending → sending) that only one
  drainer wins, under `select_for_update(skip_locked=True)` on PostgreSQL; SQLite serialises
  writers, so the conditional UPDATE alone is safe there. A claim has a lease: a drainer that
  died mid-send leaves a "sending" row that is due again once the lease ends (the portal then
  sees the same Idempotency-Key twice; an acknowledged message is never sent again).
- Retries: 5xx, timeouts, refused connections and answers that are not a success are retried
  after base × 2^(n-1) seconds (capped), with jitter, until the maximum number of attempts:
  then "failed", for an admin. A 4xx other than 408/429 is the portal refusing the content: no
  retry, "failed" at once.
"""

import datetime as dt
import json
import logging
import random
import time
from dataclasses import dataclass

import requests
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from congso.nationalsync import mapping
from congso.nationalsync.models import OutboxMessage, State

log = logging.getLogger("congso.nationalsync")

DEFAULTS = {
    "NATIONAL_SYNC_TIMEOUT": 10.0,  # seconds, connect and read
    "NATIONAL_SYNC_MAX_ATTEMPTS": 8,
    "NATIONAL_SYNC_BACKOFF_SECONDS": 60.0,  # first retry after about a minute
    "NATIONAL_SYNC_BACKOFF_MAX_SECONDS": 6 * 3600.0,
}
# A run stops after this many transport failures in a row: the portal is down, and trying each
# dossier's head in turn would only pile up timeouts.
STOP_AFTER_FAILURES = 3
RETRYABLE_4XX = {408, 425, 429}


def conf(name):
    return getattr(settings, name, DEFAULTS.get(name, ""))


def missing_settings() -> list[str]:
    return [name for name in ("NATIONAL_SYNC_URL", "NATIONAL_SYNC_TOKEN") if not conf(name)]


def enabled() -> bool:
    return not missing_settings()


def enqueue_drain() -> None:
    from congso.nationalsync.tasks import send_national_sync

    send_national_sync.enqueue()


def backoff(attempts: int) -> float:
    """Seconds before attempt `attempts + 1`: exponential, capped, with jitter in its upper
    half so that messages failed together do not come back together."""
    base = float(conf("NATIONAL_SYNC_BACKOFF_SECONDS"))
    delay = min(float(conf("NATIONAL_SYNC_BACKOFF_MAX_SECONDS")), base * 2 ** max(attempts - 1, 0))
    return delay / 2 + random.uniform(0, delay / 2)  # noqa: S311 — jitter, not a secret


def lease_seconds() -> float:
    return 2 * float(conf("NATIONAL_SYNC_TIMEOUT")) + 30


# Which messages are due ---------------------------------------------------------------------


def _earlier_unsettled():
    return OutboxMessage.objects.filter(dossier_id=OuterRef("dossier_id"), pk__lt=OuterRef("pk"))


def _claimable(now) -> Q:
    pending = Q(state=State.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    stale = Q(state=State.SENDING, claimed_until__lt=now)
    return pending | stale


def due(now, limit: int = 50):
    """The head of each dossier's queue whose time has come, oldest first."""
    blocking = _earlier_unsettled().exclude(state__in=[State.ACKNOWLEDGED, State.ABANDONED])
    return (
        OutboxMessage.objects.filter(_claimable(now))
        .filter(~Exists(blocking))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def claim(pk: int, now) -> OutboxMessage | None:
    """Make message `pk` ours (state "sending", one more attempt) or None if another drainer has
    it, it is not due, or an earlier message of its dossier is not acknowledged."""
    blocking = _earlier_unsettled().exclude(state__in=[State.ACKNOWLEDGED, State.ABANDONED])
    with transaction.atomic():
        rows = OutboxMessage.objects.filter(pk=pk)
        if connection.features.has_select_for_update_skip_locked:
            if not rows.select_for_update(skip_locked=True).exists():
                return None  # locked by another drainer this instant
        won = (
            rows.filter(_claimable(now))
            .filter(~Exists(blocking))
            .update(
                state=State.SENDING,
                attempts=F("attempts") + 1,
                claimed_until=now + dt.timedelta(seconds=lease_seconds()),
                sent_at=now,
            )
        )
    if not won:
        return None
    return OutboxMessage.objects.select_related("dossier__agency").get(pk=pk)


# Sending one message ------------------------------------------------------------------------


@dataclass
class Outcome:
    ok: bool
    error: str = ""
    retry: bool = True
    transport: bool = False  # the portal did not answer at all


def _success(response) -> bool:
    """2xx, and a JSON body whose error_code (if any) says 0 ("00" in OpenCPS's checks)."""
    if not 200 <= response.status_code < 300:
        return False
    try:
        body = response.json()
    except ValueError:
        return True  # the status is the answer
    if isinstance(body, dict) and "error_code" in body:
        return str(body["error_code"]).strip() in {"0", "00"}
    return True


def post(message) -> Outcome:
    body = mapping.envelope(message, message.dossier.agency.identifier)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Accept": "application/json",
        "Authorization": f"Bearer {conf('NATIONAL_SYNC_TOKEN')}",
        "Idempotency-Key": f"congso-{message.pk}",
    }
    timeout = float(conf("NATIONAL_SYNC_TIMEOUT"))
    try:
        response = requests.post(
            conf("NATIONAL_SYNC_URL"),
            data=json.dumps(body, ensure_ascii=False).encode(),
            headers=headers,
            timeout=(timeout, timeout),
            allow_redirects=False,
        )
    except requests.Timeout:
        return Outcome(False, f"Quá thời gian chờ ({timeout:g} giây).", transport=True)
    except requests.RequestException as error:
        return Outcome(False, f"Không kết nối được Cổng DVC quốc gia: {error}", transport=True)
    if _success(response):
        return Outcome(True)
    text = response.text[:500]
    error = f"Cổng DVC quốc gia trả lời HTTP {response.status_code}: {text}"
    permanent = 400 <= response.status_code < 500 and response.status_code not in RETRYABLE_4XX
    return Outcome(False, error, retry=not permanent, transport=response.status_code >= 500)


def settle(message, outcome: Outcome, now) -> str:
    """Write what happened, in a transaction, only if the claim is still ours."""
    mine = OutboxMessage.objects.filter(pk=message.pk, state=State.SENDING)
    if outcome.ok:
        fields = {"state": State.ACKNOWLEDGED, "acknowledged_at": now, "last_error": ""}
    elif outcome.retry and message.attempts < int(conf("NATIONAL_SYNC_MAX_ATTEMPTS")):
        later = now + dt.timedelta(seconds=backoff(message.attempts))
        fields = {"state": State.PENDING, "next_attempt_at": later, "last_error": outcome.error}
    else:
        fields = {"state": State.FAILED, "next_attempt_at": None, "last_error": outcome.error}
    with transaction.atomic():
        mine.update(claimed_until=None, **fields)
    return fields["state"]


def drain(*, now=None, max_seconds: float = 50.0, batch: int = 50) -> dict:
    """Send what is due until nothing is, the portal seems down, or `max_seconds` pass (the
    timer starts the next run a minute later). `now` stands for the clock in tests."""
    counts = {"sent": 0, "acknowledged": 0, "retry": 0, "failed": 0, "disabled": 0}
    if not enabled():
        counts["disabled"] = 1
        return counts
    started = time.monotonic()
    failures_in_a_row = 0
    while time.monotonic() - started < max_seconds:
        moment = now or timezone.now()
        progressed = False
        for pk in list(due(moment, batch)):
            message = claim(pk, moment)
            if message is None:
                continue
            progressed = True
            outcome = post(message)
            state = settle(message, outcome, now or timezone.now())
            counts["sent"] += 1
            counts[{"acknowledged": "acknowledged", "pending": "retry"}.get(state, "failed")] += 1
            log.info("national sync #%s %s → %s", message.pk, message.kind, state)
            failures_in_a_row = failures_in_a_row + 1 if outcome.transport else 0
            if failures_in_a_row >= STOP_AFTER_FAILURES:
                return counts
            if time.monotonic() - started >= max_seconds:
                return counts
        if not progressed:
            break
    return counts
