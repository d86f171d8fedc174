"""The demo's signed monthly report: configured from the demo CA, trusted, published once."""

import datetime as dt
import io

import pytest

from congso.documents.models.files import FileState
from congso.dossiers.models import Dossier
from congso.servicereports.demo import load_sample_report_signing
from congso.servicereports.models import PublishedReport, SigningConfig
from congso.servicereports.tests.conftest import settle, vn

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_last_months_signed_report_once(office, run, clock, library):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    Dossier.objects.update(is_sample=True)
    clock.set(vn(2026, 6, 2, 9))
    load_sample_report_signing(io.StringIO(), today=dt.date(2026, 6, 2))
    load_sample_report_signing(io.StringIO(), today=dt.date(2026, 6, 2))
    record = PublishedReport.objects.get()
    assert record.period == "2026-05" and SigningConfig.objects.count() == 1
    assert record.page.attachments.get().file.signature_state == FileState.VALID
    assert "dữ liệu mẫu" in SigningConfig.objects.get().signer_name
