import pytest
from django.urls import reverse
from django.utils import timezone

from congso.analytics.tests.factories import make_daily_stat

# Every test here uses the database (pages, comments, counters flushed to it).
pytestmark = pytest.mark.django_db


def test_the_report_lists_daily_figures_in_vietnamese_format(admin_client, home):
    make_daily_stat(
        date=timezone.datetime(2026, 11, 20).date(), visits=27_664_046, article_views=1_234
    )
    response = admin_client.get(reverse("daily_stats:index"))
    assert response.status_code == 200
    assert "27.664.046" in response.text and "20/11/2026" in response.text


def test_the_figures_cannot_be_edited_in_the_admin(admin_client, home):
    stat = make_daily_stat(date=timezone.localdate(), visits=5)
    response = admin_client.post(
        reverse("daily_stats:edit", args=[stat.pk]), {"visits": 9, "article_views": 9}
    )
    stat.refresh_from_db()
    assert response.status_code in (302, 403) and stat.visits == 5


def test_the_report_exports_csv(admin_client, home):
    make_daily_stat(date=timezone.localdate(), visits=12)
    response = admin_client.get(reverse("daily_stats:index") + "?export=csv")
    assert response.status_code == 200 and b"12" in b"".join(
        response.streaming_content if response.streaming else [response.content]
    )
