import pytest
from django.core.management import call_command

from congso.questions.models import Question, Status
from congso.questions.tests.factories import (
    chief,
    editor,
    make_page,
    make_question,
    make_unit,
    officer,
    walk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return make_page(home)


def test_an_officer_opening_another_units_question_gets_a_404(client, page):
    question = walk(make_question(page), make_unit(), "assign")
    client.force_login(officer(make_unit("Văn phòng")))
    assert client.get(f"/admin/hoi-dap/{question.pk}/").status_code == 404
    response = client.post(f"/admin/hoi-dap/{question.pk}/submit/", {"answer": "Không được"})
    assert response.status_code == 404
    assert Question.objects.get(pk=question.pk).answer == ""


def test_the_admin_list_shows_the_officer_only_their_units_questions(client, page):
    unit = make_unit()
    mine = walk(make_question(page, title="Của đơn vị tôi"), unit, "assign")
    walk(make_question(page, title="Của đơn vị khác"), make_unit("Văn phòng"), "assign")
    client.force_login(officer(unit))
    body = client.get("/admin/hoi-dap/").content.decode()
    assert mine.code in body
    assert "Của đơn vị khác" not in body


def test_publishing_through_the_admin_before_review_is_refused_with_a_message(client, page):
    question = walk(make_question(page), make_unit(), "assign")
    client.force_login(chief())
    response = client.post(
        f"/admin/hoi-dap/{question.pk}/publish/",
        {"title": "T", "public_question": "Q", "answer": "A"},
    )
    assert response.status_code == 400
    assert "Chỉ đăng được câu trả lời đã được đơn vị trình duyệt" in response.content.decode()
    assert Question.objects.get(pk=question.pk).status == Status.ASSIGNED


def test_the_editor_assigns_through_the_admin(client, page):
    question = make_question(page)
    unit = make_unit()
    client.force_login(editor())
    response = client.post(f"/admin/hoi-dap/{question.pk}/assign/", {"unit": unit.pk})
    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).unit == unit


def test_an_attachment_is_served_only_to_who_may_see_the_question(client, page):
    from django.core.files.base import ContentFile

    from congso.questions.models import Attachment

    question = make_question(page)
    item = Attachment(question=question, name="a.pdf", content_type="application/pdf", size=3)
    item.file.save("a.pdf", ContentFile(b"pdf"), save=False)
    item.save()
    client.force_login(officer(make_unit()))
    assert client.get(f"/admin/hoi-dap/tep/{item.pk}/").status_code == 404
    client.force_login(editor("bientap2"))
    assert client.get(f"/admin/hoi-dap/tep/{item.pk}/").status_code == 200


def test_the_figures_count_answers_within_the_working_day_limit(client, page):
    from datetime import datetime, timedelta

    from congso.dossiers.calendar import VN
    from congso.questions.querysets import figures

    unit = make_unit()
    monday = datetime(2026, 11, 2, 8, 0, tzinfo=VN)
    quick = walk(make_question(page), unit, "assign", "submit", "publish")
    slow = walk(make_question(page), unit, "assign", "submit", "publish")
    walk(make_question(page), unit, "assign")
    # Sent Monday 08:00: published Tuesday (1 working day) and two weeks later (10 days).
    Question.objects.filter(pk=quick.pk).update(
        received_at=monday, published_at=monday + timedelta(days=1)
    )
    Question.objects.filter(pk=slow.pk).update(
        received_at=monday, published_at=monday + timedelta(days=14)
    )
    (row,) = figures([page])
    assert (row.received, row.answered, row.on_time) == (3, 2, 1)
    assert row.average_days == pytest.approx(5.5)
    client.force_login(chief())
    assert "Phòng Bưu chính, Viễn thông" in client.get("/admin/hoi-dap/thong-ke/").content.decode()


def test_sample_questions_fill_every_state_once(home):
    call_command("load_sample_questions", verbosity=0)
    first = Question.objects.count()
    assert set(Question.objects.values_list("status", flat=True)) == set(Status.values)
    assert all("(dữ liệu mẫu)" in t for t in Question.objects.values_list("title", flat=True))
    call_command("load_sample_questions", verbosity=0)
    assert Question.objects.count() == first
