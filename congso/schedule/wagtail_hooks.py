from wagtail import hooks
from wagtail.permissions import register_permission_policy

from congso.schedule.admin import ScheduleEntryPermissionPolicy, ScheduleEntryViewSet
from congso.schedule.models import ScheduleEntry

register_permission_policy(ScheduleEntry, ScheduleEntryPermissionPolicy(ScheduleEntry))


@hooks.register("register_admin_viewset")
def register_schedule_viewset():
    return ScheduleEntryViewSet("schedule_entries")
