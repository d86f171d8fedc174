"""An office with dossiers driven through the real services (congso.servicestats' fixtures), a
second agency, and a signing certificate from a test CA that the documents library trusts."""

import io

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

from congso.dossiers.status import Role
from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.dossiers.tests.factories import make_agency, make_staff
from congso.servicestats.tests.conftest import office, run, settle, vn  # noqa: F401

PFX_PASSWORD = "mat-khau-chung-thu"


def make_pkcs12(password: str = PFX_PASSWORD, signer_name: str = "Nguyễn Văn Mẫu (thử nghiệm)"):
    from congso.documents import pki
    from congso.documents.tests.factories import test_ca

    ca = test_ca()
    person = pki.issue_signer(ca, signer_name, "Sở Khoa học và Công nghệ (thử nghiệm)")
    return pkcs12.serialize_key_and_certificates(
        b"congso-test",
        person.key,
        person.certificate,
        [ca.certificate],
        BestAvailableEncryption(password.encode()),
    )


@pytest.fixture
def other_agency(db):
    agency = make_agency(identifier="000.00.99.H56", name="UBND xã Mẫu")
    return {"agency": agency, "one_stop": make_staff(agency, Role.ONE_STOP)}


@pytest.fixture
def trusted(db):
    from congso.documents.services import add_trust_anchor
    from congso.documents.tests.factories import ca_pem

    anchor, _ = add_trust_anchor(ca_pem(), name="CA thử nghiệm")
    return anchor


@pytest.fixture
def library(home):
    from congso.documents.tests.factories import make_index

    return make_index(home)


@pytest.fixture
def signing_config(office):  # noqa: F811
    from django.core.files.base import ContentFile

    from congso.servicereports.models import SigningConfig

    config = SigningConfig(
        agency=office["agency"],
        password=PFX_PASSWORD,
        signer_name="Nguyễn Văn Mẫu",
        signer_position="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        symbol="SKHCN",
        place="Hà Tĩnh",
        governing_body="UBND tỉnh Hà Tĩnh",
        recipients="- Văn phòng UBND tỉnh;\n- Lưu: VT.",
    )
    config.pkcs12_file.save("co-quan.p12", ContentFile(make_pkcs12()), save=False)
    config.save()
    return config


def xlsx(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def give_admin_access(user, role):
    """Put an officer in the Wagtail group of their role, as setup_roles makes them."""
    from django.contrib.auth.models import Group

    from congso.users.roles import DOSSIER_GROUP_OF_ROLE, setup_roles

    if not Group.objects.filter(name=DOSSIER_GROUP_OF_ROLE[role]).exists():
        setup_roles()
    user.groups.add(Group.objects.get(name=DOSSIER_GROUP_OF_ROLE[role]))
    return user


@pytest.fixture
def officers(office, other_agency):  # noqa: F811
    from congso.dossiers.status import Role

    for key, role in (
        ("one_stop", Role.ONE_STOP),
        ("specialist", Role.SPECIALIST),
        ("leader", Role.LEADER),
    ):
        give_admin_access(office[key], role)
    give_admin_access(other_agency["one_stop"], Role.ONE_STOP)
    admin = make_staff(office["agency"], Role.ADMIN, "quantri-coquan")
    give_admin_access(admin, Role.ADMIN)
    return {**office, "admin": admin, "other_one_stop": other_agency["one_stop"]}
