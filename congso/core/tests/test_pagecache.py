import multiprocessing

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory

from congso.core import pagecache
from congso.core.pagecache import PageCacheMiddleware


class CountingView:
    """Stands in for the rest of the stack, so each test controls the response."""

    def __init__(self, **response_kwargs):
        self.calls = 0
        self.response_kwargs = response_kwargs
        self.headers = {}
        self.cookie = None

    def __call__(self, request):
        self.calls += 1
        response = HttpResponse(f"<p>trang {self.calls}</p>", **self.response_kwargs)
        for name, value in self.headers.items():
            response[name] = value
        if self.cookie:
            response.set_cookie(self.cookie, "1")
        return response


@pytest.fixture
def view():
    return CountingView()


@pytest.fixture
def rf():
    return RequestFactory()


def serve(view, request):
    return PageCacheMiddleware(view)(request)


def get_twice(view, rf, path="/tin-tuc/bai-viet/", **extra):
    first = serve(view, rf.get(path, **extra))
    second = serve(view, rf.get(path, **extra))
    return first, second


def test_anonymous_get_is_served_from_the_cache_the_second_time(view, rf):
    first, second = get_twice(view, rf)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert view.calls == 1
    assert second.content == first.content


def test_cached_copy_keeps_the_content_type_and_says_it_varies_on_cookie(view, rf):
    _, second = get_twice(view, rf)
    assert second["Content-Type"].startswith("text/html")
    assert "Cookie" in second["Vary"]


def test_head_is_served_from_the_copy_a_get_stored(view, rf):
    serve(view, rf.get("/trang/"))
    response = serve(view, rf.head("/trang/"))
    assert response["X-Page-Cache"] == "hit"


