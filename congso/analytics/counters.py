"""Pending counters in the cache, drained in batches by the flush.

Two stores share one shape: `add_all` first-sighting markers in one go, `incr` many fields of
the pending hash, `seal` the pending hash into a numbered batch, read and `forget` sealed
batches. A batch stays until the database has recorded it, so a flush that dies half-way is
finished by the next one (see services.flush).

- Redis (production): one hash, HINCRBY per field; sealing is an atomic RENAME, so counts
  made during a flush land in the next batch.
- Local memory (the embedded default): the cache lives inside this process, so a process
  lock around read-modify-write is enough. A separate `manage.py flush_stats` cannot see it;
  the serving process flushes itself (services.maybe_flush).
"""

import threading
import uuid

from django.core.cache import cache, caches

PENDING = "analytics:pending"
BATCHES = "analytics:batches"
BATCH_PREFIX = "analytics:batch:"

_SEAL_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[1])
  return 1
end
return 0
"""


def _is_redis() -> bool:
    # `cache` is a proxy whose own type is always django.utils.connection.ConnectionProxy.
    return type(caches["default"]).__module__.startswith("django_redis")


class RedisStore:
    def __init__(self):
        from django_redis import get_redis_connection

        self.conn = get_redis_connection("default")

    @staticmethod
    def _key(name: str) -> str:
        # Honour KEY_PREFIX so that sites (and test runs) sharing one Redis stay apart.
        return cache.make_key(name)

    def add_all(self, keys: list[str], timeout: int) -> list[bool]:
        """`cache.add` of each key (value 1), in one round trip instead of one per key."""
        pipe = self.conn.pipeline(transaction=False)
        for key in keys:
            pipe.set(self._key(key), 1, nx=True, ex=timeout)
        return [bool(added) for added in pipe.execute()]

    def incr(self, fields: dict[str, int]) -> None:
        pipe = self.conn.pipeline(transaction=False)
        for field, amount in fields.items():
            pipe.hincrby(self._key(PENDING), field, amount)
        pipe.execute()

    def pending(self, fields: list[str]) -> dict[str, int]:
        values = self.conn.hmget(self._key(PENDING), fields)
        return {
            field: int(value)
            for field, value in zip(fields, values, strict=True)
            if value is not None
        }

    def seal(self) -> None:
        batch_id = uuid.uuid4().hex
        self.conn.eval(
            _SEAL_SCRIPT,
            3,
            self._key(PENDING),
            self._key(BATCH_PREFIX + batch_id),
            self._key(BATCHES),
            batch_id,
        )

    def batches(self) -> dict[str, dict[str, int]]:
        ids = sorted(member.decode() for member in self.conn.smembers(self._key(BATCHES)))
        return {
            batch_id: _decode(self.conn.hgetall(self._key(BATCH_PREFIX + batch_id)))
            for batch_id in ids
        }

    def forget(self, batch_id: str) -> None:
        pipe = self.conn.pipeline(transaction=True)
        pipe.delete(self._key(BATCH_PREFIX + batch_id))
        pipe.srem(self._key(BATCHES), batch_id)
        pipe.execute()


class LocalStore:
    _lock = threading.Lock()

    def add_all(self, keys: list[str], timeout: int) -> list[bool]:
        return [cache.add(key, 1, timeout=timeout) for key in keys]

    def incr(self, fields: dict[str, int]) -> None:
        with self._lock:
            pending = cache.get(PENDING) or {}
            for field, amount in fields.items():
                pending[field] = pending.get(field, 0) + amount
            cache.set(PENDING, pending, timeout=None)

    def pending(self, fields: list[str]) -> dict[str, int]:
        pending = cache.get(PENDING) or {}
        return {field: pending[field] for field in fields if field in pending}

    def seal(self) -> None:
        with self._lock:
            pending = cache.get(PENDING)
            if not pending:
                return
            batches = cache.get(BATCHES) or {}
            batches[uuid.uuid4().hex] = pending
            cache.set(BATCHES, batches, timeout=None)
            cache.delete(PENDING)

    def batches(self) -> dict[str, dict[str, int]]:
        return dict(sorted((cache.get(BATCHES) or {}).items()))

    def forget(self, batch_id: str) -> None:
        with self._lock:
            batches = cache.get(BATCHES) or {}
            batches.pop(batch_id, None)
            cache.set(BATCHES, batches, timeout=None)


def _decode(raw: dict) -> dict[str, int]:
    return {
        (key.decode() if isinstance(key, bytes) else key): int(value) for key, value in raw.items()
    }


def get_store():
    return RedisStore() if _is_redis() else LocalStore()


def uses_shared_cache() -> bool:
    return _is_redis()
