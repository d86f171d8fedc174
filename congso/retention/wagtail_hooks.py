from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congso.retention.admin_views import may_read_log


@hooks.register("register_admin_urls")
def register_retention_urls():
    from congso.retention.admin_views import urls

    return [
        path(
            "du-lieu-ca-nhan/",
            include((urls(), "retention_admin"), namespace="retention_admin"),
        )
    ]


class LogMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_log(request)


class DeskExportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_one_stop_menu_item")
def access_log_menu_item():
    return LogMenuItem(
        _("Nhật ký truy cập dữ liệu cá nhân"),
        reverse("retention_admin:access_log"),
        name="nhat-ky-du-lieu-ca-nhan",
        icon_name="view",
        order=600,
    )


@hooks.register("register_one_stop_menu_item")
def desk_export_menu_item():
    return DeskExportMenuItem(
        _("Xuất dữ liệu cá nhân tại quầy"),
        reverse("retention_admin:desk_export"),
        name="xuat-du-lieu-ca-nhan",
        icon_name="download",
        order=610,
    )
