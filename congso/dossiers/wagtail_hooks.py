from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congso.dossiers import queues
from congso.dossiers.forms import (
    AgencyStaffForm,
    AgencyWorkingSessionForm,
    WorkflowForm,
    agency_calendar_day_form,
)
from congso.dossiers.models import AgencyStaff, CalendarDay, Workflow, WorkingSession

# One-stop processing ("Một cửa điện tử") -----------------------------------------------------


@hooks.register("register_admin_urls")
def register_one_stop_urls():
    from congso.dossiers.admin_views import urls

    return [path("mot-cua/", include((urls(), "dossiers_admin"), namespace="dossiers_admin"))]


class ManagedLookupMixin:
    """History and usage views reach only the rows of the agencies the user administers (their
    own `get_queryset` is the listing — log entries, references — and must stay so)."""

    def get_base_object_queryset(self):
        return queues.managed(self.model._default_manager.all(), self.request.user)


class ManagedObjectMixin(ManagedLookupMixin):
    """Edit and delete views look the row up through `get_queryset`: another agency's row is a
    404, as if it did not exist."""

    def get_queryset(self):
        return self.get_base_object_queryset()


def _managed(view_class, mixin=ManagedObjectMixin):
    return type(view_class.__name__, (mixin, view_class), {})


class ManagedViewSet(SnippetViewSet):
    copy_view_enabled = False
    edit_view_class = _managed(snippet_views.EditView)
    delete_view_class = _managed(snippet_views.DeleteView)
    history_view_class = _managed(snippet_views.HistoryView, ManagedLookupMixin)
    usage_view_class = _managed(snippet_views.UsageView, ManagedLookupMixin)

    def get_queryset(self, request):
        return queues.managed(self.model._default_manager.all(), request.user)


# Calendars: an agency admin edits their agency's sessions and days; the default calendar
# (agency empty) is the installation administrator's.


class WorkingSessionViewSet(ManagedViewSet):
    model = WorkingSession
    edit_handler = ObjectList(WorkingSession.panels, base_form_class=AgencyWorkingSessionForm)
    icon = "time"
    menu_label = _("Phiên làm việc")
    list_display = ["agency", "weekday", "start", "end"]
    list_filter = ["agency", "weekday"]


class CalendarDayViewSet(ManagedViewSet):
    model = CalendarDay
    edit_handler = ObjectList(CalendarDay.panels, base_form_class=agency_calendar_day_form())
    icon = "date"
    menu_label = _("Ngày nghỉ, ngày làm bù")
    list_display = ["date", "kind", "name", "agency", "source"]
    list_filter = ["agency", "kind", "source"]
    ordering = ["-date"]
    search_fields = ["name"]
    search_backend_name = None


class CalendarAdminGroup(SnippetViewSetGroup):
    menu_label = _("Lịch làm việc")
    menu_icon = "calendar"
    menu_order = 271
    items = (WorkingSessionViewSet, CalendarDayViewSet)


register_snippet(CalendarAdminGroup)


class WorkflowViewSet(ManagedViewSet):
    model = Workflow
    icon = "list-ol"
    menu_label = _("Quy trình giải quyết")
    list_display = ["name", "procedure", "agency", "channel", "active"]
    list_filter = ["agency", "channel", "active"]
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList(Workflow.panels, base_form_class=WorkflowForm)


class AgencyStaffViewSet(ManagedViewSet):
    model = AgencyStaff
    icon = "user"
    menu_label = _("Cán bộ giải quyết hồ sơ")
    list_display = ["user", "agency", "role"]
    list_filter = ["agency", "role"]
    edit_handler = ObjectList(AgencyStaff.panels, base_form_class=AgencyStaffForm)


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return queues.request_is_officer(request)


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return queues.request_may_enter_in_person(request)


class OneStopGroup(SnippetViewSetGroup):
    """The queues and in-person entry for officers, then workflows and staff for the agency
    admin (each shown only to whom may use it)."""

    menu_label = _("Một cửa điện tử")
    menu_icon = "folder-open-inverse"
    menu_name = "mot-cua"
    menu_order = 105
    items = (WorkflowViewSet, AgencyStaffViewSet)

    def get_submenu_items(self):
        url = reverse("dossiers_admin:queue")
        items = [
            OfficerMenuItem(
                queue.label, f"{url}?hang={queue.slug}", name=f"hang-{queue.slug}", order=n
            )
            for n, queue in enumerate(queues.QUEUES)
        ]
        items.append(
            DeskMenuItem(
                _("Nhập hồ sơ trực tiếp"),
                reverse("dossiers_admin:desk"),
                name="nhap-truc-tiep",
                order=100,
            )
        )
        # Pages of other apps under this menu (reports, results): one MenuItem per hook.
        items += [make() for make in hooks.get_hooks("register_one_stop_menu_item")]
        items += [item.get_menu_item(order=900 + n) for n, item in enumerate(self.registerables)]
        return items


register_snippet(OneStopGroup)
