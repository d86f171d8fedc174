"""Everything that changes a comment: submitting it, approving or rejecting it."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from congso.analytics.privacy import keyed_hash
from congso.comments.models import Comment, SubmissionKey
from congso.core import ratelimit
from congso.core.pagecache import purge_all

# Given to the "Trưởng ban biên tập" group; checked by every moderation view and action.
MODERATE_PERMISSION = "comments.change_comment"
APPROVE_ACTION = "congso_comments.approve"
REJECT_ACTION = "congso_comments.reject"
PENDING_ACTION = "congso_comments.pending"


# A form's key can claim a comment this long after it was issued, and a claimed key answers
# resends this long after its first post; then it is purged. A key older than both together
# can no longer have a claim, so it is refused (the form is shown again) rather than trusted.
KEY_LIFETIME = timedelta(days=1)
KEY_RETENTION = timedelta(days=1)


def _key_signer() -> signing.Signer:
    return signing.Signer(salt="congso.comments.submission-key")


class KeyUnusable(Exception):
    """The form's key is forged, for another page, or too old to prove anything."""


class KeyReused(Exception):
    """The form's key already sent a different comment (the form was reused after success)."""


@dataclass(frozen=True)
class SubmissionKeyValue:
    nonce: str
    issued_at: datetime


def source_hash(ip: str) -> str:
    """Lets a moderator see that several comments share a source, without keeping the address."""
    return keyed_hash(ip, purpose="comments-source")


def check_rate_limit(source: str) -> None:
    """COMMENTS_RATE_LIMIT per source, shared by all workers (Redis, or else the database)."""
    ratelimit.hit(
        f"comments:{source}", ratelimit.Rate.parse(settings.COMMENTS_RATE_LIMIT), every_worker=True
    )


def new_submission_key(page) -> str:
    """An unguessable key for one comment form on `page`, signed so that it cannot be made up
    or moved to another page."""
    issued = int(timezone.now().timestamp())
    return _key_signer().sign(f"{page.pk}.{issued}.{secrets.token_hex(16)}")


def read_submission_key(value: str, page) -> SubmissionKeyValue | None:
    """None for a form without a key (cached before keys existed, or its script failed);
    KeyUnusable for a key that is not this page's or is too old."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        page_id, issued, nonce = _key_signer().unsign(value).split(".")
        issued_at = datetime.fromtimestamp(int(issued), tz=UTC)
    except (signing.BadSignature, ValueError, OverflowError, OSError) as error:
        raise KeyUnusable from error
    if page_id != str(page.pk) or len(nonce) != 32:
        raise KeyUnusable
    if issued_at < timezone.now() - KEY_LIFETIME - KEY_RETENTION:
        raise KeyUnusable
    return SubmissionKeyValue(nonce, issued_at)


def usable_submission_key(value: str, page) -> str:
    """The posted key when it can still be used, else a fresh one: for showing a form again."""
    try:
        key = read_submission_key(value, page)
    except KeyUnusable:
        key = None
    if key is None or key.issued_at < timezone.now() - KEY_LIFETIME:
        return new_submission_key(page)
    return value.strip()


def _fingerprint(form) -> str:
    data = form.cleaned_data
    return keyed_hash(data["name"], data["email"], data["text"], purpose="comments-resend")


def _save(page, form, source: str) -> Comment:
    comment = form.save(commit=False)
    comment.page_id = page.pk
    comment.status = Comment.Status.PENDING
    comment.source_hash = source
    comment.save()
    return comment


def _replay(claim: SubmissionKey, fingerprint: str) -> Comment | None:
    if claim.fingerprint != fingerprint:
        raise KeyReused
    return claim.comment  # None if a moderator has deleted it since


def submit_comment(*, page, form, ip: str, key: SubmissionKeyValue | None = None):
    """Save a valid form as a pending comment, once per form key.

    A post whose key already sent this comment saves nothing, counts nothing and returns the
    first post's comment, even when both arrive together: the first to insert the key's
    unique row wins, the other waits for it to commit and then finds the claim. Raises
    RateLimited before saving anything, KeyReused for a different comment with a used key,
    KeyUnusable for a key issued too long ago to have a claim.
    """
    source = source_hash(ip)
    if key is None:
        check_rate_limit(source)
        return _save(page, form, source)
    fingerprint = _fingerprint(form)
    claim = SubmissionKey.objects.filter(key=key.nonce).select_related("comment").first()
    if claim is not None:
        return _replay(claim, fingerprint)
    now = timezone.now()
    if key.issued_at < now - KEY_LIFETIME:
        raise KeyUnusable
    try:
        with transaction.atomic():
            # The claim comes first: a second identical post blocks here until this one
            # commits, so it never counts against the rate limit.
            claim = SubmissionKey.objects.create(
                key=key.nonce, page_id=page.pk, fingerprint=fingerprint, created_at=now
            )
            check_rate_limit(source)  # RateLimited rolls the claim back: the key stays usable
            comment = _save(page, form, source)
            claim.comment = comment
            claim.save(update_fields=["comment"])
            SubmissionKey.objects.filter(created_at__lt=now - KEY_RETENTION).delete()
    except IntegrityError:
        claim = SubmissionKey.objects.filter(key=key.nonce).select_related("comment").first()
        if claim is None:
            raise
        return _replay(claim, fingerprint)
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
