"""Each site's public side shows only its own content, on its own address (issue 11 part 5).

Two sites: the department at testserver, a commune at xa-test.localhost; requests choose the
site by Host header, as a browser does for two domains."""

import re

import pytest

from congso.core.tests.factories import TopicFactory, make_article
from congso.core.tests.sites import COMMUNE_HOST, COMMUNE_NAME

pytestmark = pytest.mark.django_db
COMMUNE_ROOT = f"http://{COMMUNE_HOST}"


def commune_get(client, path, **extra):
    return client.get(path, HTTP_HOST=COMMUNE_HOST, **extra)


def path_on_site(page, site):
    return page.relative_url(site)


def test_each_site_shows_its_own_name_in_the_title_and_footer(client, two_sites):
    commune = commune_get(client, "/").content.decode()
    department = client.get("/").content.decode()
    assert COMMUNE_NAME in commune
    assert "Sở Thông tin và Truyền thông" not in commune
    assert COMMUNE_NAME not in department


def test_the_commune_menu_lists_only_the_commune_sections(client, two_sites):
    body = commune_get(client, "/").content.decode()
    menu = body.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert ">Tin tức<" in menu
    assert "Chuyển đổi số" not in menu


def test_the_menu_marks_the_section_of_the_current_page(client, two_sites):
    article = two_sites.commune_article
    body = commune_get(client, path_on_site(article, two_sites.commune_site)).content.decode()
    menu = body.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert re.search(r'href="/tin-tuc/" aria-current="page">Tin tức<', menu)


def test_the_ticker_and_home_blocks_show_only_the_site_s_own_articles(client, two_sites):
    commune = commune_get(client, "/").content.decode()
    department = client.get("/").content.decode()
    assert two_sites.commune_article.title in commune
    assert two_sites.department_article.title not in commune
    assert two_sites.department_article.title in department
    assert two_sites.commune_article.title not in department


def test_the_same_path_on_two_hosts_is_cached_separately(client, two_sites):
    first = client.get("/").content.decode()
    second = commune_get(client, "/").content.decode()
    again = commune_get(client, "/").content.decode()
    assert two_sites.department_article.title in first
    assert two_sites.commune_article.title in second
    assert second == again


def test_the_search_on_the_commune_finds_only_commune_pages(client, two_sites):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    commune = commune_get(client, "/tim-kiem/", data={"q": "tin của"}).content.decode()
    department = client.get("/tim-kiem/", data={"q": "tin của"}).content.decode()
    assert two_sites.commune_article.title in commune
    assert two_sites.department_article.title not in commune
    assert two_sites.department_article.title in department
    assert two_sites.commune_article.title not in department


def test_robots_txt_names_the_requesting_site_s_sitemap(client, two_sites):
    commune = commune_get(client, "/robots.txt").content.decode()
    department = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {COMMUNE_ROOT}/sitemap.xml" in commune
    assert "Sitemap: http://testserver/sitemap.xml" in department


