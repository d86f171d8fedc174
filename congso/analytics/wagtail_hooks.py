from wagtail import hooks
from wagtail.permissions import register_permission_policy

from congso.analytics.admin import DailyStatViewSet, ReadOnlyPermissionPolicy
from congso.analytics.models import DailyStat

register_permission_policy(DailyStat, ReadOnlyPermissionPolicy(DailyStat))


@hooks.register("register_admin_viewset")
def register_daily_stats():
    return DailyStatViewSet()
