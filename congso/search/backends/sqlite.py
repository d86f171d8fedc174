"""SQLite FTS5: the embedded default.

The FTS5 table holds already-folded tokens (see `analysis.py`), so its own tokenizer only has
to split on spaces; `remove_diacritics 0` keeps the `exact` column's diacritics distinct.
Rows share their rowid with `search_searchentry.page_id`, which holds the filter columns.
"""

import contextlib

from django.db import connection

from congso.search.analysis import Group, ParsedQuery

from .base import (
    TOTAL_CAP,
    Filters,
    IndexDocument,
    SearchBackend,
    filter_clauses,
)

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
# Titles and numbers/symbols alone: for very common queries the candidates are the newest
# title matches, and finding them in the full table would walk every body match.
TITLE_TABLE = "search_fts_title"
CREATE_TITLE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_TABLE} USING fts5("
    "title, code, title_extra, tokenize = 'unicode61 remove_diacritics 0')",
    f"INSERT INTO {TITLE_TABLE}(rowid, title, code, title_extra) "  # noqa: S608
    f"SELECT rowid, title, code, title_extra FROM {TABLE}",
]
DROP_TITLE_SQL = [f"DROP TABLE IF EXISTS {TITLE_TABLE}"]


def _string(tokens: tuple[str, ...] | list[str]) -> str:
    # Tokens are letters and digits only, but quoting keeps FTS5 syntax out even if that changes.
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _group(group: Group) -> str:
    alts = [_string(alt) for alt in group.alternatives]
    return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def compile_match(query: ParsedQuery, any_group: bool = False, boosts: bool = True) -> str:
    groups = [_group(g) for g in query.groups]
    if any_group or not boosts:
        return (" OR " if any_group else " AND ").join(groups)
    boosts = [groups[0]]
    boosts += ["{exact} : " + _string([t]) for t in query.exact]
    boosts += ["{title_extra body_extra} : " + _string([b]) for b in query.bigrams]
    expression = " AND ".join(groups)
    if len(boosts) > 1:
        # Always true (it repeats the first group) but adds the exact and bigram terms to bm25.
        expression += " AND (" + " OR ".join(boosts) + ")"
    return expression


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
            cursor.executemany(
                f"DELETE FROM {TITLE_TABLE} WHERE rowid = %s",  # noqa: S608
                [(d.page_id,) for d in documents],
            )
            cursor.executemany(
                f"INSERT INTO {TITLE_TABLE}(rowid, title, code, title_extra) VALUES (%s, %s, %s, %s)",  # noqa: S608
                [(r[0], r[1], r[2], r[4]) for r in rows],
            )

    def remove(self, page_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            for table in (TABLE, TITLE_TABLE):
                cursor.executemany(
                    f"DELETE FROM {table} WHERE rowid = %s",  # noqa: S608
                    [(i,) for i in page_ids],
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
            cursor.execute(f"DELETE FROM {TITLE_TABLE}")  # noqa: S608

    @contextlib.contextmanager
    def bulk_load(self):
        yield
        # Bulk inserts leave many small b-tree segments; a query reads each term's doclist from
        # every one of them. 'optimize' merges them into one.
        with connection.cursor() as cursor:
            for table in (TABLE, TITLE_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608
            cursor.execute("ANALYZE search_searchentry")
        if not connection.in_atomic_block:
            # The rebuild went through the write-ahead log (~5 GB at 100.000 articles); copy it
            # into the database and truncate it now, not whenever SQLite next gets the chance.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def reading(self):
        return connection.cursor()

    @staticmethod
    def _from(table: str, filters: Filters) -> tuple[str, list]:
        where, params = filter_clauses(filters, "e.")
        if where:
            return (
                f"FROM {table} f JOIN search_searchentry e ON e.page_id = f.rowid "
                f"WHERE {table} MATCH %s{where}",
                params,
            )
        # Rows of both tables come and go together: no join needed without filters.
        return f"FROM {table} f WHERE {table} MATCH %s", params

    def count(self, cursor, query, filters, any_group) -> int:
        base, params = self._from(TABLE, filters)
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {base} LIMIT %s)",  # noqa: S608
            [compile_match(query, any_group, boosts=False), *params, TOTAL_CAP + 1],
        )
        return cursor.fetchone()[0]

    def best(self, cursor, query, filters, limit, any_group):
        base, params = self._from(TABLE, filters)
        cursor.execute(
            f"SELECT f.rowid, f.rank {base} ORDER BY f.rank LIMIT %s",
            [compile_match(query, any_group), *params, limit],
        )
        rows = cursor.fetchall()
        # bm25 is negative, lower is better: flip it so that higher is better everywhere.
        return [r[0] for r in rows], [-r[1] for r in rows]

    def newest(self, cursor, query, filters, limit, any_group, in_title):
        base, params = self._from(TITLE_TABLE if in_title else TABLE, filters)
        cursor.execute(
            f"SELECT f.rowid {base} ORDER BY f.rowid DESC LIMIT %s",
            [compile_match(query, any_group, boosts=False), *params, limit],
        )
        return [r[0] for r in cursor.fetchall()]

    def phrase_matches(self, phrase: tuple[str, ...], page_ids: list[int]) -> set[int]:
        if not phrase or not page_ids:
            return set()
        # A phrase MATCH walks the whole index once per id; reading the stored, already folded
        # tokens of these few rows and looking for the phrase in them is cheap and exact.
        marks = ",".join(["%s"] * len(page_ids))
        needle = " " + " ".join(phrase) + " "
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, title, body FROM {TABLE} WHERE rowid IN ({marks})",  # noqa: S608
                page_ids,
            )
            return {
                r[0] for r in cursor.fetchall() if needle in f" {r[1]} " or needle in f" {r[2]} "
            }

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
