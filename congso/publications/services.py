"""What changes the disclosure sections' content: sample items for the demo.

Every sample is labelled "(dữ liệu mẫu)", names roles and generic units rather than anyone real,
and is dated relative to today, so that the demo shows open and closed notices on any day.
"""

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from congso.core.text import slugify_vi
from congso.publications import models as m
from congso.publications.structure import ensure_portal_sections

SAMPLE = "(dữ liệu mẫu)"


def _paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def _table(caption: str, rows: list[list[str]]) -> list[dict]:
    value = {
        "data": rows,
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
    }
    return [{"type": "table", "value": value}]


def _last_quarter(today) -> tuple[int, int]:
    quarter = (today.month - 1) // 3
    return (today.year - 1, 4) if quarter == 0 else (today.year, quarter)


def samples(today, now) -> dict[str, list]:
    """{slug of the section: [unsaved sample pages]}; built anew on each call."""
    year = today.year
    q_year, quarter = _last_quarter(today)
    days = timedelta(days=1)
    return {
        "chien-luoc-ke-hoach": [
            m.PlanPage(
                title=f"Kế hoạch chuyển đổi số năm {year} {SAMPLE}",
                summary=f"Mục tiêu, nhiệm vụ và giải pháp chuyển đổi số của cơ quan trong năm {year}. {SAMPLE}",
                kind=m.PlanKind.PLAN, year_from=year, status=m.PlanStatus.ONGOING,
                decision_number="01/KH-MAU", issuer="Cơ quan (dữ liệu mẫu)", date=now - 30 * days,
            ),
            m.PlanPage(
                title=f"Chương trình phát triển hạ tầng số giai đoạn {year - 1}–{year + 3} {SAMPLE}",
                summary=f"Chương trình mẫu nhiều năm: hạ tầng mạng, trung tâm dữ liệu, nền tảng số. {SAMPLE}",
                kind=m.PlanKind.PROGRAMME, year_from=year - 1, year_to=year + 3,
                status=m.PlanStatus.ONGOING, date=now - 200 * days,
            ),
            m.PlanPage(
                title=f"Báo cáo kết quả thực hiện kế hoạch công tác năm {year - 1} {SAMPLE}",
                summary=f"Kết quả thực hiện các nhiệm vụ trọng tâm năm {year - 1}. {SAMPLE}",
                kind=m.PlanKind.RESULTS, year_from=year - 1, status=m.PlanStatus.DONE,
                date=now - 60 * days,
            ),
        ],
        "cong-khai-ngan-sach": [
            m.BudgetDisclosurePage(
                title=f"Công khai dự toán ngân sách năm {year} {SAMPLE}",
                summary=f"Dự toán thu, chi ngân sách năm {year} được giao. Số liệu mẫu. {SAMPLE}",
                fiscal_year=year, kind=m.BudgetKind.ESTIMATE, total_amount=12_500_000_000,
                decision_number="02/QĐ-MAU", date=now - 90 * days,
            ),
            m.BudgetDisclosurePage(
                title=f"Tình hình thực hiện dự toán quý {quarter}/{q_year} {SAMPLE}",
                summary=f"Tình hình thực hiện dự toán ngân sách quý {quarter} năm {q_year}. {SAMPLE}",
                fiscal_year=q_year, kind=m.BudgetKind.QUARTER, quarter=quarter,
                total_amount=3_125_000_000, date=now - 10 * days,
            ),
            m.BudgetDisclosurePage(
                title=f"Công khai quyết toán ngân sách năm {year - 1} {SAMPLE}",
                summary=f"Quyết toán ngân sách năm {year - 1}. Số liệu mẫu. {SAMPLE}",
                fiscal_year=year - 1, kind=m.BudgetKind.FINAL, total_amount=11_870_450_000,
                date=now - 20 * days,
            ),
        ],
        "thong-ke-chuyen-nganh": [
            m.StatisticsPage(
                title=f"Số liệu bưu chính, viễn thông năm {year - 1} {SAMPLE}",
                summary=f"Các chỉ tiêu thống kê chủ yếu của ngành năm {year - 1}. {SAMPLE}",
                sector="Bưu chính, Viễn thông", year=year - 1, period_kind=m.PeriodKind.YEAR,
                source="Phòng chuyên môn (dữ liệu mẫu)", date=now - 45 * days,
                body=_table(
                    f"Chỉ tiêu chủ yếu năm {year - 1} (số liệu mẫu)",
                    [
                        ["Chỉ tiêu", "Đơn vị tính", "Số liệu"],
                        ["Số thuê bao băng rộng cố định", "thuê bao", "125.400"],
                        ["Số điểm phục vụ bưu chính", "điểm", "312"],
                        ["Tỷ lệ thôn, xóm có sóng di động băng rộng", "%", "98,6"],
                    ],
                ),
            ),
            m.StatisticsPage(
                title=f"Số liệu chuyển đổi số quý {quarter}/{q_year} {SAMPLE}",
                summary=f"Dịch vụ công trực tuyến, hồ sơ trực tuyến quý {quarter}/{q_year}. {SAMPLE}",
                sector="Chuyển đổi số", year=q_year, period_kind=m.PeriodKind.QUARTER,
                period_number=quarter, date=now - 5 * days,
                body=_table(
                    "Chỉ tiêu chuyển đổi số (số liệu mẫu)",
                    [
                        ["Chỉ tiêu", "Đơn vị tính", "Số liệu"],
                        ["Hồ sơ trực tuyến toàn trình", "hồ sơ", "4.215"],
                        ["Tỷ lệ hồ sơ trực tuyến", "%", "72,4"],
                    ],
                ),
            ),
        ],
        "du-an-dau-tu": [
            m.ProjectPage(
                title=f"Dự án nâng cấp trung tâm dữ liệu {SAMPLE}",
                summary=f"Dự án mẫu: nâng cấp hạ tầng trung tâm dữ liệu dùng chung. {SAMPLE}",
                investor="Ban Quản lý dự án (dữ liệu mẫu)", location="Trung tâm tỉnh (dữ liệu mẫu)",
                total_investment=45_000_000_000, capital_source="Ngân sách tỉnh (dữ liệu mẫu)",
                status=m.ProjectStatus.IN_PROGRESS, year_from=year - 1, year_to=year + 1,
                decision_number="03/QĐ-MAU", date=now - 120 * days,
            ),
            m.ProjectPage(
                title=f"Dự án phủ sóng di động vùng lõm {SAMPLE}",
                summary=f"Dự án mẫu đã hoàn thành: phủ sóng di động cho các thôn chưa có sóng. {SAMPLE}",
                investor="Ban Quản lý dự án (dữ liệu mẫu)", location="Các xã vùng núi (dữ liệu mẫu)",
                total_investment=8_750_000_000, status=m.ProjectStatus.COMPLETED,
                year_from=year - 3, year_to=year - 1, date=now - 300 * days,
            ),
        ],
        "thong-tin-dau-thau": [
            m.BiddingNoticePage(
                title=f"Mời thầu gói mua sắm thiết bị mạng {SAMPLE}",
                summary=f"Thông báo mời thầu mẫu, gói thầu mua sắm thiết bị mạng. {SAMPLE}",
                package_name="Mua sắm thiết bị mạng (gói thầu mẫu)", notice_number="IB-MAU-0001",
                bidding_form=m.BiddingForm.OPEN, package_price=2_350_000_000,
                closing_at=now + 14 * days, date=now - 2 * days,
                how_to_submit="Nộp hồ sơ dự thầu qua Hệ thống mạng đấu thầu quốc gia.",
            ),
            m.BiddingNoticePage(
                title=f"Mời chào hàng gói dịch vụ bảo trì phần mềm {SAMPLE}",
                summary=f"Thông báo mời chào hàng mẫu, đã đóng thầu. {SAMPLE}",
                package_name="Bảo trì phần mềm (gói thầu mẫu)", notice_number="IB-MAU-0002",
                bidding_form=m.BiddingForm.COMPETITIVE, package_price=480_000_000,
                closing_at=now - 20 * days, date=now - 40 * days,
                how_to_submit="Nộp hồ sơ dự thầu qua Hệ thống mạng đấu thầu quốc gia.",
            ),
        ],
        "tuyen-dung": [
            m.RecruitmentPage(
                title=f"Thông báo tuyển dụng viên chức năm {year} {SAMPLE}",
                summary=f"Thông báo mẫu: xét tuyển viên chức cho đơn vị sự nghiệp. {SAMPLE}",
                recruiting_unit="Đơn vị sự nghiệp trực thuộc (dữ liệu mẫu)",
                method=m.RecruitmentMethod.SELECTION, apply_deadline=now + 21 * days,
                how_to_apply="Phiếu đăng ký dự tuyển theo mẫu; nộp trực tiếp hoặc qua bưu chính "
                "trong giờ hành chính. (dữ liệu mẫu)",
                where_to_apply="Bộ phận tổ chức cán bộ của cơ quan (dữ liệu mẫu)",
                date=now - 3 * days,
                positions=[
                    m.RecruitmentPosition(
                        title="Viên chức công nghệ thông tin (vị trí mẫu)", number=2,
                        requirements="Tốt nghiệp đại học chuyên ngành công nghệ thông tin.",
                    ),
                    m.RecruitmentPosition(
                        title="Viên chức kế toán (vị trí mẫu)", number=1,
                        requirements="Tốt nghiệp đại học chuyên ngành kế toán.",
                    ),
                ],
            ),
            m.RecruitmentPage(
                title=f"Thông báo tuyển lao động hợp đồng {SAMPLE}",
                summary=f"Thông báo mẫu đã hết hạn nộp hồ sơ. {SAMPLE}",
                recruiting_unit="Văn phòng (dữ liệu mẫu)", method=m.RecruitmentMethod.CONTRACT,
                apply_deadline=now - 10 * days, date=now - 35 * days,
                how_to_apply="Đơn đăng ký và sơ yếu lý lịch; nộp trực tiếp. (dữ liệu mẫu)",
                positions=[m.RecruitmentPosition(title="Nhân viên lái xe (vị trí mẫu)", number=1)],
            ),
        ],
    }  # fmt: skip


def add_item(index, page) -> None:
    """Publish `page` under `index`. An older notice whose deadline has passed is loaded as
    history (a previous portal's archive), which the editor's form would refuse."""
    page.slug = page.slug or slugify_vi(page.title)
    page.loading_history = True
    index.add_child(instance=page)
    page.save_revision().publish()


@transaction.atomic
def load_sample_publications() -> Counter:
    """Sections and sample items for every site whose root is a HomePage; a second run adds
    nothing. Returns what was created, by kind."""
    from congso.home.models import HomePage

    created: Counter = Counter()
    today, now = timezone.localdate(), timezone.now()
    for site in Site.objects.select_related("root_page"):
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            continue
        new_sections: list = []
        sections = ensure_portal_sections(home, created=new_sections)
        if new_sections:
            created["section"] += len(new_sections)
        for slug, pages in samples(today, now).items():
            index = sections.get(slug)
            if index is None:
                continue
            for page in pages:
                slug_of_page = slugify_vi(page.title)
                if index.get_children().filter(slug=slug_of_page).exists():
                    continue
                page.slug = slug_of_page
                add_item(index, page)
                created[type(page).__name__] += 1
    if created:
        from congso.core.pagecache import purge_all

        transaction.on_commit(purge_all)
    return created
