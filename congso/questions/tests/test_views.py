import io

import pytest
from django.core import mail
from django.test import Client
from PIL import Image

from congso.questions.models import Question, Status
from congso.questions.tests.factories import make_page, make_question, make_unit, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return make_page(home)


def _form(page, **overrides):
    data = {
        "name": "Trần Thị B",
        "email": "b@example.com",
        "topic": str(page.topics.first().pk),
        "title": "Hỏi về sóng di động",
        "question": "Thôn tôi sóng yếu <script>alert(1)</script>",
        "website": "",
    }
    data.update(overrides)
    return data


def _png(name="anh.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def test_a_citizen_asks_and_gets_a_tracking_code_and_an_email(
    client, page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url + "dat-cau-hoi/", _form(page))
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.code in response.content.decode()
    assert question.status == Status.RECEIVED
    assert question.question == "Thôn tôi sóng yếu <script>alert(1)</script>"  # plain text
    assert mail.outbox[0].to == ["b@example.com"]
    assert question.code in mail.outbox[0].body
    assert "no-store" in response["Cache-Control"]


def test_the_ask_form_is_never_cached_and_carries_a_csrf_token(page):
    client = Client(enforce_csrf_checks=True)
    response = client.get(page.url + "dat-cau-hoi/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_post_without_csrf_token_is_refused(page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(page.url + "dat-cau-hoi/", _form(page))
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_an_attachment_checked_as_uploads_are_is_kept(client, page):
    response = client.post(page.url + "dat-cau-hoi/", {**_form(page), "attachments": [_png()]})
    assert response.status_code == 200
    attachment = Question.objects.get().attachments.get()
    assert (attachment.name, attachment.content_type) == ("anh.png", "image/png")


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_saved(client, page):
    fake = io.BytesIO(b"MZ not a pdf at all")
    fake.name = "giay-to.pdf"
    response = client.post(page.url + "dat-cau-hoi/", {**_form(page), "attachments": [fake]})
    assert response.status_code == 400
    assert "giay-to.pdf" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Vui lòng nhập họ tên."),
        ("email", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ"),
        ("question", "x" * 5001, "dài tối đa 5.000 ký tự"),
        ("title", "   ", "Vui lòng nhập tiêu đề câu hỏi."),
        ("topic", "999999", "Chủ đề không có trong danh sách"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_saved(client, page, field, value, message):
    response = client.post(page.url + "dat-cau-hoi/", _form(page, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_a_filled_honeypot_saves_nothing(client, page):
    response = client.post(page.url + "dat-cau-hoi/", _form(page, website="http://spam"))
    assert response.status_code == 400
    assert "Để trống ô này" in response.content.decode()
    assert not Question.objects.exists()


def test_too_many_questions_from_one_address_get_a_429(client, page, settings):
    settings.QUESTIONS_RATE_LIMIT = "2/600"
    for i in range(2):
        assert (
            client.post(page.url + "dat-cau-hoi/", _form(page, title=f"Câu {i}")).status_code == 200
        )
    response = client.post(page.url + "dat-cau-hoi/", _form(page, title="Câu 3"))
    assert response.status_code == 429
    assert "Vui lòng thử lại sau" in response.content.decode()
    assert response["Retry-After"]
    assert Question.objects.count() == 2


def test_a_page_that_stopped_accepting_questions_refuses_them(client, page):
    page.accept_questions = False
    page.save_revision().publish()
    response = client.post(page.url + "dat-cau-hoi/", _form(page))
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_the_public_list_shows_only_published_questions_by_topic(client, page):
    unit = make_unit()
    topics = list(page.topics.all())
    shown = walk(
        make_question(page, title="Câu hỏi đã đăng", topic=topics[0]),
        unit,
        "assign",
        "submit",
        "publish",
    )
    Question.objects.filter(pk=shown.pk).update(published_at=shown.received_at)
    walk(make_question(page, title="Đang soạn"), unit, "assign", "save_draft")
    body = client.get(page.url).content.decode()
    assert "Câu hỏi đã đăng" in body
    assert "Đang soạn" not in body
    assert "nguoihoi@example.com" not in body
    other_topic = client.get(page.url + f"chu-de/{topics[1].slug}/").content.decode()
    assert "Câu hỏi đã đăng" not in other_topic
    detail = client.get(page.url + f"cau-hoi/{shown.pk}/")
    assert detail.status_code == 200
    assert "nguoihoi@example.com" not in detail.content.decode()


def test_an_unpublished_question_has_no_public_address(client, page):
    question = walk(make_question(page), make_unit(), "assign", "submit")
    assert client.get(page.url + f"cau-hoi/{question.pk}/").status_code == 404


def test_the_public_page_shows_counts_per_unit(client, page):
    unit = make_unit("Phòng Thông tin - Báo chí")
    walk(make_question(page), unit, "assign", "submit", "publish")
    walk(make_question(page), unit, "assign")
    body = client.get(page.url).content.decode()
    assert "Kết quả trả lời theo đơn vị" in body
    assert "Phòng Thông tin - Báo chí" in body


def test_the_search_box_finds_a_published_answer(client, page, django_capture_on_commit_callbacks):
    from congso.questions.services import perform
    from congso.questions.tests.factories import chief

    question = walk(
        make_question(page, title="Giấy phép bưu chính"), make_unit(), "assign", "submit"
    )
    with django_capture_on_commit_callbacks(execute=True):
        perform(question.pk, "publish", chief(), answer="Mười lăm ngày làm việc.")
    body = client.get(page.url + "?q=buu+chinh").content.decode()
    assert "Giấy phép" in body and "Tìm thấy 1" in body
    site_search = client.get("/tim-kiem/?q=buu+chinh").content.decode()
    assert f"cau-hoi/{question.pk}/" in site_search


def test_tracking_a_code_shows_the_status_and_nothing_personal(client, page):
    question = make_question(page)
    response = client.get(page.url + f"tra-cuu/?ma={question.code.lower()}")
    body = response.content.decode()
    assert "Mới tiếp nhận" in body
    assert "nguoihoi@example.com" not in body
    assert "no-store" in response["Cache-Control"]


def test_rss_and_sitemap_list_each_published_question(client, page):
    question = walk(make_question(page), make_unit(), "assign", "submit", "publish")
    Question.objects.filter(pk=question.pk).update(published_at=question.received_at)
    rss = client.get(page.url + "rss/")
    assert rss.status_code == 200
    assert f"cau-hoi/{question.pk}/" in rss.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"hoi-dap/cau-hoi/{question.pk}/" in sitemap


def test_a_published_answer_replaces_the_cached_list_at_once(
    client, page, django_capture_on_commit_callbacks
):
    from congso.questions.services import perform
    from congso.questions.tests.factories import chief

    question = walk(make_question(page, title="Câu hỏi chờ đăng"), make_unit(), "assign", "submit")
    assert "Câu hỏi chờ đăng" not in client.get(page.url).content.decode()
    assert client.get(page.url)["X-Page-Cache"] == "hit"  # the list is now served from the cache
    with django_capture_on_commit_callbacks(execute=True):
        perform(question.pk, "publish", chief(), answer="Đã có câu trả lời.")
    assert "Câu hỏi chờ đăng" in client.get(page.url).content.decode()
