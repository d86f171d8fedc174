"""Full-text backends behind one contract (see `base.SearchBackend`).

The backend is chosen by the database vendor, or by `CONGSO_SEARCH_BACKEND` (a dotted path to a
`SearchBackend` subclass) when an operator wants another engine, e.g. OpenSearch.
"""

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from .base import SearchBackend

_BY_VENDOR = {
    "sqlite": "congso.search.backends.sqlite.SQLiteFTS5Backend",
    "postgresql": "congso.search.backends.postgres.PostgresBackend",
}
_instances: dict[str, SearchBackend] = {}


def get_backend() -> SearchBackend:
    path = getattr(settings, "CONGSO_SEARCH_BACKEND", "") or _BY_VENDOR.get(connection.vendor)
    if not path:
        raise RuntimeError(f"Không có backend tìm kiếm cho cơ sở dữ liệu {connection.vendor}")
    if path not in _instances:
        _instances[path] = import_string(path)()
    return _instances[path]


__all__ = ["SearchBackend", "get_backend"]
