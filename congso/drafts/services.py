"""Everything that changes a draft's comments: sending one, moderating, answering; and making
the draft's files downloadable once the draft is published."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.permission_policies.pages import PagePermissionPolicy

from congso.analytics.privacy import keyed_hash
from congso.core import ratelimit
from congso.core.pagecache import purge_all
from congso.core.scoping import editable_pages_of_type
from congso.drafts.models import INDEX_SLUG, DraftComment, DraftIndexPage, DraftPage, WindowState

# Given to the "Trưởng ban biên tập" group (apps.py); moderation also needs the right to edit
# the draft's page, so an editor of one site never moderates another site's comments.
MODERATE_PERMISSION = "drafts.change_draftcomment"
APPROVE_ACTION = "congso_drafts.approve"
REJECT_ACTION = "congso_drafts.reject"
PENDING_ACTION = "congso_drafts.pending"
RESPOND_ACTION = "congso_drafts.respond"
DEFAULT_RATE = "5/600"
# The same comment sent again (a double click, a reload of the answer) within this time is the
# same comment, not a second one.
RESEND_WINDOW = timedelta(minutes=10)


class WindowNotOpen(Exception):
    """The draft is not (or no longer) taking comments; `state` says which."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state

    @property
    def message(self) -> str:
        if self.state == WindowState.UPCOMING:
            return "Dự thảo chưa đến thời gian lấy ý kiến nên chưa nhận góp ý. Góp ý chưa được lưu."
        return "Đã hết thời hạn lấy ý kiến dự thảo này nên góp ý không được nhận và chưa được lưu."


def source_hash(ip: str) -> str:
    """A keyed hash of the sender's address: spots one source of spam, identifies nobody."""
    return keyed_hash(ip, purpose="drafts-source")


def check_rate_limit(source: str) -> None:
    rate = getattr(settings, "DRAFT_COMMENTS_RATE_LIMIT", DEFAULT_RATE)
    ratelimit.hit(f"drafts:{source}", ratelimit.Rate.parse(rate), every_worker=True)


def note_bot_attempt(ip: str) -> None:
    """A filled honeypot uses up the sender's allowance, so a bot soon gets 429s."""
    check_rate_limit(source_hash(ip))


def submit_comment(*, page: DraftPage, form, ip: str, now=None) -> DraftComment:
    """Save a valid form as a pending comment. Raises WindowNotOpen or RateLimited before
    anything is saved."""
    state = page.window_state(now)
    if state != WindowState.OPEN:
        raise WindowNotOpen(state)
    data = form.cleaned_data
    section = data["section"]
    source = source_hash(ip)
    with transaction.atomic():
        earlier = DraftComment.objects.filter(
            page=page,
            section=section,
            source_hash=source,
            text=data["text"],
            name=data["name"],
            created_at__gte=timezone.now() - RESEND_WINDOW,
        ).first()
        if earlier is not None:
            return earlier
        check_rate_limit(source)
        return DraftComment.objects.create(
            page=page,
            section=section,
            section_title=section.title if section else "",
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            text=data["text"],
            source_hash=source,
        )


def editable_draft_ids(user):
    """Ids of the drafts whose page `user` may edit: the only ones whose comments they see."""
    return editable_pages_of_type(user, DraftPage).values("pk")


def user_can_moderate(user, comment: DraftComment) -> bool:
    if not user.is_authenticated or not user.has_perm(MODERATE_PERMISSION):
        return False
    return PagePermissionPolicy().user_has_permission_for_instance(user, "change", comment.page)


_ACTIONS = {
    DraftComment.Status.APPROVED: APPROVE_ACTION,
    DraftComment.Status.REJECTED: REJECT_ACTION,
    DraftComment.Status.PENDING: PENDING_ACTION,
}


def set_status(comments, user, status: str) -> int:
    """Move comments to `status`, only those `user` may moderate; returns how many changed."""
    changed = 0
    visible_change = False
    now = timezone.now()
    with transaction.atomic():
        for comment in comments:
            if comment.status == status or not user_can_moderate(user, comment):
                continue
            visible_change |= DraftComment.Status.APPROVED in (comment.status, status)
            comment.status = status
            comment.moderated_by = user
            comment.moderated_at = now
            comment.save(update_fields=["status", "moderated_by", "moderated_at"])
            log(instance=comment, action=_ACTIONS[status], user=user)
            changed += 1
        if visible_change:
            # The cached draft page must show an approved comment and stop showing a withdrawn one.
            transaction.on_commit(purge_all)
    return changed


def respond(comment: DraftComment, user, kind: str, text: str) -> None:
    """Record how the drafting body answered a comment (tiếp thu / giải trình)."""
    if not user_can_moderate(user, comment):
        raise PermissionError
    with transaction.atomic():
        comment.response_kind = kind
        comment.response = text
        comment.save(update_fields=["response_kind", "response"])
        log(instance=comment, action=RESPOND_ACTION, user=user)
        # A published report shows the answers: the cached page must change with them.
        transaction.on_commit(purge_all)


def publish_draft_files(page: DraftPage) -> None:
    """A published draft's files are for everyone to read: mark them downloadable, as an editor
    does for a file used in a public article (documents keep `is_public` in step)."""
    from congso.documents.models import FileDocument
    from congso.documents.services import sync_file_visibility

    ids = [f.file_id for f in page.files.all()]
    if page.report_file_id:
        ids.append(page.report_file_id)
    if FileDocument.objects.filter(pk__in=ids, marked_public=False).update(marked_public=True):
        transaction.on_commit(sync_file_visibility)


def ensure_draft_index_page(home) -> DraftIndexPage:
    """The site's "Lấy ý kiến dự thảo" page under `home`, created (published) if missing."""
    existing = DraftIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    # The portal's shared structure creates every Decree-42 section in its place in the menu;
    # the draft list is created here only if that ever leaves it out.
    from congso.publications.structure import ensure_portal_sections

    ensure_portal_sections(home)
    existing = DraftIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    index = DraftIndexPage(
        title="Lấy ý kiến dự thảo văn bản",
        slug=INDEX_SLUG,
        intro="Dự thảo văn bản đang lấy ý kiến nhân dân, tổ chức, doanh nghiệp và kết quả "
        "tổng hợp, tiếp thu, giải trình sau khi hết hạn góp ý.",
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index
