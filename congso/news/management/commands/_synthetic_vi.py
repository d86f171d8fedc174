"""Synthetic Vietnamese government news for load tests and search experiments.

Sentences are assembled from phrasing that provincial portals actually use (hội nghị, triển
khai, sơ kết, chỉ đạo, tập huấn …), so word frequencies, diacritics and lengths look like
real content to the database, the search index and the templates. Nothing here is a fact:
names, figures and events are drawn at random and every article says it is generated data.
"""

import random
import uuid

from congso.core.text import format_number

AGENCIES = [
    "Sở Thông tin và Truyền thông",
    "Sở Khoa học và Công nghệ",
    "UBND tỉnh",
    "Ban Chỉ đạo chuyển đổi số tỉnh",
    "Trung tâm Công nghệ thông tin và Truyền thông",
    "Sở Nội vụ",
    "Sở Kế hoạch và Đầu tư",
    "Văn phòng UBND tỉnh",
    "Ủy ban MTTQ tỉnh",
    "Hội đồng Thi đua - Khen thưởng tỉnh",
    "Ủy ban bầu cử tỉnh",
    "Bưu điện tỉnh",
    "Viễn thông tỉnh",
    "Tỉnh đoàn",
]
PLACES = [
    "thành phố Hà Tĩnh",
    "thị xã Hồng Lĩnh",
    "thị xã Kỳ Anh",
    "huyện Cẩm Xuyên",
    "huyện Thạch Hà",
    "huyện Can Lộc",
    "huyện Hương Sơn",
    "huyện Đức Thọ",
    "huyện Nghi Xuân",
    "huyện Vũ Quang",
    "huyện Hương Khê",
    "huyện Lộc Hà",
    "xã Thạch Trung",
    "phường Bắc Hà",
    "xã Cẩm Bình",
]
TOPICS = [
    "chuyển đổi số",
    "chính quyền số",
    "kinh tế số",
    "xã hội số",
    "cải cách hành chính",
    "dịch vụ công trực tuyến",
    "bảo đảm an toàn thông tin mạng",
    "thanh toán không dùng tiền mặt",
    "phát triển hạ tầng viễn thông",
    "ứng dụng công nghệ thông tin",
    "công tác thông tin đối ngoại",
    "công tác thi đua, khen thưởng",
    "phổ biến, giáo dục pháp luật",
    "quản lý báo chí, xuất bản",
    "phát triển thương mại điện tử",
    "triển khai Đề án 06",
    "xây dựng nông thôn mới",
    "cấp căn cước điện tử",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "công tác bầu cử đại biểu Quốc hội và HĐND các cấp",
]
EVENTS = [
    "hội nghị sơ kết 6 tháng đầu năm",
    "hội nghị tổng kết công tác năm",
    "lớp tập huấn",
    "buổi làm việc",
    "hội thảo chuyên đề",
    "lễ ký kết thỏa thuận hợp tác",
    "cuộc diễn tập thực chiến",
    "đợt kiểm tra",
    "hội nghị triển khai nhiệm vụ",
    "lễ phát động phong trào thi đua",
    "buổi tọa đàm",
    "hội nghị trực tuyến",
]
TITLE_PATTERNS = [
    "{agency} tổ chức {event} về {topic}",
    "Đẩy mạnh {topic} tại {place}",
    "{Place} triển khai {topic} năm {year}",
    "Nâng cao hiệu quả {topic} trên địa bàn tỉnh",
    "{agency} làm việc với {place} về {topic}",
    "Tập huấn {topic} cho cán bộ, công chức {place}",
    "Sơ kết {period} thực hiện {topic}",
    "Ra mắt mô hình {topic} tại {place}",
    "{agency} ban hành kế hoạch {topic} năm {year}",
    "Hà Tĩnh: {topic} đạt nhiều kết quả tích cực",
    "Tháo gỡ khó khăn, vướng mắc trong {topic}",
    "Khen thưởng tập thể, cá nhân có thành tích trong {topic}",
]
PERIODS = ["6 tháng đầu năm", "quý I", "quý II", "quý III", "9 tháng", "năm", "3 năm", "5 năm"]
OPENINGS = [
    "Sáng ngày {date}, {agency} tổ chức {event} về {topic}.",
    "Chiều ngày {date}, tại {place}, {agency} đã tổ chức {event} nhằm đánh giá kết quả {topic}.",
    "Thực hiện chỉ đạo của UBND tỉnh, ngày {date}, {agency} phối hợp với {place} tổ chức {event}.",
    "Ngày {date}, {agency} chủ trì {event} để triển khai các nhiệm vụ trọng tâm về {topic}.",
]
ATTENDANCE = [
    "Tham dự có lãnh đạo các sở, ban, ngành cấp tỉnh và đại diện UBND các huyện, thành phố, thị xã.",
    "Dự hội nghị có đại diện lãnh đạo {agency}, các phòng chuyên môn và {count} đại biểu tại các điểm cầu.",
    "Tham gia có {count} học viên là cán bộ, công chức, viên chức phụ trách công nghệ thông tin.",
]
SENTENCES = [
    "Trong thời gian qua, {agency} đã chủ động tham mưu UBND tỉnh ban hành nhiều văn bản chỉ đạo, điều hành về {topic}.",
    "Đến nay, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến đạt {percent}%, tăng {small}% so với cùng kỳ.",
    "Toàn tỉnh đã có {number} tài khoản định danh điện tử được kích hoạt, {number2} giao dịch thanh toán trực tuyến được thực hiện.",
    "Hạ tầng viễn thông tiếp tục được đầu tư, {percent}% thôn, xóm đã có sóng di động 4G và cáp quang băng rộng.",
    "Công tác bảo đảm an toàn thông tin được tăng cường, hệ thống giám sát đã phát hiện và ngăn chặn {number} cuộc tấn công mạng.",
    "Bên cạnh những kết quả đạt được, {topic} vẫn còn một số khó khăn, hạn chế như nguồn nhân lực chưa đáp ứng yêu cầu, kinh phí đầu tư còn hạn chế.",
    "Các tổ công nghệ số cộng đồng tại {place} đã hướng dẫn người dân cài đặt, sử dụng các nền tảng số thiết yếu.",
    "Hệ thống quản lý văn bản và điều hành được triển khai đồng bộ từ tỉnh đến cơ sở; {percent}% văn bản được ký số và gửi, nhận trên môi trường mạng.",
    "Các đại biểu đã tập trung thảo luận, chia sẻ kinh nghiệm và đề xuất nhiều giải pháp thiết thực nhằm nâng cao hiệu quả {topic}.",
    "Phát biểu chỉ đạo, đồng chí lãnh đạo {agency} đề nghị các đơn vị tiếp tục quán triệt, nâng cao nhận thức về {topic}.",
    "Thời gian tới, {agency} sẽ tập trung hoàn thiện cơ sở dữ liệu dùng chung, bảo đảm kết nối, chia sẻ dữ liệu giữa các cấp chính quyền.",
    "Dịp này, {count} tập thể và cá nhân có thành tích xuất sắc trong {topic} đã được khen thưởng.",
    "Chỉ số chuyển đổi số cấp tỉnh (DTI) năm {year} của tỉnh đạt {score} điểm, tăng {small} bậc so với năm trước.",
    "Lớp tập huấn trang bị cho học viên kiến thức về kỹ năng số, an toàn thông tin và khai thác dữ liệu phục vụ công tác chuyên môn.",
    "Các địa phương cần rà soát, đánh giá lại quy trình nội bộ, bảo đảm giải quyết hồ sơ đúng hạn, không để tồn đọng, chậm trễ.",
    "Theo báo cáo, {place} đã hoàn thành {percent}% kế hoạch đề ra, nhiều chỉ tiêu vượt so với cùng kỳ năm trước.",
    "Thông qua {event}, các đơn vị có cơ hội trao đổi, học tập kinh nghiệm, tháo gỡ những vướng mắc trong quá trình thực hiện.",
    "Người dân và doanh nghiệp được hướng dẫn nộp hồ sơ trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia.",
]
QUOTES = [
    "Chuyển đổi số trước hết là chuyển đổi nhận thức; người đứng đầu phải gương mẫu, đi đầu.",
    "Lấy người dân, doanh nghiệp làm trung tâm, lấy sự hài lòng của người dân làm thước đo chất lượng phục vụ.",
    "Mỗi cán bộ, công chức phải thực sự là một hạt nhân trong việc lan tỏa các nền tảng số tới cộng đồng.",
    "Dữ liệu phải đúng, đủ, sạch, sống; đó là nền tảng để chính quyền số vận hành hiệu quả.",
    "Không để ai bị bỏ lại phía sau trong quá trình chuyển đổi số.",
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Phan",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Đậu",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Minh",
    "Thanh",
    "Quốc",
    "Thu",
    "Ngọc",
    "Xuân",
    "Tùng",
    "Hồng",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Lâm",
    "Lan",
    "Long",
    "Nam",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Tuấn",
    "Yến",
]
POSITIONS = [
    "Phóng viên",
    "Cộng tác viên",
    "Phòng Bưu chính, Viễn thông",
    "Phòng Công nghệ thông tin",
    "Văn phòng Sở",
    "Trung tâm CNTT&TT",
    "Giám đốc Sở",
    "Phó Giám đốc Sở",
]
SOURCES = ["Sở TT&TT", "Báo Hà Tĩnh", "Cổng TTĐT tỉnh", "Đài PT-TH tỉnh", "Văn phòng UBND tỉnh", ""]
TAGS = [
    "chuyển đổi số",
    "chính quyền số",
    "kinh tế số",
    "xã hội số",
    "Đề án 06",
    "dịch vụ công",
    "cải cách hành chính",
    "an toàn thông tin",
    "viễn thông",
    "bưu chính",
    "báo chí",
    "bầu cử",
    "thi đua khen thưởng",
    "nông thôn mới",
    "kỹ năng số",
    "nền tảng số",
    "dữ liệu số",
    "thanh toán số",
    "thương mại điện tử",
    "Hà Tĩnh",
]
TOPIC_EVENTS = [
    "Bầu cử đại biểu Quốc hội và HĐND các cấp",
    "Ngày Chuyển đổi số quốc gia 10/10",
    "Kỷ niệm 20 năm thành lập Sở TT&TT",
    "Tháng hành động vì an toàn thông tin",
]
DEFAULT_CATEGORIES = [
    ("Tin tức - Sự kiện", ["Chính trị", "Kinh tế - Xã hội"]),
    ("Chuyển đổi số", []),
    ("Bầu cử", []),
    ("Thi đua khen thưởng", []),
    ("Khoa học - Công nghệ", []),
    ("Văn hóa - Xã hội", []),
]
TABLE_ROWS = [
    "Hồ sơ tiếp nhận trực tuyến",
    "Hồ sơ giải quyết đúng hạn",
    "Văn bản được ký số",
    "Tài khoản định danh điện tử kích hoạt",
    "Giao dịch thanh toán trực tuyến",
    "Thuê bao băng rộng cố định",
]


