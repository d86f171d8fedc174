"""Requests that arrive together, each on its own database connection, as two workers would.

On PostgreSQL (DATABASE_URL, the CI's second run) the threads use the test database itself.
SQLite's test database lives in memory with a shared cache, whose table locks fail at once
instead of waiting, unlike the site's database file; so on SQLite the threads work on a file
copy of it, opened with the site's own options (WAL, busy timeout, IMMEDIATE transactions).
"""

import sqlite3
import threading
from unittest import mock

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from congso.comments.services import new_submission_key
from congso.core import ratelimit
from congso.core.ratelimit import Rate, RateLimited

# Threads see only committed rows: transactional tests (run in the serial "browser" pass).
pytestmark = pytest.mark.django_db(transaction=True)

VALID = {
    "name": "Trần Thị Lan",
    "email": "lan@example.vn",
    "text": "Cảm ơn Sở đã cung cấp thông tin.",
}


class SharedDatabase:
    """The database as separate workers see it: `run` gives each target its own connection."""

    def __init__(self, tmp_path):
        self.file = None
        if connection.vendor == "sqlite":
            self.file = str(tmp_path / "congso.sqlite3")
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()
            self.settings = connection.settings_dict

    def _connect_this_thread(self):
        if self.file:
            settings = {**self.settings, "NAME": self.file}
            connections["default"] = type(connections["default"])(settings, alias="default")

    def run(self, *targets):
        errors = []

        def run(target):
            try:
                self._connect_this_thread()
                target()
            except BaseException as error:  # noqa: BLE001 - handed back to the test
                errors.append(error)
            finally:
                connections["default"].close()

        threads = [threading.Thread(target=run, args=(target,)) for target in targets]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        if errors:
            raise errors[0]

    def count(self, table: str) -> int:
        if self.file:
            with sqlite3.connect(self.file) as db:
                return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            return cursor.fetchone()[0]


@pytest.fixture
def shared_db(transactional_db, tmp_path):
    return SharedDatabase(tmp_path)


@pytest.fixture
def article(transactional_db, category):
    from congso.core.tests.factories import make_article

    return make_article(category, "Hà Tĩnh đẩy mạnh chuyển đổi số")


def test_a_double_click_saves_one_comment_and_thanks_both_requests(article, shared_db):
    url = reverse("comments:submit", args=[article.pk])
    data = {**VALID, "submission_key": new_submission_key(article)}
    first_claimed = threading.Event()
    counted = []
    real_hit = ratelimit.hit

    def slow_hit(*args, **kwargs):
        # The first request holds its claim, uncommitted, while the second one arrives.
        counted.append(threading.get_ident())
        first_claimed.set()
        threading.Event().wait(0.5)
        return real_hit(*args, **kwargs)

    answers = []

    def first():
        answers.append(Client().post(url, data).status_code)

    def second():
        first_claimed.wait(10)
        answers.append(Client().post(url, data).status_code)

    with mock.patch.object(ratelimit, "hit", slow_hit):
        shared_db.run(first, second)
    assert answers == [200, 200]
    assert shared_db.count("comments_comment") == 1
    assert shared_db.count("comments_submissionkey") == 1
    assert len(counted) == 1  # the second request never touched the rate limit


def test_two_identical_posts_at_the_same_instant_save_one_comment(article, shared_db):
    url = reverse("comments:submit", args=[article.pk])
    data = {**VALID, "submission_key": new_submission_key(article)}
    start = threading.Barrier(2)
    answers = []

    def send():
        client = Client()
        start.wait(10)
        answers.append(client.post(url, data).status_code)

    shared_db.run(send, send)
    assert answers == [200, 200]
    assert shared_db.count("comments_comment") == 1


def test_the_rate_limit_holds_when_counted_from_two_connections_at_once(shared_db):
    rate = Rate(limit=5, period=600)
    accepted = []
    start = threading.Barrier(2)

    def worker():
        start.wait(10)
        for _ in range(10):
            try:
                ratelimit.hit("comments:one-source", rate, every_worker=True)
            except RateLimited:
                continue
            accepted.append(1)

    shared_db.run(worker, worker)
    assert len(accepted) == 5