def test_the_sitemap_lists_only_the_site_s_pages_on_its_own_address(client, two_sites):
    body = commune_get(client, "/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert f"{COMMUNE_ROOT}/" in locations
    assert any(two_sites.commune_article.slug in loc for loc in locations)
    assert all(loc.startswith(COMMUNE_ROOT + "/") for loc in locations)
    assert not any(two_sites.department_article.slug in loc for loc in locations)


def test_the_sitemap_follows_the_site_s_port(client, two_sites):
    site = two_sites.commune_site
    site.port = 8123
    site.save()
    body = client.get("/sitemap.xml", HTTP_HOST=f"{COMMUNE_HOST}:8123").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert locations and all(loc.startswith(f"{COMMUNE_ROOT}:8123/") for loc in locations)


def test_the_rss_feed_carries_only_the_site_s_articles_and_addresses(client, two_sites):
    body = commune_get(client, "/rss/").content.decode()
    assert two_sites.commune_article.title in body
    assert two_sites.department_article.title not in body
    links = re.findall(r"<link>([^<]+)</link>", body)
    assert links and all(link.startswith(COMMUNE_ROOT + "/") for link in links)
    assert f'href="{COMMUNE_ROOT}/rss/"' in body
    assert f"<title>{COMMUNE_NAME} – Tin mới</title>" in body


def test_the_page_head_links_the_site_s_own_feed(client, two_sites):
    body = commune_get(client, "/").content.decode()
    assert re.search(
        r'type="application/rss\+xml" title="UBND xã Thử – Tin mới" href="/rss/"', body
    )


def test_canonical_open_graph_and_json_ld_use_the_commune_address(client, two_sites):
    article = two_sites.commune_article
    body = commune_get(client, path_on_site(article, two_sites.commune_site)).content.decode()
    url = f"{COMMUNE_ROOT}/tin-tuc/{two_sites.commune_category.slug}/{article.slug}/"
    assert f'<link rel="canonical" href="{url}">' in body
    assert f'<meta property="og:url" content="{url}">' in body
    assert f'<meta property="og:site_name" content="{COMMUNE_NAME}">' in body
    assert f'"url": "{url}"' in body
    assert "http://testserver" not in body


def test_the_english_link_leads_to_the_site_s_own_english_section(client, two_sites):
    body = commune_get(client, "/").content.decode()
    assert 'href="/en/" lang="en"' in body
    english = commune_get(client, "/en/")
    assert english.status_code == 200
    assert "Welcome to the website of" in english.content.decode()
    # The department has no English section in this test: its header offers none.
    assert 'lang="en" hreflang="en"' not in client.get("/").content.decode()


def test_a_missing_page_on_the_commune_says_the_commune_s_name(client, two_sites):
    response = commune_get(client, "/khong-co-trang-nay/")
    assert response.status_code == 404
    body = response.content.decode()
    assert COMMUNE_NAME in body
    assert "Sở Thông tin và Truyền thông" not in body


def test_related_articles_stay_on_the_article_s_site(client, two_sites):
    shared_tag = "giao-thong"
    for article in (two_sites.department_article, two_sites.commune_article):
        article.tags.add(shared_tag)
        article.save_revision().publish()
    other = make_article(two_sites.commune_category, "Tin khác của xã")
    body = commune_get(
        client, path_on_site(two_sites.commune_article, two_sites.commune_site)
    ).content.decode()
    assert other.title in body
    assert two_sites.department_article.title not in body


def test_the_commune_home_lists_only_topics_with_commune_articles(client, two_sites):
    department_topic = TopicFactory(name="Hội nghị chuyển đổi số của Sở")
    commune_topic = TopicFactory(name="Ngày hội đại đoàn kết của xã")
    make_article(two_sites.department_category, "Tin hội nghị", topic=department_topic)
    make_article(two_sites.commune_category, "Tin ngày hội", topic=commune_topic)
    commune = commune_get(client, "/").content.decode()
    assert commune_topic.name in commune
    assert department_topic.name not in commune
    listing = commune_get(client, "/su-kien/").content.decode()
    assert commune_topic.name in listing
    assert department_topic.name not in listing
    assert department_topic.name in client.get("/").content.decode()


def test_the_statistics_block_counts_and_shows_each_site_s_own_figures(client, two_sites):
    from congso.analytics.beacon import read_token
    from congso.analytics.querysets import site_figures

    body = commune_get(client, "/").content.decode()
    token = re.search(r'data-token="([^"]+)"', body)
    assert token, "the statistics block carries a signed token"
    site_id, _article = read_token(token.group(1))
    assert site_id == two_sites.commune_site.pk
    response = client.post(
        "/thong-ke/dem/", {"t": token.group(1)}, HTTP_HOST=COMMUNE_HOST, HTTP_USER_AGENT="Firefox"
    )
    assert response.json()["visits_today"] == 1
    assert site_figures(two_sites.commune_site.pk).visits_today == 1
    assert site_figures(two_sites.department_site.pk).visits_today == 0
