"""Sample schedule for the demo: this week and next, dated from the day it runs, leaders by role
only (never a real person's name), every entry labelled "(dữ liệu mẫu)"."""

from datetime import time, timedelta

from django.db import transaction
from wagtail.models import Site

from congso.home.models import HomePage
from congso.schedule import querysets, services
from congso.schedule.models import ScheduleEntry

LABEL = "(dữ liệu mẫu)"
DEPARTMENT_LEADERS = ("Giám đốc Sở", "Phó Giám đốc Sở")
COMMUNE_LEADERS = ("Chủ tịch UBND xã", "Phó Chủ tịch UBND xã")
# (weekday, start, end, content, leader index, place, participants, preparing unit)
WEEK_PLAN = [
    (
        0,
        time(7, 30),
        time(9, 0),
        "Giao ban lãnh đạo đầu tuần",
        0,
        "Phòng họp số 1",
        "Lãnh đạo cơ quan, trưởng các phòng, đơn vị",
        "Văn phòng",
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "Làm việc về kế hoạch chuyển đổi số năm tới",
        1,
        "Phòng họp số 2",
        "Phòng chuyên môn liên quan",
        "Phòng Chuyển đổi số",
    ),
    (
        1,
        time(8, 0),
        None,
        "Dự hội nghị trực tuyến của tỉnh",
        0,
        "Điểm cầu trực tuyến của cơ quan",
        "Lãnh đạo cơ quan",
        "Văn phòng",
    ),
    (
        2,
        time(8, 0),
        time(11, 30),
        "Kiểm tra công tác cải cách hành chính tại bộ phận một cửa",
        1,
        "Bộ phận một cửa",
        "Đoàn kiểm tra theo quyết định",
        "Văn phòng",
    ),
    (
        3,
        time(14, 0),
        time(17, 0),
        "Tiếp công dân định kỳ",
        0,
        "Phòng tiếp công dân",
        "Thanh tra, Văn phòng",
        "Thanh tra",
    ),
    (
        4,
        time(8, 0),
        time(10, 0),
        "Họp rà soát tiến độ công việc trong tuần",
        0,
        "Phòng họp số 1",
        "Lãnh đạo cơ quan, trưởng các phòng",
        "Văn phòng",
    ),
]


def _leaders(site: Site):
    return DEPARTMENT_LEADERS if site.is_default_site else COMMUNE_LEADERS


def sample_weeks() -> list:
    this_monday = querysets.monday_of(querysets.today())
    return [this_monday, this_monday + timedelta(days=7)]


@transaction.atomic
def load(stdout=None) -> dict:
    """Idempotent: a week that already holds sample entries on a page is left alone, so a second
    run on the same day adds nothing and a run a week later adds only the new next week."""
    created_pages = created_entries = 0
    for site in Site.objects.select_related("root_page").order_by("pk"):
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            continue
        page, created = services.ensure_schedule_page(home)
        created_pages += created
        if site.is_default_site:
            services.grant_office(page)
        leaders = _leaders(site)
        for monday in sample_weeks():
            sunday = monday + timedelta(days=6)
            has_sample = page.entries.filter(
                day__range=(monday, sunday), content__contains=LABEL
            ).exists()
            if has_sample:
                continue
            for weekday, start, end, content, who, place, participants, unit in WEEK_PLAN:
                entry = ScheduleEntry(
                    page=page,
                    day=monday + timedelta(days=weekday),
                    start_time=start,
                    end_time=end,
                    content=f"{content} {LABEL}",
                    leader=leaders[who],
                    place=place,
                    participants=participants,
                    preparing_unit=unit,
                )
                services.save_entry(entry)
                created_entries += 1
        if stdout is not None:
            stdout.write(f"  {site.hostname}: {page.url_path} ({page.entries.count()} mục)")
    return {"pages": created_pages, "entries": created_entries}
