"""Drafts are found by the site search through their own search_payload, sections and files
included; an unpublished draft is not; an editor's preview renders."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from congso.core.tests.factories import SuperuserFactory
from congso.drafts.tests.factories import make_draft
from congso.search.querysets import search

pytestmark = pytest.mark.django_db


def test_a_published_draft_is_found_by_the_text_of_a_section(index):
    draft = make_draft(index, "Dự thảo quy chế", sections=["Điều 5. Thu gom rác thải sinh hoạt"])
    hits = search("thu gom rac thai").hits
    assert [hit.url for hit in hits] == [draft.url]
    assert hits[0].type_label == "Dự thảo lấy ý kiến"


def test_an_unpublished_draft_is_not_found(index):
    make_draft(index, "Dự thảo nội bộ về phí", publish=False)
    assert search("noi bo ve phi").total == 0


def test_the_editor_previews_a_draft_with_a_new_section(client, draft):
    client.force_login(SuperuserFactory())
    local = lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M")  # noqa: E731
    data = nested_form_data(
        {
            "title": draft.title,
            "slug": draft.slug,
            "summary": draft.summary,
            "drafting_body": draft.drafting_body,
            "opens_at": local(draft.opens_at),
            "closes_at": local(draft.closes_at),
            "how_to_comment": rich_text("<p>Gửi về Văn phòng.</p>"),
            "files": inline_formset([]),
            "sections": inline_formset([{"title": "Điều 9. Điều mới thêm", "text": "Nội dung."}]),
            "report_text": rich_text(""),
        }
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
    response = client.post(url, data)
    assert response.json()["is_valid"], response.json()
    response = client.get(url)
    assert response.status_code == 200
    assert "Điều 9. Điều mới thêm" in response.content.decode()