def test_logged_in_reader_is_never_served_a_cached_copy(view, rf):
    serve(view, rf.get("/trang/"))
    request = rf.get("/trang/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "phien-dang-nhap"
    response = serve(view, request)
    assert "X-Page-Cache" not in response
    assert view.calls == 2


def test_logged_in_readers_page_is_never_stored(view, rf):
    request = rf.get("/trang/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "phien-dang-nhap"
    serve(view, request)
    assert serve(view, rf.get("/trang/"))["X-Page-Cache"] == "miss"


def test_flash_message_cookie_bypasses_the_cache(view, rf):
    serve(view, rf.get("/trang/"))
    request = rf.get("/trang/")
    request.COOKIES["messages"] = "thong-bao"
    serve(view, request)
    assert view.calls == 2


def test_post_is_never_cached(view, rf):
    serve(view, rf.post("/trang/", {"ten": "An"}))
    serve(view, rf.post("/trang/", {"ten": "An"}))
    assert view.calls == 2
    assert serve(view, rf.get("/trang/"))["X-Page-Cache"] == "miss"


def test_response_setting_a_cookie_is_never_stored(view, rf):
    view.cookie = "csrftoken"
    first, second = get_twice(view, rf)
    assert view.calls == 2
    assert "X-Page-Cache" not in second


@pytest.mark.parametrize("status", [301, 404, 429, 500])
def test_responses_other_than_200_are_not_stored(rf, status):
    view = CountingView(status=status)
    get_twice(view, rf)
    assert view.calls == 2


@pytest.mark.parametrize("cache_control", ["private", "no-cache", "no-store, max-age=0"])
def test_private_or_no_store_responses_are_not_stored(view, rf, cache_control):
    view.headers["Cache-Control"] = cache_control
    get_twice(view, rf)
    assert view.calls == 2


def test_response_varying_on_another_header_is_not_stored(view, rf):
    view.headers["Vary"] = "User-Agent"
    get_twice(view, rf)
    assert view.calls == 2


def test_json_responses_are_not_stored(rf):
    view = CountingView(content_type="application/json")
    get_twice(view, rf, "/trang.json")
    assert view.calls == 2


@pytest.mark.parametrize(
    "path", ["/admin/pages/3/edit/preview/", "/api/v1/van-ban/", "/binh-luan/token/", "/tim-kiem/"]
)
def test_admin_previews_api_and_forms_are_never_cached(view, rf, path):
    get_twice(view, rf, path)
    assert view.calls == 2


def test_each_listing_page_number_is_its_own_entry(view, rf):
    serve(view, rf.get("/tin-tuc/?page=2"))
    response = serve(view, rf.get("/tin-tuc/?page=3"))
    assert response["X-Page-Cache"] == "miss"
    assert serve(view, rf.get("/tin-tuc/?page=2"))["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "query", ["page=x", "page=-1", "page=%ff", "page=99999999999999999999", "page="]
)
def test_bad_page_numbers_are_served_normally(view, rf, query):
    first, second = get_twice(view, rf, f"/tin-tuc/?{query}")
    assert (first.status_code, second.status_code) == (200, 200)


def test_tracking_parameters_share_the_clean_urls_entry(view, rf):
    serve(view, rf.get("/tin-tuc/bai/"))
    response = serve(view, rf.get("/tin-tuc/bai/?utm_source=zalo&zarsrc=30&fbclid=abc"))
    assert response["X-Page-Cache"] == "hit"


def test_unknown_query_parameters_bypass_so_random_strings_cannot_fill_the_cache(view, rf):
    get_twice(view, rf, "/tin-tuc/?x=1")
    assert view.calls == 2


def test_repeated_page_parameter_bypasses(view, rf):
    get_twice(view, rf, "/tin-tuc/?page=1&page=2")
    assert view.calls == 2


def test_browser_language_does_not_split_the_cache(view, rf):
    serve(view, rf.get("/trang/", HTTP_ACCEPT_LANGUAGE="vi"))
    response = serve(view, rf.get("/trang/", HTTP_ACCEPT_LANGUAGE="en"))
    assert response["X-Page-Cache"] == "hit"


def test_document_list_filters_are_cached(view, rf):
    get_twice(view, rf, "/van-ban/?loai=bao-cao&nam=2024")
    assert view.calls == 1


def test_every_document_list_filter_but_free_text_is_a_cached_parameter():
    from congso.documents.querysets import DocumentFilter

    filters = set(DocumentFilter.PARAM_NAMES.values()) - {"q"}
    assert filters <= pagecache.CACHED_QUERY_PARAMS
    assert "q" not in pagecache.CACHED_QUERY_PARAMS


def test_free_text_document_query_bypasses(view, rf):
    get_twice(view, rf, "/van-ban/?q=273%2FBC")
    assert view.calls == 2


def test_each_site_host_gets_its_own_copy(view, rf):
    serve(view, rf.get("/trang/", HTTP_HOST="localhost"))
    response = serve(view, rf.get("/trang/", HTTP_HOST="127.0.0.1"))
    assert response["X-Page-Cache"] == "miss"


def test_browser_revalidating_an_unchanged_page_gets_304(view, rf):
    first = serve(view, rf.get("/trang/"))
    response = serve(view, rf.get("/trang/", HTTP_IF_NONE_MATCH=first["ETag"]))
    assert response.status_code == 304


def test_cache_can_be_switched_off(view, rf, settings):
    settings.PAGE_CACHE_ENABLED = False
    first, second = get_twice(view, rf)
    assert view.calls == 2
    assert "X-Page-Cache" not in second


def test_purge_makes_every_stored_page_stale(view, rf):
    serve(view, rf.get("/trang/"))
    pagecache.purge_all()
    assert serve(view, rf.get("/trang/"))["X-Page-Cache"] == "miss"


def test_purge_raises_the_generation():
    before = pagecache.generation()
    pagecache.purge_all()
    assert pagecache.generation() > before


def _purge_in_child():
    pagecache.purge_all()


def test_a_purge_in_another_worker_process_is_seen_here():
    before = pagecache.generation()
    worker = multiprocessing.get_context("fork").Process(target=_purge_in_child)
    worker.start()
    worker.join(30)
    assert worker.exitcode == 0
    assert pagecache.generation() > before


def test_file_generation_survives_a_lost_or_corrupt_file(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(pagecache, "_uses_file_generation", lambda: True)
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "gen"
    first = pagecache.generation()
    (tmp_path / "gen").write_text("hỏng")
    pagecache.purge_all()
    assert pagecache.generation() >= first
    (tmp_path / "gen").unlink()
    assert pagecache.generation() > 0


def test_a_render_that_started_before_a_purge_is_stored_under_the_old_generation(rf):
    def publishing_view(request):
        pagecache.purge_all()  # an editor publishes while this reader's page renders
        return HttpResponse("<p>bản cũ</p>")

    serve(publishing_view, rf.get("/trang/"))
    later = CountingView()
    assert serve(later, rf.get("/trang/"))["X-Page-Cache"] == "miss"


def test_remembered_value_is_computed_once_until_a_purge():
    calls = []

    def compute():
        calls.append(1)
        return ["Tin 1", "Tin 2"]

    assert pagecache.remember("ticker:1", compute) == ["Tin 1", "Tin 2"]
    pagecache.remember("ticker:1", compute)
    assert len(calls) == 1
    pagecache.purge_all()
    pagecache.remember("ticker:1", compute)
    assert len(calls) == 2


def test_remembered_none_is_not_recomputed():
    calls = []
    pagecache.remember("trong", lambda: calls.append(1))
    pagecache.remember("trong", lambda: calls.append(1))
    assert len(calls) == 1
