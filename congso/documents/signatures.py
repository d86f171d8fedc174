"""Verifying every signature of a PDF with pyHanko against the configured trust anchors.

Statuses, worst first: `invalid` (the signature itself does not verify), `modified` (the signed
bytes changed, or later updates changed content), `untrusted` (sound, but the chain does not
reach a trust anchor), `valid`. Revocation is checked softly and nothing is fetched from the
network: verification must work on an isolated server and never hang a worker.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509

from congso.documents.models.files import SignatureState


class CertificateError(ValueError):
    pass


class PdfUnreadable(ValueError):
    pass


@dataclass
class CertificateInfo:
    subject: str
    fingerprint: str
    valid_from: datetime
    valid_until: datetime
    der: bytes


def parse_certificate(data: str | bytes) -> CertificateInfo:
    raw = data.encode() if isinstance(data, str) else data
    raw = raw.strip()
    try:
        if asn1_pem.detect(raw):
            _, _, raw = asn1_pem.unarmor(raw)
        certificate = asn1_x509.Certificate.load(raw)
        subject = certificate.subject.human_friendly
        validity = certificate["tbs_certificate"]["validity"]
        valid_from = validity["not_before"].native
        valid_until = validity["not_after"].native
    except Exception:  # noqa: BLE001 - asn1crypto raises many types for garbage input
        raise CertificateError(
            "Không đọc được chứng thư số: cần tệp PEM hoặc DER của chứng thư X.509."
        )
    der = certificate.dump()
    return CertificateInfo(subject, hashlib.sha256(der).hexdigest(), valid_from, valid_until, der)


@dataclass
class SignatureResult:
    field_name: str
    signer: str
    organization: str
    email: str
    signed_at: datetime | None
    timestamp_at: datetime | None
    timestamp_trusted: bool | None
    intact: bool
    valid: bool
    trusted: bool
    coverage: str
    modification: str
    permitted_updates: bool
    status: str
    issuer: str
    serial_number: str
    valid_from: datetime | None
    valid_until: datetime | None
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


def _subject_value(name, key: str) -> str:
    value = name.native.get(key, "")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value or "")


def _email(certificate) -> str:
    email = _subject_value(certificate.subject, "email_address")
    if email:
        return email
    san = certificate.subject_alt_name_value
    for general_name in san or []:
        if general_name.name == "rfc822_name":
            return general_name.native
    return ""


def _run(coro_factory):
    from congso.documents.pki import outside_event_loop

    return outside_event_loop(lambda: asyncio.run(coro_factory()))


def verify_pdf(data: bytes, anchors: list[bytes]) -> list[SignatureResult]:
    """Every embedded signature, in signing order; an empty list for an unsigned PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as error:  # noqa: BLE001 - a broken PDF may fail anywhere in the parser
        raise PdfUnreadable(f"Không đọc được cấu trúc PDF: {error}")
    roots = [asn1_x509.Certificate.load(der) for der in anchors]
    return [_verify_one(sig, roots) for sig in embedded]


def _verify_one(embedded, roots) -> SignatureResult:
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    def context():
        return ValidationContext(
            trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
        )

    field_name = embedded.field_name or ""
    try:
        status = _run(
            lambda: async_validate_pdf_signature(
                embedded, signer_validation_context=context(), ts_validation_context=context()
            )
        )
    except Exception as error:  # noqa: BLE001 - malformed CMS data must yield 'invalid', not a 500
        certificate = _safe_signer_cert(embedded)
        return _result(
            field_name, certificate, embedded, None, state=SignatureState.INVALID, detail=str(error)
        )

    level = status.modification_level
    coverage = status.coverage
    changed = (
        not status.intact
        or coverage is None
        or coverage < SignatureCoverageLevel.ENTIRE_REVISION
        or level == ModificationLevel.OTHER
        or status.docmdp_ok is False
    )
    if not status.valid:
        state = SignatureState.INVALID
    elif changed:
        state = SignatureState.MODIFIED
    elif not status.trusted:
        state = SignatureState.UNTRUSTED
    else:
        state = SignatureState.VALID
    permitted = (
        not changed
        and coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and level not in (None, ModificationLevel.NONE)
    )
    details = [status.pretty_print_details()] if hasattr(status, "pretty_print_details") else []
    result = _result(
        field_name,
        status.signing_cert,
        embedded,
        status,
        state=state,
        detail="\n".join(details),
    )
    result.intact = bool(status.intact and not changed)
    result.valid = bool(status.valid)
    result.trusted = bool(status.trusted)
    result.coverage = coverage.name if coverage is not None else ""
    result.modification = level.name if level is not None else ""
    result.permitted_updates = permitted
    return result


def _safe_signer_cert(embedded):
    try:
        return embedded.signer_cert
    except Exception:  # noqa: BLE001
        return None


def _result(field_name, certificate, embedded, status, *, state, detail) -> SignatureResult:
    signed_at = getattr(status, "signer_reported_dt", None) if status else None
    if signed_at is None:
        try:
            signed_at = embedded.self_reported_timestamp
        except Exception:  # noqa: BLE001
            signed_at = None
    timestamp = getattr(status, "timestamp_validity", None) if status else None
    signer = organization = email = issuer = serial = ""
    valid_from = valid_until = None
    if certificate is not None:
        signer = _subject_value(certificate.subject, "common_name")
        organization = _subject_value(certificate.subject, "organization_name")
        email = _email(certificate)
        issuer = certificate.issuer.human_friendly
        serial = format(certificate.serial_number, "X")
        valid_from = certificate.not_valid_before
        valid_until = certificate.not_valid_after
    return SignatureResult(
        field_name=field_name,
        signer=signer,
        organization=organization,
        email=email,
        signed_at=_aware(signed_at),
        timestamp_at=_aware(timestamp.timestamp) if timestamp else None,
        timestamp_trusted=(timestamp.trusted if timestamp else None),
        intact=False,
        valid=False,
        trusted=False,
        coverage="",
        modification="",
        permitted_updates=False,
        status=state,
        issuer=issuer,
        serial_number=serial,
        valid_from=valid_from,
        valid_until=valid_until,
        detail=detail[:20000],
    )


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
