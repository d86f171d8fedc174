"""The office's admin screens: only entries of schedule pages the user may change, validation
in Vietnamese, the audit log and the page cache purge."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from congso.core import pagecache
from congso.core.tests.factories import UserFactory
from congso.schedule import services
from congso.schedule.models import ScheduleEntry
from congso.schedule.tests.factories import EntryFactory, make_schedule_page, make_second_site

DAY = date(2026, 12, 2)


@pytest.fixture
def pages(home):
    return make_schedule_page(home), make_schedule_page(make_second_site("xa.localhost"))


@pytest.fixture
def office(client, pages):
    """An officer of the department's office: may change the department's schedule only."""
    user = UserFactory(username="vanphong", is_staff=True)
    group = services.grant_office(pages[0], "Văn phòng")
    user.groups.add(group)
    client.force_login(user)
    return user


def form_data(page, **fields):
    data = {
        "page": page.pk,
        "day": "2026-12-02",
        "start_time": "08:00",
        "end_time": "10:00",
        "content": "Họp triển khai nền tảng số",
        "leader": "Giám đốc Sở",
        "official": "",
        "place": "Phòng họp số 1",
        "participants": "Các phòng",
        "preparing_unit": "Văn phòng",
        "notes": "",
    }
    data.update(fields)
    return data


def test_list_shows_only_entries_of_pages_the_user_may_change(client, office, pages):
    EntryFactory(page=pages[0], day=DAY, content="Lịch của Sở")
    EntryFactory(page=pages[1], day=DAY, content="Lịch của xã")
    html = client.get(reverse("schedule_entries:index")).content.decode()
    assert "Lịch của Sở" in html and "Lịch của xã" not in html


def test_editing_another_sites_entry_is_refused(client, office, pages):
    other = EntryFactory(page=pages[1], day=DAY, content="Lịch của xã")
    url = reverse("schedule_entries:edit", args=[other.pk])
    assert client.get(url).status_code in (302, 403, 404)
    response = client.post(url, form_data(pages[1], content="Sửa trái phép"))
    assert response.status_code in (302, 403, 404)
    other.refresh_from_db()
    assert other.content == "Lịch của xã"


def test_deleting_another_sites_entry_is_refused(client, office, pages):
    other = EntryFactory(page=pages[1], day=DAY)
    response = client.post(reverse("schedule_entries:delete", args=[other.pk]))
    assert response.status_code in (302, 403, 404)
    assert ScheduleEntry.objects.filter(pk=other.pk).exists()


def test_adding_to_another_sites_schedule_is_refused(client, office, pages):
    response = client.post(reverse("schedule_entries:add"), form_data(pages[1]))
    assert response.status_code == 200
    assert not ScheduleEntry.objects.exists()


def test_an_editor_without_the_office_role_cannot_open_the_list(client, pages):
    from congso.tests.admin_browser import staff_user
    from congso.users.roles import EDITOR

    client.force_login(staff_user("bientap", EDITOR))
    assert client.get(reverse("schedule_entries:index")).status_code in (302, 403)


def test_adding_an_entry_logs_it_and_purges_the_page_cache(
    client, office, pages, django_capture_on_commit_callbacks
):
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("schedule_entries:add"), form_data(pages[0]))
    assert response.status_code == 302
    entry = ScheduleEntry.objects.get()
    assert entry.content == "Họp triển khai nền tảng số" and entry.changed_at is None
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(entry.pk)).exists()
    assert pagecache.generation() != before


def test_rescheduling_marks_the_entry_changed(client, office, pages):
    entry = EntryFactory(page=pages[0], day=DAY)
    url = reverse("schedule_entries:edit", args=[entry.pk])
    response = client.post(url, form_data(pages[0], start_time="14:00", end_time="15:00"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.changed_at is not None and entry.sequence == 1
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(entry.pk)).exists()


def test_a_note_alone_is_not_a_change_readers_must_notice(client, office, pages):
    entry = EntryFactory(page=pages[0], day=DAY, start_time="08:00", end_time="10:00")
    data = form_data(
        pages[0],
        content=entry.content,
        participants=entry.participants,
        notes="Mang theo tài liệu",
        preparing_unit="",
    )
    client.post(reverse("schedule_entries:edit", args=[entry.pk]), data)
    entry.refresh_from_db()
    assert entry.notes == "Mang theo tài liệu" and entry.changed_at is None


def test_end_before_start_is_refused_in_vietnamese(client, office, pages):
    response = client.post(
        reverse("schedule_entries:add"), form_data(pages[0], start_time="10:00", end_time="09:00")
    )
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not ScheduleEntry.objects.exists()


def test_blank_required_fields_are_refused(client, office, pages):
    response = client.post(
        reverse("schedule_entries:add"), form_data(pages[0], content="   ", place="")
    )
    assert response.status_code == 200
    assert not ScheduleEntry.objects.exists()


def test_deleting_own_entry_is_logged(client, office, pages):
    entry = EntryFactory(page=pages[0], day=DAY)
    pk = entry.pk
    response = client.post(reverse("schedule_entries:delete", args=[pk]))
    assert response.status_code == 302
    assert not ScheduleEntry.objects.filter(pk=pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(pk)).exists()
