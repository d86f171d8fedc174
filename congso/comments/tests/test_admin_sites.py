"""A commune's chief editors moderate the comments on their own site's articles, and only those
(several sites, issue 11): the listing, the object views and the bulk actions refuse the rest."""

import pytest
from django.urls import reverse

from congso.comments.admin import bulk_action_url
from congso.comments.models import Comment
from congso.core.tests.sites import COMMUNE_NAME, site_user

pytestmark = pytest.mark.django_db


def comment_on(page, name):
    return Comment.objects.create(page=page, name=name, email="a@example.com", text="Góp ý")


@pytest.fixture
def comments(two_sites):
    return (
        comment_on(two_sites.department_article, "Bạn đọc của Sở"),
        comment_on(two_sites.commune_article, "Bạn đọc của xã"),
    )


@pytest.fixture
def commune_chief(client, two_sites):
    user = site_user("truongban-xa-thu", COMMUNE_NAME, chief=True)
    client.force_login(user)
    return user


def test_the_commune_chief_lists_only_the_communes_comments(client, commune_chief, comments):
    body = client.get(reverse("wagtailsnippets_comments_comment:list")).content.decode()
    assert "Bạn đọc của xã" in body
    assert "Bạn đọc của Sở" not in body


def test_the_commune_chief_cannot_open_a_department_comment(client, commune_chief, comments):
    department_comment = comments[0]
    for name in ("edit", "inspect", "delete", "history"):
        url = reverse(f"wagtailsnippets_comments_comment:{name}", args=[department_comment.pk])
        assert client.get(url).status_code in (302, 403, 404), name


def test_the_commune_chief_cannot_approve_a_department_comment(client, commune_chief, comments):
    department_comment = comments[0]
    url = bulk_action_url("approve", department_comment, "/admin/")
    client.post(url)
    department_comment.refresh_from_db()
    assert department_comment.status == Comment.Status.PENDING


def test_the_commune_chief_approves_a_comment_on_the_communes_article(
    client, commune_chief, comments
):
    commune_comment = comments[1]
    client.post(bulk_action_url("approve", commune_comment, "/admin/"))
    commune_comment.refresh_from_db()
    assert commune_comment.status == Comment.Status.APPROVED
    assert commune_comment.moderated_by == commune_chief
