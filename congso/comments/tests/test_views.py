import pytest
from django.test import Client
from django.urls import reverse

from congso.comments.models import Comment
from congso.comments.tests.factories import CommentFactory
from congso.core.tests.factories import make_article

# Every test here uses the database (pages, comments, counters flushed to it).
pytestmark = pytest.mark.django_db

VALID = {
    "name": "Trần Thị Lan",
    "email": "lan@example.vn",
    "text": "Cảm ơn Sở đã cung cấp thông tin.",
}


def post(client, article, **overrides):
    return client.post(reverse("comments:submit", args=[article.pk]), {**VALID, **overrides})


def test_a_valid_comment_is_saved_as_pending(client, article):
    post(client, article)
    comment = Comment.objects.get()
    assert (comment.page_id, comment.status, comment.name) == (
        article.pk,
        "pending",
        "Trần Thị Lan",
    )


def test_the_reader_is_thanked_and_told_about_moderation(client, article):
    response = post(client, article)
    assert response.status_code == 200
    assert "Bình luận của bạn đã được gửi thành công" in response.text
    assert "sau khi được Ban biên tập kiểm duyệt" in response.text
    assert article.url in response.text


def test_the_raw_address_is_not_stored(client, article):
    client.post(reverse("comments:submit", args=[article.pk]), VALID, REMOTE_ADDR="203.0.113.9")
    comment = Comment.objects.get()
    assert comment.source_hash and "203.0.113.9" not in comment.source_hash


def test_an_empty_comment_is_refused_with_a_vietnamese_reason(client, article):
    response = post(client, article, name="", email="", text="   ")
    assert response.status_code == 400
    assert "Vui lòng nhập nội dung bình luận." in response.text
    assert "Vui lòng nhập họ tên." in response.text
    assert not Comment.objects.exists()


def test_a_comment_of_ten_thousand_characters_is_refused(client, article):
    response = post(client, article, text="a" * 10_000)
    assert response.status_code == 400
    assert "bạn đã nhập 10.000 ký tự" in response.text
    assert not Comment.objects.exists()


def test_the_text_the_reader_typed_is_kept_after_a_refusal(client, article):
    response = post(client, article, email="khong-phai-email")
    assert "Cảm ơn Sở đã cung cấp thông tin." in response.text


def test_an_invalid_email_is_refused(client, article):
    response = post(client, article, email="lan@")
    assert response.status_code == 400
    assert "Địa chỉ email không hợp lệ" in response.text
    assert not Comment.objects.exists()


def test_a_name_of_only_spaces_is_refused(client, article):
    response = post(client, article, name=" \t  ")
    assert response.status_code == 400
    assert "Vui lòng nhập họ tên." in response.text
    assert not Comment.objects.exists()


def test_a_name_too_long_is_refused_with_the_limit(client, article):
    response = post(client, article, name="Nguyễn " * 20)
    assert response.status_code == 400
    assert "Họ tên dài tối đa 100 ký tự." in response.text
    assert not Comment.objects.exists()


def test_an_email_too_long_is_refused(client, article):
    response = post(client, article, email="a" * 250 + "@example.vn")
    assert response.status_code == 400
    assert "Địa chỉ email quá dài." in response.text
    assert not Comment.objects.exists()


def test_control_characters_are_removed_and_spaces_in_the_name_collapsed(client, article):
    post(client, article, name="  Trần \x00 Thị   Lan ", text="Dòng một\r\nDòng\x07 hai\u200b ")
    comment = Comment.objects.get()
    assert (comment.name, comment.text) == ("Trần Thị Lan", "Dòng một\nDòng hai")


def test_a_filled_honeypot_is_refused_and_nothing_saved(client, article):
    response = post(client, article, website="http://spam.example")
    assert response.status_code == 400
    assert "chặn thư rác" in response.text
    assert not Comment.objects.exists()


