"""The editor-in-chief keeps the organisation chart and the contact directory up to date through
the admin's snippet forms, in both languages of the admin; each test ends on the organisation
page as a logged-out reader sees it, after it was cached before the change."""

import pytest

from congso.tests.admin_browser import cached_reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REQUIRED = {"vi": "Trường này là bắt buộc.", "en": "This field is required."}


@pytest.fixture
def chart(home):
    from congso.organisation.models import Official, OrganisationPage, Unit

    page = OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    home.add_child(instance=page)
    board = Unit.objects.create(name="Ban Giám đốc", kind="leadership", phone="0239 3 855 555")
    office = Unit.objects.create(name="Văn phòng Sở", phone="0239 3 856 000")
    Official.objects.create(
        name="Đậu Tùng Lâm", position="Giám đốc", unit=board, is_leader=True, sort_order=0
    )
    Official.objects.create(
        name="Trần Thị Hoa", position="Chuyên viên", unit=office, phone="0912 345 678"
    )
    return page


@pytest.fixture
def reader(browser, live_server, chart):
    """A logged-out reader who has already seen (and so cached) the page."""
    page = cached_reader(browser, live_server, chart.url)
    yield page
    page.context.close()


def open_snippet(page, model: str, label: str) -> None:
    """From the snippet's listing, open the edit form of the row labelled `label`."""
    page.goto(f"/admin/snippets/organisation/{model}/")
    with page.expect_navigation():
        page.locator("table.listing").get_by_role("link", name=label).first.click()
    page.wait_for_url(f"**/admin/snippets/organisation/{model}/edit/*/")


def press_save(page) -> None:
    with page.expect_navigation():
        page.locator("footer button.action-save, footer button[type=submit]").first.click()


def test_a_unit_renamed_with_a_new_phone_shows_on_the_organisation_page(chief, reader, chart):
    from congso.organisation.models import Unit

    page = chief
    open_snippet(page, "unit", "Văn phòng Sở")
    page.locator("input[name=name]").fill("Văn phòng Sở Thông tin và Truyền thông")
    page.locator("input[name=phone]").fill("0239 3 857 777")
    press_save(page)
    page.wait_for_url("**/admin/snippets/organisation/unit/")
    assert page.locator(".messages .success").count() == 1
    assert Unit.objects.get(phone="0239 3 857 777").name == "Văn phòng Sở Thông tin và Truyền thông"

    reader.goto(chart.url, wait_until="networkidle")
    chart_text = reader.locator(".org-chart").inner_text()
    assert "Văn phòng Sở Thông tin và Truyền thông" in chart_text
    units = reader.locator("section[aria-labelledby=units-title]")
    assert "0239 3 857 777" in units.inner_text()
    assert "0239 3 856 000" not in reader.content()
    assert (
        reader.locator("table.directory")
        .get_by_role("cell", name="Văn phòng Sở Thông tin và Truyền thông")
        .is_visible()
    )


def test_an_officials_new_position_shows_in_the_leadership_and_the_directory(chief, reader, chart):
    page = chief
    open_snippet(page, "official", "Đậu Tùng Lâm — Giám đốc")
    page.locator("input[name=position]").fill("Giám đốc Sở")
    press_save(page)
    page.wait_for_url("**/admin/snippets/organisation/official/")
    assert page.locator(".messages .success").count() == 1

    reader.goto(chart.url, wait_until="networkidle")
    leader = reader.locator(".person", has_text="Đậu Tùng Lâm")
    assert "Giám đốc Sở" in leader.inner_text()
    row = reader.locator("table.directory tr", has_text="Đậu Tùng Lâm")
    assert row.locator("td").nth(1).inner_text() == "Giám đốc Sở"


def test_a_unit_without_a_name_is_refused_in_the_admin_language_and_left_unchanged(
    chief, reader, chart, admin_language
):
    from congso.organisation.models import Unit

    page = chief
    open_snippet(page, "unit", "Văn phòng Sở")
    page.locator("input[name=name]").fill("")
    page.locator("input[name=phone]").fill("0239 3 857 777")
    press_save(page)
    assert "/edit/" in page.url
    assert REQUIRED[admin_language] in page.locator(".error-message").all_inner_texts()
    assert Unit.objects.filter(name="Văn phòng Sở", phone="0239 3 856 000").exists()

    reader.goto(chart.url, wait_until="networkidle")
    assert "0239 3 857 777" not in reader.content()
    assert "Văn phòng Sở" in reader.locator(".org-chart").inner_text()


def test_an_official_without_a_position_is_refused_in_the_admin_language_and_left_unchanged(
    chief, reader, chart, admin_language
):
    from congso.organisation.models import Official

    page = chief
    open_snippet(page, "official", "Trần Thị Hoa — Chuyên viên")
    page.locator("input[name=position]").fill("")
    press_save(page)
    assert "/edit/" in page.url
    assert REQUIRED[admin_language] in page.locator(".error-message").all_inner_texts()
    assert Official.objects.get(name="Trần Thị Hoa").position == "Chuyên viên"

    reader.goto(chart.url, wait_until="networkidle")
    row = reader.locator("table.directory tr", has_text="Trần Thị Hoa")
    assert row.locator("td").nth(1).inner_text() == "Chuyên viên"
