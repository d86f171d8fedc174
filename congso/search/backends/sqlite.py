"""SQLite FTS5: the embedded default.

The FTS5 table holds already-folded tokens (see `analysis.py`), so its own tokenizer only has
to split on spaces; `remove_diacritics 0` keeps the `exact` column's diacritics distinct.
Rows share their rowid with `search_searchentry.page_id`, which holds the filter columns.
"""

from django.db import connection

from congso.search.analysis import Group, ParsedQuery

from .base import Candidates, Filters, IndexDocument, SearchBackend

# Identifiers below come from constants; user input only ever travels as a bound parameter.
TABLE = "search_fts"
# Column weights for bm25, in table order: title, code, body, title_extra, body_extra, exact.
RANK = "bm25(8.0, 12.0, 1.0, 6.0, 1.5, 2.0)"
CREATE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, code, body, title_extra, body_extra, exact, "
    "tokenize = 'unicode61 remove_diacritics 0')",
    f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', '{RANK}')",  # noqa: S608
]
DROP_SQL = [f"DROP TABLE IF EXISTS {TABLE}"]


def _string(tokens: tuple[str, ...] | list[str]) -> str:
    # Tokens are letters and digits only, but quoting keeps FTS5 syntax out even if that changes.
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _group(group: Group) -> str:
    alts = [_string(alt) for alt in group.alternatives]
    return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def compile_match(query: ParsedQuery, any_group: bool = False) -> str:
    groups = [_group(g) for g in query.groups]
    if any_group:
        return " OR ".join(groups)
    boosts = [groups[0]]
    boosts += ["{exact} : " + _string([t]) for t in query.exact]
    boosts += ["{title_extra body_extra} : " + _string([b]) for b in query.bigrams]
    expression = " AND ".join(groups)
    if len(boosts) > 1:
        # Always true (it repeats the first group) but adds the exact and bigram terms to bm25.
        expression += " AND (" + " OR ".join(boosts) + ")"
    return expression


def _where(filters: Filters) -> tuple[str, list]:
    clauses, params = [], []
    if filters.type:
        clauses.append("e.type = %s")
        params.append(filters.type)
    if filters.category:
        clauses.append("e.category_slug = %s")
        params.append(filters.category)
    if filters.date_from:
        clauses.append("e.date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("e.date < %s")
        params.append(filters.date_to)
    if filters.tree_path:
        clauses.append("e.tree_path LIKE %s")
        params.append(filters.tree_path + "%")
    return "".join(" AND " + c for c in clauses), params


class SQLiteFTS5Backend(SearchBackend):
    name = "sqlite-fts5"

    def index(self, documents: list[IndexDocument]) -> None:
        if not documents:
            return
        rows = [
            (
                d.page_id,
                " ".join(d.title),
                " ".join(d.code),
                " ".join(d.body),
                " ".join(d.title_extra),
                " ".join(d.body_extra),
                " ".join(d.exact),
            )
            for d in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {TABLE} WHERE rowid = %s",  # noqa: S608
                [(d.page_id,) for d in documents],
            )
            cursor.executemany(
                f"INSERT INTO {TABLE}(rowid, title, code, body, title_extra, body_extra, exact) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                rows,
            )

    def remove(self, page_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(i,) for i in page_ids])  # noqa: S608

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608

    def search(
        self, query: ParsedQuery, filters: Filters, limit: int, any_group: bool = False
    ) -> Candidates:
        if query.is_empty:
            return Candidates()
        match = compile_match(query, any_group)
        where, params = _where(filters)
        base = f"FROM {TABLE} f JOIN search_searchentry e ON e.page_id = f.rowid WHERE {TABLE} MATCH %s{where}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT f.rowid, f.rank {base} ORDER BY f.rank LIMIT %s", [match, *params, limit]
            )
            rows = cursor.fetchall()
            if len(rows) < limit:
                total = len(rows)
            else:
                cursor.execute(f"SELECT count(*) {base}", [match, *params])
                total = cursor.fetchone()[0]
        # bm25 is negative, lower is better: flip it so that higher is better everywhere.
        return Candidates(ids=[r[0] for r in rows], scores=[-r[1] for r in rows], total=total)

    def phrase_matches(self, phrase: tuple[str, ...], page_ids: list[int]) -> set[int]:
        if not phrase or not page_ids:
            return set()
        marks = ",".join(["%s"] * len(page_ids))
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, ["{title body} : " + _string(phrase), *page_ids])
            return {r[0] for r in cursor.fetchall()}

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT sum(pgsize) FROM dbstat WHERE name LIKE %s OR name = %s",
                    [TABLE + "_%", "search_searchentry"],
                )
                return cursor.fetchone()[0]
            except Exception:  # dbstat is a compile-time option of SQLite
                return None
