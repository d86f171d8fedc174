"""The staff's listing of contact messages (registered in wagtail_hooks.py): only the messages
of the sites whose contact page the officer may edit, and only the status and a note editable."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from congso.contact import services
from congso.contact.models import ContactMessage
from congso.core.scoping import PageScopedPermissionPolicy, scoped


class ContactMessagePermissionPolicy(PageScopedPermissionPolicy):
    """Messages come from citizens only: nobody writes one in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


class ContactMessageEditView(scoped(EditView)):
    """The status goes through the service, so who handled it and when are recorded."""

    def save_instance(self):
        message = self.object
        services.set_status(
            message,
            self.request.user,
            self.form.cleaned_data["status"],
            note=self.form.cleaned_data["staff_note"],
        )
        message.refresh_from_db()
        return message


class ExcerptColumn(Column):
    def get_value(self, instance):
        return Truncator(instance.message).chars(100)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class SiteColumn(Column):
    def get_value(self, instance):
        site = instance.page.get_site()
        return site.site_name or site.hostname if site else instance.page.title


class ContactMessageViewSet(SnippetViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Thư liên hệ")
    menu_order = 260
    add_to_admin_menu = True
    edit_view_class = ContactMessageEditView
    delete_view_class = scoped(DeleteView)
    inspect_view_class = scoped(InspectView)
    history_view_class = scoped(HistoryView)
    usage_view_class = scoped(UsageView)
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "subject",
        "topic_name",
        ExcerptColumn("message", label=_("Nội dung")),
        "name",
        StatusColumn("status", label=_("Trạng thái"), sort_key="status"),
        SiteColumn("page", label=_("Trang")),
        DateColumn("created_at", label=_("Thời gian gửi"), sort_key="created_at"),
    ]
    list_filter = ["status", "topic_name", "created_at"]
    search_fields = ["subject", "message", "name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_fields = [
        "subject",
        "topic_name",
        "recipient",
        "name",
        "email",
        "phone",
        "message",
        "created_at",
        "status",
        "handled_by",
        "handled_at",
        "staff_note",
        "mailed_at",
        "mail_error",
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("subject", read_only=True),
                FieldPanel("topic_name", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("created_at", read_only=True),
                FieldPanel("recipient", read_only=True),
                FieldPanel("mail_error", read_only=True),
            ],
            heading=_("Thư của người dân"),
        ),
        FieldPanel("status", widget=forms.RadioSelect),
        FieldPanel("staff_note"),
    ]

    def get_queryset(self, request):
        return (
            self.permission_policy.instances_user_has_any_permission_for(
                request.user, ["change", "view"]
            )
            .select_related("page")
            .order_by("-created_at")
        )
