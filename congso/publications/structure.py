"""The site structure Decree 42/2022 art. 4 expects, created empty under a home page.

`ensure_portal_sections(home)` is called by the seeds import for the default site and by the
several-sites work for every new site. It creates what is missing, published and empty, each
section with a note for editors (shown in the admin and in previews; readers of an empty section
see "Chuyên mục đang được cập nhật"), and never touches or duplicates what is there: a section
is found by its page type anywhere in the site, or by its slug under its parent.

Other apps' index pages are looked up lazily by "app_label.ModelName" and skipped while that
app has no such model, so this works before and after each of them lands.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

LAW = "Nghị định 42/2022/NĐ-CP, Điều 4"
EMPTY_HINT = (
    "Chuyên mục đang trống: chọn “Thêm trang con” trong trang quản trị để đăng bài đầu tiên."
)


@dataclass(frozen=True)
class Section:
    slug: str
    model: str  # "app_label.ModelName"
    title: str
    intro: str
    note: str
    children: tuple = field(default=())
    in_menu: bool = True


PUBLICATIONS = (
    Section(
        "chien-luoc-ke-hoach",
        "publications.PlanIndexPage",
        "Chiến lược, kế hoạch, chương trình",
        "Chiến lược, quy hoạch, chương trình, kế hoạch, đề án và kết quả thực hiện; "
        "kế hoạch công tác hằng năm.",
        f"Công khai chiến lược, chương trình, kế hoạch, quy hoạch, việc thực hiện và kết quả; "
        f"kế hoạch công tác năm ({LAW}, khoản 1, điểm đ).",
    ),
    Section(
        "cong-khai-ngan-sach",
        "publications.BudgetIndexPage",
        "Công khai ngân sách",
        "Dự toán, tình hình thực hiện dự toán, quyết toán ngân sách và báo cáo tài chính năm.",
        f"Công khai báo cáo tài chính năm, dự toán, tình hình thực hiện và quyết toán ngân sách "
        f"({LAW}, khoản 1).",
    ),
    Section(
        "thong-ke-chuyen-nganh",
        "publications.StatisticsIndexPage",
        "Thống kê chuyên ngành",
        "Số liệu thống kê của ngành theo tháng, quý, năm.",
        f"Công bố số liệu thống kê chuyên ngành: bảng chỉ tiêu trong nội dung hoặc tệp đính kèm "
        f"({LAW}, khoản 1).",
    ),
    Section(
        "du-an-dau-tu",
        "publications.ProjectIndexPage",
        "Dự án đầu tư",
        "Dự án đầu tư do cơ quan làm chủ đầu tư hoặc quản lý: quy mô, vốn, tiến độ.",
        "Công khai dự án đầu tư: chủ đầu tư, địa điểm, tổng mức đầu tư, nguồn vốn, tình trạng "
        "(thông lệ từ Nghị định 43/2011/NĐ-CP).",
    ),
    Section(
        "thong-tin-dau-thau",
        "publications.BiddingIndexPage",
        "Thông tin đấu thầu",
        "Thông báo mời thầu, kế hoạch lựa chọn nhà thầu, kết quả lựa chọn nhà thầu.",
        "Đăng thông báo mời thầu: gói thầu, hình thức, giá gói thầu, thời điểm đóng thầu, "
        "cách nộp hồ sơ dự thầu (thông lệ từ Nghị định 43/2011/NĐ-CP).",
    ),
    Section(
        "tuyen-dung",
        "publications.RecruitmentIndexPage",
        "Tuyển dụng",
        "Thông báo tuyển dụng công chức, viên chức và người lao động.",
        "Đăng thông báo tuyển dụng: vị trí, số lượng, yêu cầu, hạn nộp hồ sơ, cách thức nộp hồ sơ "
        "(thông lệ từ Nghị định 43/2011/NĐ-CP).",
    ),
)

# In menu order. "Liên hệ" last: new sections are placed before it when it exists.
SECTIONS = (
    Section(
        "gioi-thieu",
        "home.StandardPage",
        "Giới thiệu",
        "Chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của cơ quan — đang cập nhật.",
        f"Nêu chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, địa chỉ, điện thoại, thư điện tử "
        f"và cán bộ đầu mối ({LAW}, khoản 1, điểm e).",
    ),
    Section(
        "tin-tuc",
        "news.NewsIndexPage",
        "Tin tức",
        "Tin hoạt động của cơ quan và của ngành.",
        "Tin tức, sự kiện về hoạt động của cơ quan.",
    ),
    Section(
        "van-ban",
        "documents.DocumentIndexPage",
        "Văn bản",
        "Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành của cơ quan.",
        f"Văn bản do cơ quan ban hành: loại, số ký hiệu, ngày ban hành, ngày hiệu lực, trích yếu, "
        f"tệp tải về ({LAW}, khoản 1, điểm a).",
    ),
    Section(
        "cong-khai-thong-tin",
        "publications.DisclosurePage",
        "Công khai thông tin",
        "Kế hoạch, ngân sách, thống kê, dự án đầu tư, đấu thầu và tuyển dụng của cơ quan.",
        f"Các chuyên mục công khai thông tin theo {LAW}; mỗi chuyên mục có trang danh sách, "
        f"RSS và sơ đồ trang (sitemap).",
        children=PUBLICATIONS,
    ),
    Section(
        "lay-y-kien-du-thao",
        "drafts.DraftIndexPage",
        "Lấy ý kiến dự thảo",
        "Dự thảo văn bản đang lấy ý kiến nhân dân, tổ chức, doanh nghiệp.",
        "Đăng dự thảo văn bản cần lấy ý kiến, thời hạn góp ý và bản tổng hợp tiếp thu, giải trình.",
    ),
    Section(
        "hoi-dap",
        "questions.QuestionIndexPage",
        "Hỏi đáp",
        "Câu hỏi của người dân, doanh nghiệp và trả lời của cơ quan.",
        "Câu hỏi được trả lời và duyệt sẽ hiện ở đây.",
    ),
    Section(
        "lich-cong-tac",
        "schedule.SchedulePage",
        "Lịch công tác",
        "Lịch công tác tuần của lãnh đạo cơ quan.",
        "Văn phòng cập nhật lịch công tác tuần của lãnh đạo.",
    ),
    Section(
        "binh-chon",
        "polls.PollIndexPage",
        "Bình chọn",
        "Các cuộc bình chọn, khảo sát ý kiến bạn đọc.",
        "Tạo cuộc bình chọn: một câu hỏi, các lựa chọn, thời gian mở và đóng.",
    ),
    Section(
        "lien-he",
        "contact.ContactPage",
        "Liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của cơ quan và người phát ngôn.",
        f"Địa chỉ, điện thoại, fax, thư điện tử, người phát ngôn ({LAW}, khoản 1, điểm e).",
    ),
)
LAST_SLUG = "lien-he"


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _existing(parent, site_root, section: Section, model):
    if model is not None and section.model not in ("home.StandardPage", "news.NewsIndexPage"):
        # One of a kind per site: found wherever an editor moved it.
        found = model.objects.descendant_of(site_root).order_by("path").first()
        if found is not None:
            return found
    by_slug = parent.get_children().filter(slug=section.slug).first()
    return by_slug.specific if by_slug else None


def _build(model, section: Section):
    names = {f.name for f in model._meta.get_fields()}
    values = {"title": section.title, "slug": section.slug, "show_in_menus": section.in_menu}
    if "intro" in names:
        values["intro"] = section.intro
    if "editor_note" in names:
        values["editor_note"] = f"{section.note}\n{EMPTY_HINT}"
    return model(**values)


def _place(parent, page) -> None:
    """Keep "Liên hệ" the last menu entry: a new section goes just before it."""
    if page.slug == LAST_SLUG:
        return
    last = parent.get_children().filter(slug=LAST_SLUG).exclude(pk=page.pk).first()
    if last is not None:
        page.move(last, pos="left")


def _ensure(parent, site_root, sections, found: dict, created: list) -> None:
    for section in sections:
        model = _model(section.model)
        page = _existing(parent, site_root, section, model)
        if page is None and model is not None:
            page = _create(parent, model, section)
            if page is not None:
                created.append(page)
        if page is None:
            continue
        found[section.slug] = page
        if section.children:
            _ensure(page, site_root, section.children, found, created)


def _create(parent, model, section: Section):
    page = _build(model, section)
    try:
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
    except ValidationError:
        # Another app's page that needs more than a title to exist (a required field): its
        # own loader creates it; the structure does not guess its content.
        return None
    _place(parent, page)
    # Moving rewrote its tree path: children must be added under the fresh one.
    return model.objects.get(pk=page.pk)


def ensure_portal_sections(home, created: list | None = None) -> dict[str, Page]:
    """Every Decree-42 section under `home` (a home.HomePage), created empty if missing.

    Returns {slug: page} for each section now present (found or created), the publication
    sections under "cong-khai-thong-tin" included; `created`, if given, receives the new pages.
    """
    found: dict[str, Page] = {}
    new_pages: list = [] if created is None else created
    _ensure(home, home, SECTIONS, found, new_pages)
    return found


def expected_sections() -> list[Section]:
    """Every section, nested ones included (for tests and the editors' guide)."""
    result = []
    for section in SECTIONS:
        result.append(section)
        result.extend(section.children)
    return result
