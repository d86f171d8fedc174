"""The address readers use: set on the default Site record, used by every absolute URL."""

import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Site

from congso.core.site_address import parse_address

SERVED = "http://127.0.0.1:8123"


def set_address(address: str | None = None) -> str:
    out = io.StringIO()
    call_command("set_site_address", *([address] if address else []), stdout=out)
    return out.getvalue()


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def doc_index(home, settings, tmp_path):
    from congso.documents.tests.factories import make_index

    settings.DOCUMENT_PREVIEW_DIR = tmp_path / "previews"
    return make_index(home)


@pytest.mark.parametrize(
    "address,expected",
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://127.0.0.1:8000/", ("127.0.0.1", 8000)),
        ("https://Cong.Example.gov.vn", ("cong.example.gov.vn", 443)),
        ("https://cong.example.gov.vn:443/", ("cong.example.gov.vn", 443)),
        ("http://cong.example.gov.vn", ("cong.example.gov.vn", 80)),
        (" http://localhost:9000 ", ("localhost", 9000)),
    ],
)
def test_an_address_becomes_the_hostname_and_port_a_site_record_stores(address, expected):
    assert parse_address(address) == expected


@pytest.mark.parametrize(
    "address",
    [
        "",
        "127.0.0.1:8000",  # no scheme
        "ftp://example.gov.vn",
        "https://example.gov.vn:8443",  # Site.root_url would write it back as http://
        "http://example.gov.vn:443",
        "http://example.gov.vn/cong/",  # the portal is served at the root of its host
        "http://example.gov.vn/?a=1",
        "http://user@example.gov.vn",
        "http://[::1]:8000",
        "http://example.gov.vn:99999",
    ],
)
def test_addresses_a_site_record_cannot_hold_are_refused(address):
    with pytest.raises(ValidationError):
        parse_address(address)


@pytest.mark.django_db
def test_the_default_site_follows_the_given_address_idempotently(home):
    first = set_address(SERVED)
    assert "http://127.0.0.1:8123/" in first and "trước đây http://testserver/" in first
    site = default_site()
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, SERVED)
    assert "không đổi" in set_address(SERVED)
    assert Site.objects.count() == 1

    # `make demo` with another PORT moves it; https on 443 round-trips through root_url.
    set_address("http://127.0.0.1:9001")
    assert default_site().root_url == "http://127.0.0.1:9001"
    set_address("https://cong.example.gov.vn")
    assert default_site().root_url == "https://cong.example.gov.vn"
    assert home.get_full_url() == "https://cong.example.gov.vn/"


@pytest.mark.django_db
def test_without_an_argument_the_address_is_base_url(home, settings):
    settings.BASE_URL = "https://portal.example.gov.vn"
    set_address()
    assert default_site().root_url == "https://portal.example.gov.vn"


@pytest.mark.django_db
def test_a_bad_address_or_one_another_site_holds_changes_nothing(home):
    with pytest.raises(CommandError, match="https chỉ được hỗ trợ trên cổng 443"):
        set_address("https://cong.example.gov.vn:8443")
    Site.objects.create(hostname="127.0.0.1", port=8123, root_page=home, site_name="Khác")
    with pytest.raises(CommandError, match="đã dùng 127.0.0.1:8123"):
        set_address(SERVED)
    assert (default_site().hostname, default_site().port) == ("testserver", 80)


@pytest.mark.django_db
def test_the_first_import_moves_wagtails_placeholder_site_to_base_url(settings):
    from congso.seeds.identity import Identity
    from congso.seeds.report import ImportReport
    from congso.seeds.scaffold import ensure_home

    settings.BASE_URL = SERVED
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    home = ensure_home(Identity(agency="Sở Thử nghiệm"), ImportReport())
    assert (default_site().root_page_id, default_site().root_url) == (home.pk, SERVED)
    # An address set since (admin, set_site_address) is never undone by a later import.
    set_address("https://cong.example.gov.vn")
    ensure_home(Identity(agency="Sở Thử nghiệm"), ImportReport())
    assert default_site().root_url == "https://cong.example.gov.vn"


