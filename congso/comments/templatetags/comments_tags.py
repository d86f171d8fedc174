from django import template
from django.urls import reverse

from congso.comments.forms import HONEYPOT_FIELD, CommentForm
from congso.comments.querysets import approved_for

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context, page):
    """Approved comments and the "Thêm nhận xét mới" form.

    The article around it is cached and shared by all readers, so the form carries no CSRF
    token: comments.js fetches one when the reader starts writing.
    """
    comments = context.get("comments")
    if comments is None:
        comments = approved_for(page)
    comments = list(comments)
    return {
        "page": page,
        "comments": comments,
        "count": len(comments),
        "form": context.get("comment_form") or CommentForm(),
        "honeypot": HONEYPOT_FIELD,
        "action": reverse("comments:submit", args=[page.pk]),
    }
