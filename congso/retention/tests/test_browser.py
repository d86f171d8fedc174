"""In a real Chromium on a 375 × 812 phone: a citizen goes from their profile to "Dữ liệu của
tôi", asks for their data, and downloads the zip with their dossier inside."""

import json
import zipfile

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def citizen(home):
    from congso.accounts.tests.factories import PASSWORD, make_citizen
    from congso.dossiers.tests.admin_setup import holidays_2026
    from congso.dossiers.tests.factories import make_agency, make_procedure, submitted_dossier

    holidays_2026()
    profile = make_citizen(full_name="Lê Văn D (mẫu)", id_number="001099000456")
    agency = make_agency(name="Ủy ban nhân dân xã Mẫu (dữ liệu mẫu)")
    procedure = make_procedure(agency, name="Thủ tục mẫu (dữ liệu mẫu)", is_sample=True)
    dossier = submitted_dossier(procedure, profile.user)
    return profile.user.email, PASSWORD, dossier


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_citizen_downloads_their_data_on_a_phone(browser_page, citizen, tmp_path):
    email, password, dossier = citizen
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto("/tai-khoan/login/?next=/tai-khoan/ho-so/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Tải dữ liệu của tôi").click()
    assert page.url.endswith("/tai-khoan/du-lieu-cua-toi/") and fits(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Tải dữ liệu của tôi").click()
    link = page.get_by_role("link", name="Tải gói dữ liệu")
    assert fits(page)
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / "du-lieu.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        data = json.loads(archive.read("du-lieu.json"))
    assert [entry["ma_tham_chieu"] for entry in data["ho_so"]] == [str(dossier.reference)]
