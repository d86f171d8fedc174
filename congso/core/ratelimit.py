"""Fixed-window rate limits: one place for every "at most N per period" on the site.

Two ways to count (see docs/decisions/0003-rate-limits.md):

- `count_in_cache`: `add` + `incr` in the default cache, two round trips. Shared by all
  processes with Redis; with the embedded local-memory cache each process counts alone.
  Good enough where a per-process count is acceptable or the database must not be touched
  (visitor counting never writes to the database per request).
- `count_in_database`: one atomic upsert of a (key, window) row, shared by every process that
  uses the database, with or without Redis. PostgreSQL locks the row; SQLite serialises
  writers. For limits that must hold across workers, such as comments.

`hit` picks the cache when it is shared (Redis) and the database otherwise.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.cache import cache, caches
from django.db import connection
from django.utils import timezone


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """ "5/600": five per ten minutes; "5" alone means per minute."""
        limit, _, period = text.partition("/")
        return cls(int(limit), int(period or 60))


def cache_is_shared() -> bool:
    # `cache` is a proxy whose own type is always django.utils.connection.ConnectionProxy.
    return type(caches["default"]).__module__.startswith("django_redis")


def count_in_cache(key: str, timeout: int) -> int:
    """Add one to `key` and return the new count; `incr` is atomic in Redis and local memory."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired or evicted between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def count_in_database(model, key: str, window: int, expires_at) -> int:
    """Add one to the (key, window) row of `model` and return the new count, in one statement.

    `model` has the fields key, window, count and expires_at, and a unique constraint on
    (key, window). INSERT … ON CONFLICT DO UPDATE … RETURNING is atomic on PostgreSQL and on
    SQLite (3.35+): two processes never read the same count.
    """
    if connection.vendor not in ("postgresql", "sqlite"):  # pragma: no cover
        raise NotImplementedError(f"count_in_database on {connection.vendor}")
    q = connection.ops.quote_name
    table = q(model._meta.db_table)
    # Only quoted identifiers are formatted in; the values are parameters.
    sql = (
        f"INSERT INTO {table} ({q('key')}, {q('window')}, {q('count')}, {q('expires_at')}) "  # noqa: S608
        f"VALUES (%s, %s, 1, %s) "
        f"ON CONFLICT ({q('key')}, {q('window')}) "
        f"DO UPDATE SET {q('count')} = {table}.{q('count')} + 1 "
        f"RETURNING {q('count')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, window, connection.ops.adapt_datetimefield_value(expires_at)])
        count = cursor.fetchone()[0]
    if count == 1:
        # A new window for this key: the moment to forget windows that have ended. Rare
        # (once per key and period), and cheap with the index on expires_at.
        model.objects.filter(expires_at__lt=timezone.now()).delete()
    return count


def hit(key: str, rate: Rate, *, every_worker: bool = False) -> None:
    """Count one event for `key`; raise RateLimited once more than `rate.limit` fall in the
    current window. With Redis the count is in Redis; otherwise, with `every_worker`, in the
    database (core.RateCounter), so that every worker sees the same count."""
    now = timezone.now()
    stamp = int(now.timestamp())
    window = stamp // rate.period
    if every_worker and not cache_is_shared():
        from congso.core.models import RateCounter

        ends = datetime.fromtimestamp((window + 1) * rate.period, tz=UTC)
        count = count_in_database(RateCounter, key, window, ends + timedelta(seconds=1))
    else:
        count = count_in_cache(f"ratelimit:{key}:{window}", rate.period)
    if count > rate.limit:
        raise RateLimited(retry_after=(window + 1) * rate.period - stamp)
