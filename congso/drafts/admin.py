"""Moderating and answering draft comments in the Wagtail admin (registered in wagtail_hooks).

Every listing, screen and action is limited to comments on drafts whose page the user may
edit: an editor of a commune's site never sees or moderates the province's draft comments."""

from django.http import Http404
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
)

from congso.comments import admin as comments_admin
from congso.comments.admin import ExcerptColumn, ModerationButtonsMixin, StatusColumn
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


class DraftCommentIndexView(ModerationButtonsMixin, IndexView):
    @property
    def moderation_actions(self):
        return ((ApproveBulkAction, "check"), (RejectBulkAction, "cross"))

    def get_base_queryset(self):
        allowed = services.editable_draft_ids(self.request.user)
        return super().get_base_queryset().filter(page_id__in=allowed)


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


class _DraftModeration:
    """The article comments' moderation actions, for draft comments: same confirmation screen
    and flow, the drafts' service, permission and scope (the draft page's editors)."""

    models = [DraftComment]
    set_status = staticmethod(services.set_status)
    permission = services.MODERATE_PERMISSION
    no_access_message = _("Bạn không có quyền duyệt các góp ý này.")

    def in_scope(self, user, obj) -> bool:
        return services.user_can_moderate(user, obj)


class ApproveBulkAction(_DraftModeration, comments_admin.ApproveBulkAction):
    aria_label = _("Duyệt các góp ý đã chọn")
    status = DraftComment.Status.APPROVED
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


class RejectBulkAction(_DraftModeration, comments_admin.RejectBulkAction):
    aria_label = _("Từ chối các góp ý đã chọn")
    status = DraftComment.Status.REJECTED
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
