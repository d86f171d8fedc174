"""Moderating and answering draft comments in the Wagtail admin (registered in wagtail_hooks).

Every listing, screen and action is limited to comments on drafts whose page the user may
edit: an editor of a commune's site never sees or moderates the province's draft comments."""

from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
)

from congso.drafts import services
from congso.drafts.models import DraftComment


class DraftCommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from citizens only; each one belongs to the draft page's editors."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return services.user_can_moderate(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return DraftComment.objects.none()
        return DraftComment.objects.filter(page_id__in=services.editable_draft_ids(user))


class _OwnDraftsOnly:
    """A comment on a draft the user may not edit is, for them, a comment that does not exist."""

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if not services.user_can_moderate(self.request.user, comment):
            raise Http404
        return comment


def bulk_action_url(action_type: str, comment, next_url: str) -> str:
    base = reverse("wagtail_bulk_action", args=("drafts", "draftcomment", action_type))
    return f"{base}?{urlencode({'id': comment.pk, 'next': next_url})}"


class DraftCommentIndexView(IndexView):
    def get_base_queryset(self):
        allowed = services.editable_draft_ids(self.request.user)
        return super().get_base_queryset().filter(page_id__in=allowed)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        next_url = self.request.get_full_path()
        for priority, (action, icon_name) in enumerate(
            ((ApproveBulkAction, "check"), (RejectBulkAction, "cross")), start=1
        ):
            if instance.status != action.status:
                url = bulk_action_url(action.action_type, instance, next_url)
                buttons.append(
                    Button(action.display_name, url=url, icon_name=icon_name, priority=priority)
                )
        return buttons


class DraftCommentEditView(_OwnDraftsOnly, EditView):
    """Status and the drafting body's answer; both go through the services so they are logged
    and the page cache is purged."""

    def save_instance(self):
        data = self.form.cleaned_data
        comment = DraftComment.objects.select_related("page").get(pk=self.object.pk)
        services.set_status([comment], self.request.user, data["status"])
        if (comment.response_kind, comment.response) != (data["response_kind"], data["response"]):
            services.respond(comment, self.request.user, data["response_kind"], data["response"])
        comment.refresh_from_db()
        return comment


class DraftCommentInspectView(_OwnDraftsOnly, InspectView):
    pass


class DraftCommentDeleteView(_OwnDraftsOnly, DeleteView):
    pass


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class ExcerptColumn(Column):
    def get_value(self, instance):
        return Truncator(instance.text).chars(120)


class TargetColumn(Column):
    def get_value(self, instance):
        page = instance.page
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a><br><small>{}</small>',
            page.url or "#",
            Truncator(page.title).chars(80),
            instance.target_label,
        )


class DraftCommentViewSet(SnippetViewSet):
    model = DraftComment
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    menu_order = 251
    add_to_admin_menu = True
    index_view_class = DraftCommentIndexView
    edit_view_class = DraftCommentEditView
    inspect_view_class = DraftCommentInspectView
    delete_view_class = DraftCommentDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        ExcerptColumn("text", label=_("Nội dung")),
        TargetColumn("page", label=_("Dự thảo / phần")),
        StatusColumn("status", label=_("Trạng thái"), sort_key="status"),
        DateColumn("created_at", label=_("Thời gian gửi"), sort_key="created_at"),
    ]
    list_filter = ["status", "response_kind", "created_at"]
    search_fields = ["name", "organisation", "text", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_fields = [
        "name",
        "organisation",
        "email",
        "text",
        "page",
        "section_title",
        "status",
        "created_at",
        "moderated_by",
        "moderated_at",
        "response_kind",
        "response",
    ]
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("organisation", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("page", read_only=True),
        FieldPanel("section_title", read_only=True),
        FieldPanel("status"),
        FieldPanel("response_kind"),
        FieldPanel("response"),
    ]

    def get_queryset(self, request):
        return DraftComment.objects.select_related("page", "section")


class _ModerationBulkAction(SnippetBulkAction):
    models = [DraftComment]
    template_name = "drafts/admin/confirm_bulk_moderation.html"
    status = ""
    verb = ""
    title = ""

    def check_perm(self, obj):
        return services.user_can_moderate(self.request.user, obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.set_status(objects, user, cls.status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message(num_parent_objects) % {"count": num_parent_objects}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = len(context.get("items") or ())
        return {
            **context,
            "verb": self.verb,
            "title": self.title,
            "question": self.question(count) % {"count": count},
        }


class ApproveBulkAction(_ModerationBulkAction):
    display_name = pgettext_lazy("comment moderation", "Duyệt")
    action_type = "approve"
    aria_label = _("Duyệt các góp ý đã chọn")
    action_priority = 10
    status = DraftComment.Status.APPROVED
    verb = pgettext_lazy("comment moderation", "Duyệt")
    title = _("Duyệt góp ý dự thảo")

    @staticmethod
    def question(count: int) -> str:
        return ngettext(
            "Bạn có chắc muốn duyệt %(count)d góp ý sau?",
            "Bạn có chắc muốn duyệt %(count)d góp ý sau?",
            count,
        )

    @staticmethod
    def success_message(count: int) -> str:
        return ngettext("Đã duyệt %(count)d góp ý.", "Đã duyệt %(count)d góp ý.", count)


class RejectBulkAction(_ModerationBulkAction):
    display_name = pgettext_lazy("comment moderation", "Từ chối")
    action_type = "reject"
    aria_label = _("Từ chối các góp ý đã chọn")
    action_priority = 20
    classes = {"serious"}
    status = DraftComment.Status.REJECTED
    verb = pgettext_lazy("comment moderation", "Từ chối")
    title = _("Từ chối góp ý dự thảo")

    @staticmethod
    def question(count: int) -> str:
        return ngettext(
            "Bạn có chắc muốn từ chối %(count)d góp ý sau?",
            "Bạn có chắc muốn từ chối %(count)d góp ý sau?",
            count,
        )

    @staticmethod
    def success_message(count: int) -> str:
        return ngettext("Đã từ chối %(count)d góp ý.", "Đã từ chối %(count)d góp ý.", count)
