"""Everything that changes a question: a citizen asking, and each step of the review process.

Every step runs in one transaction on the locked row: the permission check, the transition,
the event row and Wagtail's audit log entry commit together or not at all. E-mails, the search
index and the page cache follow only after the commit, so a refused step sends nothing.
"""

import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed
from wagtail.log_actions import log

from congso.analytics.privacy import keyed_hash
from congso.core import ratelimit
from congso.core.pagecache import purge_all
from congso.questions import access
from congso.questions.models import Attachment, Event, Question, Status

DEFAULT_RATE = "3/600"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone

# action name → (model transition, permission kind, Wagtail log action)
ACTIONS = {
    "assign": ("assign", access.ASSIGN, "congso_questions.assign"),
    "save_draft": ("save_draft", access.ANSWER, "congso_questions.save_draft"),
    "submit": ("submit", access.ANSWER, "congso_questions.submit"),
    "send_back": ("send_back", access.PUBLISH, "congso_questions.send_back"),
    "publish": ("publish", access.PUBLISH, "congso_questions.publish"),
    "reject": ("reject", access.PUBLISH, "congso_questions.reject"),
    "withdraw": ("withdraw", access.PUBLISH, "congso_questions.withdraw"),
}


class QuestionError(Exception):
    """A step refused, with a message for the person who tried it."""


def source_hash(ip: str) -> str:
    return keyed_hash(ip, purpose="questions-source")


def check_rate_limit(ip: str) -> None:
    rate = ratelimit.Rate.parse(getattr(settings, "QUESTIONS_RATE_LIMIT", DEFAULT_RATE))
    ratelimit.hit(f"questions:{source_hash(ip)}", rate, every_worker=True)


def new_code() -> str:
    """HD-YYMMDD-XXXXX: the day helps the asker, the random part makes codes unguessable."""
    stamp = timezone.localtime().strftime("%y%m%d")
    tail = "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))
    return f"HD-{stamp}-{tail}"


def ask(*, page, data: dict, files=(), ip: str) -> Question:
    """Save a citizen's question (already cleaned by AskForm) and its checked attachments.

    The rate limit is counted first; a refusal raises RateLimited and saves nothing."""
    check_rate_limit(ip)
    with transaction.atomic():
        question = Question(
            page=page,
            topic=data.get("topic"),
            name=data["name"],
            email=data["email"],
            title=data["title"],
            question=data["question"],
            source_hash=source_hash(ip),
        )
        while True:
            question.code = new_code()
            if not Question.objects.filter(code=question.code).exists():
                break
        question.save()
        for uploaded, info in files:
            uploaded.seek(0)
            attachment = Attachment(
                question=question,
                name=info.safe_name,
                content_type=info.content_type,
                size=info.size,
                sha256=info.sha256,
            )
            attachment.file.save(info.safe_name, ContentFile(uploaded.read()), save=False)
            attachment.save()
        Event.objects.create(
            question=question, action="ask", to_status=question.status, note=_("Người dân gửi")
        )
        log(instance=question, action="congso_questions.ask", user=None)
    transaction.on_commit(lambda: _notify("received", question.pk))
    return question


def _notify(kind: str, pk: int) -> None:
    from congso.questions import notifications

    notifications.send(kind, pk)


def _after_visible_change(pk: int) -> None:
    from congso.questions import search

    search.reindex([pk])
    purge_all()


def _clean(text: str) -> str:
    from congso.core.text import clean_plain

    return clean_plain(text or "")


def perform(question_pk: int, action: str, user, *, note: str = "", **fields) -> Question:
    """Run `action` on the question for `user`; raises QuestionError with a Vietnamese message
    when the user may not, the status does not allow it, or a required field is missing."""
    if action not in ACTIONS:
        raise QuestionError(_("Thao tác không hợp lệ."))
    method, kind, log_action = ACTIONS[action]
    note = _clean(note)
    with transaction.atomic():
        question = Question.objects.select_for_update().select_related("page").get(pk=question_pk)
        if not access.may(user, question, kind):
            raise QuestionError(_("Bạn không có quyền thực hiện thao tác này với câu hỏi này."))
        transition = getattr(question, method)
        if not can_proceed(transition):
            if action == "publish":
                raise QuestionError(
                    _(
                        "Chỉ đăng được câu trả lời đã được đơn vị trình duyệt; câu hỏi đang ở "
                        "trạng thái “%(status)s”."
                    )
                    % {"status": question.get_status_display()}
                )
            raise QuestionError(
                _("Không thể thực hiện thao tác này khi câu hỏi đang ở trạng thái “%(status)s”.")
                % {"status": question.get_status_display()}
            )
        before = question.status
        _apply_fields(question, action, note, fields)
        transition()
        question.save()
        Event.objects.create(
            question=question,
            action=action,
            from_status=before,
            to_status=question.status,
            user=user,
            note=note,
        )
        log(instance=question, action=log_action, user=user, data={"note": note})
        pk = question.pk
        if action == "publish":
            transaction.on_commit(lambda: _notify("answered", pk))
        elif action == "reject":
            transaction.on_commit(lambda: _notify("rejected", pk))
        if Status.PUBLISHED in (before, question.status):
            transaction.on_commit(lambda: _after_visible_change(pk))
    return question


def _apply_fields(question: Question, action: str, note: str, fields: dict) -> None:
    now = timezone.now()
    if action == "assign":
        unit = fields.get("unit")
        if unit is None:
            raise QuestionError(_("Vui lòng chọn đơn vị trả lời."))
        question.unit = unit
    elif action in ("save_draft", "submit"):
        answer = _clean(fields.get("answer", question.answer))
        if action == "submit" and not answer:
            raise QuestionError(_("Vui lòng nhập nội dung trả lời trước khi trình duyệt."))
        question.answer = answer
        if action == "submit":
            question.answered_at = now
    elif action == "publish":
        answer = _clean(fields.get("answer", question.answer))
        text = _clean(fields.get("public_question", question.shown_question))
        if not answer or not text:
            raise QuestionError(_("Câu hỏi và câu trả lời khi đăng không được để trống."))
        question.answer, question.public_question = answer, text
        if fields.get("title"):
            question.title = _clean(fields["title"])[:200]
        question.published_at = now
        question.closed_at = now
    elif action == "reject":
        if not note:
            raise QuestionError(_("Vui lòng nhập lý do từ chối; lý do sẽ được gửi cho người hỏi."))
        question.reject_reason = note
        question.closed_at = now
    elif action == "send_back" and not note:
        raise QuestionError(_("Vui lòng ghi rõ nội dung cần đơn vị sửa."))
    elif action == "withdraw":
        question.published_at = None
        question.closed_at = None


TITLE, SLUG = "Hỏi đáp", "hoi-dap"
DEFAULT_TOPICS = (
    "Chuyển đổi số",
    "Dịch vụ công trực tuyến",
    "Bưu chính, viễn thông",
    "Báo chí, xuất bản",
)


def ensure_questions_page(home):
    """The site's Q&A page under its home page (published, with default topics) when missing."""
    from congso.questions.models import QuestionIndexPage, Topic

    existing = QuestionIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing, False
    page = QuestionIndexPage(
        title=TITLE,
        slug=SLUG,
        show_in_menus=True,
        intro=(
            "Người dân, doanh nghiệp gửi câu hỏi; đơn vị chuyên môn trả lời và câu trả lời được "
            "đăng sau khi Trưởng ban biên tập duyệt."
        ),
    )
    page.topics = [Topic(name=name, sort_order=i) for i, name in enumerate(DEFAULT_TOPICS)]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
