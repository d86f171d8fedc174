"""PostgreSQL full-text search without a Vietnamese configuration.

PostgreSQL's parser and dictionaries know no Vietnamese, so they are bypassed: the tsvector and
tsquery are written as literals from the tokens `analysis.py` produced, and cast directly
(`'chuyen'`::tsvector) without `to_tsvector`.

Two vectors per entry, for speed at 100.000 articles:
- `vector`: every folded syllable, compound, bigram and diacritic syllable of the entry, as a
  set without positions. It is only ever read through its GIN index: a vector is ~10 KB of
  TOAST, and evaluating `@@` row by row (a sequential scan, or the recheck that phrase `<->`
  and weights force) cost 60–300 ms per query. Phrases are therefore matched as the AND of
  their bigrams ("chuyen doi so" -> 'chuyendoi' & 'doiso'), which GIN answers exactly.
- `title_vector`: title and number/symbol with positions and weights (A syllables, B bigrams
  and compounds), small enough to stay inline; `ts_rank` runs on it.
"""

import contextlib
import json
from dataclasses import dataclass

from django.db import connection, transaction

from congso.search.analysis import MAX_TOKEN_CHARS, Group, ParsedQuery

from .base import (
    RANK_CAP,
    TOTAL_CAP,
    IndexDocument,
    SearchBackend,
    filter_clauses,
)

MAX_POSITION = 16383
CREATE_SQL = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS vector tsvector",
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (vector)",
]
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
# Newest-first candidates of common queries are looked for among the newest WINDOWS[0] page
# ids first, then wider: ordering every match of "so" by id would visit ~90.000 heap rows.
# On `vector` the window is itself a lexeme ("#99" = ids 99.000-99.999), so GIN intersects it
# with the query's posting lists; a primary-key range would make the planner read and detoast
# every row of the window instead (~6 µs each). `title_vector` is small: a key range does.
WINDOWS = (1000, 10000, None)
ID_BUCKET = 1000
# A query the planner expects to match this many entries skips the exact count (which, for
# syllables in nearly every article, is a 10 ms GIN bitmap of ~100.000 rows): it is shown as
# "more than TOTAL_CAP". The margin covers the planner's error on words that rarely co-occur.
ESTIMATE_MARGIN = 20


def bucket_lexeme(page_id: int) -> str:
    # "#" never occurs in a token (tokens are letters and digits), so no word can collide.
    return f"#{page_id // ID_BUCKET}"


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def build_vector(doc: IndexDocument) -> str:
    tokens = dict.fromkeys(
        [*doc.title, *doc.code, *doc.body, *doc.title_extra, *doc.body_extra, *doc.exact]
    )
    tokens[bucket_lexeme(doc.page_id)] = None
    return " ".join(_lexeme(t) for t in tokens if t)


def build_title_vector(doc: IndexDocument) -> str:
    positions: dict[str, list[str]] = {}
    pos = 1
    for token in (*doc.title, *doc.code):
        positions.setdefault(token, []).append(f"{min(pos, MAX_POSITION)}A")
        pos += 1
    for token in doc.title_extra:
        positions.setdefault(token, []).append(f"{min(pos, MAX_POSITION)}B")
    # PostgreSQL keeps at most 256 positions per lexeme.
    return " ".join(_lexeme(t) + ":" + ",".join(p[:256]) for t, p in positions.items() if t)


def _alternative(tokens: tuple[str, ...]) -> str:
    if len(tokens) == 1:
        return _lexeme(tokens[0])
    bigrams = dict.fromkeys(
        (a + b)[:MAX_TOKEN_CHARS] for a, b in zip(tokens, tokens[1:], strict=False)
    )
    return "(" + " & ".join(_lexeme(b) for b in bigrams) + ")"


def _group(group: Group) -> str:
    return "(" + " | ".join(_alternative(a) for a in group.alternatives) + ")"


def compile_tsquery(query: ParsedQuery, any_group: bool = False) -> str:
    return (" | " if any_group else " & ").join(_group(g) for g in query.groups)


def compile_rank_query(query: ParsedQuery) -> str:
    terms = [_group(g) for g in query.groups] + [_lexeme(b) for b in query.bigrams]
    return " | ".join(terms)


@dataclass
class _Session:
    cursor: object
    newest_id: int


