"""What keeps PostgreSQL search fast at 100.000 articles (docs/benchmarks.md, "Search"): the
vector is read through its GIN index only, phrases become bigram ANDs, common queries look in a
window of recent ids first. Runs when the test database is PostgreSQL (CI's second pass)."""

import pytest
from django.db import connection

from congso.search.analysis import parse_query
from congso.search.backends import base, postgres
from congso.search.backends.base import TOTAL_CAP
from congso.search.querysets import search

from .factories import article, days_ago, titles

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL backend only"
)


def test_phrases_and_expansions_compile_to_bigrams_without_positional_operators():
    tsquery = postgres.compile_tsquery(parse_query('chuyen doi so "ban chi dao"'))
    assert "<->" not in tsquery
    assert "'chuyendoi' & 'doiso'" in tsquery
    assert "'banchi' & 'chidao'" in tsquery


@on_postgres
@pytest.mark.django_db
def test_full_text_predicates_are_planned_as_gin_bitmap_scans(category):
    article(category, "Chuyển đổi số cấp xã")
    with postgres._bitmap_only() as session:
        cursor = session.cursor
        cursor.execute(
            "EXPLAIN SELECT count(*) FROM search_searchentry WHERE vector @@ %s::tsquery",
            [postgres.compile_tsquery(parse_query("chuyen doi so"))],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_entry_vector_gin" in plan
    assert "Seq Scan" not in plan


@on_postgres
@pytest.mark.django_db
def test_common_query_widens_the_recent_window_until_it_finds_old_matches(category, monkeypatch):
    monkeypatch.setattr(base, "RANK_CAP", 1)
    monkeypatch.setattr(postgres, "RANK_CAP", 1)
    monkeypatch.setattr(postgres, "WINDOWS", (1, None))
    article(category, "Chuyển đổi số cấp xã", date=days_ago(900))
    article(category, "Chuyển đổi số cấp huyện", date=days_ago(800))
    for n in range(3):
        article(category, f"Tin thời tiết {n}")
    assert sorted(titles(search("chuyen doi so"))) == [
        "Chuyển đổi số cấp huyện",
        "Chuyển đổi số cấp xã",
    ]


@on_postgres
@pytest.mark.django_db
def test_query_the_planner_expects_everywhere_skips_the_exact_count(category, monkeypatch):
    from congso.search import querysets

    monkeypatch.setattr(postgres, "ESTIMATE_MARGIN", 0)
    monkeypatch.setattr(querysets, "POOL_SIZE", 2)
    for n in range(3):
        article(category, f"Chuyển đổi số đợt {n}")
    results = search("chuyen doi so", page_size=1)
    assert results.total == TOTAL_CAP
    assert len(results.hits) == 1


@on_postgres
@pytest.mark.django_db
def test_an_estimate_that_skipped_the_count_is_corrected_when_all_matches_were_seen(
    category, monkeypatch
):
    monkeypatch.setattr(postgres, "ESTIMATE_MARGIN", 0)
    article(category, "Chuyển đổi số cấp xã")
    results = search("chuyen doi so")
    assert results.total == 1
    assert titles(results) == ["Chuyển đổi số cấp xã"]


@on_postgres
@pytest.mark.django_db
def test_planner_settings_are_restored_after_a_search_inside_a_transaction(category):
    article(category, "Chuyển đổi số cấp xã")
    search("chuyen doi so")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
        )
        assert cursor.fetchone() == ("on", "on")
