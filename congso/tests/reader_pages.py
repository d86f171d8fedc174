"""One of every page type a reader sees, built from the factories.

Shared by the axe browser test (congso/tests/test_e2e_axe.py) and the Nu HTML checker run
(benchmarks/validate_html.py), so both look at the same pages."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

# Page-type id -> what a reader sees there; the ids name the axe test cases and the HTML files.
PAGE_TYPES = [
    "home",
    "english-home",
    "category",
    "article",
    "topic-list",
    "topic",
    "tag",
    "standard-page",
    "organisation",
    "documents",
    "document",
    "search-results",
    "search-no-results",
    "not-found",
    "comment-form",
    "procedures",
    "procedure",
    "tracking",
]


def build_reader_site() -> dict[str, str]:
    """Build the pages into the current database; returns page-type id -> path."""
    from congso.comments.models import Comment
    from congso.comments.tests.factories import CommentFactory
    from congso.core.models import OrganisationSettings
    from congso.core.tests.factories import (
        TopicFactory,
        make_article,
        make_category,
        make_home,
        make_image,
        make_standard_page,
    )
    from congso.documents.tests.factories import make_document, make_index, make_pdf, sign
    from congso.home.models import EnglishHomePage
    from congso.organisation.models import Official, OrganisationPage, Unit

    home = make_home()
    home.intro = "Cổng thông tin điện tử"
    home.save_revision().publish()
    settings = OrganisationSettings.for_site(home.get_site())
    settings.name = "Sở Thông tin và Truyền thông"
    settings.parent_agency = "UBND tỉnh Hà Tĩnh"
    settings.address = "Số 1 đường Nguyễn Du, TP Hà Tĩnh"
    settings.phone = "0239 3 000 000"
    settings.email = "sotttt@hatinh.gov.vn"
    settings.save()

    news = make_category(home, "Tin tức", intro="Tin hoạt động của Sở.")
    category = make_category(news, "Chuyển đổi số", intro="Tin về chuyển đổi số.")
    topic = TopicFactory(name="Hội nghị chuyển đổi số 2026", description="Sự kiện trong năm.")
    image = make_image(title="Hội nghị", caption="Quang cảnh hội nghị chuyển đổi số.")
    now = timezone.now()
    for n in range(3):
        make_article(
            category,
            f"Tin chuyển đổi số thứ {n + 1}",
            date=now - timedelta(days=n + 1),
            hero_image=image,
            topic=topic,
        )
    article = make_article(
        category,
        "Hà Tĩnh đẩy mạnh chuyển đổi số",
        sapo="Sở TT&TT tổ chức hội nghị triển khai chuyển đổi số năm 2026.",
        date=now,
        hero_image=image,
        author="Đậu Tùng Lâm",
        author_position="Giám đốc Sở TT&TT",
        source="Báo Hà Tĩnh",
        topic=topic,
        featured=True,
        body=[
            ("paragraph", "<p>Sáng nay, Sở TT&amp;TT tổ chức hội nghị.</p>"),
            ("quote", {"text": "Chuyển đổi số là tất yếu.", "attribution": "Giám đốc Sở"}),
            ("image", {"image": image, "caption": "Đại biểu dự hội nghị.", "alignment": "full"}),
        ],
    )
    article.tags.add("chuyển đổi số", "hội nghị")
    article.save_revision().publish()
    for n in range(3):
        CommentFactory(page=article, status=Comment.Status.APPROVED, text=f"Ý kiến số {n + 1}.")

    about = make_standard_page(
        home,
        "Giới thiệu",
        intro="Chức năng, nhiệm vụ của Sở.",
        body=[("paragraph", "<p>Sở Thông tin và Truyền thông là cơ quan chuyên môn.</p>")],
    )
    about.save_revision().publish()
    chart = OrganisationPage(title="Cơ cấu tổ chức", intro="<p>Lãnh đạo và các phòng.</p>")
    home.add_child(instance=chart)
    board = Unit.objects.create(
        name="Ban Giám đốc", name_en="Board of Directors", kind="leadership"
    )
    division = Unit.objects.create(name="Văn phòng Sở", parent=board, phone="0239 111 222")
    Official.objects.create(
        name="Đậu Tùng Lâm",
        position="Giám đốc",
        position_en="Director",
        unit=board,
        phone="0239 111 111",
        email="lamdt@hatinh.gov.vn",
        is_leader=True,
    )
    Official.objects.create(name="Nguyễn Thị Hoa", position="Chánh Văn phòng", unit=division)

    english = home.add_child(
        instance=EnglishHomePage(title="English", slug="en", intro="<p>Welcome.</p>")
    )
    english.add_child(
        instance=OrganisationPage(title="Organisation", slug="organisation", language="en")
    )

    library = make_index(home)
    make_document(library, title="Báo cáo tình hình chuyển đổi số")
    document = make_document(
        library,
        title="Kế hoạch chuyển đổi số năm 2026",
        file_data=sign(make_pdf("Kế hoạch chuyển đổi số năm 2026")),
    )

    from congso.dossiers.tests.factories import make_agency, make_procedure

    agency = make_agency(name="Sở Thông tin và Truyền thông (dữ liệu mẫu)")
    procedure = make_procedure(
        agency,
        name="Cấp giấy phép hoạt động in (dữ liệu mẫu)",
        components=(("Đơn đề nghị cấp giấy phép", True), ("Bản sao quyết định thành lập", False)),
        steps="Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
    )

    return {
        "procedures": "/thu-tuc-hanh-chinh/",
        "procedure": f"/thu-tuc-hanh-chinh/{procedure.code}/",
        "tracking": "/tra-cuu-ho-so/",
        "home": home.url,
        "english-home": english.url,
        "category": category.url,
        "article": article.url,
        "topic-list": home.url + "su-kien/",
        "topic": home.url + f"su-kien/{topic.slug}/",
        "tag": home.url + f"the/{article.tags.get(name='chuyển đổi số').slug}/",
        "standard-page": about.url,
        "organisation": chart.url,
        "documents": library.url,
        "document": document.url,
        "search-results": "/tim-kiem/?q=chuyen+doi+so",
        "search-no-results": "/tim-kiem/?q=khongcoketquanao",
        "not-found": "/trang-khong-ton-tai/",
        "comment-form": f"/binh-luan/{article.pk}/gui/",
    }
