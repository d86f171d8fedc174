import pytest

from congso.comments.models import Comment


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_comments_on_an_article_page_without_a_token_in_it(
    browser_page, live_server, article
):
    browser_page.goto(article.url)
    form = browser_page.locator("form[data-comment-form]")
    # The page is the copy shared through the cache: no token until the reader starts writing.
    assert form.locator("input[name='csrfmiddlewaretoken']").get_attribute("value") == ""
    form.get_by_label("Họ tên").fill("Phạm Thu Hà")
    form.get_by_label("Email").fill("ha@example.vn")
    form.get_by_label("Nội dung").fill("Đề nghị đăng thêm lịch tiếp công dân.\nXin cảm ơn.")
    form.get_by_role("button", name="Gửi bình luận").click()
    browser_page.get_by_role("heading", name="Bình luận của bạn đã được gửi thành công").wait_for()
    comment = Comment.objects.get()
    assert (comment.status, comment.text) == (
        "pending",
        "Đề nghị đăng thêm lịch tiếp công dân.\nXin cảm ơn.",
    )
