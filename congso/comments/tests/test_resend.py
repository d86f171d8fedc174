"""A form sent again (double click, a resend after a lost answer) saves one comment."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from congso.comments.models import Comment, SubmissionKey
from congso.comments.services import new_submission_key

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Trần Thị Lan",
    "email": "lan@example.vn",
    "text": "Cảm ơn Sở đã cung cấp thông tin.",
}


def post(client, article, key, **overrides):
    data = {**VALID, "submission_key": key, **overrides}
    return client.post(reverse("comments:submit", args=[article.pk]), data)


def key_in(html: str) -> str:
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_same_form_sent_twice_saves_one_comment(client, article):
    key = new_submission_key(article)
    post(client, article, key)
    post(client, article, key)
    assert Comment.objects.count() == 1


def test_a_resend_gets_the_same_thanks_page_as_the_first_post(client, article):
    key = new_submission_key(article)
    first = post(client, article, key)
    again = post(client, article, key)
    assert (again.status_code, again.text) == (first.status_code, first.text)
    assert "Bình luận của bạn đã được gửi thành công" in again.text


def test_a_resend_does_not_use_up_the_rate_limit(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "2/600"
    key = new_submission_key(article)
    for _ in range(3):
        assert post(client, article, key).status_code == 200
    assert post(client, article, new_submission_key(article)).status_code == 200


def test_a_form_without_a_key_still_sends_its_comment(client, article):
    response = post(client, article, "")
    assert response.status_code == 200
    assert Comment.objects.count() == 1


def test_the_form_page_carries_a_key_for_its_article(client, article):
    response = client.get(reverse("comments:submit", args=[article.pk]))
    key = key_in(response.text)
    assert post(client, article, key).status_code == 200
    assert SubmissionKey.objects.get().page_id == article.pk


def test_a_refused_form_keeps_its_key_so_the_corrected_post_is_still_one_comment(client, article):
    key = new_submission_key(article)
    refused = post(client, article, key, name="")
    assert key_in(refused.text) == key


def test_the_token_endpoint_gives_a_key_for_the_form_it_is_asked_about(client, article):
    action = reverse("comments:submit", args=[article.pk])
    data = client.get(reverse("comments:token"), {"form": action}).json()
    assert post(client, article, data["key"]).status_code == 200
    assert SubmissionKey.objects.count() == 1


def test_two_token_requests_give_two_different_keys(client, article):
    action = reverse("comments:submit", args=[article.pk])
    keys = {client.get(reverse("comments:token"), {"form": action}).json()["key"] for _ in "ab"}
    assert len(keys) == 2


@pytest.mark.parametrize("form", ["", "/", "/binh-luan/999999/gui/", "http://[::1", "\x00"])
def test_the_token_endpoint_gives_no_key_for_a_form_that_is_not_an_article(client, home, form):
    response = client.get(reverse("comments:token"), {"form": form})
    assert response.status_code == 200
    assert "key" not in response.json() and response.json()["token"]


@pytest.mark.parametrize(
    "key", ["giả mạo", "1.2.3:abc", "a" * 5000, "khoá\x00", "9:" + "x" * 43], ids=str.__len__
)
def test_a_forged_key_shows_the_form_again_and_saves_nothing(client, article, key):
    response = post(client, article, key)
    assert response.status_code == 400
    assert "Biểu mẫu này đã hết hạn" in response.text
    assert "Cảm ơn Sở đã cung cấp thông tin." in response.text
    assert not Comment.objects.exists()


def test_a_key_for_another_article_is_refused(client, article, category):
    from congso.core.tests.factories import make_article

    other = make_article(category)
    response = post(client, article, new_submission_key(other))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_the_form_shown_again_after_a_bad_key_sends_the_comment(client, article):
    refused = post(client, article, "giả mạo")
    assert post(client, article, key_in(refused.text)).status_code == 200
    assert Comment.objects.count() == 1


def test_a_key_unused_for_more_than_a_day_is_replaced_not_trusted(client, article):
    issued = timezone.now()
    with at(issued):
        key = new_submission_key(article)
    with at(issued + timedelta(days=1, minutes=1)):
        response = post(client, article, key)
    assert response.status_code == 400 and "Biểu mẫu này đã hết hạn" in response.text
    assert key_in(response.text) != key
    assert not Comment.objects.exists()


def test_a_resend_a_day_after_the_first_post_still_saves_nothing(client, article):
    issued = timezone.now()
    with at(issued):
        key = new_submission_key(article)
    with at(issued + timedelta(hours=23)):
        post(client, article, key)
    with at(issued + timedelta(hours=46)):
        again = post(client, article, key)
    assert again.status_code == 200
    assert Comment.objects.count() == 1


def test_a_resend_after_its_key_was_purged_saves_nothing(client, article):
    issued = timezone.now()
    with at(issued):
        key = new_submission_key(article)
        post(client, article, key)
    with at(issued + timedelta(days=1, hours=1)):
        post(client, article, new_submission_key(article), text="Một bình luận khác.")
        assert SubmissionKey.objects.count() == 1  # the first claim is gone
        again = post(client, article, key)
    assert again.status_code == 400
    assert Comment.objects.count() == 2


def test_a_different_comment_from_a_used_form_is_shown_again_with_a_fresh_key(client, article):
    key = new_submission_key(article)
    post(client, article, key)
    response = post(client, article, key, text="Một ý kiến khác về bài viết.")
    assert response.status_code == 409
    assert "đã được dùng để gửi một bình luận khác" in response.text
    assert "Một ý kiến khác về bài viết." in response.text
    assert key_in(response.text) != key
    assert Comment.objects.count() == 1


def test_the_comment_shown_again_after_a_reused_form_can_be_sent(client, article):
    key = new_submission_key(article)
    post(client, article, key)
    shown = post(client, article, key, text="Một ý kiến khác về bài viết.")
    sent = post(client, article, key_in(shown.text), text="Một ý kiến khác về bài viết.")
    assert sent.status_code == 200
    assert Comment.objects.count() == 2


def test_a_resend_of_a_comment_deleted_since_is_still_thanked(client, article):
    key = new_submission_key(article)
    post(client, article, key)
    Comment.objects.all().delete()
    assert post(client, article, key).status_code == 200
    assert not Comment.objects.exists()


def test_a_rate_limited_post_leaves_its_key_usable(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "0/600"
    key = new_submission_key(article)
    assert post(client, article, key).status_code == 429
    assert not SubmissionKey.objects.exists()
    settings.COMMENTS_RATE_LIMIT = "5/600"
    assert post(client, article, key).status_code == 200


def test_the_article_page_shared_through_the_cache_carries_no_key(rf, article):
    # A key in the cached copy would be every reader's: all comments after the first would
    # look like resends of it.
    from django.template import Context, Template

    html = Template("{% load comments_tags %}{% comments_section page %}").render(
        Context({"page": article, "request": rf.get("/")})
    )
    assert '<input type="hidden" name="submission_key" id="id_submission_key">' in html


def post_json(client, article, key, **overrides):
    data = {**VALID, "submission_key": key, **overrides}
    url = reverse("comments:submit", args=[article.pk])
    return client.post(url, data, headers={"Accept": "application/json"})


def test_a_resend_asking_for_json_gets_the_same_json_as_the_first_post(client, article):
    key = new_submission_key(article)
    first = post_json(client, article, key)
    again = post_json(client, article, key)
    assert (again.status_code, again.json()) == (200, first.json())
    assert first.json()["status"] == "received"
    assert Comment.objects.count() == 1


def test_a_refused_post_asking_for_json_gives_the_reasons_in_vietnamese(client, article):
    key = new_submission_key(article)
    response = post_json(client, article, key, name="")
    assert response.status_code == 400
    assert response.json()["errors"] == {"name": ["Vui lòng nhập họ tên."]}
    assert response.json()["key"] == key


def test_a_rate_limited_post_asking_for_json_says_how_long_to_wait(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "0/600"
    response = post_json(client, article, new_submission_key(article))
    assert response.status_code == 429
    assert response.json()["retry_after"] == int(response["Retry-After"]) > 0
    assert "Bạn đã gửi quá nhiều bình luận" in response.json()["message"]


def test_a_browser_asking_for_html_first_gets_the_thanks_page(client, article):
    url = reverse("comments:submit", args=[article.pk])
    accept = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8"
    response = client.post(url, VALID, headers={"Accept": accept})
    assert "Bình luận của bạn đã được gửi thành công" in response.text
