"""PostgreSQL full-text search without a Vietnamese configuration.

PostgreSQL's parser and dictionaries know no Vietnamese, so they are bypassed: the tsvector and
tsquery are written as literals from the tokens `analysis.py` produced, and cast directly
(`'chuyen':1A`::tsvector) without `to_tsvector`. Weights: A title and number/symbol, B title
bigrams and compounds, C exact (diacritics kept) syllables and body bigrams, D body.
"""

import contextlib

from django.db import connection

from congso.search.analysis import Group, ParsedQuery

from .base import (
    RANK_CAP,
    TOTAL_CAP,
    Candidates,
    Filters,
    IndexDocument,
    SearchBackend,
    filter_clauses,
)

MAX_POSITION = 16383
CREATE_SQL = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS vector tsvector",
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (vector)",
]
# Titles and numbers/symbols alone (weights A and B), for the newest-title-matches candidates
# of very common queries (see base.RANK_CAP).
CREATE_TITLE_SQL = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS title_vector tsvector",
    "UPDATE search_searchentry SET title_vector = ts_filter(vector, '{a,b}') WHERE vector IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS search_entry_title_vector_gin ON search_searchentry USING gin (title_vector)",
]
DROP_TITLE_SQL = [
    "DROP INDEX IF EXISTS search_entry_title_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_vector",
]
DROP_SQL = [
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
]


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def build_vector(doc: IndexDocument) -> str:
    positions: dict[str, list[str]] = {}
    pos = 1
    # Title, code and body are one position space so that phrases never straddle two fields.
    for tokens, weight in ((doc.title, "A"), (doc.code, "A"), (doc.body, "D")):
        for token in tokens:
            positions.setdefault(token, []).append(f"{min(pos, MAX_POSITION)}{weight}")
            pos += 1
        pos += 1  # a gap, so a phrase cannot run from the title into the body
    extra_pos = min(pos, MAX_POSITION)
    seen: set[str] = set()
    for tokens, weight in ((doc.title_extra, "B"), (doc.exact, "C"), (doc.body_extra, "C")):
        for token in tokens:
            if token not in seen:
                seen.add(token)
                positions.setdefault(token, []).append(f"{extra_pos}{weight}")
    # PostgreSQL keeps at most 256 positions per lexeme.
    return " ".join(_lexeme(t) + ":" + ",".join(p[:256]) for t, p in positions.items())


def _alternative(tokens: tuple[str, ...]) -> str:
    return " <-> ".join(_lexeme(t) for t in tokens)


def _group(group: Group) -> str:
    return "(" + " | ".join(_alternative(a) for a in group.alternatives) + ")"


def compile_tsquery(query: ParsedQuery, any_group: bool = False) -> str:
    return (" | " if any_group else " & ").join(_group(g) for g in query.groups)


def compile_rank_query(query: ParsedQuery) -> str:
    terms = [_group(g) for g in query.groups]
    terms += [_lexeme(t) for t in query.exact] + [_lexeme(b) for b in query.bigrams]
    return " | ".join(terms)


class PostgresBackend(SearchBackend):
    name = "postgresql"

    def index(self, documents: list[IndexDocument]) -> None:
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET vector = %s::tsvector, "
                "title_vector = ts_filter(%s::tsvector, '{a,b}') WHERE page_id = %s",
                [(v, v, d.page_id) for d in documents for v in [build_vector(d)]],
            )

    def remove(self, page_ids: list[int]) -> None:
        """The vector lives on the entry row, which the service deletes."""

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE search_searchentry SET vector = NULL, title_vector = NULL")

    @contextlib.contextmanager
    def bulk_load(self):
        # Maintaining two GIN indexes row by row made a 100.000-article rebuild take ~30 min;
        # building them once at the end is a sort and a write.
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")
            cursor.execute("DROP INDEX IF EXISTS search_entry_title_vector_gin")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '256MB'")
                cursor.execute(CREATE_SQL[1])
                cursor.execute(CREATE_TITLE_SQL[2])
                cursor.execute("RESET maintenance_work_mem")
                cursor.execute("ANALYZE search_searchentry")

    def search(
        self, query: ParsedQuery, filters: Filters, limit: int, any_group: bool = False
    ) -> Candidates:
        if query.is_empty:
            return Candidates()
        tsquery = compile_tsquery(query, any_group)
        rank_query = compile_rank_query(query)
        where, params = filter_clauses(filters, "")
        base = f"FROM search_searchentry WHERE vector @@ %s::tsquery{where}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {base} LIMIT %s) AS m",  # noqa: S608
                [tsquery, *params, TOTAL_CAP],
            )
            total = cursor.fetchone()[0]
            if total <= RANK_CAP:
                # Normalisation 1 (divide by 1 + log length), or long texts that repeat a word
                # crowd short, exact ones out of the candidates (bm25 on SQLite does the same).
                cursor.execute(
                    f"SELECT page_id, ts_rank(vector, %s::tsquery, 1) AS score {base} ORDER BY score DESC LIMIT %s",
                    [rank_query, tsquery, *params, limit],
                )
                rows = cursor.fetchall()
                return Candidates(
                    ids=[r[0] for r in rows], scores=[float(r[1]) for r in rows], total=total
                )
            ids: dict[int, float] = {}
            for column, score in (("title_vector", 2.0), ("vector", 1.0)):
                cursor.execute(
                    f"SELECT page_id FROM search_searchentry WHERE {column} @@ %s::tsquery{where} "  # noqa: S608
                    "ORDER BY page_id DESC LIMIT %s",
                    [tsquery, *params, limit],
                )
                for (page_id,) in cursor.fetchall():
                    ids.setdefault(page_id, score)
        return Candidates(ids=list(ids), scores=list(ids.values()), total=total)

    def phrase_matches(self, phrase: tuple[str, ...], page_ids: list[int]) -> set[int]:
        if not phrase or not page_ids:
            return set()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT page_id FROM search_searchentry WHERE page_id = ANY(%s) AND vector @@ %s::tsquery",
                [list(page_ids), _alternative(phrase)],
            )
            return {r[0] for r in cursor.fetchall()}

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('search_searchentry')")
            return cursor.fetchone()[0]
