"""Template filters that write values machines read: <time datetime> and tel: links."""

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from congso.core.templatetags.vi_format import machine_time, tel_uri

CONGSO = Path(__file__).resolve().parents[2]


def test_a_time_attribute_keeps_whole_seconds_in_vietnam_time():
    value = datetime(2026, 12, 1, 10, 54, 26, 638926, tzinfo=ZoneInfo("UTC"))
    assert machine_time(value) == "2026-12-01T17:54:26+07:00"


def test_a_date_is_written_as_a_date_alone():
    assert machine_time(date(2024, 10, 16)) == "2024-10-16"


def test_a_missing_time_writes_an_empty_attribute():
    assert machine_time(None) == ""


def test_every_template_writes_time_attributes_through_machine_time():
    written = []
    for template in CONGSO.rglob("templates/**/*.html"):
        for value in re.findall(r'<time[^>]*\sdatetime="([^"]*)"', template.read_text()):
            written.append((template.relative_to(CONGSO).as_posix(), value))
    assert written, "no <time datetime> found: the search is wrong"
    assert [(t, v) for t, v in written if not v.endswith("|machine_time }}")] == []


@pytest.mark.django_db
def test_an_article_with_comments_writes_no_fraction_of_a_second(client, article):
    from congso.comments.models import Comment
    from congso.comments.tests.factories import CommentFactory

    for _ in range(3):
        CommentFactory(page=article, status=Comment.Status.APPROVED)
    html = client.get(article.url).content.decode()
    values = re.findall(r'<time[^>]*\sdatetime="([^"]*)"', html)
    assert len(values) == 4  # the article's date and one per comment
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", v) for v in values)


def test_a_phone_number_written_with_spaces_makes_a_tel_link_without_them():
    assert tel_uri("0239 3 855 555") == "tel:02393855555"
    assert tel_uri("+84 (239) 385-5555") == "tel:+84(239)385-5555"


def test_no_phone_number_makes_no_tel_link():
    assert tel_uri("") == ""
