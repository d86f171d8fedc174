"""Sending a comment on a draft: the never-cached form, what is saved, and every refusal
(bad input, closed or not yet open window, honeypot, rate limit) saving nothing."""

import pytest

from congso.drafts.models import DraftComment
from congso.drafts.tests.factories import make_draft

pytestmark = pytest.mark.django_db


def valid(section=None, **overrides):
    data = {
        "section": str(section.pk) if section else "",
        "name": "Phạm Thu Hà",
        "organisation": "Hội Nông dân xã",
        "email": "ha@example.vn",
        "text": "Đề nghị làm rõ phạm vi điều chỉnh.\nXin cảm ơn.",
        "website": "",
    }
    return {**data, **overrides}


def form_url(draft) -> str:
    return f"{draft.url}gop-y/"


def test_the_form_page_carries_a_token_and_is_never_cached(client, draft):
    section = draft.sections.last()
    response = client.get(f"{form_url(draft)}?muc={section.pk}")
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'<option value="{section.pk}" selected>' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_comment_on_a_section_is_saved_pending_without_the_address(client, draft):
    section = draft.sections.last()
    response = client.post(form_url(draft), valid(section), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert "Góp ý của bạn đã được gửi thành công" in response.content.decode()
    comment = DraftComment.objects.get()
    assert (comment.status, comment.section, comment.section_title) == (
        "pending",
        section,
        section.title,
    )
    assert comment.text == "Đề nghị làm rõ phạm vi điều chỉnh.\nXin cảm ơn."
    assert comment.organisation == "Hội Nông dân xã"
    assert "203.0.113.7" not in comment.source_hash and len(comment.source_hash) == 64


def test_a_comment_on_the_whole_draft_has_no_section(client, draft):
    client.post(form_url(draft), valid())
    assert DraftComment.objects.get().section is None


def test_markup_is_stored_as_the_plain_text_typed(client, draft):
    client.post(form_url(draft), valid(text="<b>Đậm</b>\x00 và\r\nxuống dòng"))
    assert DraftComment.objects.get().text == "<b>Đậm</b> và\nxuống dòng"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "Vui lòng nhập họ tên."),
        ("email", "khong-phai-email", "Địa chỉ email không hợp lệ"),
        ("text", "", "Vui lòng nhập nội dung góp ý."),
        ("text", "x" * 5001, "dài tối đa 5.000 ký tự; bạn đã nhập 5.001 ký tự"),
        ("name", "N" * 101, "Họ tên dài tối đa 100 ký tự"),
        ("organisation", "T" * 256, "dài tối đa 255 ký tự"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_saved(
    client, draft, field, value, message
):
    response = client.post(form_url(draft), valid(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DraftComment.objects.exists()


def test_a_section_of_another_draft_is_refused(client, draft, index):
    other = make_draft(index, "Dự thảo khác")
    response = client.post(form_url(draft), valid(other.sections.first()))
    assert response.status_code == 400
    assert "Phần được chọn không có trong dự thảo" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_a_comment_on_a_closed_draft_is_refused_and_nothing_saved(client, closed_draft):
    response = client.post(form_url(closed_draft), valid())
    assert response.status_code == 403
    assert "Đã hết thời hạn lấy ý kiến" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_the_form_of_a_closed_draft_is_not_shown(client, closed_draft):
    html = client.get(form_url(closed_draft)).content.decode()
    assert "Đã hết thời hạn lấy ý kiến" in html and "<form" not in html.split("<main", 1)[-1]


def test_a_comment_before_the_window_opens_is_refused(client, index):
    upcoming = make_draft(index, "Dự thảo sắp lấy ý kiến", state="upcoming")
    response = client.post(form_url(upcoming), valid())
    assert response.status_code == 403
    assert "chưa đến thời gian lấy ý kiến" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_a_filled_honeypot_saves_nothing(client, draft):
    response = client.post(form_url(draft), valid(website="http://spam.example"))
    assert response.status_code == 400
    assert "Để trống ô này" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_the_same_comment_sent_twice_is_saved_once(client, draft):
    client.post(form_url(draft), valid())
    response = client.post(form_url(draft), valid())
    assert response.status_code == 200
    assert DraftComment.objects.count() == 1


def test_too_many_comments_from_one_source_get_429(client, draft, settings):
    settings.DRAFT_COMMENTS_RATE_LIMIT = "2/600"
    for n in range(2):
        assert client.post(form_url(draft), valid(text=f"Góp ý số {n}")).status_code == 200
    response = client.post(form_url(draft), valid(text="Góp ý thứ ba"))
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều góp ý" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert DraftComment.objects.count() == 2


def test_the_rate_limit_is_per_source(client, draft, settings):
    settings.DRAFT_COMMENTS_RATE_LIMIT = "1/600"
    client.post(form_url(draft), valid(text="Một"), REMOTE_ADDR="198.51.100.1")
    response = client.post(form_url(draft), valid(text="Hai"), REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 200


def test_an_unpublished_draft_takes_no_comment(client, index):
    hidden = make_draft(index, "Dự thảo nội bộ", publish=False)
    response = client.post(f"/lay-y-kien-du-thao/{hidden.slug}/gop-y/", valid())
    assert response.status_code == 404
    assert not DraftComment.objects.exists()
