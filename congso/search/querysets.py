"""Reading the index: one search for the results page and the API.

Two stages. The backend returns the best few hundred candidates by its own relevance (bm25 or
ts_rank over folded tokens, exact-diacritic and bigram terms). Then the candidates are re-ranked
here, the same way for every backend: a match in the title or the number/symbol outranks one in
the body, the query's syllables side by side outrank scattered ones, and newer content wins
ties.
"""

import contextlib
import logging
import math
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .analysis import ParsedQuery, exact_syllables, parse_query, title_tokens
from .backends import get_backend
from .backends.base import TOTAL_CAP, Candidates, Filters
from .highlight import highlight, snippet
from .models import SearchEntry

logger = logging.getLogger(__name__)
POOL_SIZE = 200
MAX_PAGE = 100
CATEGORY_CACHE_KEY = "search:categories"


@dataclass
class Hit:
    page_id: int
    title: str
    url: str
    type: str
    type_label: str
    category: str
    date: datetime | None
    title_html: str
    snippet_html: str
    score: float


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    page_size: int = 10
    relaxed: bool = False  # nothing had every word, so these have some of them
    failed: bool = False  # the engine rejected the query (logged)

    @property
    def capped(self) -> bool:
        """Counting stops at TOTAL_CAP: the page then says "hơn 1.000"."""
        return self.total >= TOTAL_CAP

    @property
    def num_pages(self) -> int:
        return min(MAX_PAGE, max(1, math.ceil(self.total / self.page_size)))


def _seq(tokens) -> str:
    return " " + " ".join(tokens) + " "


def _contains(haystack: str, alternatives) -> bool:
    return any(_seq(alt) in haystack for alt in alternatives)


def rerank(query: ParsedQuery, candidates: Candidates) -> list[tuple[int, float]]:
    if not candidates.ids:
        return []
    meta = {
        e["page_id"]: e
        for e in SearchEntry.objects.filter(page_id__in=candidates.ids).values(
            "page_id", "title", "code", "date"
        )
    }
    sequence = query.sequence
    phrase_ids = set()
    if len(sequence) > 1:
        phrase_ids = get_backend().phrase_matches(sequence, candidates.ids)
    best = max(candidates.scores) or 1.0
    now = timezone.now()
    exact = set(query.exact)
    scored = []
    for page_id, backend_score in zip(candidates.ids, candidates.scores, strict=True):
        row = meta.get(page_id)
        if row is None:
            continue
        title_seq = _seq(title_tokens(row["title"]))
        in_title = sum(_contains(title_seq, g.alternatives) for g in query.groups) / len(
            query.groups
        )
        score = 3.0 * (backend_score / best if best > 0 else 0) + 2.0 * in_title
        if len(sequence) > 1 and _seq(sequence) in title_seq:
            score += 1.5
        if row["code"]:
            code_seq = _seq(title_tokens(row["code"]))
            if any(g.compound and _contains(code_seq, g.alternatives) for g in query.groups):
                score += 6.0
        if exact:
            score += 1.5 * len(exact & exact_syllables(row["title"])) / len(exact)
        if page_id in phrase_ids:
            # Vietnamese words are mostly two syllables: side by side is what the reader meant.
            score += 2.5
        if row["date"]:
            age_years = max(0.0, (now - row["date"]).days / 365.0)
            score += 0.2 / (1.0 + age_years)
        scored.append(
            (page_id, round(score, 4), row["date"] or datetime.min.replace(tzinfo=now.tzinfo))
        )
    scored.sort(key=lambda item: (item[1], item[2]), reverse=True)
    return [(page_id, score) for page_id, score, _ in scored]


def search(
    q: str | None, filters: Filters | None = None, page: int = 1, page_size: int = 10
) -> SearchResults:
    query = parse_query(q)
    page = max(1, min(page, MAX_PAGE))
    results = SearchResults(query=query, page=page, page_size=page_size)
    if query.is_empty:
        return results
    filters = filters or Filters()
    backend = get_backend()
    pool = max(POOL_SIZE, page * page_size)
    try:
        # Inside a transaction, a savepoint keeps it usable if the engine rejects a query. In
        # autocommit (every public request) none is needed, and on SQLite an atomic block would
        # take the write lock (transaction_mode IMMEDIATE), serialising every search.
        guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
        with guard:
            candidates = backend.search(query, filters, pool)
            if candidates.total == 0 and len(query.groups) > 1:
                candidates = backend.search(query, filters, pool, any_group=True)
                results.relaxed = candidates.total > 0
            ranked = rerank(query, candidates)
    except DatabaseError:
        logger.exception("Search backend failed for query %r", query.text)
        results.failed = True
        return results
    results.total = candidates.total
    window = ranked[(page - 1) * page_size : page * page_size]
    entries = SearchEntry.objects.in_bulk([page_id for page_id, _ in window])
    terms = query.highlight_terms()
    for page_id, score in window:
        entry = entries.get(page_id)
        if entry is None:
            continue
        results.hits.append(
            Hit(
                page_id=page_id,
                title=entry.title,
                url=entry.url,
                type=entry.type,
                type_label=entry.type_label,
                category=entry.category,
                date=entry.date,
                title_html=highlight(entry.title, terms),
                snippet_html=snippet(entry.body, terms) or highlight(entry.code, terms),
                score=score,
            )
        )
    return results


def categories() -> list[tuple[str, str]]:
    """(slug, name) of the categories that have searchable content, for the filter."""
    cached = cache.get(CATEGORY_CACHE_KEY)
    if cached is None:
        rows = (
            SearchEntry.objects.exclude(category_slug="")
            .values_list("category_slug", "category")
            .distinct()
            .order_by("category")
        )
        cached = list(dict(rows).items())
        cache.set(CATEGORY_CACHE_KEY, cached, 300)
    return cached
