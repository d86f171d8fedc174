"""Everything that changes a poll's votes. One vote per visitor per poll, without addresses:
the visitor carries a random token in a signed cookie, and the vote row keeps only a keyed
hash of (token, poll) under a unique constraint, so two simultaneous votes give one row."""

import secrets

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from congso.analytics.privacy import keyed_hash
from congso.core import ratelimit
from congso.core.pagecache import purge_all
from congso.polls.models import Poll, PollOption, Vote

VOTER_COOKIE = "congso_binh_chon"
VOTER_COOKIE_SALT = "congso.polls.voter"
VOTER_COOKIE_AGE = 2 * 365 * 24 * 3600
# Vote attempts per sender address and period; POLLS_RATE_LIMIT in settings overrides it.
DEFAULT_RATE = "20/3600"


class VoteRefused(Exception):
    """A vote that cannot be counted; `message` says why, in Vietnamese."""

    status = 409

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AlreadyVoted(VoteRefused):
    pass


class PollNotOpen(VoteRefused):
    pass


class BadOption(VoteRefused):
    status = 400


def new_voter_token() -> str:
    return secrets.token_urlsafe(24)


def read_voter_token(request) -> str | None:
    """The visitor's token from the signed cookie; None when absent or tampered with."""
    try:
        value = request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT)
    except signing.BadSignature:
        return None
    return value if value and len(value) <= 64 else None


def set_voter_cookie(response, token: str) -> None:
    response.set_signed_cookie(
        VOTER_COOKIE,
        token,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def voter_hash(token: str | None, poll) -> str | None:
    if not token:
        return None
    return keyed_hash(token, str(poll.pk), purpose="polls-voter")


def check_rate_limit(ip: str) -> None:
    """Counts attempts per keyed hash of the address, in the shared counter; stores no IP."""
    rate = ratelimit.Rate.parse(getattr(settings, "POLLS_RATE_LIMIT", DEFAULT_RATE))
    source = keyed_hash(ip, purpose="polls-source")
    ratelimit.hit(f"polls:{source}", rate, every_worker=True)


def cast_vote(*, poll: Poll, option_id, token: str, now=None) -> Vote:
    """Count one vote for `option_id` by the visitor holding `token`.

    Refuses (VoteRefused subclasses, nothing saved) a poll not open now, an option not of this
    poll, and a second vote with the same token, also when both arrive at once: the unique
    (poll, voter) row lets exactly one insert win."""
    now = now or timezone.now()
    state = poll.state(now)
    if not poll.is_published or state == "upcoming":
        raise PollNotOpen("Cuộc bình chọn này chưa mở nên chưa nhận phiếu.")
    if state == "closed":
        raise PollNotOpen("Cuộc bình chọn này đã kết thúc nên không nhận thêm phiếu.")
    try:
        option = PollOption.objects.get(poll=poll, pk=int(option_id))
    except (PollOption.DoesNotExist, TypeError, ValueError):
        raise BadOption("Vui lòng chọn một phương án trong danh sách.") from None
    voter = voter_hash(token, poll)
    try:
        with transaction.atomic():
            return Vote.objects.create(poll=poll, option=option, voter=voter)
    except IntegrityError:
        raise AlreadyVoted(
            "Bạn đã bình chọn trong cuộc bình chọn này; mỗi người chỉ được bình chọn một lần."
        ) from None


@receiver(post_save, sender=Poll)
@receiver(post_delete, sender=Poll)
def _purge_cached_pages(sender, **kwargs):
    """A poll edited in the admin changes the cached list and home page without a page
    publish. Votes purge nothing: results are only shown on uncached pages."""
    transaction.on_commit(purge_all)
