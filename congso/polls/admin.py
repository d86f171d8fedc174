"""Polls in the admin (registered in wagtail_hooks.py): the editorial groups create and edit
the polls of the sites whose poll page they may edit, and no other."""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from congso.core.scoping import PageScopedPermissionPolicy, editable_pages_of_type, scoped
from congso.polls.models import Poll, PollIndexPage, Vote


class PollPermissionPolicy(PageScopedPermissionPolicy):
    page_field = "index"


class PollForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        field = self.fields.get("index")
        if field is not None and user is not None and not user.is_superuser:
            field.queryset = editable_pages_of_type(user, PollIndexPage)
        if field is not None:
            pages = list(field.queryset[:2])
            if len(pages) == 1 and not self.instance.index_id:
                field.initial = pages[0].pk
            field.label_from_instance = _page_label

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Thời điểm kết thúc phải sau thời điểm bắt đầu."))
        options = self.formsets.get("options")
        if options is not None and self.instance.pk:
            for option_form in options.forms:
                option = option_form.instance
                if (
                    option.pk
                    and options.can_delete
                    and option_form["DELETE"].value()
                    and Vote.objects.filter(option=option).exists()
                ):
                    raise forms.ValidationError(
                        _("Không thể xoá phương án “%(label)s” vì đã có phiếu bình chọn.")
                        % {"label": option.label}
                    )
        return cleaned


def _page_label(page) -> str:
    site = page.get_site()
    return f"{page.title} — {site.site_name or site.hostname}" if site else page.title


class StateColumn(Column):
    def get_value(self, instance):
        return instance.get_state_display()


class VotesColumn(Column):
    def get_value(self, instance):
        from congso.core.text import format_number

        return format_number(getattr(instance, "vote_count", 0))


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = _("Bình chọn")
    menu_order = 270
    add_to_admin_menu = True
    edit_view_class = scoped(EditView)
    delete_view_class = scoped(DeleteView)
    inspect_view_class = scoped(InspectView)
    history_view_class = scoped(HistoryView)
    usage_view_class = scoped(UsageView)
    copy_view_enabled = False
    list_display = [
        "question",
        StateColumn("state", label=_("Tình trạng")),
        VotesColumn("votes", label=_("Số phiếu")),
        DateColumn("opens_at", label=_("Bắt đầu"), sort_key="opens_at"),
        DateColumn("closes_at", label=_("Kết thúc"), sort_key="closes_at"),
    ]
    list_filter = ["is_published", "opens_at"]
    search_fields = ["question"]
    search_backend_name = None
    ordering = ["-opens_at"]

    edit_handler = ObjectList(Poll.panels, base_form_class=PollForm)

    def get_queryset(self, request):
        return (
            self.permission_policy.instances_user_has_any_permission_for(
                request.user, ["change", "view"]
            )
            .annotate(vote_count=Count("votes"))
            .order_by("-opens_at")
        )
