"""The demo's second site: a sample commune's portal at xa-mau.localhost on the demo's port.

Browsers and curl resolve every *.localhost name to 127.0.0.1 (RFC 6761), so the demo needs no
/etc/hosts line: http://xa-mau.localhost:8000/ reaches the same runserver, and Wagtail picks the
commune's Site from the Host header. Everything here is labelled "(dữ liệu mẫu)".

No model import at module level: the core AppConfig reads the constants below.
"""

from datetime import timedelta

SAMPLE_HOSTNAME = "xa-mau.localhost"
SAMPLE_NAME = "UBND xã Mẫu (dữ liệu mẫu)"
SAMPLE_NAME_EN = "People's Committee of Mau Commune (sample data)"
EDITOR_LOGIN = "bientap-xa"
CHIEF_LOGIN = "truongban-xa"

# (title, sapo, paragraph, days ago)
ARTICLES = [
    (
        "Xã Mẫu ra quân tổng vệ sinh môi trường (dữ liệu mẫu)",
        "Ủy ban nhân dân xã phát động người dân các thôn cùng dọn vệ sinh đường làng, kênh mương.",
        "Chủ tịch Ủy ban nhân dân xã đề nghị các thôn duy trì ngày vệ sinh chung mỗi tháng.",
        1,
    ),
    (
        "Hướng dẫn nộp hồ sơ trực tuyến tại bộ phận một cửa xã (dữ liệu mẫu)",
        "Công chức một cửa hướng dẫn người dân nộp hồ sơ trên Cổng dịch vụ công.",
        "Người dân mang theo căn cước để được hỗ trợ tạo tài khoản và nộp hồ sơ trực tuyến.",
        3,
    ),
    (
        "Xã Mẫu tổ chức hội nghị tiếp xúc cử tri (dữ liệu mẫu)",
        "Cử tri các thôn nêu ý kiến về đường giao thông nông thôn và nước sạch.",
        "Các ý kiến của cử tri được tổng hợp, gửi cơ quan có thẩm quyền trả lời theo quy định.",
        6,
    ),
]


def demo_port(explicit=None) -> int:
    """The port the demo serves on: --port, else the one BASE_URL names."""
    from django.conf import settings

    from congso.core.site_address import parse_address

    if explicit:
        return int(explicit)
    return parse_address(settings.BASE_URL)[1]


def load(port: int):
    """Create (or complete) the sample commune site and its sample news. Returns
    (SiteResult, number of articles created)."""
    from congso.core.sites import add_site

    agency = _sample_agency_identifier()
    result = add_site(
        hostname=SAMPLE_HOSTNAME,
        port=port,
        name=SAMPLE_NAME,
        agency=agency,
        name_en=SAMPLE_NAME_EN,
    )
    return result, _ensure_articles(result.home)


def _sample_agency_identifier() -> str:
    """The commune that the dossier demo already uses (procedures' sample agencies)."""
    from congso.procedures.sample import ensure_sample_agencies

    _province, commune = ensure_sample_agencies()
    return commune.identifier


def _ensure_articles(home) -> int:
    from django.utils import timezone

    from congso.news.models import ArticlePage

    news = home.get_children().filter(slug="tin-tuc").first()
    category = news.get_children().filter(slug="tin-tong-hop").first() if news else None
    if category is None:
        return 0
    made = 0
    for title, sapo, text, days in ARTICLES:
        if ArticlePage.objects.descendant_of(home).filter(title=title).exists():
            continue
        article = ArticlePage(
            title=title,
            sapo=sapo,
            body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
            date=timezone.now() - timedelta(days=days),
            source="Ủy ban nhân dân xã Mẫu (dữ liệu mẫu)",
        )
        category.add_child(instance=article)
        article.save_revision().publish()
        made += 1
    return made
