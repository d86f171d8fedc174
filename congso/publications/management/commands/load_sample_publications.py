from django.core.management.base import BaseCommand

from congso.publications.services import load_sample_publications

LABELS = {
    "section": "chuyên mục",
    "PlanPage": "kế hoạch, chương trình",
    "BudgetDisclosurePage": "công khai ngân sách",
    "StatisticsPage": "số liệu thống kê",
    "ProjectPage": "dự án đầu tư",
    "BiddingNoticePage": "thông báo mời thầu",
    "RecruitmentPage": "thông báo tuyển dụng",
}


class Command(BaseCommand):
    help = (
        "Tạo các chuyên mục công khai thông tin (Nghị định 42/2022/NĐ-CP) còn thiếu và vài mục "
        "dữ liệu mẫu cho mỗi trang (site) có trang chủ; chạy lại không tạo thêm."
    )

    def handle(self, *args, **options):
        created = load_sample_publications()
        if not created:
            self.stdout.write("Công khai thông tin: không tạo thêm gì, dữ liệu mẫu đã có đủ.")
            return
        self.stdout.write("Công khai thông tin: đã tạo")
        for kind, count in sorted(created.items()):
            self.stdout.write(f"- {LABELS.get(kind, kind)}: {count}")
