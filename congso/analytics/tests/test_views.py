import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from congso.analytics.beacon import make_token
from congso.analytics.models import DailyStat
from congso.analytics.services import flush
from congso.analytics.tests.factories import make_daily_stat

# Every test here uses the database (pages, comments, counters flushed to it).
pytestmark = pytest.mark.django_db

UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130"


def beacon(client, token, **extra):
    return client.post(reverse("analytics:count"), {"t": token}, HTTP_USER_AGENT=UA, **extra)


def render_block(request, page=None):
    template = Template("{% load analytics_tags %}{% visitor_stats %}")
    return template.render(Context({"request": request, "page": page}))


def test_the_beacon_counts_a_visit_and_returns_the_figures(client, home):
    response = beacon(client, make_token(home.get_site().pk, None))
    assert response.status_code == 200
    assert response.json()["visits_today"] == 1


def test_the_beacon_counts_an_article_read(client, article):
    data = beacon(client, make_token(article.get_site().pk, article.pk)).json()
    assert (data["reads_today"], data["article_views"]) == (1, 1)


def test_the_beacon_formats_figures_the_vietnamese_way(client, home):
    make_daily_stat(home.get_site(), date=timezone.localdate(), visits=27_664_045)
    data = beacon(client, make_token(home.get_site().pk, None)).json()
    assert data["visits_total_text"] == "27.664.046"


def test_the_beacon_is_not_cached(client, home):
    response = beacon(client, make_token(home.get_site().pk, None))
    assert "no-cache" in response["Cache-Control"]


def test_the_beacon_refuses_a_forged_token(client, home):
    response = beacon(client, f"{home.get_site().pk}:1:forged")
    assert response.status_code == 400
    assert response.json()["error"] == "Mã thống kê không hợp lệ."


def test_the_beacon_refuses_get(client, home):
    assert client.get(reverse("analytics:count")).status_code == 405


def test_the_beacon_needs_no_csrf_token(home):
    from django.test import Client

    response = beacon(Client(enforce_csrf_checks=True), make_token(home.get_site().pk, None))
    assert response.status_code == 200


def test_crawlers_are_not_counted(client, home):
    response = client.post(
        reverse("analytics:count"),
        {"t": make_token(home.get_site().pk, None)},
        HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)",
    )
    assert response.json()["visits_today"] == 0


def test_the_block_shows_the_three_figures(rf, home):
    request = rf.get("/")
    html = render_block(request)
    for label in ("Thống kê", "Lượt truy cập hôm nay", "Lượt đọc tin hôm nay", "Tổng số truy cập"):
        assert label in html


def test_the_block_shows_stored_and_pending_visits(client, rf, home):
    site = home.get_site()
    make_daily_stat(site, date=timezone.localdate() - timezone.timedelta(days=1), visits=1_000_000)
    beacon(client, make_token(site.pk, None))
    html = render_block(rf.get("/"))
    assert 'data-stat="visits_total">1.000.001<' in html


def test_the_block_on_an_article_carries_its_id_for_the_beacon(rf, article):
    html = render_block(rf.get(article.url), page=article)
    assert f'data-page-id="{article.pk}"' in html and "stats.js" in html


def test_a_preview_is_not_counted(rf, article):
    request = rf.get(article.url)
    request.is_preview = True
    html = render_block(request, page=article)
    assert "data-token" not in html


def test_article_views_tag_adds_pending_reads(client, article, settings):
    settings.ANALYTICS_FLUSH_IN_PROCESS = False
    beacon(client, make_token(article.get_site().pk, article.pk))
    html = Template("{% load analytics_tags %}{% article_views page %}").render(
        Context({"page": article})
    )
    assert html == f'<span data-article-views="{article.pk}">1</span>'


def test_flush_stats_command_writes_the_counts(client, home):
    from django.core.management import call_command

    beacon(client, make_token(home.get_site().pk, None))
    call_command("flush_stats")
    assert DailyStat.objects.get(site=home.get_site()).visits == 1


def test_a_flush_after_the_beacon_changes_nothing_readers_see(client, home):
    token = make_token(home.get_site().pk, None)
    before = beacon(client, token).json()
    flush()
    after = beacon(client, token).json()
    assert before == after


def test_a_beacon_costs_few_redis_round_trips(client, article):
    """The beacon runs on every page view: each Redis round trip is paid by every reader."""
    from unittest import mock

    from redis.connection import AbstractConnection

    from congso.analytics.counters import uses_shared_cache

    if not uses_shared_cache():
        pytest.skip("needs REDIS_URL")
    token = make_token(article.get_site().pk, article.pk)
    beacon(client, token)  # the day's salt and the stored figures are now in the cache
    original = AbstractConnection.send_packed_command
    with mock.patch.object(
        AbstractConnection, "send_packed_command", autospec=True, side_effect=original
    ) as sent:
        beacon(client, token)  # the same reader on the next page
        repeat = sent.call_count
        sent.reset_mock()
        beacon(client, token, REMOTE_ADDR="198.51.100.4")  # a new reader
        new = sent.call_count
    assert (repeat, new) == (5, 8)
