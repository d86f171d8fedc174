"""A test set of Vietnamese administrative documents in real formats (PDF, DOCX), with the
metadata each should yield. Layouts vary the way real files do: header as stacked lines or as a
two-column table, signature block alone or beside the recipients list, long or short dates,
one- to three-line signer positions. Used by the tests and by benchmarks/documents_suggestions.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Spec:
    parent: str
    agency: str
    number: str
    type: str  # expected type; "Công văn" has no type line, only "V/v"
    title: str
    place: str
    issued: date
    position: list[str]
    signer: str
    layout: str
    short_date: bool = False
    body: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=lambda: ["- Như trên;", "- Lưu: VT."])

    @property
    def date_line(self) -> str:
        if self.short_date:
            return f"{self.place}, {self.issued:%d/%m/%Y}"
        return f"{self.place}, ngày {self.issued.day:02d} tháng {self.issued.month:02d} năm {self.issued.year}"

    @property
    def expected(self) -> dict:
        return {
            "number": self.number,
            "type": self.type,
            "issue_date": self.issued.isoformat(),
            "agency": self.agency,
            "signer_position": " — ".join(self.position),
            "signer_name": self.signer,
        }

    @property
    def filename(self) -> str:
        ext = "docx" if self.layout.startswith("docx") else "pdf"
        return f"{self.number.replace('/', '-')}.{ext}"


BODY = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Thực hiện Văn bản số 3443/SKHĐT-TH ngày 17/10/2024 của Sở Kế hoạch và Đầu tư về việc "
    "chuẩn bị báo cáo tình hình kinh tế - xã hội, cơ quan báo cáo như sau:",
    "1. Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến đạt 92,5%; đã có 27.664.046 "
    "lượt truy cập cổng dịch vụ công.",
    "2. Tiếp tục triển khai chuyển đổi số, nâng cao chỉ số DTI cấp tỉnh năm 2024.",
]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]

SPECS = [
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "273/BC-STTTT",
        "Báo cáo",
        "Kết quả rà soát mức độ đáp ứng của hệ thống thông tin",
        "Hà Tĩnh",
        date(2024, 10, 16),
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        "Dương Văn Tuấn",
        "pdf-stack",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "3443/SKHĐT-TH",
        "Công văn",
        "V/v chuẩn bị Báo cáo đánh giá tình hình KTXH năm 2024",
        "Hà Tĩnh",
        date(2024, 10, 17),
        ["GIÁM ĐỐC"],
        "Nguyễn Văn Hải",
        "docx-table",
    ),
    Spec(
        "",
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "24/CTr-UBND",
        "Chương trình",
        "Chương trình công tác năm 2024",
        "Hà Tĩnh",
        date(2024, 1, 19),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Võ Trọng Hải",
        "pdf-columns",
    ),
    Spec(
        "",
        "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH",
        "144/NQ-HĐND",
        "Nghị quyết",
        "Về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        "Hà Tĩnh",
        date(2023, 12, 19),
        ["CHỦ TỊCH"],
        "Hoàng Trung Dũng",
        "docx-plain",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "1520/QĐ-STTTT",
        "Quyết định",
        "Về việc ban hành Quy chế quản lý cổng thông tin điện tử",
        "Hà Tĩnh",
        date(2024, 5, 3),
        ["GIÁM ĐỐC"],
        "Đậu Tùng Lâm",
        "pdf-signature-right",
    ),
    Spec(
        "",
        "CHÍNH PHỦ",
        "42/2022/NĐ-CP",
        "Nghị định",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
        "Hà Nội",
        date(2022, 6, 24),
        ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"],
        "Vũ Đức Đam",
        "pdf-stack",
    ),
    Spec(
        "",
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
        "22/2023/TT-BTTTT",
        "Thông tư",
        "Quy định về yêu cầu chức năng, tính năng kỹ thuật của cổng thông tin điện tử",
        "Hà Nội",
        date(2023, 12, 20),
        ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"],
        "Nguyễn Huy Dũng",
        "docx-table",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "85/KH-STTTT",
        "Kế hoạch",
        "Triển khai chuyển đổi số năm 2025",
        "Hà Tĩnh",
        date(2025, 1, 8),
        ["GIÁM ĐỐC"],
        "Đậu Tùng Lâm",
        "pdf-columns",
    ),
    Spec(
        "UBND HUYỆN CAN LỘC",
        "PHÒNG VĂN HÓA VÀ THÔNG TIN",
        "12/TB-VHTT",
        "Thông báo",
        "Kết luận của Trưởng phòng tại cuộc họp giao ban tháng 3",
        "Can Lộc",
        date(2024, 3, 28),
        ["TRƯỞNG PHÒNG"],
        "Trần Thị Mai",
        "docx-plain",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "301/TTr-STTTT",
        "Tờ trình",
        "Đề nghị phê duyệt danh mục dịch vụ sự nghiệp công",
        "Hà Tĩnh",
        date(2024, 7, 2),
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        "Dương Văn Tuấn",
        "pdf-signature-right",
    ),
    Spec(
        "",
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "05/CT-UBND",
        "Chỉ thị",
        "Về tăng cường bảo đảm an toàn thông tin mạng",
        "Hà Tĩnh",
        date(2024, 4, 12),
        ["CHỦ TỊCH"],
        "Võ Trọng Hải",
        "pdf-stack",
        short_date=True,
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "VĂN PHÒNG ỦY BAN NHÂN DÂN",
        "1877/VP-KGVX",
        "Công văn",
        "V/v tổ chức hội nghị trực tuyến",
        "Hà Tĩnh",
        date(2024, 9, 6),
        ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
        "Lê Hồng Vinh",
        "docx-table",
    ),
    Spec(
        "",
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "15/2024/QĐ-UBND",
        "Quyết định",
        "Ban hành quy định quản lý, vận hành hệ thống thông tin báo cáo",
        "Hà Tĩnh",
        date(2024, 6, 14),
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Nguyễn Hồng Lĩnh",
        "pdf-columns",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ NỘI VỤ",
        "402/HD-SNV",
        "Hướng dẫn",
        "Hướng dẫn đánh giá, xếp loại chất lượng cán bộ năm 2024",
        "Hà Tĩnh",
        date(2024, 11, 20),
        ["GIÁM ĐỐC"],
        "Nguyễn Thị Thu Hà",
        "docx-plain",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "88/GM-STTTT",
        "Giấy mời",
        "Dự hội nghị tổng kết công tác thông tin và truyền thông năm 2024",
        "Hà Tĩnh",
        date(2024, 12, 26),
        ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
        "Phan Văn Bình",
        "pdf-stack",
    ),
    Spec(
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
        "CỤC CHUYỂN ĐỔI SỐ QUỐC GIA",
        "215/CĐSQG-CQS",
        "Công văn",
        "V/v hướng dẫn đánh giá chỉ số chuyển đổi số cấp tỉnh",
        "Hà Nội",
        date(2024, 2, 29),
        ["CỤC TRƯỞNG"],
        "Hồ Đức Thắng",
        "pdf-signature-right",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ TÀI CHÍNH",
        "2210/BC-STC",
        "Báo cáo",
        "Tình hình thực hiện dự toán ngân sách 9 tháng năm 2024",
        "Hà Tĩnh",
        date(2024, 10, 5),
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        "Trần Văn Sơn",
        "docx-table",
        short_date=True,
    ),
    Spec(
        "",
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "3120/KH-UBND",
        "Kế hoạch",
        "Thực hiện Đề án 06 năm 2024",
        "Hà Tĩnh",
        date(2024, 5, 21),
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Trần Báu Hà",
        "pdf-stack",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "77/QĐ-SKHCN",
        "Quyết định",
        "Về việc kiện toàn Tổ công tác chuyển đổi số của Sở",
        "Hà Tĩnh",
        date(2025, 3, 3),
        ["GIÁM ĐỐC"],
        "Nguyễn Văn Hùng",
        "pdf-columns",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "TRUNG TÂM CÔNG NGHỆ THÔNG TIN VÀ TRUYỀN THÔNG",
        "45/BC-TTCNTT",
        "Báo cáo",
        "Kết quả vận hành Trung tâm điều hành thông minh quý III",
        "Hà Tĩnh",
        date(2024, 10, 1),
        ["GIÁM ĐỐC"],
        "Lê Văn Khoa",
        "docx-plain",
    ),
    Spec(
        "",
        "THANH TRA TỈNH HÀ TĨNH",
        "09/TB-TTr",
        "Thông báo",
        "Kết luận thanh tra việc quản lý, sử dụng kinh phí ứng dụng CNTT",
        "Hà Tĩnh",
        date(2024, 8, 15),
        ["CHÁNH THANH TRA"],
        "Phạm Quang Huy",
        "pdf-signature-right",
    ),
    Spec(
        "UBND TỈNH HÀ TĨNH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "1102/STTTT-BCVT",
        "Công văn",
        "V/v rà soát hạ tầng viễn thông thụ động",
        "Hà Tĩnh",
        date(2024, 6, 30),
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        "Dương Văn Tuấn",
        "pdf-stack",
    ),
]


def _type_heading(spec: Spec) -> list[str]:
    if spec.type == "Công văn":
        return [spec.title]  # "V/v …" under the number, no type line
    return [spec.type.upper(), spec.title]


def render(spec: Spec) -> bytes:
    if spec.layout.startswith("docx"):
        return _docx(spec)
    return _pdf(spec)


def _pdf(spec: Spec) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from congso.documents.pdfrender import register_fonts

    regular, bold = register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    y = height - 60

    def line(text, x=70, font=regular, size=12, centre=False):
        c.setFont(font, size)
        if centre:
            c.drawCentredString(x, y, text)
        else:
            c.drawString(x, y, text)

    left = [t for t in (spec.parent, spec.agency) if t] + [f"Số: {spec.number}"]
    if spec.type == "Công văn":
        left.append(spec.title)
    right = MOTTO + [spec.date_line]
    if spec.layout == "pdf-columns":
        # Both columns drawn row by row: extracted text interleaves them on one line.
        for i in range(max(len(left), len(right))):
            if i < len(left):
                line(left[i], x=150, font=bold if i < 2 else regular, size=11, centre=True)
            if i < len(right):
                line(right[i], x=420, font=bold if i == 0 else regular, size=11, centre=True)
            y -= 16
    else:
        for text in left + right:
            line(text, x=width / 2, font=bold, size=11, centre=True)
            y -= 16
    y -= 10
    if spec.type != "Công văn":
        for text in _type_heading(spec):
            line(text, x=width / 2, font=bold, centre=True)
            y -= 18
    for text in BODY:
        for chunk in _wrap(text, 85):
            line(chunk)
            y -= 16
    y -= 10
    block = spec.position + ["", "", spec.signer]
    if spec.layout == "pdf-signature-right":
        rows = max(len(block), len(spec.recipients) + 1)
        lefts = ["Nơi nhận:"] + spec.recipients
        for i in range(rows):
            if i < len(lefts):
                line(lefts[i], x=70, size=10)
            if i < len(block) and block[i]:
                line(block[i], x=420, font=bold, centre=True)
            y -= 16
    else:
        for text in ["Nơi nhận:"] + spec.recipients:
            line(text, size=10)
            y -= 14
        for text in block:
            if text:
                line(text, x=420, font=bold, centre=True)
            y -= 16
    c.showPage()
    c.save()
    return buffer.getvalue()


def _wrap(text: str, limit: int) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        if len(current) + len(word) + 1 > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return lines + [current]


def _docx(spec: Spec) -> bytes:
    import docx

    document = docx.Document()
    left = [t for t in (spec.parent, spec.agency) if t] + [f"Số: {spec.number}"]
    if spec.type == "Công văn":
        left.append(spec.title)
    right = MOTTO + [spec.date_line]
    if spec.layout == "docx-table":
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(left)
        table.cell(0, 1).text = "\n".join(right)
    else:
        for text in left + right:
            document.add_paragraph(text)
    if spec.type != "Công văn":
        for text in _type_heading(spec):
            document.add_paragraph(text)
    for text in BODY:
        document.add_paragraph(text)
    if spec.layout == "docx-table":
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(["Nơi nhận:"] + spec.recipients)
        table.cell(0, 1).text = "\n".join(spec.position + ["", spec.signer])
    else:
        for text in ["Nơi nhận:"] + spec.recipients + spec.position + [spec.signer]:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def evaluate(specs=SPECS) -> dict[str, tuple[int, int]]:
    """Per field: (correct, total), comparing case- and diacritic-insensitively for the agency."""
    from congso.core.text import fold
    from congso.documents.extraction import extract
    from congso.documents.suggestions import suggest

    scores: dict[str, list[int]] = {}
    for spec in specs:
        got = suggest(extract(spec.filename, render(spec)).text)
        for key, want in spec.expected.items():
            value = got.get(key, "")
            ok = fold(value).lower() == fold(want).lower() if key == "agency" else value == want
            pair = scores.setdefault(key, [0, 0])
            pair[0] += int(ok)
            pair[1] += 1
    return {k: (v[0], v[1]) for k, v in scores.items()}
