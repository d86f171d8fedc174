"""Reading drafts and their comments: list order, status filters, counts, a page's discussion."""

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils import timezone

from congso.drafts.models import DraftComment, DraftPage, WindowState

# The list's filter, in the address as documents use it (?tinh-trang=…): the page cache keeps
# pages per value of this parameter (congso.core.pagecache.CACHED_QUERY_PARAMS).
STATUS_PARAM = "tinh-trang"
STATUS_VALUES = {"dang-lay-y-kien": "open", "da-ket-thuc": "closed"}
STATUS_SLUGS = {value: slug for slug, value in STATUS_VALUES.items()}


def published_drafts(root=None):
    """Live, public drafts, under `root` (a site's home or index page) when given."""
    drafts = DraftPage.objects.live().public()
    if root is not None:
        drafts = drafts.descendant_of(root)
    return drafts


def with_status(drafts, status: str, now=None):
    """`status`: "open" (window running), "closed" (window over) or "all" (also upcoming)."""
    now = now or timezone.now()
    if status == "open":
        return drafts.filter(opens_at__lte=now, closes_at__gt=now)
    if status == "closed":
        return drafts.filter(closes_at__lte=now)
    return drafts


def ordered(drafts, now=None):
    """Open drafts first (the nearest deadline first), then upcoming, then closed (latest first)."""
    now = now or timezone.now()
    rank = Case(
        When(opens_at__lte=now, closes_at__gt=now, then=Value(0)),
        When(opens_at__gt=now, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    open_deadline = Case(When(opens_at__lte=now, closes_at__gt=now, then=F("closes_at")))
    return drafts.annotate(window_rank=rank, open_deadline=open_deadline).order_by(
        "window_rank", F("open_deadline").asc(nulls_last=True), "-closes_at", "-pk"
    )


def with_counts(drafts):
    approved = Q(draft_comments__status=DraftComment.Status.APPROVED)
    return drafts.annotate(comment_count=Count("draft_comments", filter=approved, distinct=True))


def drafts_in(root, status: str = "all"):
    drafts = with_status(published_drafts(root), status)
    return with_counts(ordered(drafts)).select_related("drafting_unit")


def approved_comments(page):
    """Approved comments of a draft, oldest first so the discussion reads in order."""
    return (
        DraftComment.objects.filter(page_id=page.pk, status=DraftComment.Status.APPROVED)
        .order_by("created_at", "pk")
        .defer("email", "source_hash")
    )


def section_counts(page) -> dict:
    """{section id (None: the whole draft): number of approved comments}."""
    rows = (
        DraftComment.objects.filter(page_id=page.pk, status=DraftComment.Status.APPROVED)
        .values("section_id")
        .annotate(n=Count("pk"))
    )
    return {row["section_id"]: row["n"] for row in rows}


def page_discussion(page) -> dict:
    """What the draft page shows: each section with its approved comments, the comments on the
    whole draft, the counts, and whether the window is open."""
    comments = list(approved_comments(page))
    section_list = list(page.sections.all())
    known = {s.pk for s in section_list if s.pk}
    by_section = {}
    general = []
    for comment in comments:
        if comment.section_id in known:
            by_section.setdefault(comment.section_id, []).append(comment)
        else:
            general.append(comment)
    sections = [{"section": s, "comments": by_section.get(s.pk, [])} for s in section_list]
    return {
        "sections": sections,
        "general_comments": general,
        "comment_count": len(comments),
        "window_state": page.window_state(),
        "window_states": WindowState,
        "draft_files": list(page.files.select_related("file").prefetch_related("file__signatures")),
    }
