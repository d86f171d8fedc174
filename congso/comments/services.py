"""Everything that changes a comment: submitting it, approving or rejecting it."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from congso.analytics.privacy import keyed_hash
from congso.comments.models import Comment
from congso.core.pagecache import purge_all

# Given to the "Trưởng ban biên tập" group; checked by every moderation view and action.
MODERATE_PERMISSION = "comments.change_comment"
APPROVE_ACTION = "congso_comments.approve"
REJECT_ACTION = "congso_comments.reject"
PENDING_ACTION = "congso_comments.pending"


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def source_hash(ip: str) -> str:
    """Lets a moderator see that several comments share a source, without keeping the address."""
    return keyed_hash(ip, purpose="comments-source")


def _rate() -> tuple[int, int]:
    limit, _, period = settings.COMMENTS_RATE_LIMIT.partition("/")
    return int(limit), int(period or 60)


def check_rate_limit(source: str) -> None:
    """Fixed window per source in the cache; `incr` is atomic on Redis and in local memory."""
    limit, period = _rate()
    now = int(timezone.now().timestamp())
    window = now // period
    key = f"comments:rate:{source}:{window}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=(window + 1) * period - now)


def submit_comment(*, page, form, ip: str) -> Comment:
    """Save a valid form as a pending comment. Raises RateLimited before saving anything."""
    source = source_hash(ip)
    check_rate_limit(source)
    comment = form.save(commit=False)
    comment.page_id = page.pk
    comment.status = Comment.Status.PENDING
    comment.source_hash = source
    comment.save()
    return comment


def note_bot_attempt(ip: str) -> None:
    """A filled honeypot still uses up the sender's allowance, so a bot soon gets 429s."""
    check_rate_limit(source_hash(ip))


def _moderate(comments, user, status: str, action: str) -> int:
    changed = 0
    visible_change = False
    now = timezone.now()
    with transaction.atomic():
        for comment in comments:
            if comment.status == status:
                continue
            visible_change |= Comment.Status.APPROVED in (comment.status, status)
            comment.status = status
            comment.moderated_by = user
            comment.moderated_at = now
            comment.save(update_fields=["status", "moderated_by", "moderated_at"])
            log(instance=comment, action=action, user=user)
            changed += 1
        if visible_change:
            # Cached articles must show an approved comment, and stop showing one withdrawn.
            transaction.on_commit(purge_all)
    return changed


_ACTIONS = {
    Comment.Status.APPROVED: APPROVE_ACTION,
    Comment.Status.REJECTED: REJECT_ACTION,
    Comment.Status.PENDING: PENDING_ACTION,
}


def set_status(comments, user, status: str) -> int:
    """Move comments to `status`; returns how many changed."""
    return _moderate(comments, user, status, _ACTIONS[status])
