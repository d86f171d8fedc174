"""Moderating draft comments: approval purges the page cache and is logged; an editor of one
site cannot see, open or moderate another site's draft comments; answers (tiếp thu, giải trình)
are recorded; the draft's files become downloadable when it is published."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from congso.core import pagecache
from congso.drafts import services
from congso.drafts.models import DraftComment
from congso.drafts.tests.factories import (
    make_comment,
    make_draft,
    make_index,
    make_second_site,
    site_moderator,
)

pytestmark = pytest.mark.django_db
LISTING = "/admin/snippets/drafts/draftcomment/"


def bulk_url(action, *comments):
    ids = "&".join(f"id={c.pk}" for c in comments)
    base = reverse("wagtail_bulk_action", args=("drafts", "draftcomment", action))
    return f"{base}?{ids}&next=/admin/"


@pytest.fixture
def moderator(home):
    return site_moderator(home)


@pytest.fixture
def commune_draft(db):
    commune = make_second_site()
    return make_draft(make_index(commune), "Dự thảo của xã")


def test_a_moderator_approves_a_comment_and_it_is_logged(client, draft, moderator):
    comment = make_comment(draft)
    client.force_login(moderator)
    assert client.post(bulk_url("approve", comment)).status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", moderator)
    assert ModelLogEntry.objects.filter(action=services.APPROVE_ACTION).count() == 1


def test_approving_purges_the_page_cache(
    client, draft, moderator, django_capture_on_commit_callbacks
):
    comment = make_comment(draft)
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status([comment], moderator, DraftComment.Status.APPROVED)
    assert pagecache.generation() > before


def test_an_approved_comment_appears_on_the_cached_page(
    client, draft, moderator, django_capture_on_commit_callbacks
):
    comment = make_comment(draft, text="Góp ý vừa được duyệt.")
    assert "Góp ý vừa được duyệt." not in client.get(draft.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status([comment], moderator, DraftComment.Status.APPROVED)
    assert "Góp ý vừa được duyệt." in client.get(draft.url).content.decode()


def test_the_listing_shows_only_comments_on_the_users_own_site(
    client, draft, commune_draft, moderator
):
    make_comment(draft, name="Người dân tỉnh")
    make_comment(commune_draft, name="Người dân xã")
    client.force_login(moderator)
    html = client.get(LISTING).content.decode()
    assert "Người dân tỉnh" in html and "Người dân xã" not in html


def test_an_editor_of_one_site_cannot_approve_another_sites_comment(
    client, draft, commune_draft, moderator
):
    foreign = make_comment(commune_draft)
    client.force_login(moderator)
    client.post(bulk_url("approve", foreign))
    foreign.refresh_from_db()
    assert foreign.status == "pending"


def test_an_editor_of_one_site_cannot_open_another_sites_comment(
    client, draft, commune_draft, moderator
):
    foreign = make_comment(commune_draft)
    client.force_login(moderator)
    edit = reverse("wagtailsnippets_drafts_draftcomment:edit", args=[foreign.pk])
    inspect = reverse("wagtailsnippets_drafts_draftcomment:inspect", args=[foreign.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"status": "approved"}).status_code == 404
    assert client.get(inspect).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "pending"


def test_the_commune_editor_moderates_the_communes_comments(client, commune_draft):
    commune_editor = site_moderator(commune_draft.get_parent().get_parent())
    comment = make_comment(commune_draft)
    client.force_login(commune_editor)
    client.post(bulk_url("approve", comment))
    comment.refresh_from_db()
    assert comment.status == "approved"


def test_an_editor_without_the_moderation_permission_cannot_approve(client, draft, home):
    editor = site_moderator(home, with_perm=False)
    comment = make_comment(draft)
    client.force_login(editor)
    client.post(bulk_url("approve", comment))
    assert client.get(LISTING).status_code == 302  # sent back to the dashboard
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_the_edit_form_records_the_answer(client, closed_draft, moderator):
    comment = make_comment(closed_draft, status="approved")
    client.force_login(moderator)
    edit = reverse("wagtailsnippets_drafts_draftcomment:edit", args=[comment.pk])
    response = client.post(
        edit,
        {"status": "approved", "response_kind": "explained", "response": "Giải trình: đã có."},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.response_kind, comment.response) == ("explained", "Giải trình: đã có.")
    assert ModelLogEntry.objects.filter(action=services.RESPOND_ACTION).exists()


def test_publishing_a_draft_makes_its_files_downloadable(index, django_capture_on_commit_callbacks):
    from congso.documents.services import store_file
    from congso.documents.tests.factories import make_pdf
    from congso.drafts.models import DraftFile

    file = store_file("du-thao.pdf", make_pdf("Dự thảo quy chế"), title="Dự thảo quy chế")
    draft = make_draft(index, "Dự thảo có tệp", publish=False)
    draft.files = [DraftFile(file=file, label="Toàn văn dự thảo")]
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    file.refresh_from_db()
    assert file.is_public


def test_the_dashboard_counts_pending_comments_of_the_users_drafts_only(
    client, draft, commune_draft, moderator
):
    make_comment(draft)
    make_comment(commune_draft)
    make_comment(commune_draft)
    client.force_login(moderator)
    assert "1 góp ý dự thảo chờ duyệt" in client.get("/admin/").content.decode()
