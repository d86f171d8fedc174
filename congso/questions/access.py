"""Who may see and do what with a question.

Editors and the chief editor act on the questions of Q&A pages they may edit (Wagtail page
permissions, so a commune's editor never reaches the province's questions); an officer of
"Cán bộ trả lời hỏi đáp" acts only on questions assigned to one of their units.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from congso.questions.models import OPEN, Question, Status

ASSIGN = "questions.assign_question"
ANSWER = "questions.answer_question"
PUBLISH = "questions.publish_question"
OFFICER_GROUP = "Cán bộ trả lời hỏi đáp"


def editable_page_ids(user) -> set[int]:
    from congso.questions.models import QuestionIndexPage

    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return set(pages.type(QuestionIndexPage).values_list("pk", flat=True))


def unit_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.question_units.values_list("unit_id", flat=True))


def is_editorial(user) -> bool:
    return user.has_perm(ASSIGN) or user.has_perm(PUBLISH)


def visible_questions(user):
    """The questions `user` may open in the admin; none for anyone else."""
    if not user.is_authenticated or not user.is_active:
        return Question.objects.none()
    if user.is_superuser:
        return Question.objects.all()
    from django.db.models import Q

    condition = Q(pk__in=[])
    if is_editorial(user):
        condition |= Q(page_id__in=editable_page_ids(user))
    if user.has_perm(ANSWER):
        condition |= Q(unit_id__in=unit_ids(user)) & ~Q(status=Status.RECEIVED)
    return Question.objects.filter(condition)


def may(user, question: Question, kind: str) -> bool:
    """Whether `user` holds permission `kind` for this particular question."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(kind):
        return False
    if kind == ANSWER:
        return question.unit_id is not None and question.unit_id in unit_ids(user)
    return question.page_id in editable_page_ids(user)


def available_actions(user, question: Question) -> list[str]:
    """The steps `user` could take now (buttons of the admin page)."""
    from django_fsm import can_proceed

    from congso.questions.services import ACTIONS

    actions = []
    for action, (method, kind, _log) in ACTIONS.items():
        if can_proceed(getattr(question, method)) and may(user, question, kind):
            actions.append(action)
    return actions


__all__ = ["OPEN", "visible_questions", "may", "available_actions"]
