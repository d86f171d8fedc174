"""Only published, public content is searchable, and changes show at once."""

import pytest
from wagtail.models import PageViewRestriction

from congso.search import services
from congso.search.adapters import payload_for
from congso.search.backends.base import Filters
from congso.search.models import SearchEntry
from congso.search.querysets import search

from .factories import article, days_ago, make_category, make_standard_page, titles

pytestmark = pytest.mark.django_db


def test_publishing_an_article_makes_it_searchable(category):
    page = article(category, "Hội nghị chuyển đổi số")
    assert search("hoi nghi").hits[0].url == page.url


def test_draft_article_is_not_searchable(category):
    article(category, "Dự thảo chưa xuất bản", publish=False)
    assert search("du thao").total == 0


def test_unpublishing_removes_the_article_at_once(category):
    page = article(category, "Tin sắp gỡ")
    page.unpublish()
    assert search("tin sap go").total == 0


def test_deleting_removes_the_article_at_once(category):
    page = article(category, "Tin sắp xóa")
    page.delete()
    assert search("tin sap xoa").total == 0
    assert not SearchEntry.objects.exists()


def test_editing_a_draft_does_not_change_what_the_public_finds(category):
    page = article(category, "Tiêu đề đã duyệt")
    page.title = "Tiêu đề nháp bí mật"
    page.save_revision()
    assert titles(search("tieu de")) == ["Tiêu đề đã duyệt"]
    assert search("bi mat").total == 0


def test_republishing_updates_the_indexed_text(category):
    page = article(category, "Tiêu đề cũ")
    page.title = "Tiêu đề mới"
    page.save_revision().publish()
    assert titles(search("tieu de")) == ["Tiêu đề mới"]


def test_moving_an_article_updates_its_address_and_category(home, category):
    page = article(category, "Tin được chuyển chuyên mục")
    other = make_category(home, "Cải cách hành chính")
    page.move(other, pos="last-child")
    hit = search("tin duoc chuyen").hits[0]
    assert hit.url.startswith(other.url)
    assert hit.category == "Cải cách hành chính"


def test_renaming_a_category_updates_its_articles(category):
    article(category, "Tin trong chuyên mục")
    category.title = "Kinh tế số"
    category.save_revision().publish()
    assert search("tin trong chuyen muc").hits[0].category == "Kinh tế số"


def test_restricted_pages_are_not_searchable(category):
    article(category, "Tin nội bộ")
    PageViewRestriction.objects.create(page=category, restriction_type=PageViewRestriction.LOGIN)
    assert search("tin noi bo").total == 0


def test_lifting_a_restriction_makes_pages_searchable_again(category):
    article(category, "Tin nội bộ")
    restriction = PageViewRestriction.objects.create(
        page=category, restriction_type=PageViewRestriction.LOGIN
    )
    restriction.delete()
    assert search("tin noi bo").total == 1


def test_standard_pages_are_searchable_with_their_type(home):
    make_standard_page(
        home, "Giới thiệu chức năng nhiệm vụ", intro="Chức năng, nhiệm vụ, quyền hạn của Sở."
    )
    hit = search("chuc nang nhiem vu").hits[0]
    assert (hit.type, hit.type_label) == ("page", "Trang")


def test_a_page_class_may_provide_its_own_payload():
    class FakeDocument:
        specific = None

        def search_payload(self):
            return {"title": "Báo cáo 273/BC-STTTT", "type": "document"}

    page = FakeDocument()
    page.specific = page
    assert payload_for(page)["type"] == "document"


def test_rebuild_restores_the_index_from_pages(category):
    article(category, "Tin cần dựng lại")
    SearchEntry.objects.all().delete()
    services.get_backend().clear()
    assert services.rebuild_index() == 1
    assert search("tin can dung lai").total == 1


def test_paused_indexing_skips_pages_until_rebuild(category):
    with services.indexing_paused():
        article(category, "Tin nhập hàng loạt")
    assert search("tin nhap hang loat").total == 0
    services.rebuild_index()
    assert search("tin nhap hang loat").total == 1


def test_type_filter_keeps_only_that_type(home, category):
    article(category, "Giới thiệu hoạt động")
    make_standard_page(home, "Giới thiệu chung")
    assert titles(search("gioi thieu", Filters(type="page"))) == ["Giới thiệu chung"]


def test_category_filter_keeps_only_that_category(home, category):
    article(category, "Tin chuyển đổi số")
    other = make_category(home, "Cải cách hành chính")
    article(other, "Tin cải cách")
    assert titles(search("tin", Filters(category="cai-cach-hanh-chinh"))) == ["Tin cải cách"]


def test_date_range_filter_keeps_only_dates_inside(category):
    article(category, "Tin năm trước", date=days_ago(400))
    article(category, "Tin tuần này", date=days_ago(2))
    assert titles(search("tin", Filters(date_from=days_ago(30)))) == ["Tin tuần này"]
    assert titles(search("tin", Filters(date_to=days_ago(30)))) == ["Tin năm trước"]


def test_results_stay_within_the_site_tree(home, category):
    article(category, "Tin của trang chính")
    assert search("tin", Filters(tree_path=category.path + "9999")).total == 0
    assert search("tin", Filters(tree_path=home.path)).total == 1


def test_publishing_a_revision_indexes_the_page_once(category, monkeypatch):
    page = article(category, "Tiêu đề cũ")
    page.title = "Tiêu đề mới"
    revision = page.save_revision()
    calls = []
    original = services.reindex_page
    monkeypatch.setattr(services, "reindex_page", lambda p: calls.append(p.pk) or original(p))
    revision.publish()
    assert calls == [page.pk]


def _queries_to_move(home, n: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    source = make_category(home, f"Chuyên mục nguồn {n}")
    target = make_category(home, f"Chuyên mục đích {n}")
    for i in range(n):
        article(source, f"Tin chuyển {n} số {i}")
    with CaptureQueriesContext(connection) as captured:
        source.move(target, pos="last-child")
    return len(captured.captured_queries)


def test_moving_a_category_reindexes_its_articles_in_batches_not_one_by_one(home):
    assert _queries_to_move(home, 6) == _queries_to_move(home, 1)
