from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congso.nationalsync.services import may_manage


@hooks.register("register_admin_urls")
def register_national_sync_urls():
    from congso.nationalsync.admin_views import urls

    return [
        path(
            "dong-bo-quoc-gia/",
            include((urls(), "nationalsync_admin"), namespace="nationalsync_admin"),
        )
    ]


class NationalSyncMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage(request.user)


@hooks.register("register_settings_menu_item")
def register_national_sync_menu_item():
    return NationalSyncMenuItem(
        _("Đồng bộ Cổng DVC quốc gia"),
        reverse("nationalsync_admin:list"),
        name="dong-bo-quoc-gia",
        icon_name="resubmit",
        order=720,
    )
