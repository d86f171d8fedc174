from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Procedure, ProcedureField


class ProcedureViewSet(SnippetViewSet):
    """Procedures with their components, fees and legal basis edited inline."""

    model = Procedure
    icon = "form"
    menu_label = _("Thủ tục")
    list_display = ["name", "code", "field", "online_level", "active"]
    list_filter = ["field", "agencies", "online_level", "active", "is_sample"]
    search_fields = ["code", "name"]
    search_backend_name = None
    ordering = ["name"]


class ProcedureFieldViewSet(SnippetViewSet):
    model = ProcedureField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "code"]
    search_fields = ["code", "name"]
    search_backend_name = None


class ProceduresAdminGroup(SnippetViewSetGroup):
    menu_label = _("Thủ tục hành chính")
    menu_icon = "form"
    menu_order = 272
    items = (ProcedureViewSet, ProcedureFieldViewSet)


register_snippet(ProceduresAdminGroup)
