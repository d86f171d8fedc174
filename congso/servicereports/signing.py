"""Sign the monthly report with the agency's certificate (pyHanko) and publish it into the
documents library in one step: the signed PDF becomes an official document ("Báo cáo",
number, date, agency, signer, summary), published, its signature verified by the library's own
verifier. Either all of it happens or nothing: a refused certificate, a report already
published for the period, or a failure while publishing leaves no document and no record.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from congso.documents import pki, services
from congso.documents.models import DocumentType, IssuingAgency
from congso.dossiers.services import records
from congso.dossiers.services.errors import Conflict, Invalid
from congso.servicereports import access, monthly, monthly_pdf
from congso.servicereports.models import PublishedReport, SigningConfig
from congso.servicestats.periods import Period

logger = logging.getLogger(__name__)
FIELD_NAME = "ChuKyLanhDao"


def config_for(agency) -> SigningConfig | None:
    return SigningConfig.objects.filter(agency=agency).first()


def _pkcs12_bytes(config: SigningConfig) -> bytes:
    try:
        if config.pkcs12_file:
            with config.pkcs12_file.open("rb") as handle:
                return handle.read()
        return Path(config.pkcs12_path).read_bytes()
    except OSError:
        raise Invalid("Không đọc được tệp chứng thư số của cơ quan: báo quản trị kiểm tra lại.")


def load_signer(config: SigningConfig):
    """The agency's key and certificate; Invalid with a message when they cannot be used."""
    if config is None or not config.has_certificate:
        raise Invalid("Cơ quan chưa cấu hình chứng thư số để ký báo cáo (quản trị cấu hình).")
    return check_pkcs12(_pkcs12_bytes(config), config.password)


def check_pkcs12(data: bytes, password: str):
    """(signer, chain) from PKCS#12 bytes, refusing a wrong password or an expired certificate."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(
            data, password.encode() if password else None
        )
    except (ValueError, TypeError):
        raise Invalid("Tệp chứng thư số không mở được: sai mật khẩu hoặc không phải PKCS#12.")
    if key is None or certificate is None:
        raise Invalid("Tệp chứng thư số không có khóa bí mật hoặc chứng thư.")
    now = timezone.now()
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise Invalid("Chứng thư số của cơ quan đã hết hạn hoặc chưa có hiệu lực.")
    chain = [pki.KeyPair(c, None) for c in extra or []]
    return pki.KeyPair(certificate, key), chain


def _sign(pdf: bytes, signer, chain, *, location: str) -> bytes:
    return pki.sign_pdf(
        pdf,
        signer,
        chain,
        field_name=FIELD_NAME,
        reason="Ký ban hành báo cáo",
        location=location,
    )


def next_number(agency, config: SigningConfig, year: int) -> str:
    """The next report number of the agency's year in this app (its own count; an agency
    whose other reports share the numbering types the number instead)."""
    count = PublishedReport.objects.filter(agency=agency, signed_at__year=year).count()
    return f"{count + 1:02d}/BC-{config.symbol}"


def sign_and_publish(agency, period: Period, user, *, number: str = "") -> PublishedReport:
    access.require_sign(user, agency)
    if PublishedReport.objects.filter(agency=agency, period=period.code).exists():
        raise Conflict(f"Báo cáo {period.label.lower()} của cơ quan đã được ký và đăng.")
    config = config_for(agency)
    signer, chain = load_signer(config)
    now = records.now()
    today = timezone.localdate(now)
    number = (number or "").strip()[:100] or next_number(agency, config, today.year)
    report = monthly.build(agency, period, config=config, number=number, day=today, now=now)
    signed = _sign(monthly_pdf.render(report), signer, chain, location=config.place)
    added = None
    try:
        with transaction.atomic():
            record = PublishedReport.objects.create(
                agency=agency, period=period.code, number=number, signed_by=user, signed_at=now
            )
            added = services.add_document(
                f"bao-cao-{agency.identifier}-{period.code}.pdf",
                signed,
                title=report.summary,
                user=user,
            )
            page = added.page
            page.number = number
            page.summary = report.summary
            page.doc_type = (
                DocumentType.objects.filter(slug="bao-cao").first()
                or DocumentType.objects.filter(name="Báo cáo").first()
                or page.doc_type
            )
            page.agency = _issuing_agency(agency, config)
            page.signer_name = config.signer_name
            page.signer_position = " — ".join(report.signer_lines)
            page.issue_date = today
            page.effective_date = today
            page.recipients = "\n".join(report.recipients)
            # The leader's right to publish the agency's report is their role in the agency
            # (access.require_sign above), not an editor's permission on the library pages.
            page.save_revision(user=user, log_action=True).publish(
                user=user, skip_permission_checks=True
            )
            record.page = page
            record.save(update_fields=["page"])
    except IntegrityError:
        _remove(added)
        raise Conflict(f"Báo cáo {period.label.lower()} của cơ quan đã được ký và đăng.")
    except services.FileRejected as error:  # e.g. no documents library page to publish under
        _remove(added)
        raise Invalid(str(error))
    except BaseException:
        _remove(added)
        raise
    logger.info(
        "report signed and published: user=%s agency=%s period=%s number=%s page=%s",
        user.pk,
        agency.pk,
        period.code,
        number,
        record.page_id,
    )
    return record


def _issuing_agency(agency, config) -> IssuingAgency:
    found = IssuingAgency.objects.filter(name=agency.name).first()
    if found:
        return found
    return IssuingAgency.objects.create(name=agency.name, code=config.symbol)


def _remove(added) -> None:
    """The stored file of a document whose transaction rolled back (the rows went with it)."""
    if added is not None and added.file.file:
        added.file.file.storage.delete(added.file.file.name)


def unsigned_report(agency, period: Period, *, now: dt.datetime | None = None):
    """The report as the leader reviews it before signing: not numbered, dated today."""
    now = now or records.now()
    return monthly.build(
        agency, period, config=config_for(agency), day=timezone.localdate(now), now=now
    )
