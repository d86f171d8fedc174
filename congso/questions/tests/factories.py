"""Pages, units, people and questions at each step, built only as a test needs them."""

from django.contrib.auth.models import Group

from congso.core.tests.factories import UserFactory
from congso.organisation.models import Unit
from congso.questions import services
from congso.questions.apps import OFFICER_GROUP
from congso.questions.models import Officer, Question
from congso.users.roles import CHIEF_EDITOR, EDITOR, setup_roles


def make_page(home):
    page, _ = services.ensure_questions_page(home)
    return page


def make_unit(name="Phòng Bưu chính, Viễn thông"):
    return Unit.objects.create(name=name)


def staff(username, group_name):
    setup_roles()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def editor(username="bientap"):
    return staff(username, EDITOR)


def chief(username="truongban"):
    return staff(username, CHIEF_EDITOR)


def officer(unit, username="canbo"):
    user = staff(username, OFFICER_GROUP)
    Officer.objects.create(user=user, unit=unit)
    return user


def make_question(page, **fields) -> Question:
    values = {
        "name": "Nguyễn Văn A",
        "email": "nguoihoi@example.com",
        "title": "Hỏi về giấy phép bưu chính",
        "question": "Thời hạn cấp giấy phép là bao lâu?",
        "topic": page.topics.first(),
    }
    values.update(fields)
    return Question.objects.create(page=page, code=services.new_code(), **values)


def walk(question, unit, *steps, answer="Trả lời: 15 ngày làm việc."):
    """Move a question through `steps` directly (for tests of a later step)."""
    for step in steps:
        getattr(question, step)()
        if step == "assign":
            question.unit = unit
        if step in ("save_draft", "submit"):
            question.answer = answer
    question.save()
    return question