def test_a_flood_from_one_address_gets_429_with_a_message(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "3/600"
    for _ in range(3):
        assert post(client, article).status_code == 200
    response = post(client, article)
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều bình luận" in response.text
    assert int(response["Retry-After"]) > 0
    assert Comment.objects.count() == 3


def test_the_rate_limit_is_per_address(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "1/600"
    post(client, article)
    response = client.post(
        reverse("comments:submit", args=[article.pk]), VALID, REMOTE_ADDR="198.51.100.4"
    )
    assert response.status_code == 200


def test_forwarded_for_is_ignored_without_a_trusted_proxy(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "1/600"
    post(client, article, HTTP_X_FORWARDED_FOR="198.51.100.1")
    response = client.post(
        reverse("comments:submit", args=[article.pk]), VALID, HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert response.status_code == 429


def test_forwarded_for_names_the_client_behind_a_trusted_proxy(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = "1/600"
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("comments:submit", args=[article.pk])
    client.post(url, VALID, HTTP_X_FORWARDED_FOR="198.51.100.1")
    response = client.post(url, VALID, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert response.status_code == 200


def test_a_post_without_csrf_token_is_refused_in_vietnamese(article):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("comments:submit", args=[article.pk]), VALID)
    assert response.status_code == 403
    assert "Không thể gửi biểu mẫu" in response.text
    assert reverse("comments:submit", args=[article.pk]) in response.text
    assert not Comment.objects.exists()


def test_a_script_asking_for_json_gets_the_csrf_refusal_as_json(article):
    client = Client(enforce_csrf_checks=True)
    url = reverse("comments:submit", args=[article.pk])
    response = client.post(url, VALID, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "refused"
    assert response.json()["message"].startswith("Không thể gửi biểu mẫu")
    assert response.json()["retry_url"] == url
    assert not Comment.objects.exists()


def test_a_post_with_the_token_from_the_token_endpoint_is_accepted(article):
    client = Client(enforce_csrf_checks=True)
    token = client.get(reverse("comments:token")).json()["token"]
    response = client.post(
        reverse("comments:submit", args=[article.pk]), {**VALID, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
    assert Comment.objects.count() == 1


def test_the_token_endpoint_is_never_cached(client):
    response = client.get(reverse("comments:token"))
    assert "no-cache" in response["Cache-Control"] and "csrftoken" in response.cookies


def test_the_form_page_works_without_javascript(article):
    client = Client(enforce_csrf_checks=True)
    response = client.get(reverse("comments:submit", args=[article.pk]))
    token = response.context["csrf_token"]
    assert f'name="csrfmiddlewaretoken" value="{token}"' in response.text
    ok = client.post(
        reverse("comments:submit", args=[article.pk]), {**VALID, "csrfmiddlewaretoken": str(token)}
    )
    assert ok.status_code == 200


def test_comments_on_an_unpublished_article_are_refused_with_404(client, category):
    draft = make_article(category, publish=False)
    response = post(client, draft)
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_comments_on_a_page_that_is_not_an_article_are_refused_with_404(client, category):
    response = client.post(reverse("comments:submit", args=[category.pk]), VALID)
    assert response.status_code == 404


def test_comments_on_a_private_article_are_refused_with_404(client, article):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert post(client, article).status_code == 404


def test_the_section_shows_approved_comments_escaped_with_line_breaks(rf, article):
    from django.template import Context, Template

    CommentFactory(
        page=article,
        status="approved",
        name="Lê <b>Minh</b>",
        text="<script>alert(1)</script>\ndòng hai",
    )
    CommentFactory(page=article, status="pending", text="chưa duyệt")
    html = Template("{% load comments_tags %}{% comments_section page %}").render(
        Context({"page": article, "request": rf.get("/")})
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>dòng hai" in html
    assert "Lê &lt;b&gt;Minh&lt;/b&gt;" in html
    assert "<script>alert" not in html and "chưa duyệt" not in html
    assert 'Bình luận <span class="comments__count">(1)</span>' in html


def test_the_section_form_carries_no_per_user_token(rf, article):
    from django.template import Context, Template

    html = Template("{% load comments_tags %}{% comments_section page %}").render(
        Context({"page": article, "request": rf.get("/")})
    )
    assert '<input type="hidden" name="csrfmiddlewaretoken" value="">' in html
    assert "Thêm nhận xét mới" in html and "comments.js" in html


@pytest.mark.parametrize("page_id", ["0", "999999"])
def test_an_unknown_page_gets_404(client, home, page_id):
    assert client.get(f"/binh-luan/{page_id}/gui/").status_code == 404
