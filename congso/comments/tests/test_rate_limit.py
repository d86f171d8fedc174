"""The per-address comment limit: counted where every worker sees it (core.ratelimit)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from congso.core import ratelimit
from congso.core.models import RateCounter
from congso.core.ratelimit import Rate, RateLimited

pytestmark = pytest.mark.django_db

VALID = {"name": "Trần Thị Lan", "email": "lan@example.vn", "text": "Cảm ơn Sở."}
needs_no_redis = pytest.mark.skipif(
    "ratelimit.cache_is_shared()", reason="with Redis the count is in Redis"
)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.parametrize(("text", "rate"), [("5/600", Rate(5, 600)), ("3", Rate(3, 60))])
def test_a_rate_is_read_as_posts_per_seconds(text, rate):
    assert Rate.parse(text) == rate


@needs_no_redis
def test_without_redis_a_post_is_counted_in_the_database(client, article):
    client.post(reverse("comments:submit", args=[article.pk]), VALID)
    assert RateCounter.objects.get().count == 1


@needs_no_redis
def test_the_count_survives_the_local_cache_being_emptied(client, article, settings):
    from django.core.cache import cache

    settings.COMMENTS_RATE_LIMIT = "1/600"
    url = reverse("comments:submit", args=[article.pk])
    client.post(url, VALID)
    cache.clear()  # what another worker's empty local memory looks like
    assert client.post(url, VALID).status_code == 429


@needs_no_redis
def test_ended_windows_are_deleted_when_a_new_one_opens():
    rate = Rate(5, 600)
    now = timezone.now()
    with at(now):
        ratelimit.hit("comments:a", rate, every_worker=True)
    with at(now + timedelta(seconds=1300)):
        ratelimit.hit("comments:b", rate, every_worker=True)
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["comments:b"]


def test_retry_after_counts_to_the_end_of_the_window():
    rate = Rate(1, 600)
    start = timezone.datetime.fromtimestamp(600 * 3_000_000, tz=timezone.get_current_timezone())
    with at(start + timedelta(seconds=100)):
        ratelimit.hit("comments:c", rate, every_worker=True)
        with pytest.raises(RateLimited) as refused:
            ratelimit.hit("comments:c", rate, every_worker=True)
    assert refused.value.retry_after == 500


def test_a_new_window_accepts_the_address_again():
    rate = Rate(1, 600)
    now = timezone.now()
    with at(now):
        ratelimit.hit("comments:d", rate, every_worker=True)
    with at(now + timedelta(seconds=600)):
        ratelimit.hit("comments:d", rate, every_worker=True)  # no RateLimited
