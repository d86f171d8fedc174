"""Fixtures of the 766 index tests: the Decision 766 set, agencies with procedures, and a
table of dossier facts written straight into the statistics tables."""

import datetime as dt

import pytest

from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.index766.tests.helpers import load_766
from congso.servicestats.tests.conftest import office, run  # noqa: F401


@pytest.fixture
def set_766(db):
    return load_766()


@pytest.fixture
def after_q2():
    """A day after 2026-Q2 ended: the period can be closed and its stock is taken at 30/06."""
    return dt.date(2026, 7, 15)
