"""Drafts for tests: an index under a home page, drafts with sections, comments, moderators."""

import itertools
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site

from congso.core.tests.factories import UserFactory
from congso.drafts.models import DraftComment, DraftIndexPage, DraftPage, DraftSection

_seq = itertools.count(1)

SECTIONS = ["Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng"]


def make_index(home) -> DraftIndexPage:
    index = DraftIndexPage(title="Lấy ý kiến dự thảo", slug="lay-y-kien-du-thao")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_draft(index, title=None, *, state="open", sections=SECTIONS, publish=True, **fields):
    """A draft whose window is `state` now: "open", "closed" or "upcoming"."""
    now = timezone.now()
    opens, closes = {
        "open": (now - timedelta(days=2), now + timedelta(days=10)),
        "closed": (now - timedelta(days=20), now - timedelta(days=5)),
        "upcoming": (now + timedelta(days=3), now + timedelta(days=30)),
    }[state]
    fields.setdefault("opens_at", opens)
    fields.setdefault("closes_at", closes)
    fields.setdefault("summary", "Dự thảo quy định về quản lý cổng thông tin điện tử.")
    fields.setdefault("drafting_body", "Văn phòng Sở")
    draft = DraftPage(title=title or f"Dự thảo số {next(_seq)}", **fields)
    draft.sections = [
        DraftSection(title=section, text=f"Nội dung {section.lower()}.", sort_order=n)
        for n, section in enumerate(sections)
    ]
    draft.live = publish  # a page is created live unless told otherwise
    index.add_child(instance=draft)
    revision = draft.save_revision()
    if publish:
        revision.publish()
    return DraftPage.objects.get(pk=draft.pk)


def make_comment(draft, section=None, status=DraftComment.Status.PENDING, **fields):
    fields.setdefault("name", f"Người góp ý {next(_seq)}")
    fields.setdefault("email", "nguoidan@example.vn")
    fields.setdefault("text", "Đề nghị làm rõ phạm vi điều chỉnh.")
    return DraftComment.objects.create(
        page=draft,
        section=section,
        section_title=section.title if section else "",
        status=status,
        **fields,
    )


def make_second_site(hostname="xa.localhost"):
    from congso.home.models import HomePage

    root = Page.get_first_root_node()
    home = HomePage(title="Ủy ban nhân dân xã", slug=f"xa-{next(_seq)}")
    root.add_child(instance=home)
    Site.objects.create(hostname=hostname, port=80, root_page=home, site_name="Xã")
    return home


def site_moderator(home, *, with_perm=True):
    """A staff account whose group may edit the pages under `home` only (one site's editors)
    and, unless told otherwise, moderate draft comments."""
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name=f"Biên tập {user.username}")
    perms = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    codenames = ["view_draftcomment", "change_draftcomment"] if with_perm else []
    perms += [
        Permission.objects.get(content_type__app_label="drafts", codename=code)
        for code in codenames
    ]
    group.permissions.set(perms)
    for code in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=code),
        )
    user.groups.add(group)
    return user
