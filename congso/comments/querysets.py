from congso.comments.models import Comment


def approved_for(page):
    """Approved comments of a page, oldest first so a discussion reads in order."""
    return (
        Comment.objects.approved()
        .filter(page_id=page.pk)
        .order_by("created_at", "pk")
        .only("name", "text", "created_at")
    )


def pending_count() -> int:
    return Comment.objects.pending().count()
