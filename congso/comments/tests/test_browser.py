import pytest

from congso.comments.models import Comment

THANKS = "Bình luận của bạn đã được gửi thành công"


def fill_comment_form(page, text: str, name: str = "Phạm Thu Hà"):
    """Type a comment into the article's form, as a reader does; the form is returned."""
    form = page.locator("form[data-comment-form]")
    form.get_by_label("Họ tên").fill(name)
    form.get_by_label("Email").fill("ha@example.vn")
    form.get_by_label("Nội dung").fill(text)
    return form


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_comments_on_an_article_page_without_a_token_in_it(
    browser_page, live_server, article
):
    browser_page.goto(article.url)
    form = browser_page.locator("form[data-comment-form]")
    # The page is the copy shared through the cache: no token until the reader starts writing.
    assert form.locator("input[name='csrfmiddlewaretoken']").get_attribute("value") == ""
    fill_comment_form(browser_page, "Đề nghị đăng thêm lịch tiếp công dân.\nXin cảm ơn.")
    form.get_by_role("button", name="Gửi bình luận").click()
    browser_page.get_by_role("heading", name=THANKS).wait_for()
    comment = Comment.objects.get()
    assert (comment.status, comment.text) == (
        "pending",
        "Đề nghị đăng thêm lịch tiếp công dân.\nXin cảm ơn.",
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refused_comment_shows_the_reason_and_keeps_what_the_reader_wrote(
    browser_page, live_server, article
):
    browser_page.goto(article.url)
    form = browser_page.locator("form[data-comment-form]")
    # Spaces pass the browser's own "required" check; the server still refuses them.
    fill_comment_form(browser_page, "Nội dung tôi không muốn gõ lại.", name="   ")
    form.get_by_role("button", name="Gửi bình luận").click()
    browser_page.get_by_role("heading", name="Gửi bình luận").wait_for()
    assert browser_page.get_by_text("Vui lòng nhập họ tên.").is_visible()
    assert browser_page.get_by_label("Nội dung").input_value() == "Nội dung tôi không muốn gõ lại."
    assert not Comment.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_click_on_send_saves_one_comment(browser_page, live_server, article):
    browser_page.goto(article.url)
    form = fill_comment_form(browser_page, "Bấm gửi hai lần liền.")
    form.get_by_role("button", name="Gửi bình luận").dblclick()
    browser_page.get_by_role("heading", name=THANKS).wait_for()
    assert Comment.objects.count() == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reloading_the_thanks_page_sends_the_form_again_but_saves_nothing_new(
    browser_page, live_server, article
):
    browser_page.goto(article.url)
    form = fill_comment_form(browser_page, "Gửi lại khi không thấy trả lời.")
    form.get_by_role("button", name="Gửi bình luận").click()
    thanks = browser_page.get_by_role("heading", name=THANKS)
    thanks.wait_for()
    resent = []
    browser_page.on("request", lambda request: resent.append(request.method))
    browser_page.reload()  # the browser posts the same form again, as after a lost answer
    thanks.wait_for()
    assert "POST" in resent
    assert Comment.objects.count() == 1
