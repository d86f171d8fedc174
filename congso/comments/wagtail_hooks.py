from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from congso.comments import services
from congso.comments.admin import (
    ApproveBulkAction,
    CommentPermissionPolicy,
    CommentViewSet,
    RejectBulkAction,
)
from congso.comments.models import Comment
from congso.comments.querysets import pending_count

register_permission_policy(Comment, CommentPermissionPolicy(Comment))
register_snippet(CommentViewSet)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action(services.APPROVE_ACTION, _("Duyệt bình luận"), _("Đã duyệt bình luận"))
    actions.register_action(
        services.REJECT_ACTION, _("Từ chối bình luận"), _("Đã từ chối bình luận")
    )
    actions.register_action(
        services.PENDING_ACTION,
        _("Đưa bình luận về chờ duyệt"),
        _("Đã đưa bình luận về chờ duyệt"),
    )


class PendingCommentsSummary(SummaryItem):
    order = 250
    template_name = "comments/admin/pending_summary.html"

    def get_context_data(self, parent_context):
        url = reverse("wagtailsnippets_comments_comment:list") + f"?status={Comment.Status.PENDING}"
        return {"count": pending_count(), "url": url}

    def is_shown(self):
        return self.request.user.has_perm(services.MODERATE_PERMISSION)


@hooks.register("construct_homepage_summary_items")
def add_pending_comments_summary(request, items):
    items.append(PendingCommentsSummary(request))
