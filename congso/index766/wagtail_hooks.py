"""Admin of the 766 index: indicator sets and indicators (the installation administrator),
values entered with evidence, and closing a period. Each menu item is shown only to a user
holding its model permission; Wagtail refuses the views to anyone else."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congso.index766 import admin_views
from congso.index766.models import EnteredValue, Indicator, IndicatorSet


@hooks.register("register_admin_urls")
def register_index766_urls():
    from django.urls import include

    urls = [path("khoa-ky/", admin_views.close_view, name="close")]
    return [path("chi-so-766/", include((urls, "index766_admin"), namespace="index766_admin"))]


class IndicatorSetViewSet(SnippetViewSet):
    model = IndicatorSet
    icon = "list-ul"
    menu_label = _("Bộ chỉ số")
    list_display = ["name", "effective_from"]
    copy_view_enabled = False


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "tasks"
    menu_label = _("Chỉ số")
    list_display = ["code", "name", "group", "max_points", "target", "source", "indicator_set"]
    list_filter = ["indicator_set", "group", "source"]
    copy_view_enabled = False


class _RecordsEnterer:
    """Who entered a value is the user saving the form, never a form field."""

    def save_instance(self):
        self.form.instance.entered_by = self.request.user
        return super().save_instance()


class EnteredValueCreateView(_RecordsEnterer, snippet_views.CreateView):
    pass


class EnteredValueEditView(_RecordsEnterer, snippet_views.EditView):
    pass


class EnteredValueViewSet(SnippetViewSet):
    model = EnteredValue
    icon = "doc-full"
    menu_label = _("Số liệu nhập có minh chứng")
    add_view_class = EnteredValueCreateView
    edit_view_class = EnteredValueEditView
    list_display = ["indicator", "agency", "period", "numerator", "denominator", "entered_by"]
    list_filter = ["period", "agency"]
    copy_view_enabled = False


class CloseMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


class Index766Group(SnippetViewSetGroup):
    menu_label = _("Chỉ số 766")
    menu_icon = "pick"
    menu_name = "chi-so-766"
    menu_order = 106
    items = (EnteredValueViewSet, IndicatorSetViewSet, IndicatorViewSet)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            CloseMenuItem(_("Khóa kỳ"), reverse("index766_admin:close"), name="khoa-ky", order=900)
        )
        return items


register_snippet(Index766Group)