class ArticleText:
    """Draws one article's title, sapo, byline and StreamField body from a seeded RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def _fill(self, pattern: str, date_text: str = "", year: int = 2025) -> str:
        return pattern.format_map(_Values(self.rng, date_text, year))

    def title(self, year: int) -> str:
        text = self._fill(self.rng.choice(TITLE_PATTERNS), year=year)
        return text[0].upper() + text[1:]

    def sapo(self, date_text: str) -> str:
        r = self.rng
        return " ".join(
            [self._fill(r.choice(OPENINGS), date_text), self._fill(r.choice(ATTENDANCE))]
        )

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def byline(self) -> tuple[str, str, str]:
        r = self.rng
        return self.person(), r.choice(POSITIONS), r.choice(SOURCES)

    def body(self, date_text: str, year: int) -> list[dict]:
        """Raw StreamField data: paragraphs, often a quote, sometimes a table of figures."""
        r = self.rng
        blocks = []
        for _ in range(r.randint(4, 8)):
            sentences = [
                self._fill(r.choice(SENTENCES), date_text, year) for _ in range(r.randint(2, 4))
            ]
            blocks.append(_block("paragraph", f"<p>{' '.join(sentences)}</p>"))
        if r.random() < 0.5:
            quote = {
                "text": r.choice(QUOTES),
                "attribution": f"{self.person()}, {r.choice(POSITIONS)}",
            }
            blocks.insert(r.randint(1, len(blocks) - 1), _block("quote", quote))
        if r.random() < 0.15:
            rows = [["Chỉ tiêu", f"Năm {year - 1}", f"Năm {year}"]]
            for label in r.sample(TABLE_ROWS, 4):
                rows.append(
                    [
                        label,
                        format_number(r.randint(1_000, 2_000_000)),
                        format_number(r.randint(1_000, 2_000_000)),
                    ]
                )
            table = {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Một số chỉ tiêu chủ yếu",
            }
            blocks.append(_block("table", table))
        blocks.append(
            _block(
                "paragraph",
                "<p><em>Bài viết do công cụ tạo dữ liệu thử nghiệm sinh ra, không phải tin thật.</em></p>",
            )
        )
        return blocks


# How to draw each placeholder, built once rather than on every lookup.
_DRAWS = {
    "agency": lambda r: r.choice(AGENCIES),
    "topic": lambda r: r.choice(TOPICS),
    "event": lambda r: r.choice(EVENTS),
    "period": lambda r: r.choice(PERIODS),
    "count": lambda r: r.randint(30, 400),
    "percent": lambda r: format_number(r.uniform(55, 99.5), 1),
    "small": lambda r: r.randint(2, 15),
    "score": lambda r: format_number(r.uniform(420, 720), 2),
    "number": lambda r: format_number(r.randint(1_000, 900_000)),
    "number2": lambda r: format_number(r.randint(10_000, 30_000_000)),
}


class _Values(dict):
    """Draws only the placeholders a pattern uses: eager drawing was half the generation time."""

    def __init__(self, rng: random.Random, date_text: str, year: int):
        super().__init__(date=date_text, year=year)
        self.rng = rng

    def __missing__(self, key: str):
        r = self.rng
        if key in ("place", "Place"):
            place = r.choice(PLACES)
            self["place"], self["Place"] = place, place[0].upper() + place[1:]
            return self[key]
        self[key] = value = _DRAWS[key](r)
        return value


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}
