"""The admin's article form dates a scheduled article by its go-live time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from congso.core.tests.factories import SuperuserFactory, edit_post_data, make_article

pytestmark = pytest.mark.django_db

FORMAT = "%H:%M %d/%m/%Y"


def _save_with_schedule(client, article, go_live, date):
    client.force_login(SuperuserFactory())
    data = edit_post_data(
        article,
        sapo=article.sapo,
        date=date.strftime(FORMAT),
        go_live_at=go_live.strftime(FORMAT),
    )
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    return article.get_latest_revision_as_object()


def _minute(value):
    return timezone.localtime(value).replace(second=0, microsecond=0)


def test_a_draft_scheduled_to_go_live_later_is_dated_by_its_go_live_time(client, category):
    article = make_article(category, "Tin hẹn giờ", publish=False)
    go_live = _minute(timezone.now() + timedelta(days=1))
    draft = _save_with_schedule(client, article, go_live, _minute(timezone.now()))
    assert draft.date == go_live


def test_a_draft_dated_after_its_go_live_time_keeps_its_date(client, category):
    article = make_article(category, "Tin hẹn giờ", publish=False)
    go_live = _minute(timezone.now() + timedelta(days=1))
    draft = _save_with_schedule(client, article, go_live, go_live + timedelta(days=2))
    assert draft.date == go_live + timedelta(days=2)


def test_a_live_article_rescheduled_for_an_update_keeps_its_date(client, article):
    original = _minute(article.date)
    go_live = _minute(timezone.now() + timedelta(days=1))
    draft = _save_with_schedule(client, article, go_live, original)
    assert draft.date == original
