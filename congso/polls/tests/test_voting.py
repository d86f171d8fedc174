import pytest
from django.test import Client

from congso.polls import services
from congso.polls.models import Vote
from congso.polls.tests.factories import add_votes, make_poll, make_poll_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return make_poll_index(home)


@pytest.fixture
def poll(index):
    return make_poll(index)


def poll_url(index, poll):
    return index.poll_url(poll)


def vote(client, index, poll, option=None, **extra):
    option = option or poll.options.first()
    return client.post(poll_url(index, poll), {"option": option.pk, **extra})


def test_a_vote_is_counted_and_the_results_shown_with_thanks(client, index, poll):
    add_votes(poll, 1, 1)
    response = vote(client, index, poll)
    assert response.status_code == 303
    assert services.VOTER_COOKIE in response.cookies
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Cảm ơn bạn đã bình chọn" in html
    assert "Kết quả: 3 phiếu" in html
    assert "66,7%" in html and "33,3%" in html
    assert Vote.objects.filter(poll=poll).count() == 3


def test_a_second_vote_from_the_same_visitor_is_refused_with_a_message(client, index, poll):
    vote(client, index, poll)
    response = vote(client, index, poll, option=poll.options.last())
    assert response.status_code == 409
    assert "Bạn đã bình chọn trong cuộc bình chọn này" in response.content.decode()
    assert Vote.objects.count() == 1
    assert Vote.objects.get().option == poll.options.first()


def test_a_visitor_who_clears_the_cookie_is_a_new_visitor_but_no_address_is_kept(index, poll):
    vote(Client(), index, poll)
    vote(Client(), index, poll)
    voters = list(Vote.objects.values_list("voter", flat=True))
    assert len(set(voters)) == 2
    assert all("127.0.0.1" not in v and len(v) == 64 for v in voters)


def test_the_same_token_gives_unrelated_hashes_in_two_polls(index, poll):
    other = make_poll(index, question="Câu hỏi khác")
    assert services.voter_hash("abc", poll) != services.voter_hash("abc", other)


def test_a_forged_cookie_is_ignored_and_a_fresh_token_issued(client, index, poll):
    client.cookies[services.VOTER_COOKIE] = "gia-mao"
    response = vote(client, index, poll)
    assert response.status_code == 303
    assert response.cookies[services.VOTER_COOKIE].value != "gia-mao"


@pytest.mark.parametrize(
    ("state", "message"),
    [("closed", "đã kết thúc nên không nhận thêm phiếu"), ("upcoming", "chưa mở")],
)
def test_a_vote_outside_the_polls_window_is_refused(client, index, state, message):
    poll = make_poll(index, state=state)
    response = vote(client, index, poll)
    assert response.status_code == 409
    assert message in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("option", ["", "abc", "999999"])
def test_a_missing_or_foreign_option_is_refused(client, index, poll, option):
    other = make_poll(index, question="Khác")
    value = other.options.first().pk if option == "999999" else option
    response = client.post(poll_url(index, poll), {"option": value})
    assert response.status_code == 400
    assert "Vui lòng chọn một phương án" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_filled_honeypot_counts_nothing(client, index, poll):
    response = vote(client, index, poll, website="http://spam.example")
    assert response.status_code == 400
    assert "Để trống ô này" in response.content.decode()
    assert not Vote.objects.exists()


def test_too_many_attempts_from_one_address_get_429(index, poll, settings):
    settings.POLLS_RATE_LIMIT = "2/3600"
    for _ in range(2):
        vote(Client(), index, poll)
    response = vote(Client(), index, poll)
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều phiếu" in response.content.decode()
    assert Vote.objects.count() == 2


def test_results_wait_for_the_close_when_the_editor_says_so(client, index):
    poll = make_poll(index, results_shown="after_close")
    response = client.get(vote(client, index, poll)["Location"])
    html = response.content.decode()
    assert "Kết quả được công bố khi cuộc bình chọn kết thúc" in html
    assert "Kết quả bình chọn" not in html


def test_a_closed_polls_results_are_shown_to_everyone(client, index):
    poll = make_poll(index, state="closed", results_shown="after_close")
    add_votes(poll, 1234, 0)
    html = client.get(poll_url(index, poll)).content.decode()
    assert "Kết quả: 1.234 phiếu" in html and "100,0%" in html
    assert 'name="option"' not in html


def test_an_open_poll_shows_no_results_before_voting(client, index, poll):
    add_votes(poll, 5, 2)
    html = client.get(poll_url(index, poll)).content.decode()
    assert "Kết quả bình chọn" not in html
    assert 'name="option"' in html


def test_the_poll_page_is_never_cached(client, index, poll):
    response = client.get(poll_url(index, poll))
    assert "no-store" in response["Cache-Control"]
    assert client.get(poll_url(index, poll)).get("X-Page-Cache") is None


def test_an_unpublished_or_another_pages_poll_is_not_found(client, home, index):
    hidden = make_poll(index, is_published=False)
    assert client.get(poll_url(index, hidden)).status_code == 404
    assert client.get(index.url + "999999/").status_code == 404


def test_the_index_lists_current_and_closed_polls(client, index, poll):
    closed = make_poll(index, question="Cuộc đã xong", state="closed")
    html = client.get(index.url).content.decode()
    current_at, closed_at = html.index(poll.question), html.index(closed.question)
    assert html.index("Đang diễn ra") < current_at < html.index("Đã kết thúc") < closed_at


def test_the_sitemap_lists_each_published_poll(index, poll):
    locations = [entry["location"] for entry in index.get_sitemap_urls()]
    assert any(location.endswith(f"/binh-chon/{poll.pk}/") for location in locations)


def test_saving_a_poll_purges_the_page_cache(index, poll, django_capture_on_commit_callbacks):
    from congso.core.pagecache import generation

    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        poll.question = "Câu hỏi đã sửa"
        poll.save()
    assert generation() != before


def test_the_token_address_gives_a_csrf_token_uncached(client, index, poll):
    response = client.get(poll_url(index, poll) + "ma-xac-thuc/")
    assert response.json()["token"]
    assert "no-store" in response["Cache-Control"]
