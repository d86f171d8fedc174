"""Citizen profiles in the admin: a list for officers who hold the permission, never showing a
citizen's full phone or ID number (the citizen alone sees them, on their profile page).

Nobody creates or edits profiles here: citizens keep their own, so officers cannot change
the identity a dossier is filed under."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CitizenProfile


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class CitizenProfileViewSet(SnippetViewSet):
    model = CitizenProfile
    icon = "user"
    menu_label = _("Tài khoản công dân")
    menu_order = 900
    add_to_admin_menu = False
    list_display = [
        "full_name",
        Column("masked_phone", label=_("số điện thoại")),
        Column("masked_id_number", label=_("số định danh")),
        "created_at",
    ]
    search_fields = ["full_name"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = ["full_name", "masked_phone", "masked_id_number", "created_at"]


register_permission_policy(CitizenProfile, ReadOnlyPolicy(CitizenProfile))
register_snippet(CitizenProfileViewSet)
