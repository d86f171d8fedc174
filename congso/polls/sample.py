"""Sample polls for `load_sample_polls`: one open, one closed with sample votes, labelled
"(dữ liệu mẫu)", dated relative to today."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from congso.analytics.privacy import keyed_hash
from congso.polls.models import Poll, PollIndexPage, PollOption, Vote

SLUG = "binh-chon"
OPEN_POLL = (
    "Bạn đánh giá thế nào về giao diện của cổng thông tin? (dữ liệu mẫu)",
    ["Dễ tìm thông tin", "Tạm được", "Khó tìm thông tin"],
)
CLOSED_POLL = (
    "Bạn thường đọc cổng thông tin trên thiết bị nào? (dữ liệu mẫu)",
    ["Điện thoại di động", "Máy tính", "Máy tính bảng"],
    [48, 27, 9],  # sample votes per option
)


def ensure_poll_index(home, title: str = "Bình chọn") -> tuple[PollIndexPage, bool]:
    found = PollIndexPage.objects.descendant_of(home).order_by("path").first()
    if found is not None:
        return found, False
    page = PollIndexPage(
        title=title,
        slug=SLUG,
        show_in_menus=False,
        intro="<p>Ý kiến của bạn đọc về hoạt động của cơ quan và của cổng thông tin.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _poll(index, question, labels, opens_at, closes_at) -> tuple[Poll, bool]:
    poll = Poll.objects.filter(index=index, question=question).first()
    if poll is not None:
        return poll, False
    poll = Poll(index=index, question=question, opens_at=opens_at, closes_at=closes_at)
    poll.options = [PollOption(label=label, sort_order=i) for i, label in enumerate(labels)]
    poll.save()
    return poll, True


@transaction.atomic
def load(site, home) -> list[str]:
    lines = []
    index, created = ensure_poll_index(home)
    if created:
        lines.append(f"{site}: tạo trang Bình chọn")
    now = timezone.now().replace(second=0, microsecond=0)
    question, labels = OPEN_POLL
    _, created = _poll(index, question, labels, now - timedelta(days=3), now + timedelta(days=27))
    if created:
        lines.append(f"{site}: thêm cuộc bình chọn đang mở")
    question, labels, counts = CLOSED_POLL
    poll, created = _poll(
        index, question, labels, now - timedelta(days=60), now - timedelta(days=30)
    )
    if created:
        votes = [
            Vote(
                poll=poll,
                option=option,
                voter=keyed_hash(f"{poll.pk}.{option.pk}.{n}", purpose="polls-sample"),
            )
            for option, count in zip(poll.options.all(), counts, strict=True)
            for n in range(count)
        ]
        Vote.objects.bulk_create(votes)
        lines.append(f"{site}: thêm cuộc bình chọn đã kết thúc với {len(votes)} phiếu mẫu")
    return lines
