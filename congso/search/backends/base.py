"""The contract every full-text backend fulfils.

A backend stores `IndexDocument`s and answers `Candidates` for a `ParsedQuery`: the ids of the
best matches by its own relevance (at most `limit`), and how many match in total. Everything
Vietnamese (folding, tokens, abbreviations, final ranking, snippets) happens before and after,
in `analysis.py` and `querysets.py`, so a new engine only has to implement these methods.
"""

import contextlib
from dataclasses import dataclass, field
from datetime import datetime

from congso.search.analysis import ParsedQuery


@dataclass
class IndexDocument:
    page_id: int
    title: list[str]
    code: list[str]
    body: list[str]
    title_extra: list[str]
    body_extra: list[str]
    exact: list[str]


@dataclass
class Filters:
    type: str = ""
    category: str = ""  # category slug
    date_from: datetime | None = None
    date_to: datetime | None = None  # exclusive
    tree_path: str = ""  # restrict to one site's tree


# Work per query must not grow with the corpus: counting stops at TOTAL_CAP (the deepest
# result a reader can page to), and bm25/ts_rank over every match is only computed when there
# are at most RANK_CAP matches. Above that the query is too common for relevance scores to
# separate pages (a decade of "chuyển đổi số"), so candidates are the newest matches, those
# matching in the title or number/symbol first; the re-ranking then orders them.
TOTAL_CAP = 1000
RANK_CAP = 1000


@dataclass
class Candidates:
    ids: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)  # higher is better, backend's own scale
    total: int = 0


class SearchBackend:
    name = "base"

    def index(self, documents: list[IndexDocument]) -> None:
        raise NotImplementedError

    def remove(self, page_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    @contextlib.contextmanager
    def bulk_load(self):
        """Around a full rebuild: a backend may drop and rebuild its indexes, or compact them."""
        yield

    def search(
        self, query: ParsedQuery, filters: Filters, limit: int, any_group: bool = False
    ) -> Candidates:
        """Best `limit` matches; all groups must match unless `any_group` (the relaxed retry).

        The bounded policy above, the same for every engine: count up to one past the cap;
        few matches are ranked by the engine's relevance, more are the newest title matches
        followed by the newest matches anywhere."""
        if query.is_empty:
            return Candidates()
        with self.reading() as session:
            found = self.count(session, query, filters, any_group)
            total = min(found, TOTAL_CAP)
            if found <= RANK_CAP:
                ids, scores = self.best(session, query, filters, limit, any_group)
                return Candidates(ids=ids, scores=scores, total=total)
            candidates: dict[int, float] = {}
            for in_title, score in ((True, 2.0), (False, 1.0)):
                newest = self.newest(session, query, filters, limit, any_group, in_title)
                for page_id in newest:
                    candidates.setdefault(page_id, score)
        if len(newest) < limit:
            # Every match was seen: an engine that estimated its count was wrong by this much.
            total = min(len(newest), TOTAL_CAP)
        return Candidates(ids=list(candidates), scores=list(candidates.values()), total=total)

    def reading(self):
        """Context for the statements of one search; what it yields is passed to the steps."""
        return contextlib.nullcontext()

    def count(self, session, query: ParsedQuery, filters: Filters, any_group: bool) -> int:
        """How many entries match, counted up to TOTAL_CAP + 1 (an engine may estimate)."""
        raise NotImplementedError

    def best(
        self, session, query: ParsedQuery, filters: Filters, limit: int, any_group: bool
    ) -> tuple[list[int], list[float]]:
        """The `limit` best matches by the engine's relevance, with scores (higher is better)."""
        raise NotImplementedError

    def newest(
        self,
        session,
        query: ParsedQuery,
        filters: Filters,
        limit: int,
        any_group: bool,
        in_title: bool,
    ) -> list[int]:
        """The `limit` newest matches (highest ids), in the title/number-symbol only if asked."""
        raise NotImplementedError

    def phrase_matches(self, phrase: tuple[str, ...], page_ids: list[int]) -> set[int]:
        """Which of `page_ids` contain `phrase` (folded tokens) with the syllables adjacent."""
        raise NotImplementedError

    def size_bytes(self) -> int | None:
        return None


def filter_clauses(filters: Filters, column_prefix: str = "") -> tuple[str, list]:
    """SQL conditions (each prefixed with " AND ") and parameters for the result filters; both
    backends' index tables share these column names."""
    columns = [
        ("type", "=", filters.type),
        ("category_slug", "=", filters.category),
        ("date", ">=", filters.date_from),
        ("date", "<", filters.date_to),
    ]
    clauses, params = [], []
    for column, operator, value in columns:
        if value:
            clauses.append(f"{column_prefix}{column} {operator} %s")
            params.append(value)
    if filters.tree_path:
        # The path is a treebeard path (digits and capitals); drop LIKE wildcards all the same.
        # Entries with no tree (procedures: not pages) belong to every site.
        clauses.append(f"({column_prefix}tree_path = '' OR {column_prefix}tree_path LIKE %s)")
        params.append(filters.tree_path.replace("%", "").replace("_", "") + "%")
    return "".join(" AND " + c for c in clauses), params
