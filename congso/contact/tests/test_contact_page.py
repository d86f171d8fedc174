import pytest
from django.core import mail
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from congso.contact.models import ContactMessage, ContactPage
from congso.contact.tests.factories import form_data, make_contact_page, set_agency
from congso.home.models import HomePage
from congso.organisation.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return Unit.objects.create(
        name="Phòng Công nghệ thông tin", phone="0239 3 600 111", email="cntt@example.gov.vn"
    )


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Post the form as a browser does; what runs after commit (the mail) runs too."""

    def post(page, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data)

    return post


@pytest.fixture
def page(home, unit):
    set_agency(
        Site.objects.get(is_default_site=True),
        address="Số 1 đường Trần Phú",
        phone="0239 3 855 555",
        fax="0239 3 855 556",
        email="sotttt@example.gov.vn",
    )
    return make_contact_page(
        home,
        topics=[("Góp ý chung", None, ""), ("Chuyển đổi số", unit, "")],
        spokesperson_position="Phó Giám đốc Sở",
        spokesperson_name="Người Phát Ngôn",
        spokesperson_phone="0239 3 855 000",
        spokesperson_email="phatngon@example.gov.vn",
    )


def test_the_page_shows_the_agencys_contacts_from_its_identity_and_the_spokesperson(client, page):
    response = client.get(page.url)
    html = response.content.decode()
    for text in (
        "Số 1 đường Trần Phú",
        "0239 3 855 555",
        "0239 3 855 556",
        "sotttt@example.gov.vn",
        "Phó Giám đốc Sở",
        "Người Phát Ngôn",
        "phatngon@example.gov.vn",
        "cntt@example.gov.vn",
    ):
        assert text in html


def test_the_page_with_its_form_is_never_stored_in_the_shared_page_cache(client, page):
    response = client.get(page.url)
    assert "no-store" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert client.get(page.url).get("X-Page-Cache") is None


def test_a_message_is_stored_mailed_to_the_topics_unit_and_confirmed(send, client, page, unit):
    topic = page.topics.get(name="Chuyển đổi số")
    response = send(page, form_data(page, topic=str(topic.pk)))
    assert response.status_code == 303
    assert response["Location"].endswith("/lien-he/da-gui/")
    message = ContactMessage.objects.get()
    assert (message.recipient, message.topic_name, message.status) == (
        "cntt@example.gov.vn",
        "Chuyển đổi số",
        "new",
    )
    assert message.mailed_at is not None
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["cntt@example.gov.vn"]
    assert sent.reply_to == ["an@example.vn"]
    assert "Xin hỏi thời gian giải quyết thủ tục." in sent.body
    thanks = client.get(response["Location"])
    assert "Thư của bạn đã được gửi" in thanks.content.decode()


def test_a_topic_without_its_own_mailbox_goes_to_the_agencys_e_mail(send, client, page):
    send(page, form_data(page))
    assert mail.outbox[0].to == ["sotttt@example.gov.vn"]


def test_a_topics_own_mailbox_comes_before_its_units(home, unit):
    page = make_contact_page(home, topics=[("Báo chí", unit, "baochi@example.gov.vn")])
    assert page.topics.get().recipient("co-quan@example.gov.vn") == "baochi@example.gov.vn"


def test_a_failing_mail_server_keeps_the_message_with_the_error(send, client, page, settings):
    settings.EMAIL_BACKEND = "congso.contact.tests.failing_backend.FailingBackend"
    response = send(page, form_data(page))
    assert response.status_code == 303
    message = ContactMessage.objects.get()
    assert message.mailed_at is None
    assert "máy chủ thư" in message.mail_error


def test_the_senders_e_mail_and_phone_never_appear_on_public_pages(send, client, page):
    send(page, form_data(page))
    for url in (page.url, page.url + "da-gui/"):
        html = client.get(url).content.decode()
        assert "an@example.vn" not in html
        assert "0912 345 678" not in html


def test_markup_in_a_message_is_stored_as_plain_text(send, client, page):
    send(page, form_data(page, message="<b>in đậm</b>\x00 và\r\nxuống dòng"))
    assert ContactMessage.objects.get().message == "<b>in đậm</b> và\nxuống dòng"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "   ", "Vui lòng nhập họ tên."),
        ("email", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ"),
        ("subject", "t" * 201, "Tiêu đề dài tối đa 200 ký tự; bạn đã nhập 201 ký tự"),
        ("message", "x" * 5001, "Nội dung dài tối đa 5.000 ký tự; bạn đã nhập 5.001 ký tự"),
        ("phone", "gọi tôi nhé", "Số điện thoại chỉ gồm chữ số"),
        ("topic", "999999", "Chủ đề đã chọn không còn"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message_and_nothing_saved(
    send, client, page, field, value, error
):
    response = send(page, form_data(page, **{field: value}))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_a_filled_honeypot_saves_and_mails_nothing(send, client, page):
    response = send(page, form_data(page, website="http://spam.example"))
    assert response.status_code == 400
    assert "Để trống ô này" in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_too_many_messages_from_one_address_get_429_with_a_vietnamese_message(
    send, client, page, settings
):
    settings.CONTACT_RATE_LIMIT = "2/3600"
    for _ in range(2):
        assert send(page, form_data(page)).status_code == 303
    response = send(page, form_data(page))
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều thư" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert ContactMessage.objects.count() == 2


def test_honeypot_posts_use_up_the_allowance(send, client, page, settings):
    settings.CONTACT_RATE_LIMIT = "1/3600"
    send(page, form_data(page, website="bot"))
    assert send(page, form_data(page)).status_code == 429


def test_the_page_can_only_be_added_once_under_a_home_page():
    class Case(WagtailPageTestCase):
        def runTest(self):  # noqa: N802
            self.assertAllowedParentPageTypes(ContactPage, {HomePage})
            self.assertAllowedSubpageTypes(ContactPage, {})

    Case().runTest()
    assert ContactPage.max_count_per_parent == 1


def test_the_page_renders_with_a_bad_query_string(client, page):
    assert client.get(page.url + "?topic=%00&x=<script>").status_code == 200
