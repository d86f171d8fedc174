"""Sample Q&A for the demo: on every site whose root is a HomePage, the Q&A page, its topics,
a few answered questions and one waiting at each step, dated from the day it runs and labelled
"(dữ liệu mẫu)". A second run finds them by title and adds nothing."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from congso.core.pagecache import purge_all
from congso.home.models import HomePage
from congso.organisation.models import Unit
from congso.questions import search, services
from congso.questions.models import Event, Officer, Question, Status

LABEL = "(dữ liệu mẫu)"
DEMO_OFFICER = "canbohoidap"
# (title, topic index, question, answer or "", final status, days ago sent, days to answer)
SAMPLES = [
    (
        "Thời hạn giải quyết thủ tục cấp giấy phép bưu chính",
        2,
        "Doanh nghiệp tôi muốn đề nghị cấp giấy phép bưu chính nội tỉnh. Xin hỏi thời hạn giải "
        "quyết là bao lâu và có nộp hồ sơ trực tuyến được không?",
        "Hồ sơ được nộp trực tuyến trên Cổng dịch vụ công. Thời hạn giải quyết theo quy định "
        "của thủ tục được công bố; đề nghị doanh nghiệp tra cứu thủ tục trên cổng để biết "
        "thành phần hồ sơ và lệ phí.",
        Status.PUBLISHED,
        20,
        3,
    ),
    (
        "Cách tạo tài khoản để nộp hồ sơ trực tuyến",
        1,
        "Tôi chưa có tài khoản trên cổng dịch vụ công. Tôi cần chuẩn bị gì để đăng ký?",
        "Ông/Bà đăng ký tài khoản bằng thư điện tử hoặc số điện thoại, hoặc đăng nhập bằng "
        "tài khoản định danh điện tử. Sau khi xác thực, Ông/Bà có thể nộp hồ sơ ngay.",
        Status.PUBLISHED,
        15,
        6,
    ),
    (
        "Hỗ trợ chuyển đổi số cho hộ kinh doanh",
        0,
        "Hộ kinh doanh nhỏ có được hỗ trợ tập huấn sử dụng phần mềm bán hàng không?",
        "Cơ quan tổ chức các lớp tập huấn theo kế hoạch hằng năm; thông báo được đăng trên "
        "cổng. Ông/Bà có thể liên hệ bộ phận chuyên môn để đăng ký tham gia.",
        Status.PUBLISHED,
        10,
        2,
    ),
    (
        "Thủ tục đăng ký hoạt động in",
        3,
        "Xin hỏi thủ tục đăng ký hoạt động cơ sở in?",
        "",
        Status.RECEIVED,
        1,
        0,
    ),
    (
        "Phủ sóng di động tại thôn vùng cao",
        2,
        "Thôn tôi sóng di động yếu, cơ quan nào xử lý?",
        "",
        Status.ASSIGNED,
        2,
        0,
    ),
    (
        "Kết nối cáp quang cho trường học",
        0,
        "Trường học ở xã có được hỗ trợ kết nối Internet?",
        "Đang soạn trả lời.",
        Status.DRAFTING,
        3,
        0,
    ),
    (
        "Nộp lệ phí trực tuyến",
        1,
        "Có thể nộp lệ phí bằng ví điện tử khi nộp hồ sơ không?",
        "Có, cổng hỗ trợ thanh toán trực tuyến qua các kênh thanh toán được kết nối.",
        Status.SUBMITTED,
        4,
        0,
    ),
    (
        "Câu hỏi không thuộc phạm vi",
        0,
        "Nội dung quảng cáo không liên quan.",
        "",
        Status.REJECTED,
        5,
        0,
    ),
]
PATH = {
    Status.RECEIVED: [],
    Status.ASSIGNED: ["assign"],
    Status.DRAFTING: ["assign", "save_draft"],
    Status.SUBMITTED: ["assign", "submit"],
    Status.PUBLISHED: ["assign", "submit", "publish"],
    Status.REJECTED: ["reject"],
}


def _units():
    units = list(Unit.objects.order_by("sort_order", "name")[:2])
    if not units:
        units = [Unit.objects.create(name=f"Phòng Chuyển đổi số {LABEL}")]
    return units


def _add(page, sample, unit, now) -> Question:
    title, topic_index, text, answer, status, days_ago, days_to_answer = sample
    topics = list(page.topics.all())
    sent = now - timedelta(days=days_ago)
    question = Question(
        page=page,
        topic=topics[topic_index % len(topics)] if topics else None,
        name=f"Người dân {LABEL}",
        email="nguoi.hoi@example.com",
        title=f"{title} {LABEL}",
        question=text,
        code=services.new_code(),
    )
    question.save()
    Event.objects.create(question=question, action="ask", to_status=question.status)
    for step in PATH[status]:
        before = question.status
        getattr(question, step)()
        if step == "assign":
            question.unit = unit
        if step in ("save_draft", "submit"):
            question.answer = answer
        if step == "submit":
            question.answered_at = sent + timedelta(days=days_to_answer)
        if step == "publish":
            question.public_question = text
            question.published_at = question.closed_at = sent + timedelta(days=days_to_answer)
        if step == "reject":
            question.reject_reason = f"Nội dung không thuộc phạm vi trả lời của cơ quan {LABEL}."
            question.closed_at = sent + timedelta(days=1)
        question.save()
        Event.objects.create(
            question=question,
            action=step,
            from_status=before,
            to_status=question.status,
            note=LABEL,
        )
    # auto_now_add set "now": the sample is dated relative to today instead.
    Question.objects.filter(pk=question.pk).update(received_at=sent)
    return question


@transaction.atomic
def load(stdout=None) -> dict:
    created_pages = created_questions = 0
    units = _units()
    officer = get_user_model().objects.filter(username=DEMO_OFFICER).first()
    if officer is not None:
        Officer.objects.get_or_create(user=officer, unit=units[0])
    now = timezone.now()
    published = []
    for site in Site.objects.select_related("root_page").order_by("pk"):
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            continue
        page, created = services.ensure_questions_page(home)
        created_pages += created
        for i, sample in enumerate(SAMPLES):
            if page.questions.filter(title=f"{sample[0]} {LABEL}").exists():
                continue
            question = _add(page, sample, units[i % len(units)], now)
            created_questions += 1
            if question.status == Status.PUBLISHED:
                published.append(question.pk)
        if stdout is not None:
            stdout.write(f"  {site.hostname}: {page.url_path} ({page.questions.count()} câu hỏi)")
    if published:
        transaction.on_commit(lambda: (search.reindex(published), purge_all()))
    return {"pages": created_pages, "questions": created_questions}
