"""Keeping the search index right. Other apps call `reindex_page(page)` and `remove_page(page_id)`;
the signal handlers in `signals.py` call them on publish, unpublish, delete and move, in the
same request, so an unpublished page leaves the results at once.
"""

import contextlib
import threading
from collections.abc import Iterable
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from congso.core.text import slugify_vi

from .adapters import TYPE_LABELS, payload_for
from .analysis import analyse
from .backends import get_backend
from .backends.base import IndexDocument
from .models import SearchEntry

_state = threading.local()
# Content that is not a page (procedures): each source yields SearchEntry rows, with ids in a
# range of its own that pages never reach, and is re-read by every full rebuild.
_SOURCES: list = []


def register_source(entries) -> None:
    """`entries()` yields unsaved SearchEntry rows for a full rebuild (see procedures/search.py).
    An entry with an empty `tree_path` is found from every site of the installation."""
    if entries not in _SOURCES:
        _SOURCES.append(entries)


def store_entries(entries: Iterable[SearchEntry]) -> int:
    """Index rows built outside the page tree; returns how many."""
    pairs = [(entry, analyse_entry(entry)) for entry in entries]
    _store(pairs)
    return len(pairs)


@contextlib.contextmanager
def indexing_paused():
    """For bulk imports: skip per-page indexing, then call `rebuild_index()` once."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def is_paused() -> bool:
    return getattr(_state, "paused", False)


def is_public(page: Page) -> bool:
    """Live, not expired, and not behind a login/password/group restriction anywhere above."""
    if not page.live or page.expired:
        return False
    return not PageViewRestriction.objects.filter(
        page__in=page.get_ancestors(inclusive=True)
    ).exists()


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time.min))
    return None


def build_entry(page: Page) -> tuple[SearchEntry, IndexDocument] | None:
    payload = payload_for(page)
    if not payload:
        return None
    url_parts = page.get_url_parts()
    if url_parts is None:  # not under any site: no public address
        return None
    kind = payload.get("type") or "page"
    category = payload.get("category") or ""
    entry = SearchEntry(
        page_id=page.pk,
        type=kind,
        type_label=payload.get("type_label") or TYPE_LABELS.get(kind, kind),
        title=(payload.get("title") or page.title)[:500],
        code=(payload.get("code") or "")[:100],
        body=payload.get("body") or "",
        date=_as_datetime(payload.get("date")),
        category=category[:255],
        category_slug=slugify_vi(category),
        category_page_id=payload.get("category_page_id"),
        url=url_parts[2],
        tree_path=page.path,
    )
    return entry, analyse_entry(entry)


def analyse_entry(entry: SearchEntry) -> IndexDocument:
    title, code, body = analyse(entry.title), analyse(entry.code), analyse(entry.body)
    return IndexDocument(
        page_id=entry.page_id,
        title=title.tokens,
        code=code.tokens,
        body=body.tokens,
        title_extra=title.extra + code.extra,
        body_extra=body.extra,
        exact=sorted(title.exact | body.exact),
    )


def _store(pairs: list[tuple[SearchEntry, IndexDocument]]) -> None:
    if not pairs:
        return
    fields = [f.name for f in SearchEntry._meta.fields if f.name != "page_id"]
    with transaction.atomic():
        SearchEntry.objects.bulk_create(
            [e for e, _ in pairs],
            update_conflicts=True,
            unique_fields=["page_id"],
            update_fields=fields,
        )
        get_backend().index([d for _, d in pairs])


def reindex_page(page: Page) -> bool:
    """Index `page` if it is published and public, else take it out. Returns whether it is in."""
    stored = Page.objects.filter(pk=page.pk).first()  # the stored state, never an unsaved draft
    if stored is None:
        remove_page(page.pk)
        return False
    page = stored.specific
    built = build_entry(page) if is_public(page) else None
    if built is None:
        remove_page(page.pk)
        return False
    _store([built])
    return True


def remove_page(page_id: int) -> None:
    remove_pages([page_id])


def remove_pages(page_ids: Iterable[int]) -> None:
    ids = list(page_ids)
    if not ids:
        return
    with transaction.atomic():
        get_backend().remove(ids)
        SearchEntry.objects.filter(page_id__in=ids).delete()


def reindex_subtree(page: Page) -> None:
    """After a move or a change of view restrictions: addresses and visibility below change.

    A category can hold thousands of articles: they are rebuilt in batches, as by a full
    rebuild, not page by page (~8 queries each) inside the admin's request."""
    subtree = Page.objects.descendant_of(page, inclusive=True)
    with transaction.atomic():
        remove_pages(subtree.values_list("pk", flat=True))
        _index_pages(subtree)


def rename_category(page: Page) -> None:
    SearchEntry.objects.filter(category_page_id=page.pk).update(
        category=page.title[:255], category_slug=slugify_vi(page.title)
    )


def rebuild_index(batch_size: int = 500, progress=None) -> int:
    """Rebuild everything from the pages. Returns the number of indexed pages."""
    backend = get_backend()
    # Addresses come from Wagtail's cached site roots; bulk imports that changed a site's root
    # page with a queryset update leave that cache stale (every page would look unrouted).
    Site.clear_site_root_paths_cache()
    with transaction.atomic():
        # Rows first: on PostgreSQL the vectors live on them, and clearing vectors of rows about
        # to be deleted would write every row once more.
        SearchEntry.objects.all().delete()
        backend.clear()
    with backend.bulk_load():
        count = _index_pages(Page.objects.filter(depth__gt=1), batch_size, progress)
        for source in _SOURCES:
            count += store_entries(source())
        return count


def _index_pages(pages, batch_size: int = 500, progress=None) -> int:
    """Index the published, public pages of `pages` in batches; returns how many."""
    restricted = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    parents = {p.path: p for p in Page.objects.filter(numchild__gt=0)}
    count = 0
    pairs: list[tuple[SearchEntry, IndexDocument]] = []
    live = pages.live().exclude(expired=True).specific().iterator(chunk_size=batch_size)
    for page in live:
        if any(page.path.startswith(path) for path in restricted):
            continue
        # A bulk build hands each page its parent, saving one query per article.
        page.search_parent = parents.get(page.path[: -Page.steplen])
        built = build_entry(page)
        if built is None:
            continue
        pairs.append(built)
        if len(pairs) >= batch_size:
            _store(pairs)
            count += len(pairs)
            pairs = []
            if progress:
                progress(count)
    _store(pairs)
    return count + len(pairs)
