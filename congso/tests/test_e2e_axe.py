"""axe-core over every page type a reader sees, at desktop and phone widths, in real Chromium.

Any violation fails, whatever its impact. The axe-core that axe-playwright-python bundles is
used unless $AXE_CORE_JS names another axe.min.js (docs/quality.md: how to run a newer one)."""

import os

import pytest

from congso.tests.reader_pages import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 375}
EXPECTED_STATUS = {"not-found": 404}


@pytest.fixture
def axe():
    pytest.importorskip("axe_playwright_python", reason="pip install -e '.[test]'")
    from axe_playwright_python.sync_playwright import Axe

    script = os.environ.get("AXE_CORE_JS")
    return Axe.from_file(script) if script else Axe()


@pytest.fixture
def reader_paths(live_server):
    """Every reader page type, built from the factories, served by the live server."""
    from wagtail.models import Site

    from congso.tests.reader_pages import build_reader_site

    paths = build_reader_site()
    # make_home points the site at testserver:80; the browser asks the live server.
    host, port = live_server.url.split("//", 1)[1].split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return paths


def violations(axe, page) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]


def at_each_width(page, check) -> dict[str, list[str]]:
    """Violations at desktop and phone widths; both are checked before a test fails."""
    found = {}
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        found[name] = check()
    return found


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_axe_violations_on_desktop_or_phone(
    reader_paths, browser_page, axe, page_type
):
    page = browser_page
    response = page.goto(reader_paths[page_type])
    assert response.status == EXPECTED_STATUS.get(page_type, 200)
    assert at_each_width(page, lambda: violations(axe, page)) == {"desktop": [], "phone": []}


def test_comment_thanks_page_has_no_axe_violations_on_desktop_or_phone(
    reader_paths, browser_page, axe
):
    page = browser_page
    page.goto(reader_paths["comment-form"])
    page.get_by_label("Họ tên").fill("Trần Văn An")
    page.get_by_label("Email").fill("an@example.vn")
    page.get_by_label("Nội dung").fill("Cảm ơn Sở đã thông tin kịp thời.")
    page.get_by_role("button", name="Gửi bình luận").click()
    page.get_by_role("heading", level=1, name="Bình luận của bạn đã được gửi").wait_for()
    assert at_each_width(page, lambda: violations(axe, page)) == {"desktop": [], "phone": []}
