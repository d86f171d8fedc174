"""Moderation screens in the Wagtail admin (registered in wagtail_hooks.py)."""

from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from congso.comments import services
from congso.comments.models import Comment
from congso.core.scoping import PageScopedPermissionPolicy, scoped


class CommentPermissionPolicy(PageScopedPermissionPolicy):
    """Comments come from readers only: nobody creates one in the admin. A site's editors see
    and moderate only the comments on their own site's articles (several sites, issue 11)."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


def bulk_action_url(action_type: str, obj, next_url: str) -> str:
    """The bulk-action screen for one row: the row's own buttons go through the same
    confirmation, permission check and service as the bulk bar."""
    from urllib.parse import urlencode

    from django.urls import reverse

    meta = obj._meta
    base = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, action_type))
    return f"{base}?{urlencode({'id': obj.pk, 'next': next_url})}"


class ModerationButtonsMixin:
    """For an IndexView: one button per moderation bulk action on each row, so the row and the
    bulk bar say and do the same thing. Also used by the drafts' comment listing."""

    moderation_actions = ()  # ((bulk action class, icon name), ...)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        permission = self.moderation_actions[0][0].permission
        if not self.request.user.has_perm(permission):
            return buttons
        next_url = self.request.get_full_path()
        for priority, (action, icon_name) in enumerate(self.moderation_actions, start=1):
            if instance.status != action.status:
                buttons.append(
                    Button(
                        action.display_name,
                        url=bulk_action_url(action.action_type, instance, next_url),
                        icon_name=icon_name,
                        priority=priority,
                    )
                )
        return buttons


class CommentIndexView(ModerationButtonsMixin, IndexView):
    @property
    def moderation_actions(self):
        return ((ApproveBulkAction, "check"), (RejectBulkAction, "cross"))


class CommentEditView(scoped(EditView)):
    """Only the status is editable, and changing it goes through the moderation service so it
    is recorded (who, when, audit log) and purges the page cache like the list actions do."""

    def save_instance(self):
        status = self.form.cleaned_data["status"]
        comment = Comment.objects.get(pk=self.object.pk)
        services.set_status([comment], self.request.user, status)
        comment.refresh_from_db()
        return comment


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class ExcerptColumn(Column):
    def get_value(self, instance):
        return Truncator(instance.text).chars(120)


class PageColumn(Column):
    def get_value(self, instance):
        page = instance.page
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', page.url or "#", page.title
        )


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Bình luận")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    delete_view_class = scoped(DeleteView)
    inspect_view_class = scoped(InspectView)
    history_view_class = scoped(HistoryView)
    usage_view_class = scoped(UsageView)
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        ExcerptColumn("text", label=_("Nội dung")),
        PageColumn("page", label=_("Bài viết")),
        StatusColumn("status", label=_("Trạng thái"), sort_key="status"),
        DateColumn("created_at", label=_("Thời gian gửi"), sort_key="created_at"),
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["name", "text", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_fields = [
        "name",
        "email",
        "text",
        "page",
        "status",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("page", read_only=True),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["change", "view"]
        ).select_related("page")


class ModerationBulkAction(SnippetBulkAction):
    """Approve or reject the chosen rows after a confirmation screen. Reused by the drafts' comment
    moderation: a subclass sets the model, the service that changes the status, the permission,
    the scope check and its own wording; the template is shared."""

    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    # The service that records who moderated, logs it and purges the page cache.
    set_status = staticmethod(services.set_status)
    permission = services.MODERATE_PERMISSION
    no_access_message = _("Bạn không có quyền duyệt bình luận.")
    status = ""
    verb = ""
    title = ""

    def in_scope(self, user, obj) -> bool:
        return CommentPermissionPolicy(Comment).in_scope(user, obj)

    def check_perm(self, obj):
        user = self.request.user
        return user.has_perm(self.permission) and self.in_scope(user, obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return cls.set_status(objects, user, cls.status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message(num_parent_objects) % {"count": num_parent_objects}

    @staticmethod
    def success_message(count: int) -> str:
        raise NotImplementedError

    @staticmethod
    def question(count: int) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = len(context.get("items") or ())
        return {
            **context,
            "verb": self.verb,
            "title": self.title,
            "no_access_message": self.no_access_message,
            "question": self.question(count) % {"count": count},
        }


class ApproveBulkAction(ModerationBulkAction):
    display_name = pgettext_lazy("comment moderation", "Duyệt")
    action_type = "approve"
    aria_label = _("Duyệt các bình luận đã chọn")
    action_priority = 10
    status = Comment.Status.APPROVED
    verb = pgettext_lazy("comment moderation", "Duyệt")
    title = _("Duyệt bình luận")

    @staticmethod
    def question(count: int) -> str:
        return ngettext(
            "Bạn có chắc muốn duyệt %(count)d bình luận sau?",
            "Bạn có chắc muốn duyệt %(count)d bình luận sau?",
            count,
        )

    @staticmethod
    def success_message(count: int) -> str:
        return ngettext("Đã duyệt %(count)d bình luận.", "Đã duyệt %(count)d bình luận.", count)


class RejectBulkAction(ModerationBulkAction):
    display_name = pgettext_lazy("comment moderation", "Từ chối")
    action_type = "reject"
    aria_label = _("Từ chối các bình luận đã chọn")
    action_priority = 20
    classes = {"serious"}
    status = Comment.Status.REJECTED
    verb = pgettext_lazy("comment moderation", "Từ chối")
    title = _("Từ chối bình luận")

    @staticmethod
    def question(count: int) -> str:
        return ngettext(
            "Bạn có chắc muốn từ chối %(count)d bình luận sau?",
            "Bạn có chắc muốn từ chối %(count)d bình luận sau?",
            count,
        )

    @staticmethod
    def success_message(count: int) -> str:
        return ngettext("Đã từ chối %(count)d bình luận.", "Đã từ chối %(count)d bình luận.", count)
