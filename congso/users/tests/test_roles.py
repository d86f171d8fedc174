"""The editorial roles: Biên tập viên drafts and submits, Trưởng ban biên tập approves and publishes."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, Workflow

from congso.core.tests.factories import UserFactory, make_article
from congso.users.roles import CHIEF_EDITOR, EDITOR, WORKFLOW_NAME, setup_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(home):
    setup_roles()
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    chief = UserFactory(is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    return editor, chief


def test_setup_roles_can_run_twice_without_duplicates(home):
    setup_roles()
    setup_roles()
    assert Group.objects.filter(name__in=[EDITOR, CHIEF_EDITOR]).count() == 2
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_editor_can_edit_but_not_publish(roles, category):
    editor, _ = roles
    draft = make_article(category, publish=False)
    permissions = draft.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_chief_editor_can_publish(roles, category):
    _, chief = roles
    draft = make_article(category, publish=False)
    assert draft.permissions_for_user(chief).can_publish()


def test_submitted_article_waits_for_the_chief_editor_and_is_published_on_approval(roles, category):
    editor, chief = roles
    draft = make_article(category, "Tin chờ duyệt", publish=False)
    workflow = draft.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    state = workflow.start(draft, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.get_actions(draft, chief)
    assert not task_state.task.specific.get_actions(draft, editor)
    task_state.task.specific.on_action(task_state, chief, "approve")
    draft.refresh_from_db()
    assert draft.live


def test_audit_log_records_who_published(roles, category):
    _, chief = roles
    draft = make_article(category, "Tin do trưởng ban đăng", publish=False)
    draft.get_latest_revision().publish(user=chief)
    entry = PageLogEntry.objects.filter(page=draft, action="wagtail.publish").latest("timestamp")
    assert entry.user == chief


def test_setup_roles_gives_the_groups_an_app_declares_their_permissions(home, monkeypatch):
    from django.apps import apps
    from django.contrib.auth.models import Group

    config = apps.get_app_config("comments")
    monkeypatch.setattr(
        config, "group_permissions", {"Nhóm thử": ["comments.view_comment"]}, raising=False
    )
    setup_roles()
    group = Group.objects.get(name="Nhóm thử")
    assert list(group.permissions.values_list("codename", flat=True)) == ["view_comment"]
