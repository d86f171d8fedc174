from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congso.dossiers.models import CalendarDay, WorkingSession


class WorkingSessionViewSet(SnippetViewSet):
    model = WorkingSession
    icon = "time"
    menu_label = _("Phiên làm việc")
    list_display = ["agency", "weekday", "start", "end"]
    list_filter = ["agency", "weekday"]


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
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
