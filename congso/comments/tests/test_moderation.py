import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, ModelLogEntry, Page

from congso.comments.models import Comment
from congso.comments.services import APPROVE_ACTION, MODERATE_PERMISSION
from congso.comments.tests.factories import CommentFactory
from congso.core import pagecache
from congso.core.tests.factories import UserFactory

# Every test here uses the database (pages, comments, counters flushed to it).
pytestmark = pytest.mark.django_db


def _user_with(*codenames):
    user = UserFactory()
    group = Group.objects.create(name=f"Nhóm {user.username}")
    perms = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    for codename in codenames:
        app_label, name = codename.split(".")
        perms.append(Permission.objects.get(content_type__app_label=app_label, codename=name))
    group.permissions.set(perms)
    # Where: comments are moderated on the pages the user may change (the editorial groups
    # hold that on the tree root; a site's own groups on its home).
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def moderator(db):
    return _user_with(MODERATE_PERMISSION, "comments.view_comment")


@pytest.fixture
def editor(db):
    return _user_with()


def bulk_url(action, *comments):
    ids = "&".join(f"id={c.pk}" for c in comments)
    return (
        reverse("wagtail_bulk_action", args=("comments", "comment", action))
        + f"?{ids}&next=/admin/"
    )


def test_a_moderator_approves_a_comment(client, article, moderator):
    comment = CommentFactory(page=article)
    client.force_login(moderator)
    response = client.post(bulk_url("approve", comment))
    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.status, comment.moderated_by) == (Comment.Status.APPROVED, moderator)
    assert comment.moderated_at is not None


def test_approving_is_recorded_in_the_audit_log(client, article, moderator):
    comment = CommentFactory(page=article)
    client.force_login(moderator)
    client.post(bulk_url("approve", comment))
    entry = ModelLogEntry.objects.get(action=APPROVE_ACTION)
    assert (entry.user, entry.object_id) == (moderator, str(comment.pk))


def test_approving_purges_the_page_cache(
    client, article, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(page=article)
    before = pagecache.generation()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("approve", comment))
    assert pagecache.generation() > before


def test_a_moderator_rejects_a_comment(client, article, moderator):
    comment = CommentFactory(page=article)
    client.force_login(moderator)
    client.post(bulk_url("reject", comment))
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Comment.Status.REJECTED, moderator)


def test_a_moderator_approves_several_comments_at_once(client, article, moderator):
    comments = CommentFactory.create_batch(3, page=article)
    client.force_login(moderator)
    client.post(bulk_url("approve", *comments))
    assert Comment.objects.approved().count() == 3


def test_a_moderator_rejects_several_comments_at_once(client, article, moderator):
    comments = CommentFactory.create_batch(2, page=article, status=Comment.Status.APPROVED)
    client.force_login(moderator)
    client.post(bulk_url("reject", *comments))
    assert Comment.objects.filter(status=Comment.Status.REJECTED).count() == 2


def test_the_confirmation_page_lists_the_comments_in_vietnamese(client, article, moderator):
    comment = CommentFactory(page=article, text="Đề nghị Sở công khai lịch tiếp dân.")
    client.force_login(moderator)
    response = client.get(bulk_url("approve", comment))
    assert "Bạn có chắc muốn duyệt 1 bình luận sau?" in response.text
    assert "Đề nghị Sở công khai lịch tiếp dân." in response.text


def test_an_approved_comment_appears_in_the_article_context(client, article, moderator, rf):
    comment = CommentFactory(page=article, text="Ý kiến đã duyệt")
    client.force_login(moderator)
    client.post(bulk_url("approve", comment))
    context = article.get_context(rf.get(article.url))
    assert [c.text for c in context["comments"]] == ["Ý kiến đã duyệt"]


def test_a_user_without_the_permission_cannot_approve(client, article, editor):
    comment = CommentFactory(page=article)
    client.force_login(editor)
    client.post(bulk_url("approve", comment))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING and comment.moderated_by is None


def test_a_user_without_the_permission_cannot_see_the_list(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_comments_comment:list"))
    assert response.status_code in (302, 403)


def test_the_list_filters_by_status(client, article, moderator):
    CommentFactory(page=article, name="Người chờ duyệt")
    CommentFactory(page=article, name="Người đã duyệt", status=Comment.Status.APPROVED)
    client.force_login(moderator)
    response = client.get(reverse("wagtailsnippets_comments_comment:list") + "?status=pending")
    assert "Người chờ duyệt" in response.text and "Người đã duyệt" not in response.text


def test_the_list_offers_approve_and_reject_on_each_pending_comment(client, article, moderator):
    comment = CommentFactory(page=article)
    client.force_login(moderator)
    response = client.get(reverse("wagtailsnippets_comments_comment:list"))
    assert bulk_url("approve", comment).split("&next")[0].replace(
        "?", "?"
    ) in response.text.replace("&amp;", "&")


def test_the_list_offers_only_the_moves_that_change_the_status(client, article, moderator):
    approved = CommentFactory(page=article, status=Comment.Status.APPROVED)
    client.force_login(moderator)
    html = client.get(reverse("wagtailsnippets_comments_comment:list")).text.replace("&amp;", "&")
    assert bulk_url("reject", approved).split("&next")[0] in html
    assert bulk_url("approve", approved).split("&next")[0] not in html


def test_nobody_creates_comments_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_comments_comment:add"))
    assert response.status_code in (302, 403)


def test_changing_the_status_in_the_edit_form_is_recorded(client, article, moderator):
    comment = CommentFactory(page=article, text="Giữ nguyên")
    client.force_login(moderator)
    client.post(
        reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk]),
        {"status": "approved", "text": "Đã bị sửa"},
    )
    comment.refresh_from_db()
    assert (comment.status, comment.text, comment.moderated_by) == (
        "approved",
        "Giữ nguyên",
        moderator,
    )


def test_the_dashboard_shows_how_many_comments_wait(client, article, moderator):
    CommentFactory.create_batch(2, page=article)
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_home"))
    assert "2 bình luận chờ duyệt" in response.text
