"""GET /api/v1/questions and /api/v1/questions/{id}: published questions and their answers.

Only what the public page shows: never the asker's e-mail, attachments, the original text the
chief editor edited, or any question that is not published on a live page."""

from datetime import datetime

from django.db.models import Q
from ninja import Field, Query, Router, Schema
from wagtail.models import Site

from congso.core import api_params as p
from congso.core.api_params import BadParameter, InvalidParameters, Message
from congso.core.text import clean_plain
from congso.questions.models import Question

router = Router(tags=["Hỏi đáp"])


class QuestionOut(Schema):
    id: int
    code: str = Field(description="Mã tra cứu")
    title: str
    topic: str | None
    asker: str = Field(description="Họ tên người hỏi")
    question: str
    answer: str
    unit: str | None = Field(description="Đơn vị trả lời")
    received_at: datetime
    published_at: datetime | None
    site: str = Field(description="Tên miền của trang")
    url: str = Field(description="Địa chỉ đầy đủ của câu hỏi trên cổng")


class QuestionPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[QuestionOut]


class QuestionParams(Schema):
    site: str = Field("", description="Tên miền (hostname) hoặc mã số của trang")
    topic: str = Field("", description="Đường dẫn (slug) hoặc tên chủ đề")
    q: str = Field("", description="Từ khoá trong tiêu đề, câu hỏi hoặc câu trả lời")
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(
        str(p.DEFAULT_PAGE_SIZE), description=f"Số mục mỗi trang, 1–{p.MAX_PAGE_SIZE}"
    )


def _published():
    return Question.objects.published().select_related("page", "topic", "unit")


def _site(value: str):
    if value.isascii() and value.isdigit():
        return Site.objects.filter(pk=int(value)).first()
    return Site.objects.filter(hostname__iexact=value).first()


def _out(question, sites: dict) -> dict:
    page = question.page
    site = sites.get(page.pk)
    if site is None:
        site = sites[page.pk] = page.get_site()
    return {
        "id": question.pk,
        "code": question.code,
        "title": question.title,
        "topic": question.topic.name if question.topic_id else None,
        "asker": question.name,
        "question": question.shown_question,
        "answer": question.answer,
        "unit": question.unit.name if question.unit_id else None,
        "received_at": question.received_at,
        "published_at": question.published_at,
        "site": site.hostname if site else "",
        "url": question.get_full_url(),
    }


@router.get(
    "",
    response={200: QuestionPage, 400: Message},
    summary="Danh sách câu hỏi đã được trả lời và đăng",
    url_name="questions",
)
def list_questions(request, params: Query[QuestionParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
    except BadParameter as error:
        return p.refuse(error)
    # No control characters (a NUL is an error on PostgreSQL, never a filter).
    site_text, topic, q = (
        clean_plain(params.site),
        clean_plain(params.topic),
        " ".join(clean_plain(params.q).split()),
    )
    rows = _published()
    if site_text:
        site = _site(site_text)
        if site is None:
            return p.refuse("Không có trang nào với tên miền hoặc mã số này (tham số site).")
        rows = rows.filter(page__path__startswith=site.root_page.path)
    if topic:
        rows = rows.filter(Q(topic__slug=topic) | Q(topic__name__iexact=topic))
    if len(q) > 200:
        return p.refuse("Tham số q dài tối đa 200 ký tự.")
    if q:
        rows = rows.filter(
            Q(title__icontains=q) | Q(public_question__icontains=q) | Q(answer__icontains=q)
        )
    rows = rows.order_by("-published_at", "-pk")
    sites: dict = {}
    results = [_out(question, sites) for question in p.page_slice(rows, page, page_size)]
    return {"count": rows.count(), "page": page, "page_size": page_size, "results": results}


@router.get(
    "/{question_id}",
    response={200: QuestionOut, 404: Message, 422: InvalidParameters},
    summary="Một câu hỏi đã được trả lời và đăng",
    url_name="question",
)
def get_question(request, question_id: int):
    question = p.by_id(_published(), question_id)
    if question is None:
        return p.not_found("Không tìm thấy câu hỏi.")
    return _out(question, {})
