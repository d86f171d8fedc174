from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from congso.drafts import services
from congso.drafts.admin import (
    ApproveBulkAction,
    DraftCommentPermissionPolicy,
    DraftCommentViewSet,
    RejectBulkAction,
)
from congso.drafts.models import DraftComment

register_permission_policy(DraftComment, DraftCommentPermissionPolicy(DraftComment))
register_snippet(DraftCommentViewSet)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)


@hooks.register("register_log_actions")
def register_draft_comment_log_actions(actions):
    actions.register_action(
        services.APPROVE_ACTION, _("Duyệt góp ý dự thảo"), _("Đã duyệt góp ý dự thảo")
    )
    actions.register_action(
        services.REJECT_ACTION, _("Từ chối góp ý dự thảo"), _("Đã từ chối góp ý dự thảo")
    )
    actions.register_action(
        services.PENDING_ACTION,
        _("Đưa góp ý dự thảo về chờ duyệt"),
        _("Đã đưa góp ý dự thảo về chờ duyệt"),
    )
    actions.register_action(
        services.RESPOND_ACTION,
        _("Trả lời góp ý dự thảo"),
        _("Đã ghi nội dung tiếp thu, giải trình góp ý"),
    )


class PendingDraftCommentsSummary(SummaryItem):
    """On the dashboard: how many comments wait on the drafts this user may moderate."""

    order = 251
    template_name = "drafts/admin/pending_summary.html"

    def get_context_data(self, parent_context):
        pending = DraftComment.objects.filter(
            status=DraftComment.Status.PENDING,
            page_id__in=services.editable_draft_ids(self.request.user),
        )
        url = reverse("wagtailsnippets_drafts_draftcomment:list") + "?status=pending"
        return {"count": pending.count(), "url": url}

    def is_shown(self):
        return self.request.user.has_perm(services.MODERATE_PERMISSION)


@hooks.register("construct_homepage_summary_items")
def add_pending_draft_comments_summary(request, items):
    items.append(PendingDraftCommentsSummary(request))