@contextlib.contextmanager
def _bitmap_only():
    """Plan full-text predicates as GIN bitmap scans only (see the module docstring). The
    planner prices `@@` as cheap and would otherwise scan rows and detoast their vectors."""
    with connection.cursor() as cursor, transaction.atomic():
        # Read before the settings below, which would also turn this index lookup into a scan.
        cursor.execute("SELECT coalesce(max(page_id), 0) FROM search_searchentry")
        newest_id = cursor.fetchone()[0]
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
            "set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)"
        )
        seqscan, indexscan = cursor.fetchone()[:2]
        yield _Session(cursor, newest_id)
        # Inside an outer transaction this block is a savepoint, and the settings would last
        # until that transaction ends: give the next statements their planner back.
        cursor.execute(
            "SELECT set_config('enable_seqscan', %s, true), set_config('enable_indexscan', %s, true)",
            [seqscan, indexscan],
        )


class PostgresBackend(SearchBackend):
    name = "postgresql"

    def index(self, documents: list[IndexDocument]) -> None:
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET vector = %s::tsvector, "
                "title_vector = %s::tsvector WHERE page_id = %s",
                [(build_vector(d), build_title_vector(d), d.page_id) for d in documents],
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

    def reading(self):
        return _bitmap_only()

    def count(self, session, query, filters, any_group) -> int:
        where, params = filter_clauses(filters, "")
        match_sql = f"FROM search_searchentry WHERE vector @@ %s::tsquery{where}"
        params = [compile_tsquery(query, any_group), *params]
        if self._estimate(session.cursor, match_sql, params) >= ESTIMATE_MARGIN * RANK_CAP:
            return TOTAL_CAP + 1
        session.cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {match_sql} LIMIT %s) AS m",  # noqa: S608
            [*params, TOTAL_CAP + 1],
        )
        return session.cursor.fetchone()[0]

    def best(self, session, query, filters, limit, any_group):
        where, params = filter_clauses(filters, "")
        # Normalisation 1 (divide by 1 + log length): long titles that repeat a word do not
        # crowd out short, exact ones.
        session.cursor.execute(
            "SELECT page_id, ts_rank(title_vector, %s::tsquery, 1) AS score "  # noqa: S608
            f"FROM search_searchentry WHERE vector @@ %s::tsquery{where} "
            "ORDER BY score DESC, page_id DESC LIMIT %s",
            [compile_rank_query(query), compile_tsquery(query, any_group), *params, limit],
        )
        rows = session.cursor.fetchall()
        return [r[0] for r in rows], [float(r[1]) for r in rows]

    def _estimate(self, cursor, match_sql: str, params: list) -> float:
        cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 {match_sql}", params)  # noqa: S608
        plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return float(plan[0]["Plan"]["Plan Rows"])

    def newest(self, session, query, filters, limit, any_group, in_title):
        where, params = filter_clauses(filters, "")
        tsquery = compile_tsquery(query, any_group)
        column = "title_vector" if in_title else "vector"
        newest_id = session.newest_id
        rows: list[tuple[int]] = []
        for window in WINDOWS:
            bounded = window is not None and newest_id - window > 0
            match, window_sql, window_params = tsquery, "", []
            if bounded and not in_title:
                buckets = range((newest_id - window) // ID_BUCKET, newest_id // ID_BUCKET + 1)
                recent = " | ".join(_lexeme(bucket_lexeme(b * ID_BUCKET)) for b in buckets)
                match = f"({tsquery}) & ({recent})"
            elif bounded:
                window_sql, window_params = " AND page_id > %s", [newest_id - window]
            session.cursor.execute(
                f"SELECT page_id FROM search_searchentry WHERE {column} @@ %s::tsquery"  # noqa: S608
                f"{where}{window_sql} ORDER BY page_id DESC LIMIT %s",
                [match, *params, *window_params, limit],
            )
            rows = session.cursor.fetchall()
            if len(rows) >= limit or not bounded:
                break
        return [r[0] for r in rows]

    def phrase_matches(self, phrase: tuple[str, ...], page_ids: list[int]) -> set[int]:
        if len(phrase) < 2 or not page_ids:
            return set()
        # The bigrams of the phrase, all present: answered by a bitmap AND of the GIN and the
        # primary key, without reading any vector.
        with _bitmap_only() as session:
            session.cursor.execute(
                "SELECT page_id FROM search_searchentry "
                "WHERE vector @@ %s::tsquery AND page_id = ANY(%s)",
                [_alternative(phrase), list(page_ids)],
            )
            return {r[0] for r in session.cursor.fetchall()}

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('search_searchentry')")
            return cursor.fetchone()[0]
