from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from congso.analytics.counters import get_store
from congso.analytics.models import DailyStat, FlushedBatch
from congso.analytics.querysets import article_views, site_figures
from congso.analytics.services import flush, maybe_flush, record_hit
from congso.analytics.tests.factories import make_daily_stat

# Every test here uses the database (pages, comments, counters flushed to it).
pytestmark = pytest.mark.django_db

UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130"


def hit(site, article=None, ip="203.0.113.7", ua=UA):
    return record_hit(
        site_id=site.pk, article_id=article.pk if article else None, ip=ip, user_agent=ua
    )


@pytest.fixture
def site(home):
    return home.get_site()


def test_a_visitor_is_counted_once_per_day(site):
    hit(site)
    hit(site)
    assert site_figures(site.pk).visits_today == 1


def test_another_address_is_another_visitor(site):
    hit(site, ip="203.0.113.7")
    hit(site, ip="203.0.113.8")
    assert site_figures(site.pk).visits_today == 2


def test_another_browser_on_the_same_address_is_another_visitor(site):
    hit(site, ua=UA)
    hit(site, ua="Mozilla/5.0 (iPhone) Safari/604.1")
    assert site_figures(site.pk).visits_today == 2


def test_an_article_read_is_counted_once_per_visitor_and_article(site, article):
    hit(site, article)
    hit(site, article)
    figures = site_figures(site.pk, article.pk)
    assert (figures.reads_today, figures.article_views) == (1, 1)


def test_reading_two_articles_is_one_visit_and_two_reads(site, category, article):
    from congso.core.tests.factories import make_article

    other = make_article(category)
    hit(site, article)
    hit(site, other)
    figures = site_figures(site.pk)
    assert (figures.visits_today, figures.reads_today) == (1, 2)


def test_a_visitor_is_counted_again_the_next_day(site):
    day_one = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=day_one):
        hit(site)
    with mock.patch("django.utils.timezone.now", return_value=day_one + timezone.timedelta(days=1)):
        hit(site)
        flush()
    assert DailyStat.objects.filter(site=site).count() == 2


def test_counting_makes_no_database_query(site, article, django_assert_num_queries):
    with django_assert_num_queries(0):
        hit(site, article)
        hit(site, article, ip="198.51.100.1")


def test_the_raw_address_never_reaches_the_cache(site, article):
    seen = []
    for name in ("add", "set", "get"):
        original = getattr(cache, name)

        def spy(*args, _original=original, **kwargs):
            seen.append(repr((args, kwargs)))
            return _original(*args, **kwargs)

        mock.patch.object(cache, name, spy).start()
    try:
        hit(site, article, ip="203.0.113.77")
    finally:
        mock.patch.stopall()
    assert seen and not any("203.0.113.77" in call for call in seen)


def test_the_flush_moves_pending_counts_into_the_database(site, article):
    hit(site, article)
    flush()
    stat = DailyStat.objects.get(site=site, date=timezone.localdate())
    article.refresh_from_db()
    assert (stat.visits, stat.article_views, article.view_count) == (1, 1, 1)


def test_the_flush_leaves_nothing_pending(site, article):
    hit(site, article)
    flush()
    assert get_store().pending([f"p:{article.pk}"]) == {}


def test_flushing_twice_counts_nothing_twice(site, article):
    hit(site, article)
    flush()
    flush()
    article.refresh_from_db()
    assert article.view_count == 1


def test_a_batch_the_database_already_holds_is_not_counted_again(site, article):
    hit(site, article)
    store = get_store()
    store.seal()
    # As if a flush committed this batch and died before removing it from the cache.
    ((batch_id, _counts),) = store.batches().items()
    FlushedBatch.objects.create(batch_id=batch_id)
    flush()
    article.refresh_from_db()
    assert article.view_count == 0 and store.batches() == {}


def test_a_batch_left_by_a_dead_flush_is_recorded_by_the_next(site, article):
    hit(site, article)
    get_store().seal()
    flush()
    article.refresh_from_db()
    assert article.view_count == 1


def test_figures_add_pending_counts_to_the_database(site):
    make_daily_stat(site, date=timezone.localdate(), visits=27_664_000, article_views=10)
    make_daily_stat(site, date=timezone.localdate() - timezone.timedelta(days=3), visits=46)
    hit(site)
    figures = site_figures(site.pk)
    assert (figures.visits_today, figures.visits_total) == (27_664_001, 27_664_047)


def test_figures_include_counts_flushed_since_they_were_cached(site):
    site_figures(site.pk)
    hit(site)
    flush()
    assert site_figures(site.pk).visits_total == 1


def test_article_views_add_pending_reads_to_the_stored_count(site, article):
    article.view_count = 41
    hit(site, article)
    assert article_views(article) == 42


@pytest.mark.django_db
def test_in_process_flush_runs_at_most_once_per_interval(site, article, settings):
    settings.ANALYTICS_FLUSH_IN_PROCESS = True
    hit(site, article)
    maybe_flush()
    hit(site, article, ip="198.51.100.2")
    maybe_flush()
    article.refresh_from_db()
    assert article.view_count == 1


def test_no_in_process_flush_when_a_separate_process_flushes(site, article, settings):
    settings.ANALYTICS_FLUSH_IN_PROCESS = False
    hit(site, article)
    maybe_flush()
    article.refresh_from_db()
    assert article.view_count == 0


def test_one_address_cannot_add_visitors_without_limit(site, settings):
    settings.ANALYTICS_MAX_VISITORS_PER_ADDRESS = 3
    for n in range(5):
        hit(site, ua=f"Robot giả trình duyệt {n}")
    assert site_figures(site.pk).visits_today == 3


def test_a_visitor_past_the_address_cap_does_not_count_reads(site, article, settings):
    settings.ANALYTICS_MAX_VISITORS_PER_ADDRESS = 1
    hit(site, ua="trình duyệt 1")
    hit(site, article, ua="trình duyệt 2")
    hit(site, article, ua="trình duyệt 2")
    assert site_figures(site.pk).reads_today == 0


def test_the_store_follows_the_configured_cache(settings):
    # With Redis, counts from several server processes must meet in one atomic hash.
    from congso.analytics.counters import RedisStore, uses_shared_cache

    redis = settings.CACHES["default"]["BACKEND"].startswith("django_redis")
    assert (uses_shared_cache(), isinstance(get_store(), RedisStore)) == (redis, redis)
