"""Read-only daily figures in the admin's Reports menu, exportable for monthly reporting."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from congso.analytics.models import DailyStat
from congso.core.text import format_date, format_number


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Figures come only from the flush; editing them by hand would falsify the record."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


class NumberColumn(Column):
    def get_value(self, instance):
        return format_number(super().get_value(instance))


class DateTextColumn(Column):
    def get_value(self, instance):
        return format_date(instance.date)


class SiteDailyStatIndexView(IndexView):
    """A site's own editors see (and export) their site's figures only."""

    def get_base_queryset(self):
        from congso.core.sites import sites_user_edits

        return super().get_base_queryset().filter(site__in=sites_user_edits(self.request.user))


class DailyStatViewSet(ModelViewSet):
    model = DailyStat
    index_view_class = SiteDailyStatIndexView
    icon = "table"
    menu_label = _("Thống kê truy cập")
    menu_hook = "register_reports_menu_item"
    url_prefix = "thong-ke-truy-cap"
    name = "daily_stats"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["visits", "article_views"]
    list_display = [
        DateTextColumn("date", label=_("Ngày"), sort_key="date"),
        NumberColumn("visits", label=_("Lượt truy cập"), sort_key="visits"),
        NumberColumn("article_views", label=_("Lượt đọc tin"), sort_key="article_views"),
        "site",
    ]
    list_filter = ["site", "date"]
    list_export = ["date", "visits", "article_views", "site"]
    export_headings = {
        "date": _("Ngày"),
        "visits": _("Lượt truy cập"),
        "article_views": _("Lượt đọc tin"),
        "site": _("Trang"),
    }
    export_filename = "thong-ke-truy-cap"
    ordering = ["-date"]
    list_per_page = 31
