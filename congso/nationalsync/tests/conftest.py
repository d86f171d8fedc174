"""The office of the results-statistics tests (dossiers driven through the real services) and a
fake national portal the outbox is sent to."""

import pytest

from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.nationalsync.tests.fake_portal import FakePortal
from congso.servicestats.tests.conftest import office, run  # noqa: F401


@pytest.fixture
def portal():
    fake = FakePortal().start()
    yield fake
    fake.stop()


@pytest.fixture
def sync_on(settings, portal):
    """Sync switched on against the fake portal, with a short timeout and three attempts."""
    settings.NATIONAL_SYNC_URL = portal.url
    settings.NATIONAL_SYNC_TOKEN = "ma-thu-nghiem"  # noqa: S105 — a test token
    settings.NATIONAL_SYNC_TIMEOUT = 0.5
    settings.NATIONAL_SYNC_MAX_ATTEMPTS = 3
    settings.NATIONAL_SYNC_BACKOFF_SECONDS = 60
    return portal
