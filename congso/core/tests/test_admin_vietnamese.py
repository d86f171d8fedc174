"""The Wagtail admin speaks Vietnamese by default and English on request.

The Vietnamese comes from congso/locale/vi (overrides of Wagtail's near-empty catalogue),
the English for congso's own Vietnamese labels from congso/locale/en; see docs/translation.md.
"""

import gettext
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from congso.core.tests.factories import SuperuserFactory

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CATALOGUES = [
    LOCALE_DIR / "vi" / "LC_MESSAGES" / "django.po",
    LOCALE_DIR / "vi" / "LC_MESSAGES" / "djangojs.po",
    LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po",
]
PASSWORD = "matkhau-thu-nghiem-123"  # UserFactory's

pytestmark = pytest.mark.django_db


# --- a small .po reader, independent of the tools that write the catalogues ---------------

_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _UNESCAPE.get(m.group(1), m.group(1)), text.strip()[1:-1])


def read_po(path: Path) -> list[dict]:
    """Entries as {"msgid", "msgid_plural", "msgstr": [forms], "flags"}; header and fuzzy kept."""
    entries, current, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        starts = line.startswith(("#", "msgctxt ", "msgid ")) or not line
        if current is not None and starts and current.get("msgstr") is not None:
            entries.append(current)
            current = None
        if not line:
            continue
        if current is None:
            current = {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": None}
            current["flags"] = []
        if line.startswith("#,"):
            current["flags"] += [f.strip() for f in line[2:].split(",")]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key == "msgstr":
                current["msgstr"][-1] += _unquote(line)
            else:
                current[key] += _unquote(line)
        else:
            keyword, _, value = line.partition(" ")
            if keyword.startswith("msgstr"):
                key = "msgstr"
                current["msgstr"] = (current["msgstr"] or []) + [_unquote(value)]
            else:
                key = keyword
                current[key] = _unquote(value)
    return entries


def translated(path: Path) -> list[dict]:
    return [
        e for e in read_po(path) if e["msgid"] and all(e["msgstr"]) and "fuzzy" not in e["flags"]
    ]


PLACEHOLDER = re.compile(
    r"%\((?P<name>\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]"
    r"|(?P<other>%[sdif]|\{\w*\}|</?[a-zA-Z][^>]*>|&\w+;)"
)


def placeholders(text: str) -> Counter:
    return Counter(m.group("name") or m.group("other") for m in PLACEHOLDER.finditer(text))


# --- the catalogues themselves -------------------------------------------------------------


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: "/".join(p.parts[-3:]))
def test_every_translation_keeps_the_placeholders_and_tags_of_its_msgid(po):
    broken = []
    for entry in translated(po):
        # One Vietnamese form serves singular and plural: it may follow either English form.
        allowed = [placeholders(entry["msgid"])]
        if entry["msgid_plural"] is not None:
            allowed.append(placeholders(entry["msgid_plural"]))
        broken += [
            (entry["msgid"], form) for form in entry["msgstr"] if placeholders(form) not in allowed
        ]
    assert broken == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: "/".join(p.parts[-3:]))
def test_every_translation_formats_with_the_values_its_msgid_gets(po):
    for entry in translated(po):
        source = entry["msgid_plural"] or entry["msgid"]
        names = set(re.findall(r"%\((\w+)\)", entry["msgid"] + source))
        for form in entry["msgstr"]:
            if "python-format" in entry["flags"] and names:
                form % dict.fromkeys(names, 1)
            elif "python-format" in entry["flags"]:
                form % tuple([1] * len(re.findall(r"%[sdif]", source)))
            elif "python-brace-format" in entry["flags"]:
                form.format(**dict.fromkeys(re.findall(r"\{(\w+)\}", source), 1))


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: "/".join(p.parts[-3:]))
def test_committed_mo_file_matches_its_po_file(po):
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in translated(po):
        # gettext's key for a message with a context is "context\x04msgid".
        key = (
            entry["msgid"]
            if entry["msgctxt"] is None
            else f"{entry['msgctxt']}\x04{entry['msgid']}"
        )
        if entry["msgid_plural"] is None:
            expected[key] = entry["msgstr"][0]
        else:
            for index, form in enumerate(entry["msgstr"]):
                expected[(key, index)] = form
    compiled = {k: v for k, v in compiled.items() if k not in ("", ("", 0))}
    assert compiled == expected, "recompile: msgfmt --check -o X.mo X.po (see docs/translation.md)"


