"""The portal served on a port that is not 80, addressed the way `make demo` does it: every
link in the sitemap, the feeds, robots.txt and the API is on that host:port and answers 200.

No `browser_page` here: that fixture patches the Site record itself, which would hide the very
step under test (`manage.py set_site_address`)."""

import io
import re
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM_NS = "{http://www.w3.org/2005/Atom}"
# Straight to the live server, never through an http_proxy from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> tuple[int, str, bytes]:
    with _opener.open(url, timeout=30) as response:
        return response.status, response.headers.get_content_type(), response.read()


@pytest.fixture
def portal(home, settings, tmp_path):
    """Two categories with articles, a topic page, an English page, a documents index."""
    from congso.core.tests.factories import make_article, make_category
    from congso.documents.tests.factories import make_document, make_index
    from congso.home.models import StandardPage

    settings.DOCUMENT_PREVIEW_DIR = tmp_path / "previews"
    for title in ("Chuyển đổi số", "Bầu cử"):
        category = make_category(home, title)
        category.save_revision().publish()
        make_article(category, f"Tin {title} thứ nhất")
        make_article(category, f"Tin {title} thứ hai")
    contact = StandardPage(title="Liên hệ", slug="lien-he")
    home.add_child(instance=contact)
    contact.save_revision().publish()
    index = make_index(home)
    make_document(index)
    return home


@pytest.mark.django_db(transaction=True)
def test_every_sitemap_feed_and_api_link_is_on_the_served_port(live_server, portal):
    from congso.news.models import NewsIndexPage

    served = live_server.url  # http://localhost:<random port>
    host, port = urlsplit(served).hostname, urlsplit(served).port
    assert port not in (None, 80)

    out = io.StringIO()
    call_command("set_site_address", served, stdout=out)
    assert f"{served}/" in out.getvalue()

    def on_served_address(url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.hostname, parts.port) == ("http", host, port)

    followed: dict[str, int] = {}

    def follow(url: str) -> bytes:
        assert on_served_address(url), f"{url} is not on {served}"
        status, _, body = fetch(url)
        followed[url] = status
        assert status == 200, url
        return body

    # robots.txt names the sitemap on the served address.
    robots = follow(served + "/robots.txt").decode()
    (sitemap_url,) = re.findall(r"^Sitemap: (\S+)$", robots, flags=re.M)

    # The sitemap: every <loc> answers, and a page's canonical link is that <loc>.
    sitemap = ET.fromstring(follow(sitemap_url))  # noqa: S314 - our own test server's XML
    locs = [loc.text for loc in sitemap.iter(SITEMAP_NS + "loc")]
    assert len(locs) >= 9  # home, 2 categories, 4 articles, contact, documents index + 1
    for loc in locs:
        html = follow(loc).decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        if canonical:
            assert canonical.group(1) == loc
        og_url = re.search(r'<meta property="og:url" content="([^"]+)"', html)
        if og_url:
            assert og_url.group(1) == loc
        # Any other absolute URL of this machine in the page (og:image, JSON-LD, data-url …).
        for url in re.findall(r"https?://(?:localhost|127\.0\.0\.1|testserver)[^\"'\s<>]*", html):
            assert on_served_address(url), f"{url} in {loc}"
        # The <head>'s feed link, relative or absolute, resolves to the served address.
        for href in re.findall(
            r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', html
        ):
            assert href.startswith("/") or on_served_address(href), href

    # Every feed: the site's, each category's, the documents'; every <link>, <guid> and the
    # feed's own atom:link.
    feeds = [served + "/rss/"]
    feeds += [served + page.url + "rss/" for page in NewsIndexPage.objects.live()]
    feeds += [served + "/van-ban/rss/"]
    items = 0
    for feed_url in feeds:
        channel = ET.fromstring(follow(feed_url)).find("channel")  # noqa: S314
        links = [channel.findtext("link")]
        links += [atom.get("href") for atom in channel.iter(ATOM_NS + "link")]
        for item in channel.iter("item"):
            items += 1
            links += [item.findtext("link"), item.findtext("guid")]
        for link in links:
            assert link, feed_url
            if link not in followed:
                follow(link)
    assert items >= 4 + 4 + 1  # site feed (4 articles), two categories (2 each), 1 document

    # The public API's url fields, and the files they name.
    import json

    listing = json.loads(follow(served + "/api/v1/documents"))
    for summary in listing["results"]:
        follow(summary["url"])
        detail = json.loads(follow(f"{served}/api/v1/documents/{summary['id']}"))
        for file in detail["files"]:
            follow(file["url"])

    # Run again, as a second `make demo` on the same port does: nothing moves.
    out = io.StringIO()
    call_command("set_site_address", served, stdout=out)
    assert "không đổi" in out.getvalue()
