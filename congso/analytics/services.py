"""Counting visits and article reads in the cache; moving the counts to the database in batches.

`record_hit` runs on every beacon and touches only the cache. `flush` runs once a minute
(`manage.py flush_stats` with Redis; inside the serving process with local memory).
"""

import logging
import secrets
from datetime import date, datetime, time, timedelta
from time import time_ns

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from congso.analytics.counters import get_store, uses_shared_cache
from congso.analytics.models import DailyStat, FlushedBatch
from congso.analytics.privacy import keyed_hash
from congso.core.ratelimit import count_in_cache

logger = logging.getLogger(__name__)

FLUSH_LOCK = "analytics:flush-lock"
FLUSH_DUE = "analytics:flush-due"
DB_FIGURES_GENERATION = "analytics:db-generation"
FLUSHED_BATCH_RETENTION = timedelta(days=7)


def _seconds_until_tomorrow(now: datetime) -> int:
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time.min, tzinfo=now.tzinfo)
    # An hour's margin so a visitor near midnight is not counted again by a clock skew.
    return int((tomorrow - now).total_seconds()) + 3600


def daily_salt(today: date, ttl: int) -> str:
    """A random salt per day, never written to disk: once it expires, yesterday's visitor
    hashes cannot be recomputed from an address, even by someone holding SECRET_KEY."""
    key = f"analytics:salt:{today.isoformat()}"
    salt = cache.get(key)
    if salt is not None:  # every hit but the day's first: one round trip
        return salt
    cache.add(key, secrets.token_hex(16), timeout=ttl + 3600)
    salt = cache.get(key)
    if salt is None:  # evicted between add and get; a fresh salt only risks a recount
        salt = secrets.token_hex(16)
        cache.set(key, salt, timeout=ttl + 3600)
    return salt


def visitor_key(ip: str, user_agent: str, today: date, ttl: int) -> str:
    return keyed_hash(daily_salt(today, ttl), ip, user_agent[:512], purpose="analytics-visitor")[
        :32
    ]


def _over_address_cap(ip: str, day: str, ttl: int) -> bool:
    """A script that changes its user agent on every request looks like a new visitor each
    time; cap the visitors one address can add in a day. Offices and schools share one
    address behind NAT, so the cap is generous."""
    cap = getattr(settings, "ANALYTICS_MAX_VISITORS_PER_ADDRESS", 300)
    key = f"analytics:address:{day}:{keyed_hash(ip, purpose='analytics-address')[:32]}"
    # In the cache, never the database: counting makes no query (per process without Redis,
    # which is also how the counts themselves are kept then).
    return count_in_cache(key, ttl) > cap


def record_hit(
    *, site_id: int, article_id: int | None, ip: str, user_agent: str
) -> dict[str, bool]:
    """Count one page view: a visit once per visitor per day, a read once per visitor, article
    and day. Only the cache is touched: no database query at all."""
    now = timezone.localtime()
    today = now.date()
    ttl = _seconds_until_tomorrow(now)
    visitor = visitor_key(ip, user_agent, today, ttl)
    day = today.isoformat()
    fields: dict[str, int] = {}
    store = get_store()
    seen_key = f"analytics:seen:{site_id}:{day}:{visitor}"
    read_key = f"analytics:read:{article_id}:{day}:{visitor}"
    # Both sightings in one round trip; the read is only counted once the visit passes the cap.
    new_visit, *read = store.add_all([seen_key, read_key] if article_id else [seen_key], ttl)
    new_read = bool(read and read[0])
    if new_visit:
        if _over_address_cap(ip, day, ttl):
            # Forget the sightings so that every further hit from this "visitor" is checked again.
            cache.delete_many([seen_key, read_key] if new_read else [seen_key])
            return {"visit": False, "read": False}
        fields[f"v:{site_id}:{day}"] = 1
    if new_read:
        fields[f"a:{site_id}:{day}"] = 1
        fields[f"p:{article_id}"] = 1
    if fields:
        store.incr(fields)
    return {"visit": new_visit, "read": new_read}


def _apply(counts: dict[str, int]) -> None:
    from congso.news.models import ArticlePage

    daily: dict[tuple[int, str], dict[str, int]] = {}
    for field, amount in counts.items():
        kind, _, rest = field.partition(":")
        if kind in ("v", "a"):
            site_id, _, day = rest.partition(":")
            column = "visits" if kind == "v" else "article_views"
            daily.setdefault((int(site_id), day), {"visits": 0, "article_views": 0})[column] += (
                amount
            )
        elif kind == "p":
            ArticlePage.objects.filter(pk=int(rest)).update(view_count=F("view_count") + amount)
    for (site_id, day), amounts in daily.items():
        stat, _ = DailyStat.objects.get_or_create(site_id=site_id, date=date.fromisoformat(day))
        DailyStat.objects.filter(pk=stat.pk).update(
            visits=F("visits") + amounts["visits"],
            article_views=F("article_views") + amounts["article_views"],
        )


def _flush_batch(batch_id: str, counts: dict[str, int]) -> bool:
    """Add one batch to the database exactly once; True if this call recorded it."""
    try:
        with transaction.atomic():
            FlushedBatch.objects.create(batch_id=batch_id)
            _apply(counts)
    except IntegrityError:
        # Already recorded by an earlier flush that died before forgetting the batch.
        return False
    return True


def flush() -> dict[str, int]:
    """Move all pending counts to the database. Safe to run concurrently and to re-run."""
    if not cache.add(FLUSH_LOCK, 1, timeout=300):
        return {"batches": 0, "skipped": 1}
    try:
        store = get_store()
        store.seal()
        recorded = 0
        for batch_id, counts in store.batches().items():
            if counts and _flush_batch(batch_id, counts):
                recorded += 1
            store.forget(batch_id)
        FlushedBatch.objects.filter(
            flushed_at__lt=timezone.now() - FLUSHED_BATCH_RETENTION
        ).delete()
        if recorded:
            forget_db_figures()
        return {"batches": recorded, "skipped": 0}
    finally:
        cache.delete(FLUSH_LOCK)


def maybe_flush() -> None:
    """With a process-local cache, the serving process is the only one that can flush."""
    if not flushes_in_process():
        return
    if cache.add(FLUSH_DUE, 1, timeout=settings.ANALYTICS_FLUSH_INTERVAL_SECONDS):
        try:
            flush()
        except Exception:
            # Counting must never break a page; the counts stay pending for the next try.
            logger.exception("analytics flush failed")
            cache.delete(FLUSH_DUE)


def flushes_in_process() -> bool:
    configured = getattr(settings, "ANALYTICS_FLUSH_IN_PROCESS", None)
    return (not uses_shared_cache()) if configured is None else configured


def forget_db_figures() -> None:
    """Readers' figures cache the database part; a new generation makes them reread it."""
    cache.set(DB_FIGURES_GENERATION, time_ns(), timeout=None)
