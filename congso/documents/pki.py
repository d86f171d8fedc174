"""Certificates and PDF signing for the demo and the tests: a local CA, signer certificates, and
pyHanko signatures at a chosen signing time. Never used to sign real documents."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


@dataclass
class KeyPair:
    certificate: x509.Certificate
    key: object

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    @classmethod
    def from_pem(cls, certificate_pem: bytes, key_pem: bytes) -> KeyPair:
        return cls(
            x509.load_pem_x509_certificate(certificate_pem),
            serialization.load_pem_private_key(key_pem, password=None),
        )


def _new_key(kind: str):
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def _name(common_name: str, organization: str = "", email: str = "") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(attributes)


def create_ca(
    common_name: str,
    organization: str = "",
    *,
    key_kind: str = "ec",
    not_before: datetime | None = None,
    days: int = 3650,
) -> KeyPair:
    key = _new_key(key_kind)
    start = not_before or datetime.now(UTC) - timedelta(days=1)
    name = _name(common_name, organization)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return KeyPair(certificate, key)


def issue_signer(
    ca: KeyPair,
    common_name: str,
    organization: str = "",
    email: str = "",
    *,
    key_kind: str = "ec",
    not_before: datetime | None = None,
    days: int = 1825,
) -> KeyPair:
    key = _new_key(key_kind)
    start = not_before or datetime.now(UTC) - timedelta(days=1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organization, email))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    return KeyPair(builder.sign(ca.key, hashes.SHA256()), key)


def sign_pdf(
    data: bytes,
    signer: KeyPair,
    chain: list[KeyPair],
    *,
    field_name: str,
    signing_time: datetime | None = None,
    reason: str = "",
    location: str = "",
) -> bytes:
    """Add one signature as an incremental update, keeping earlier signatures valid."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))

    key_info = asn1_keys.PrivateKeyInfo.load(
        signer.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    simple = signers.SimpleSigner(
        signing_cert=asn1(signer.certificate),
        signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs([asn1(c.certificate) for c in chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason or None, location=location or None
    )

    class _TimedSigner(signers.PdfSigner):
        # pyHanko takes the signing time from the clock; the demo replays the seed's times.
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            if signing_time is not None:
                session.system_time = signing_time
            return session

    def run():
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        return _TimedSigner(meta, signer=simple).sign_pdf(writer).getvalue()

    return outside_event_loop(run)


def outside_event_loop(function):
    """pyHanko calls asyncio.run(); in a thread that already runs a loop (an async view, a
    Playwright test) that fails, so the work moves to a short-lived thread of its own."""
    import asyncio
    import concurrent.futures

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function).result()
