"""The draft pages: validation of the window, the list (order, filters, counts), the draft page
with its sections and approved comments, the closed window and the published report."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congso.drafts.models import DraftComment, DraftPage
from congso.drafts.tests.factories import make_comment, make_draft

pytestmark = pytest.mark.django_db
APPROVED = DraftComment.Status.APPROVED


def test_a_draft_whose_window_closes_before_it_opens_is_refused(draft):
    draft.closes_at = draft.opens_at - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "phải sau thời điểm bắt đầu" in str(error.value.message_dict["closes_at"])


def test_a_draft_needs_its_drafting_body(draft):
    draft.drafting_body = "  "
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "drafting_body" in error.value.message_dict


def test_the_report_cannot_be_published_while_the_window_is_open(draft):
    draft.report_published = True
    draft.report_text = "<p>Tổng hợp</p>"
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "sau khi hết hạn" in str(error.value.message_dict["report_published"])


def test_the_window_state_follows_the_clock(draft):
    assert draft.window_state(draft.opens_at - timedelta(seconds=1)) == "upcoming"
    assert draft.window_state(draft.opens_at) == "open"
    assert draft.window_state(draft.closes_at) == "closed"


def test_the_list_shows_open_drafts_before_closed_ones(client, index):
    make_draft(index, "Dự thảo đã đóng mới", state="closed")
    make_draft(index, "Dự thảo hạn xa", closes_at=timezone.now() + timedelta(days=40))
    make_draft(index, "Dự thảo hạn gần", closes_at=timezone.now() + timedelta(days=2))
    html = client.get(index.url).content.decode()
    positions = [html.index(t) for t in ("hạn gần", "hạn xa", "đã đóng mới")]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("value", "shown", "hidden"),
    [
        ("dang-lay-y-kien", "Dự thảo mở", "Dự thảo đóng"),
        ("da-ket-thuc", "Dự thảo đóng", "Dự thảo mở"),
    ],
)
def test_the_list_filters_open_and_closed_drafts(client, index, value, shown, hidden):
    make_draft(index, "Dự thảo mở")
    make_draft(index, "Dự thảo đóng", state="closed")
    html = client.get(f"{index.url}?tinh-trang={value}").content.decode()
    assert shown in html and hidden not in html


def test_the_list_counts_only_approved_comments(client, draft, index):
    make_comment(draft, status=APPROVED)
    make_comment(draft, status=APPROVED)
    make_comment(draft)  # pending: not counted, not shown
    html = client.get(index.url).content.decode()
    assert "2 góp ý" in html


def test_unpublished_drafts_are_not_listed(client, index):
    make_draft(index, "Dự thảo chưa xuất bản", publish=False)
    assert "chưa xuất bản" not in client.get(index.url).content.decode()


def test_the_list_pages_through_drafts(client, index):
    for n in range(12):
        make_draft(index, f"Dự thảo thứ {n:02d}")
    response = client.get(f"{index.url}?page=2")
    assert response.status_code == 200
    assert len(response.context["drafts"]) == 2


def test_approved_comments_show_under_their_section(client, draft):
    first, second = draft.sections.all()
    make_comment(draft, second, status=APPROVED, text="Góp ý về đối tượng áp dụng.")
    make_comment(draft, status=APPROVED, text="Góp ý chung về dự thảo.")
    make_comment(draft, first, text="Góp ý đang chờ duyệt.")
    response = client.get(draft.url)
    html = response.content.decode()
    section_html = html[html.index(f'id="muc-{second.pk}"') : html.index('id="gop-y"')]
    assert "Góp ý về đối tượng áp dụng." in section_html
    assert "Góp ý chung về dự thảo." in html[html.index('id="gop-y"') :]
    assert "đang chờ duyệt" not in html
    assert "nguoidan@example.vn" not in html


def test_a_comment_is_shown_as_text_never_as_markup(client, draft):
    make_comment(draft, status=APPROVED, text='<script>alert("x")</script>')
    html = client.get(draft.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_an_open_draft_links_each_section_to_the_comment_form(client, draft):
    section = draft.sections.first()
    html = client.get(draft.url).content.decode()
    assert f"{draft.url}gop-y/?muc={section.pk}" in html


def test_a_closed_draft_says_so_and_offers_no_form(client, closed_draft):
    html = client.get(closed_draft.url).content.decode()
    assert "Đã hết thời hạn lấy ý kiến" in html
    assert "gop-y/" not in html


def test_the_report_and_answers_are_shown_once_published(
    client, closed_draft, django_capture_on_commit_callbacks
):
    make_comment(
        closed_draft,
        status=APPROVED,
        response_kind=DraftComment.Response.ACCEPTED,
        response="Đã bổ sung vào Điều 3.",
    )
    assert "Đã bổ sung vào Điều 3." not in client.get(closed_draft.url).content.decode()
    closed_draft.report_published = True
    closed_draft.report_text = "<p>Nhận 1 ý kiến, tiếp thu 1.</p>"
    with django_capture_on_commit_callbacks(execute=True):  # the publish purges the cache
        closed_draft.save_revision().publish()
    html = client.get(closed_draft.url).content.decode()
    assert "Nhận 1 ý kiến, tiếp thu 1." in html
    assert "Tiếp thu của cơ quan soạn thảo" in html and "Đã bổ sung vào Điều 3." in html


def test_the_rss_feed_lists_drafts_with_the_sites_address(client, draft, index):
    response = client.get(f"{index.url}rss/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert draft.title in body
    assert f"<link>http://testserver{draft.url}</link>" in body


def test_drafts_are_in_the_sitemap(client, draft, index):
    body = client.get("/sitemap.xml").content.decode()
    assert draft.url in body and index.url in body


def test_the_search_payload_carries_sections_and_summary(draft):
    payload = draft.search_payload()
    assert "Điều 2. Đối tượng áp dụng" in payload["body"]
    assert draft.summary in payload["body"]
    assert payload["type_label"] == "Dự thảo lấy ý kiến"


def test_the_breadcrumb_leads_home_through_the_list(client, draft):
    html = client.get(draft.url).content.decode()
    crumb = html[html.index('class="breadcrumb"') :]
    assert "Trang chủ" in crumb and "Lấy ý kiến dự thảo" in crumb


def test_only_one_list_page_per_site(index, home):
    from congso.drafts.models import DraftIndexPage

    assert not DraftIndexPage.can_create_at(home)
    assert DraftPage.can_create_at(index)


def test_a_draft_closing_within_the_cache_lifetime_is_not_cached(client, index, settings):
    soon = make_draft(
        index, "Dự thảo sắp hết hạn", closes_at=timezone.now() + timedelta(seconds=60)
    )
    later = make_draft(index, "Dự thảo còn lâu")
    assert "private" in client.get(soon.url).get("Cache-Control", "")
    assert "private" not in client.get(later.url).get("Cache-Control", "")
