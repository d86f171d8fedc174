"""Test settings: the same as base, fast password hashing, tasks run immediately, media in a temp dir.

DATABASE_URL / REDIS_URL still apply, so `.ci/run` reruns the suite on PostgreSQL + Redis.
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="congso-test-media-")
# Per test process: the page cache's cross-worker generation file, demo CA and previews must
# not be shared between parallel workers (a purge in one would empty another's cache).
VAR_DIR = Path(tempfile.mkdtemp(prefix="congso-test-var-"))
PAGE_CACHE_GENERATION_FILE = VAR_DIR / "pagecache.generation"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each test run gets its own key space so parallel runs on one Redis do not see each other.
if REDIS_URL:
    import os

    for alias in CACHES:
        CACHES[alias]["KEY_PREFIX"] = f"congso-test-{os.getpid()}-{alias}"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
