"""What an import did, counted by kind, for the command's summary and for the tests."""

from collections import Counter
from dataclasses import dataclass, field

LABELS = {
    "home": "trang chủ",
    "category": "chuyên mục",
    "article": "bài viết",
    "short_article": "tin ngắn (Đọc thêm, tin chạy)",
    "image": "ảnh giữ chỗ",
    "standard_page": "trang nội dung",
    "organisation_page": "trang cơ cấu tổ chức",
    "english_page": "trang tiếng Anh",
    "unit": "đơn vị",
    "official": "cán bộ",
    "portal_link": "liên kết cổng thông tin",
    "topic": "sự kiện",
    "settings": "thông tin cơ quan",
}


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    used_fallback: bool = False

    def add(self, kind: str, count: int = 1) -> None:
        self.created[kind] += count

    def note(self, message: str) -> None:
        self.notes.append(message)

    @property
    def total(self) -> int:
        return sum(self.created.values())

    def summary(self) -> list[str]:
        lines = [
            f"- {LABELS.get(kind, kind)}: {n}" for kind, n in sorted(self.created.items()) if n
        ]
        if not lines:
            lines = ["- không tạo thêm gì: dữ liệu mẫu đã có đủ."]
        return lines
