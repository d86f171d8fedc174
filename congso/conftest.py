import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True, scope="session")
def _redis_clear_stays_in_this_worker():
    """django-redis' clear() is FLUSHDB: a test calling cache.clear() would wipe the other
    parallel worker's keys mid-test (a flaky analytics failure in CI). In tests, clear only
    this worker's key prefix."""
    try:
        from django_redis.cache import RedisCache
    except ImportError:  # pragma: no cover - django-redis is a dependency
        yield
        return
    original = RedisCache.clear
    RedisCache.clear = lambda self: self.delete_pattern("*")
    yield
    RedisCache.clear = original


@pytest.fixture(autouse=True)
def _clear_caches():
    """Counters, rate limits and the page cache live in the cache: isolate every test."""
    for alias in ("default", "renditions"):
        cache = caches[alias]
        # django-redis' clear() is FLUSHDB, which would wipe parallel workers' keys too.
        if hasattr(cache, "delete_pattern"):
            cache.delete_pattern("*")
        else:
            cache.clear()
    yield


@pytest.fixture(autouse=True)
def _wagtail_roots(request):
    """Recreate Wagtail's migrated root rows for any database test (see ensure_wagtail_roots)."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "django_db_setup"}:
        return
    if marker is not None:
        transactional = marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    else:
        transactional = "transactional_db" in names
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.contrib.contenttypes.models import ContentType

    from congso.core.tests.factories import ensure_wagtail_roots

    # A live-server test's flush recreates content types under new ids in this worker's
    # database; never let the process-wide cache hand out stale ones.
    ContentType.objects.clear_cache()

    ensure_wagtail_roots()


@pytest.fixture
def home(db):
    from congso.core.tests.factories import make_home

    return make_home()


@pytest.fixture
def category(home):
    from congso.core.tests.factories import make_category

    return make_category(home, "Chuyển đổi số")


@pytest.fixture
def article(category):
    from congso.core.tests.factories import make_article

    return make_article(
        category, "Hà Tĩnh đẩy mạnh chuyển đổi số", sapo="Sở TT&TT tổ chức hội nghị."
    )


@pytest.fixture
def two_sites(db):
    """The department's site and a commune's (congso/core/tests/sites.py), for any app's
    several-sites tests."""
    from congso.core.tests.sites import make_two_sites

    return make_two_sites()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    """Browser tests need a live server, so a transactional database, whose flush would also
    delete the rows Wagtail's migrations create (root page, root collection, default site) and
    break every later test in the worker: restore them from the serialized copy."""
    for item in items:
        uses_live_server = {"live_server", "browser_page", "transactional_db"} & set(
            getattr(item, "fixturenames", ())
        )
        if item.get_closest_marker("browser") is None and not uses_live_server:
            continue
        # `make test` runs these in a second, serial pytest run: a flush between two tests of
        # an xdist worker would otherwise strip the rows migrations create (content types,
        # permissions, document types) from the tests that follow it in that worker.
        item.add_marker(pytest.mark.browser)
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        # No serialized rollback: restoring the snapshot collides with the content types that
        # the previous flush's post_migrate recreated. `_wagtail_roots` rebuilds what the
        # tests need from migrations instead.
        kwargs.update(transaction=True, serialized_rollback=False)
        item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture
def browser():
    """Debian's Chromium driven by Playwright; tests that need it are marked `browser`.

    Function-scoped on purpose: Playwright's sync API keeps an asyncio loop running in this
    thread while it is open, and code under test that calls asyncio.run() (pyHanko's
    validation) would fail in every later test of the worker."""
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed at /usr/bin/chromium (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # inside one unless told that this test thread is not serving async code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh browser context (no cookies) per test, pointed at the live server."""
    from wagtail.models import Site

    host, port = live_server.url.split("//", 1)[1].split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(params=["vi", "en"])
def admin_language(request):
    """Admin browser tests run once per language of the admin (Vietnamese first)."""
    return request.param


@pytest.fixture
def chief(admin_language, browser_page):
    """The browser page, logged in through the admin's login form as the Trưởng ban biên tập
    ("truongban"), who uses the admin in `admin_language`."""
    from congso.tests.admin_browser import log_in, staff_user
    from congso.users.roles import CHIEF_EDITOR

    staff_user("truongban", CHIEF_EDITOR, admin_language)
    log_in(browser_page, "truongban")
    return browser_page
