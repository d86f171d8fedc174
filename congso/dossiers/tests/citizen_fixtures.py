"""Shared by the citizen page tests: a procedure with a file component, an e-form component and
an optional file, and a logged-in citizen with a profile to pre-fill from."""

import pytest

from congso.dossiers.tests.factories import make_agency, make_procedure

BIRTH_FORM = {
    "type": "object",
    "properties": {
        "ho_ten": {"type": "string", "title": "Họ tên người được khai sinh", "maxLength": 100},
        "ngay_sinh": {"type": "string", "format": "date", "title": "Ngày sinh"},
        "so_ban_sao": {"type": "integer", "title": "Số bản sao", "minimum": 0, "maximum": 10},
    },
    "required": ["ho_ten", "ngay_sinh"],
}
GOOD_FORM = {"form-{pk}-ho_ten": "Nguyễn Văn B (mẫu)", "form-{pk}-ngay_sinh": "25/12/2020"}


@pytest.fixture
def agency(db):
    return make_agency()


@pytest.fixture
def procedure(agency):
    procedure = make_procedure(
        agency,
        name="Đăng ký khai sinh (dữ liệu mẫu)",
        code="1.001193.000.00.00.H56",
        components=(("Giấy chứng sinh", True), ("Tờ khai đăng ký khai sinh", True), ("Ảnh", False)),
    )
    eform = procedure.components.get(name="Tờ khai đăng ký khai sinh")
    eform.form_schema = BIRTH_FORM
    eform.save()
    return procedure


def components(procedure):
    """(file component, e-form component, optional component)."""
    return tuple(procedure.components.order_by("sort_order"))


def good_form(eform_component) -> dict:
    return {k.format(pk=eform_component.pk): v for k, v in GOOD_FORM.items()}


@pytest.fixture
def citizen(db):
    from congso.accounts.tests.factories import make_citizen

    return make_citizen(
        full_name="Trần Thị C (mẫu)", id_number="001099000123", phone="+84912345678"
    ).user


@pytest.fixture
def logged_in(client, citizen):
    client.force_login(citizen)
    return client


def fake_pdf(name="giay-chung-sinh.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"This is plain text, not a PDF at all.", "application/pdf")
