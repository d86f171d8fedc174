"""Two votes with the same token arriving together, each on its own connection: PostgreSQL
only (the CI's second run), where the unique (poll, voter) row makes the second insert wait
for the first and fail."""

import threading

import pytest
from django.db import connection, connections

from congso.polls import services
from congso.polls.models import Vote
from congso.polls.tests.factories import make_poll, make_poll_index

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_two_simultaneous_votes_with_the_same_token_give_one_row(home):
    poll = make_poll(make_poll_index(home))
    options = list(poll.options.all())
    barrier = threading.Barrier(2)
    outcomes = []

    def cast(option):
        try:
            barrier.wait(timeout=10)
            services.cast_vote(poll=poll, option_id=option.pk, token="cung-mot-ma")
            outcomes.append("counted")
        except services.AlreadyVoted:
            outcomes.append("refused")
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=cast, args=(option,)) for option in options]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["counted", "refused"]
    assert Vote.objects.filter(poll=poll).count() == 1
