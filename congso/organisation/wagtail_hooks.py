from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from congso.organisation.models import Agency


class AgencyViewSet(SnippetViewSet):
    """Agencies that receive dossiers; their calendars are under "Lịch làm việc"."""

    model = Agency
    icon = "site"
    menu_label = _("Cơ quan giải quyết TTHC")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["identifier", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["identifier", "name"]
    search_backend_name = None


register_snippet(AgencyViewSet)