def test_header_declares_one_plural_form_for_vietnamese():
    header = read_po(CATALOGUES[0])[0]
    assert header["msgid"] == ""
    assert "Plural-Forms: nplurals=1; plural=0;" in header["msgstr"][0]


def test_every_congso_label_extracted_by_makemessages_has_its_english():
    entries = [e for e in read_po(CATALOGUES[2]) if e["msgid"]]
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"]) or "fuzzy" in e["flags"]]
    assert entries
    assert untranslated == [], "translate them with congso/locale/tools/fill.py"


def test_every_message_of_the_installed_wagtail_is_translated():
    import wagtail

    ours = {e["msgid"] for po in CATALOGUES[:2] for e in translated(po)}
    root = Path(wagtail.__file__).parent
    missing = {
        e["msgid"]
        for po in root.glob("**/locale/en/LC_MESSAGES/*.po")
        for e in read_po(po)
        if e["msgid"] and e["msgid"] not in ours
    }
    assert missing == set(), "run congso/locale/tools/sync_wagtail.py (docs/translation.md)"


# --- what an editor sees -------------------------------------------------------------------


def sidebar_menu(response) -> set[str]:
    html = response.content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return {
        json.loads(f'"{label}"')
        for label in re.findall(r'"label": "((?:[^"\\]|\\.)*)"', props.group(1))
    }


@pytest.fixture
def editor(client):
    user = SuperuserFactory()
    client.force_login(user)
    return user


def prefer_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def test_login_page_is_in_vietnamese_for_a_request_without_language_preference(client):
    response = client.get("/admin/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đăng nhập" in html
    assert "Quên mật khẩu?" in html
    assert "Sign in" not in html


def test_public_and_login_pages_stay_vietnamese_for_a_browser_asking_for_english(client):
    # The portal's language is the page's, not the visitor's browser's; editors choose
    # English in their admin profile.
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Đăng nhập" in response.content.decode()


def test_wrong_password_is_explained_in_vietnamese(client):
    SuperuserFactory(username="bientap")
    response = client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "hoặc mật khẩu không đúng. Vui lòng thử lại." in response.content.decode()


def test_dashboard_and_main_menu_are_in_vietnamese(client, editor):
    response = client.get("/admin/")
    assert "Bảng điều khiển" in response.content.decode()
    assert {"Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Cài đặt"} <= sidebar_menu(response)


def test_page_explorer_offers_actions_in_vietnamese(client, editor, article):
    response = client.get(f"/admin/pages/{article.get_parent().pk}/")
    html = response.content.decode()
    assert "Thêm trang con" in html
    assert "Đang xuất bản" in html


def test_page_editor_shows_vietnamese_buttons_tabs_and_field_labels(client, editor, article):
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Xuất bản", "Lưu nháp", "Nội dung", "Quảng bá", "Sapo (tóm tắt)"):
        assert text in html, text
    assert "Save draft" not in html


def test_admin_javascript_catalogue_is_vietnamese(client, editor):
    response = client.get("/admin/jsi18n/")
    assert json.dumps("Bảng điều khiển") in response.content.decode()


def test_editor_who_prefers_english_gets_english_menu(client, editor):
    prefer_english(editor)
    response = client.get("/admin/")
    assert {"Pages", "Images", "Documents", "Reports", "Settings"} <= sidebar_menu(response)
    assert "Bảng điều khiển" not in response.content.decode()


def test_editor_who_prefers_english_gets_english_editor_and_congso_labels(client, editor, article):
    prefer_english(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    html = response.content.decode()
    for text in ("Publish", "Save draft", "Promote", "Lead (summary)"):
        assert text in html, text
    assert "Lưu nháp" not in html
    assert "Sapo (tóm tắt)" not in html


def test_editor_who_prefers_english_gets_english_javascript_catalogue(client, editor):
    prefer_english(editor)
    response = client.get("/admin/jsi18n/")
    assert json.dumps("Bảng điều khiển") not in response.content.decode()


@pytest.mark.browser
def test_editor_signs_in_through_the_vietnamese_login_page(browser_page):
    from playwright.sync_api import expect

    SuperuserFactory(username="bientap")
    page = browser_page
    page.goto("/admin/login/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/admin/")
    expect(page).to_have_title(re.compile("^Bảng điều khiển"))
    # The sidebar is drawn by JavaScript from the Vietnamese menu and JS catalogue.
    menu = page.get_by_role("navigation", name="Menu chính")
    expect(menu.get_by_text("Trang", exact=True)).to_be_visible()
    expect(menu.get_by_text("Hình ảnh", exact=True)).to_be_visible()
