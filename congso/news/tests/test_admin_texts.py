"""Texts an editor reads on the article admin paths, in Vietnamese (issue 8)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import override
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from congso.tests.admin_browser import staff_user
from congso.users.roles import EDITOR


def test_the_time_since_an_edit_reads_in_vietnamese():
    # The status panel's "Xuất bản lần đầu … trước", the explorer's "Cập nhật" column, the
    # revision history: Django's Vietnamese has no units for timesince().
    now = timezone.now()
    with override("vi"):
        assert timesince(now - timedelta(minutes=5)) == "5\xa0phút"
        assert timesince_simple(now - timedelta(hours=3, minutes=4)) == "3\xa0giờ trước"
        assert timesince_simple(now - timedelta(days=9)) == "1\xa0tuần trước"
        assert timesince_simple(now - timedelta(days=400)) == "1\xa0năm trước"


def test_an_edit_made_a_moment_ago_reads_just_now_in_both_languages():
    now = timezone.now()
    with override("vi"):
        assert timesince_simple(now) == "vừa xong"
    with override("en"):
        assert timesince_simple(now) == "just now"


@pytest.mark.django_db
def test_the_article_editor_in_english_labels_the_unknown_date_in_english(client, article):
    client.force_login(staff_user("bientapvien", EDITOR, "en"))
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Publication date unknown" in html
    assert "không rõ ngày đăng" not in html.lower()
