from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congso.dossiers.queues import request_is_officer


@hooks.register("register_admin_urls")
def register_report_urls():
    from congso.servicereports.admin_views import urls

    return [
        path(
            "mot-cua/bao-cao/",
            include((urls(), "servicereports_admin"), namespace="servicereports_admin"),
        )
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request_is_officer(request)


@hooks.register("register_one_stop_menu_item")
def reports_menu_item():
    return ReportsMenuItem(
        _("Báo cáo, sổ theo dõi"),
        reverse("servicereports_admin:index"),
        name="bao-cao-so-theo-doi",
        icon_name="doc-full",
        order=500,
    )
