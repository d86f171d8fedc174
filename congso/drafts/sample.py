"""Sample drafts for the demo, on every site whose root is a home page (labelled as samples).

Idempotent: each sample is found again by its slug under the site's index page, and a second
run creates nothing. Dates are relative to the day it runs, so the open sample stays open."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from congso.drafts.models import DraftComment, DraftPage
from congso.drafts.services import ensure_draft_index_page

SAMPLE = "(dữ liệu mẫu)"
OPEN_SLUG = "du-thao-bao-cao-cong-nhan-nong-thon-moi-du-lieu-mau"
CLOSED_SLUG = "du-thao-quy-che-quan-ly-cong-thong-tin-dien-tu-du-lieu-mau"
HOW_TO = (
    "<p>Góp ý trực tiếp trên trang này (cho từng phần hoặc toàn bộ dự thảo), hoặc gửi văn bản "
    "về cơ quan soạn thảo theo địa chỉ ghi tại mục Liên hệ của cổng thông tin, thư điện tử "
    "ghi rõ “Góp ý dự thảo” ở tiêu đề, trước hạn ghi trên trang. " + SAMPLE + "</p>"
)


def _add_draft(index, slug: str, title: str, **fields) -> DraftPage | None:
    if DraftPage.objects.child_of(index).filter(slug=slug).exists():
        return None
    sections = fields.pop("sections")
    draft = DraftPage(title=title, slug=slug, how_to_comment=HOW_TO, **fields)
    for number, (section_title, text) in enumerate(sections):
        draft.sections.add(draft.sections.model(title=section_title, text=text, sort_order=number))
    index.add_child(instance=draft)
    draft.save_revision().publish()
    return DraftPage.objects.get(pk=draft.pk)


def _attach_sample_file(draft) -> None:
    """A generated PDF of the draft's text, stored in the documents library as any upload is."""
    from congso.documents.pdfrender import render_text_pdf
    from congso.documents.services import process_file, store_file
    from congso.drafts.models import DraftFile

    blocks = [("h", draft.title.upper()), ("p", draft.summary)]
    for section in draft.sections.all():
        blocks += [("b", section.title), ("p", section.text)]
    title = f"Toàn văn dự thảo {SAMPLE}"
    file = store_file("du-thao-mau.pdf", render_text_pdf(blocks, title=title), title=title)
    process_file(file, verify=False)
    draft.files = [DraftFile(file=file, label=title)]
    draft.save_revision().publish()


def _comment(draft, section_index, name, text, **fields):
    sections = list(draft.sections.all())
    section = sections[section_index] if section_index is not None else None
    return DraftComment.objects.create(
        page=draft,
        section=section,
        section_title=section.title if section else "",
        name=name,
        email="gopy.mau@example.vn",
        text=f"{text} {SAMPLE}",
        status=DraftComment.Status.APPROVED,
        moderated_at=timezone.now(),
        **fields,
    )


def _open_draft(index, now):
    draft = _add_draft(
        index,
        OPEN_SLUG,
        f"Lấy ý kiến Dự thảo Báo cáo đề nghị xét, công nhận huyện đạt chuẩn nông thôn mới {SAMPLE}",
        summary="Dự thảo báo cáo kết quả thực hiện các tiêu chí huyện nông thôn mới, đề nghị "
        "cấp có thẩm quyền xét, công nhận. Cơ quan soạn thảo công khai để nhân dân, tổ chức "
        f"góp ý theo quy định. {SAMPLE}",
        drafting_body=f"Cơ quan thường trực Chương trình nông thôn mới cấp huyện {SAMPLE}",
        opens_at=now - timedelta(days=5),
        closes_at=now + timedelta(days=25),
        sections=[
            (
                "Phần I. Kết quả thực hiện các tiêu chí",
                "1. Quy hoạch: đạt.\n2. Giao thông: đạt.\n3. Thủy lợi và phòng, chống thiên tai: "
                f"đạt.\n4. Điện: đạt. {SAMPLE}",
            ),
            (
                "Phần II. Đánh giá chung",
                "Những kết quả đạt được, tồn tại, hạn chế và nguyên nhân. " + SAMPLE,
            ),
            ("Phần III. Kiến nghị, đề xuất", "Đề nghị xét, công nhận đạt chuẩn. " + SAMPLE),
        ],
    )
    if draft is None:
        return 0
    _attach_sample_file(draft)
    _comment(draft, 0, "Nguyễn Văn An", "Đề nghị bổ sung số liệu về đường giao thông nội đồng.")
    _comment(
        draft,
        1,
        "Trần Thị Bình",
        "Cần nêu rõ hạn chế về thu gom rác thải ở các xã vùng sâu.",
        organisation="Hội Nông dân xã (dữ liệu mẫu)",
    )
    _comment(draft, None, "Lê Văn Cường", "Đồng ý với nội dung dự thảo.")
    return 1


def _closed_draft(index, now):
    draft = _add_draft(
        index,
        CLOSED_SLUG,
        f"Dự thảo Quy chế quản lý, vận hành cổng thông tin điện tử {SAMPLE}",
        summary="Quy định việc cung cấp, cập nhật, quản lý thông tin trên cổng thông tin điện tử "
        f"của cơ quan. {SAMPLE}",
        drafting_body=f"Văn phòng cơ quan {SAMPLE}",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
        sections=[
            ("Chương I. Quy định chung", "Điều 1. Phạm vi điều chỉnh.\nĐiều 2. Đối tượng áp dụng."),
            ("Chương II. Cung cấp, cập nhật thông tin", "Điều 3. Trách nhiệm cung cấp thông tin."),
        ],
    )
    if draft is None:
        return 0
    _comment(
        draft,
        1,
        "Phạm Thị Dung",
        "Đề nghị quy định thời hạn cập nhật thông tin là 3 ngày làm việc.",
        response_kind=DraftComment.Response.ACCEPTED,
        response="Tiếp thu, đã bổ sung vào khoản 2 Điều 3. " + SAMPLE,
    )
    _comment(
        draft,
        None,
        "Hoàng Văn Em",
        "Đề nghị bỏ quy định đăng nhập khi gửi góp ý.",
        response_kind=DraftComment.Response.EXPLAINED,
        response="Giải trình: dự thảo không yêu cầu đăng nhập khi góp ý. " + SAMPLE,
    )
    draft.report_published = True
    draft.report_text = (
        "<p>Cơ quan soạn thảo nhận được 2 ý kiến góp ý; tiếp thu 1 ý kiến, giải trình 1 ý kiến "
        f"(chi tiết dưới từng góp ý). {SAMPLE}</p>"
    )
    draft.save_revision().publish()
    return 1


def load_sample_drafts() -> int:
    """Creates what is missing on every site; returns how many drafts were created."""
    from congso.home.models import HomePage

    now = timezone.now()
    created = 0
    for site in Site.objects.select_related("root_page"):
        home = HomePage.objects.filter(pk=site.root_page_id).first()
        if home is None:
            continue
        with transaction.atomic():
            index = ensure_draft_index_page(home)
            created += _open_draft(index, now) + _closed_draft(index, now)
    return created
