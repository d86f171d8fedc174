"""Poll pages and polls for tests."""

from datetime import timedelta

from django.utils import timezone

from congso.polls.models import Poll, PollIndexPage, PollOption, Vote


def make_poll_index(home, title="Bình chọn"):
    page = PollIndexPage(title=title, slug="binh-chon")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_poll(index, question="Bạn đọc tin trên thiết bị nào?", labels=("Điện thoại", "Máy tính"),
              state="open", **fields):  # fmt: skip
    now = timezone.now()
    opens, closes = {
        "open": (now - timedelta(days=1), now + timedelta(days=7)),
        "closed": (now - timedelta(days=10), now - timedelta(days=1)),
        "upcoming": (now + timedelta(days=1), now + timedelta(days=8)),
    }[state]
    fields.setdefault("opens_at", opens)
    fields.setdefault("closes_at", closes)
    poll = Poll(index=index, question=question, **fields)
    poll.options = [PollOption(label=label, sort_order=i) for i, label in enumerate(labels)]
    poll.save()
    return poll


def add_votes(poll, *counts):
    for option, count in zip(poll.options.all(), counts, strict=True):
        for n in range(count):
            Vote.objects.create(poll=poll, option=option, voter=f"mau-{option.pk}-{n}")
