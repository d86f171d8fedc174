"""The office's screens for schedule entries in the Wagtail admin (registered in wagtail_hooks).

An entry belongs to a schedule page, and so to a site: a user sees, adds, edits and deletes only
entries of schedule pages they may change (Wagtail page permissions), on top of the model
permissions the "Văn phòng" group carries. Checked for the list, every object view and the
form's choice of page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import (
    CopyViewMixin,
    CreateView,
    DeleteView,
    EditView,
    IndexView,
)
from wagtail.admin.viewsets.model import ModelViewSet

from congso.core.scoping import PageScopedPermissionPolicy, editable_pages_of_type
from congso.core.text import clean_plain
from congso.schedule import services
from congso.schedule.models import ScheduleEntry, SchedulePage

TEXT_FIELDS = ("content", "leader", "place", "participants", "preparing_unit", "notes")


def editable_schedule_pages(user):
    return editable_pages_of_type(user, SchedulePage)


class ScheduleEntryPermissionPolicy(PageScopedPermissionPolicy):
    """Model permission (what) AND permission to change the entry's schedule page (where)."""


class ScheduleEntryForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("page")
        if field is not None and for_user is not None:
            field.queryset = editable_schedule_pages(for_user).order_by("path")
            field.label_from_instance = lambda page: f"{page.title} – {page.get_site() or ''}"
            if field.queryset.count() == 1 and not self.instance.pk:
                field.initial = field.queryset.first().pk
        official = self.fields.get("official")
        if official is not None:
            official.required = False

    def clean(self):
        cleaned = super().clean()
        for name in TEXT_FIELDS:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = clean_plain(cleaned[name])
                setattr(self.instance, name, cleaned[name])
        for name in ("content", "leader", "place"):
            if name in cleaned and not cleaned[name]:
                self.add_error(name, _("Trường này không được để trống."))
        return cleaned


class EntryIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change", "delete"]
        ).select_related("page")


class EntryCreateView(CreateView):
    def save_instance(self):
        return services.save_entry(self.form.instance, self.request.user, self.form)


class EntryCopyView(CopyViewMixin, EntryCreateView):
    """ "Sao chép": a weekly meeting is entered once and copied to the next week."""


class EntryEditView(EditView):
    def get_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")

    def save_instance(self):
        return services.save_entry(self.form.instance, self.request.user, self.form)


class EntryDeleteView(DeleteView):
    def get_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "delete")

    def delete_action(self):
        services.delete_entry(self.object, self.request.user)


class TimeColumn(Column):
    def get_value(self, instance):
        end = f"–{instance.end_time:%H:%M}" if instance.end_time else ""
        return f"{instance.start_time:%H:%M}{end}"


class StateColumn(Column):
    def get_value(self, instance):
        if instance.cancelled:
            return _("Hoãn/hủy")
        return _("Điều chỉnh") if instance.changed_at else ""


class SiteColumn(Column):
    def get_value(self, instance):
        return str(instance.page.get_site() or instance.page.title)


class ScheduleEntryViewSet(ModelViewSet):
    model = ScheduleEntry
    icon = "date"
    menu_label = _("Lịch công tác")
    menu_order = 260
    add_to_admin_menu = True
    edit_handler = ObjectList(ScheduleEntry.panels, base_form_class=ScheduleEntryForm)
    index_view_class = EntryIndexView
    add_view_class = EntryCreateView
    edit_view_class = EntryEditView
    delete_view_class = EntryDeleteView
    copy_view_class = EntryCopyView
    inspect_view_enabled = False
    list_display = [
        DateColumn("day", label=_("Ngày"), sort_key="day"),
        TimeColumn("start_time", label=_("Giờ")),
        "leader",
        "content",
        "place",
        StateColumn("cancelled", label=_("Tình trạng")),
        SiteColumn("page", label=_("Trang")),
    ]
    list_filter = ["day", "cancelled"]
    search_fields = ["content", "leader", "place"]
    search_backend_name = None
    ordering = ["-day", "start_time"]
    list_per_page = 50
