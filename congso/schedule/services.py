"""Changing the schedule: saving and deleting entries (audit log, "điều chỉnh" mark, page cache
purge) and creating a site's schedule page."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction
from wagtail.models import GroupPagePermission

from congso.core.pagecache import purge_all
from congso.schedule.models import ScheduleEntry, SchedulePage

OFFICE_GROUP = "Văn phòng"
SLUG = "lich-cong-tac"
TITLE = "Lịch công tác"
ENTRY_PERMISSIONS = [
    f"schedule.{verb}_scheduleentry" for verb in ("add", "change", "delete", "view")
]


def mark_changes(entry: ScheduleEntry, changed_fields) -> bool:
    """An entry whose day, time, place, content, leader or status changed after it was first
    saved is marked "điều chỉnh" (with the time) and its iCalendar SEQUENCE goes up."""
    if entry.pk is None or not set(changed_fields) & set(ScheduleEntry.SIGNIFICANT_FIELDS):
        return False
    entry.changed_at = timezone.now()
    entry.sequence += 1
    return True


def _purge_after_commit() -> None:
    # The schedule page and its print view are in the full-page cache; readers must see the
    # change now, not when the cached copy expires.
    transaction.on_commit(purge_all)


@transaction.atomic
def save_entry(entry: ScheduleEntry, user=None, form=None) -> ScheduleEntry:
    """Create or edit an entry (validated by the caller's form, or here), logged as
    wagtail.create / wagtail.edit in the audit log."""
    if form is None:
        entry.full_clean()
        changed = ScheduleEntry.SIGNIFICANT_FIELDS if entry.pk else ()
    else:
        changed = form.changed_data
    if entry.pk is None:
        CreateAction(entry, user=user, form=form).execute(skip_permission_checks=True)
    else:
        mark_changes(entry, changed)
        EditAction(entry, user=user, form=form).execute(skip_permission_checks=True)
    _purge_after_commit()
    return entry


@transaction.atomic
def delete_entry(entry: ScheduleEntry, user=None) -> None:
    DeleteAction(entry, user=user).execute(skip_permission_checks=True)
    _purge_after_commit()


def ensure_schedule_page(home) -> tuple[SchedulePage, bool]:
    """The site's schedule page under its home page, created (published) when missing."""
    existing = SchedulePage.objects.child_of(home).first()
    if existing is not None:
        return existing, False
    page = SchedulePage(
        title=TITLE,
        slug=SLUG,
        show_in_menus=True,
        intro="Lịch công tác tuần của lãnh đạo cơ quan; Văn phòng cập nhật khi có thay đổi.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


@transaction.atomic
def grant_office(page: SchedulePage, group_name: str = OFFICE_GROUP) -> Group:
    """Let a group keep `page`'s entries: the entry permissions and "change" on the page (the
    admin lists only entries of pages the user may change; docs/decisions/0018)."""
    group, _ = Group.objects.get_or_create(name=group_name)
    for dotted in ENTRY_PERMISSIONS + ["wagtailadmin.access_admin"]:
        app_label, codename = dotted.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    change_page = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="change_page"
    )
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change_page)
    return group
