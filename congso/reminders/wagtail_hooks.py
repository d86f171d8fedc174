from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from congso.dossiers import queues
from congso.reminders.models import SupplementDeadline


@hooks.register("register_admin_urls")
def register_reminder_urls():
    from congso.reminders.views import reminder_list

    urls = [path("", reminder_list, name="list")]
    return [path("nhac-viec/", include((urls, "reminders_admin"), namespace="reminders_admin"))]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return queues.request_is_officer(request)


@hooks.register("register_admin_menu_item")
def register_reminder_menu_item():
    return OfficerMenuItem(
        _("Nhắc việc và cảnh báo"),
        reverse("reminders_admin:list"),
        name="nhac-viec",
        icon_name="warning",
        order=106,
    )


class MyRemindersPanel(Component):
    name = "reminders"
    order = 90
    template_name = "reminders/admin/panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from congso.reminders.querysets import mine

        return {"rows": list(mine(self.user))}


@hooks.register("construct_homepage_panels")
def add_reminders_panel(request, panels):
    if queues.request_is_officer(request):
        panels.append(MyRemindersPanel(request.user))


class SupplementDeadlineViewSet(SnippetViewSet):
    """The installation administrator's: a procedure's own time to supplement."""

    model = SupplementDeadline
    icon = "time"
    menu_label = _("Hạn bổ sung hồ sơ")
    add_to_settings_menu = True
    list_display = ["procedure", "working_days", "legal_basis"]
    copy_view_enabled = False


register_snippet(SupplementDeadlineViewSet)
