"""Synthetic demo content for a machine without the seed texts.

Plainly synthetic: every title starts with "[Dữ liệu mẫu]", every sapo says the article is
generated, no real person, figure or event is named.
"""

from django.utils.html import escape

from congso.core.text import slugify_vi
from congso.news.models import ArticlePage
from congso.seeds import scaffold
from congso.seeds.report import ImportReport

PREFIX = "[Dữ liệu mẫu] "
DEMO_NOTE = "Bài viết mẫu do hệ thống tạo để trình diễn cổng thông tin; không phải tin thật."

ARTICLES = [
    ("Chuyển đổi số", "Hội nghị tập huấn kỹ năng số cho cán bộ cấp xã",
     "Lớp tập huấn giới thiệu dịch vụ công trực tuyến, chữ ký số và an toàn thông tin cho cán bộ cấp xã.",
     ["Nội dung tập huấn gồm cách hướng dẫn người dân nộp hồ sơ trực tuyến, sử dụng chữ ký số "
      "trong giao dịch điện tử và nhận biết thư điện tử lừa đảo.",
      "Sau lớp học, học viên thực hành trên môi trường thử nghiệm của hệ thống một cửa điện tử."]),
    ("Chuyển đổi số", "Hưởng ứng Ngày Chuyển đổi số quốc gia",
     "Các cơ quan, đơn vị tổ chức nhiều hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia.",
     ["Các hoạt động gồm tuyên truyền trên hệ thống thông tin cơ sở, hỗ trợ người dân cài đặt "
      "ứng dụng và thanh toán không dùng tiền mặt."]),
    ("Chính trị", "Hội nghị quán triệt nghị quyết của cấp ủy",
     "Cán bộ, công chức, viên chức tham dự hội nghị học tập, quán triệt nghị quyết.",
     ["Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các đơn vị trực thuộc."]),
    ("Bầu cử", "Hướng dẫn cử tri thực hiện quyền bầu cử",
     "Những điều cử tri cần biết trước ngày bầu cử: điều kiện, thủ tục bỏ phiếu, cách ghi phiếu.",
     ["Cử tri mang theo thẻ cử tri, kiểm tra tên trong danh sách cử tri và tự mình bỏ phiếu."]),
    ("Thi đua khen thưởng", "Phát động phong trào thi đua năm mới",
     "Cơ quan phát động phong trào thi đua hoàn thành các nhiệm vụ chính trị được giao.",
     ["Các phòng, đơn vị đăng ký danh hiệu thi đua và xây dựng kế hoạch thực hiện."]),
    ("Tin tổng hợp", "Lấy ý kiến người dân về dự thảo văn bản",
     "Cổng thông tin đăng tải dự thảo để người dân, doanh nghiệp góp ý trong thời hạn quy định.",
     ["Ý kiến góp ý gửi qua thư điện tử hoặc biểu mẫu trên cổng thông tin."]),
]  # fmt: skip


def load_fallback(categories: dict, report: ImportReport) -> None:
    from congso.seeds.services import Clock, placeholder

    clock = Clock()
    report.note(
        "Không tìm thấy dữ liệu mẫu (SEEDS_DIR): đã tạo nội dung tổng hợp, đánh dấu là dữ liệu mẫu."
    )
    for number, (category, title, sapo, paragraphs) in enumerate(ARTICLES, start=1):
        full_title = PREFIX + title
        slug = slugify_vi(full_title)
        if ArticlePage.objects.filter(slug=slug).exists():
            continue
        image = placeholder(f"anh-minh-hoa-{number}.jpg", title, slug, full_title, report)
        html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        page = ArticlePage(
            title=full_title,
            slug=slug,
            sapo=f"{sapo} ({DEMO_NOTE})",
            hero_image=image,
            hero_caption=title,
            body=[{"type": "paragraph", "value": f"{html}<p><i>{escape(DEMO_NOTE)}</i></p>"}],
            date=clock.next(),
            featured=number <= 2,
        )
        page.tags.add("dữ liệu mẫu")
        scaffold.publish_child(categories[category], page, report, "article")