def _links(html: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<(?:link|meta)\b[^>]*>", html):
        rel = re.search(r'(?:rel|property)="([^"]+)"', tag)
        href = re.search(r'(?:href|content)="([^"]+)"', tag)
        if rel and href:
            found.setdefault(rel.group(1), href.group(1))
    return found


@pytest.mark.django_db
def test_canonical_and_open_graph_urls_are_on_the_address_readers_use(client, article):
    set_address(SERVED)
    html = client.get(article.url, HTTP_HOST="127.0.0.1:8123").content.decode()
    links = _links(html)
    assert links["canonical"] == SERVED + article.url
    assert links["og:url"] == SERVED + article.url


@pytest.mark.django_db
def test_behind_a_proxy_the_urls_are_the_public_https_ones(client, article, settings):
    """nginx talks to gunicorn over plain http, maybe with its own Host: the Site decides."""
    settings.ALLOWED_HOSTS = ["cong.example.gov.vn", "127.0.0.1"]
    set_address("https://cong.example.gov.vn")
    for host in ("cong.example.gov.vn", "127.0.0.1:8000"):
        links = _links(client.get(article.url, HTTP_HOST=host).content.decode())
        assert links["canonical"] == "https://cong.example.gov.vn" + article.url
        assert links["og:url"] == "https://cong.example.gov.vn" + article.url
        robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
        assert "Sitemap: https://cong.example.gov.vn/sitemap.xml" in robots
        sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
        assert f"<loc>https://cong.example.gov.vn{article.url}</loc>" in sitemap
        feed = client.get("/rss/", HTTP_HOST=host).content.decode()
        assert f"<link>https://cong.example.gov.vn{article.url}</link>" in feed


@pytest.mark.django_db
def test_behind_a_proxy_each_feed_names_itself_on_the_public_address(client, article, settings):
    from congso.documents.tests.factories import make_index

    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    set_address("https://cong.example.gov.vn")
    index = make_index(article.get_parent().get_parent().specific)
    for feed_path in ("/rss/", article.get_parent().url + "rss/", index.url + "rss/"):
        feed = client.get(feed_path, HTTP_HOST="127.0.0.1:8000").content.decode()
        assert f'href="https://cong.example.gov.vn{feed_path}" rel="self"' in feed


@pytest.mark.django_db
def test_add_document_prints_urls_on_the_site_address(doc_index, tmp_path):
    from congso.documents.tests.factories import make_pdf

    set_address(SERVED)
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(make_pdf())
    out = io.StringIO()
    call_command("add_document", str(path), "--publish", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["url"].startswith(SERVED + "/van-ban/")
    assert re.fullmatch(re.escape(SERVED) + r"/documents/\d+/.+\.pdf", result["file_url"])


@pytest.mark.django_db
def test_api_url_fields_are_on_the_site_that_serves_the_request(client, doc_index, settings):
    from congso.documents.tests.factories import make_document

    settings.ALLOWED_HOSTS = ["cong.example.gov.vn", "127.0.0.1"]
    page = make_document(doc_index)
    set_address("https://cong.example.gov.vn")
    # Plain http from the proxy, whatever Host it passes: the Site record's address.
    for host in ("cong.example.gov.vn", "127.0.0.1:8000"):
        listed = client.get("/api/v1/documents", HTTP_HOST=host).json()["results"][0]
        assert listed["url"] == "https://cong.example.gov.vn" + page.url
        detail = client.get(f"/api/v1/documents/{page.pk}", HTTP_HOST=host).json()
        assert detail["url"] == "https://cong.example.gov.vn" + page.url
        assert detail["files"][0]["url"] == "https://cong.example.gov.vn" + page.files[0].url
