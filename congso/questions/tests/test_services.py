import pytest
from django.core import mail

from congso.questions import access
from congso.questions.models import Event, Question, Status
from congso.questions.services import QuestionError, perform
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


@pytest.fixture
def unit():
    return make_unit()


def test_the_editor_assigns_a_received_question_to_a_unit(page, unit):
    question = make_question(page)
    user = editor()
    perform(question.pk, "assign", user, unit=unit, note="Giao phòng chuyên môn")
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED
    assert question.unit == unit
    event = question.events.get(action="assign")
    assert (event.user, event.note, event.from_status) == (
        user,
        "Giao phòng chuyên môn",
        "received",
    )


def test_every_step_is_in_wagtails_audit_log(page, unit):
    from wagtail.models import ModelLogEntry

    question = make_question(page)
    perform(question.pk, "assign", editor(), unit=unit)
    assert ModelLogEntry.objects.filter(
        object_id=str(question.pk), action="congso_questions.assign"
    ).exists()


def test_an_officer_cannot_assign(page, unit):
    question = make_question(page)
    with pytest.raises(QuestionError):
        perform(question.pk, "assign", officer(unit), unit=unit)
    assert Question.objects.get(pk=question.pk).status == Status.RECEIVED


def test_the_units_officer_drafts_and_submits_the_answer(page, unit):
    question = walk(make_question(page), unit, "assign")
    user = officer(unit)
    perform(question.pk, "save_draft", user, answer="Bản nháp")
    perform(question.pk, "submit", user, answer="Câu trả lời đầy đủ")
    question.refresh_from_db()
    assert question.status == Status.SUBMITTED
    assert question.answer == "Câu trả lời đầy đủ"
    assert question.answered_at is not None


def test_an_officer_of_another_unit_may_not_draft_the_answer(page, unit):
    question = walk(make_question(page), unit, "assign")
    stranger = officer(make_unit("Văn phòng"), username="khac")
    with pytest.raises(QuestionError, match="không có quyền"):
        perform(question.pk, "submit", stranger, answer="Không phải việc của tôi")
    assert Question.objects.get(pk=question.pk).answer == ""


def test_an_officer_sees_only_the_questions_of_their_unit(page, unit):
    mine = walk(make_question(page), unit, "assign")
    other = walk(make_question(page), make_unit("Văn phòng"), "assign")
    unassigned = make_question(page)
    visible = set(access.visible_questions(officer(unit)))
    assert mine in visible
    assert other not in visible
    assert unassigned not in visible


def test_submitting_without_an_answer_is_refused(page, unit):
    question = walk(make_question(page), unit, "assign")
    with pytest.raises(QuestionError, match="nội dung trả lời"):
        perform(question.pk, "submit", officer(unit), answer="  ")
    assert Question.objects.get(pk=question.pk).status == Status.ASSIGNED


def test_the_chief_publishes_question_and_answer_together_with_edits(page, unit):
    question = walk(make_question(page), unit, "assign", "submit")
    perform(
        question.pk,
        "publish",
        chief(),
        title="Thời hạn cấp giấy phép bưu chính",
        public_question="Thời hạn cấp phép?",
        answer="15 ngày làm việc.",
    )
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert question.public_question == "Thời hạn cấp phép?"
    assert question.question == "Thời hạn cấp giấy phép là bao lâu?"  # the original is kept
    assert question.published_at is not None


def test_the_asker_is_emailed_when_the_answer_is_published(
    page, unit, django_capture_on_commit_callbacks
):
    question = walk(make_question(page), unit, "assign", "submit")
    with django_capture_on_commit_callbacks(execute=True):
        perform(question.pk, "publish", chief(), answer="15 ngày làm việc.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nguoihoi@example.com"]
    assert question.code in message.subject
    assert "15 ngày làm việc." in message.body
    assert "/hoi-dap/cau-hoi/" in message.body


@pytest.mark.parametrize("steps", [(), ("assign",), ("assign", "save_draft")])
def test_an_answer_not_submitted_for_review_cannot_be_published(page, unit, steps):
    question = walk(make_question(page), unit, *steps)
    before = question.status
    with pytest.raises(QuestionError, match="trình duyệt"):
        perform(question.pk, "publish", chief(), answer="Đăng luôn")
    question.refresh_from_db()
    assert question.status == before
    assert question.published_at is None
    assert not question.events.filter(action="publish").exists()


def test_an_editor_who_is_not_chief_cannot_publish(page, unit):
    question = walk(make_question(page), unit, "assign", "submit")
    with pytest.raises(QuestionError, match="không có quyền"):
        perform(question.pk, "publish", editor(), answer="Đăng")
    assert Question.objects.get(pk=question.pk).status == Status.SUBMITTED


def test_publishing_with_an_empty_answer_saves_nothing(page, unit):
    question = walk(make_question(page), unit, "assign", "submit")
    with pytest.raises(QuestionError):
        perform(question.pk, "publish", chief(), answer="")
    question.refresh_from_db()
    assert question.status == Status.SUBMITTED
    assert question.answer == "Trả lời: 15 ngày làm việc."
    assert Event.objects.filter(question=question, action="publish").count() == 0


def test_the_chief_rejects_with_a_reason_emailed_to_the_asker(
    page, django_capture_on_commit_callbacks
):
    question = make_question(page)
    with django_capture_on_commit_callbacks(execute=True):
        perform(question.pk, "reject", chief(), note="Câu hỏi không thuộc phạm vi.")
    question.refresh_from_db()
    assert question.status == Status.REJECTED
    assert mail.outbox[0].to == ["nguoihoi@example.com"]
    assert "Câu hỏi không thuộc phạm vi." in mail.outbox[0].body


def test_rejecting_without_a_reason_is_refused(page):
    question = make_question(page)
    with pytest.raises(QuestionError, match="lý do"):
        perform(question.pk, "reject", chief(), note="")
    assert Question.objects.get(pk=question.pk).status == Status.RECEIVED


def test_a_published_question_cannot_be_rejected_or_assigned_again(page, unit):
    question = walk(make_question(page), unit, "assign", "submit", "publish")
    user = chief()
    with pytest.raises(QuestionError, match="trạng thái"):
        perform(question.pk, "reject", user, note="Muộn rồi")
    with pytest.raises(QuestionError, match="trạng thái"):
        perform(question.pk, "assign", user, unit=unit)


def test_the_chief_sends_an_answer_back_and_the_unit_drafts_again(page, unit):
    question = walk(make_question(page), unit, "assign", "submit")
    perform(question.pk, "send_back", chief(), note="Bổ sung căn cứ pháp lý")
    assert Question.objects.get(pk=question.pk).status == Status.DRAFTING


def test_the_chief_withdraws_a_published_answer(page, unit):
    question = walk(make_question(page), unit, "assign", "submit", "publish")
    perform(question.pk, "withdraw", chief())
    question.refresh_from_db()
    assert question.status == Status.SUBMITTED
    assert question.published_at is None


def test_an_editor_without_rights_on_the_page_cannot_act_on_its_questions(page, unit):
    from wagtail.models import GroupPagePermission, Page

    user = editor()
    # The editor's group may change only another branch of the tree.
    group = user.groups.get()
    GroupPagePermission.objects.filter(group=group).delete()
    other = Page.get_first_root_node().add_child(title="Nhánh khác", slug="nhanh-khac")
    GroupPagePermission.objects.create(group=group, page=other, permission_type="change")
    question = make_question(page)
    with pytest.raises(QuestionError, match="không có quyền"):
        perform(question.pk, "assign", user, unit=unit)
    assert question not in access.visible_questions(user)
