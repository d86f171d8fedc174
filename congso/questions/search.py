"""Published questions in the portal's search (type "question"), through the search app's
contract for content that is not a page (see congso/procedures/search.py).

Each entry takes the id ENTRY_BASE + the question's key, a range pages never reach, and the
tree path of its Q&A page, so a site's search finds only its own questions.
"""

from congso.search import services as search_services
from congso.search.adapters import TYPE_LABELS
from congso.search.models import SearchEntry

ENTRY_BASE = 1_700_000_000
TYPE = "question"
TYPE_LABEL = "Hỏi đáp"


def entry_id(question_pk: int) -> int:
    return ENTRY_BASE + question_pk


def build_entry(question) -> SearchEntry | None:
    parts = question.page.get_url_parts()
    if parts is None:  # the page is under no site: no public address
        return None
    url = parts[2] + question.page.reverse_subpage("detail", args=[question.pk])
    topic = question.topic.name if question.topic_id else ""
    return SearchEntry(
        page_id=entry_id(question.pk),
        type=TYPE,
        type_label=TYPE_LABEL,
        title=question.title[:500],
        code=question.code,
        body="\n".join(filter(None, [question.shown_question, question.answer])),
        date=question.published_at,
        category=topic[:255],
        category_slug="",
        url=url,
        tree_path=question.page.path,
    )


def _visible(pks):
    from congso.questions.models import Question

    rows = Question.objects.published().filter(pk__in=pks).select_related("page", "topic")
    return [q for q in rows if search_services.is_public(q.page)]


def reindex(question_pks) -> None:
    """Index the published ones of `question_pks`, take the others out."""
    pks = list(question_pks)
    if not pks:
        return
    visible = _visible(pks)
    shown = {q.pk for q in visible}
    search_services.remove_pages([entry_id(pk) for pk in pks if pk not in shown])
    search_services.store_entries(e for e in (build_entry(q) for q in visible) if e)


def reindex_page(page) -> None:
    """After the Q&A page is published, unpublished or moved: its questions follow it."""
    reindex(page.questions.values_list("pk", flat=True))


def all_entries():
    """For the search app's full rebuild."""
    from congso.questions.models import Question

    for question in Question.objects.published().select_related("page", "topic").iterator():
        if search_services.is_public(question.page):
            entry = build_entry(question)
            if entry is not None:
                yield entry


def connect():
    # The site search's type filter and labels read this dict.
    TYPE_LABELS.setdefault(TYPE, TYPE_LABEL)
    search_services.register_source(all_entries)
