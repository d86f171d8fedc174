"""`import_seeds`: turn the seed texts into published, revisioned Wagtail content.

Idempotent by key: articles by slug (anywhere on the site), categories and pages by slug under
their parent, images by title in the demo collection, units/officials by name, links by URL.
A second run therefore creates nothing and changes nothing editors may have edited since.
"""

import importlib
import importlib.util
import io
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from congso.core.pagecache import purge_all
from congso.core.text import excerpt, format_datetime, slugify_vi
from congso.news.models import ArticlePage, ArticleRelatedLink, Topic
from congso.seeds import scaffold
from congso.seeds.identity import read_identity
from congso.seeds.lines import SECTION_RE
from congso.seeds.parsers import ParsedArticle, parse_seed
from congso.seeds.placeholders import get_or_create_placeholder
from congso.seeds.report import ImportReport
from congso.seeds.signed_reports import ParsedReport

CATEGORY_RULES = [
    ("Bầu cử", ("bầu cử", "cử tri", "lá phiếu", "hòm phiếu", "bỏ phiếu")),
    ("Thi đua khen thưởng", ("thi đua", "khen thưởng", "điển hình tiên tiến", "bằng khen")),
    ("Chuyển đổi số", ("chuyển đổi số", "cntt", "công nghệ thông tin", "chính quyền điện tử",
                       "chính quyền số", "dịch vụ công trực tuyến", "an toàn thông tin")),
    ("Chính trị", ("tỉnh ủy", "ban thường vụ", "đại hội đảng", "chỉ thị")),
]  # fmt: skip
TAG_RULES = {
    "chuyển đổi số": ("chuyển đổi số", "chính quyền số", "kinh tế số"),
    "công nghệ thông tin": ("cntt", "công nghệ thông tin"),
    "bầu cử": ("bầu cử", "cử tri"),
    "thi đua khen thưởng": ("thi đua", "khen thưởng", "điển hình tiên tiến"),
    "cải cách hành chính": ("cải cách hành chính", "cchc"),
    "an toàn thông tin": ("an toàn thông tin", "attt", "mã độc"),
    "báo chí - xuất bản": ("báo chí", "xuất bản"),
    "nông thôn mới": ("nông thôn mới", "ntm"),
}
TITLE_WEIGHT = 5
ELECTION_RE = re.compile(
    r"bầu cử (?:ĐBQH|đại biểu Quốc hội) khóa ([IVXLC]+) và đại biểu (?:HĐND|Hội đồng nhân dân) "
    r"các cấp nhiệm kỳ (\d{4})\s*[-–]\s*(\d{4})"
)
# The documents engineer's loader for signed reports; looked up at import time.
DOCUMENTS_DEMO_MODULE = "congso.documents.demo"
NEUTRAL_SAPO = "Tóm tắt mẫu: dữ liệu mẫu chỉ có tiêu đề của tin này, chưa có nội dung."


def _count(keyword: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(keyword)}(?!\w)", text))


def classify(title: str, text: str) -> str:
    title, text = title.lower(), text.lower()
    scores = Counter()
    for category, keywords in CATEGORY_RULES:
        for keyword in keywords:
            scores[category] += TITLE_WEIGHT * _count(keyword, title) + _count(keyword, text)
    best = [c for c, s in scores.most_common() if s > 0]
    return best[0] if best else scaffold.DEFAULT_CATEGORY


def tags_for(text: str, limit: int = 4) -> list[str]:
    text = text.lower()
    scores = {tag: sum(_count(k, text) for k in keywords) for tag, keywords in TAG_RULES.items()}
    ranked = sorted((s, tag) for tag, s in scores.items() if s > 0)
    return [tag for _, tag in reversed(ranked)][:limit]


def topic_for(text: str, report: ImportReport) -> Topic | None:
    match = ELECTION_RE.search(text)
    if not match:
        return None
    term, start, end = match.groups()
    name = f"Bầu cử đại biểu Quốc hội khóa {term} và đại biểu HĐND các cấp nhiệm kỳ {start}-{end}"
    topic, created = Topic.objects.get_or_create(name=name)
    if created:
        report.add("topic")
    return topic


class Clock:
    """A sort key for undated items: the import time, one minute apart, newest first in source
    order. Only a key: such articles are saved with date_unknown=True, so pages say "không rõ
    ngày" and feeds give no pubDate, instead of presenting the import time as their date."""

    def __init__(self):
        self.now = timezone.now().replace(second=0, microsecond=0)
        self.step = 0

    def next(self) -> datetime:
        value = self.now - timedelta(minutes=self.step)
        self.step += 1
        return value


def aware(value: datetime | None) -> datetime | None:
    if value is None or timezone.is_aware(value):
        return value
    return timezone.make_aware(value, timezone.get_current_timezone())


def article_text(parsed: ParsedArticle) -> str:
    parts = [parsed.sapo] + [
        item.text or (item.image.caption if item.image else "") for item in parsed.body
    ]
    return " ".join(parts)


def ensure_logo(home, identity, report: ImportReport) -> None:
    """A placeholder logo, labelled as demo data, where the agency has none: pages without an
    image of their own share it (og:image) and the schema.org publisher names it. An editor's
    logo stays; a second import changes nothing."""
    from wagtail.models import Site

    from congso.core.models import OrganisationSettings

    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return
    settings = OrganisationSettings.for_site(site)
    if settings.logo_id:
        return
    name = identity.full_name or settings.name
    image, created = get_or_create_placeholder(
        "bieu-trung.png", f"Biểu trưng – {name}", "logo", alt=f"Biểu trưng của {name}"
    )
    if created:
        report.add("image")
    settings.logo = image
    settings.save(update_fields=["logo"])
    report.add("settings")


# ---------------------------------------------------------------- reading the folder


def read_seeds(seeds_dir: Path | None, report: ImportReport) -> list[tuple[str, str]]:
    if seeds_dir is None or not Path(seeds_dir).is_dir():
        return []
    seeds = []
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        try:
            seeds.append((path.name, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            report.note(f"Bỏ qua {path.name}: không đọc được ({exc.__class__.__name__}).")
    return seeds


def parse_all(seeds: list[tuple[str, str]], report: ImportReport) -> list:
    parsed = []
    for name, text in seeds:
        try:
            item = parse_seed(text, name)
        except Exception as exc:  # a malformed seed must not stop the demo
            report.note(f"Bỏ qua {name}: không phân tích được ({exc.__class__.__name__}: {exc}).")
            continue
        if item is None:
            report.note(f"Bỏ qua {name}: không có nội dung.")
            continue
        parsed.append(item)
    return parsed


# ---------------------------------------------------------------- articles


def build_body(parsed: ParsedArticle, owner: str, report: ImportReport) -> list[dict]:
    blocks: list[dict] = []
    html: list[str] = []

    def flush_text():
        if html:
            blocks.append({"type": "paragraph", "value": "".join(html)})
            html.clear()

    for item in parsed.body:
        if item.kind == "image":
            flush_text()
            image = placeholder(
                item.image.filename, item.image.caption, owner, parsed.title, report
            )
            caption = item.image.caption if item.show_caption else ""
            blocks.append(
                {
                    "type": "image",
                    "value": {"image": image.pk, "caption": caption, "alignment": "full"},
                }
            )
        elif item.kind == "heading":
            html.append(f"<h2>{escape(item.text)}</h2>")
        elif item.kind == "caption":
            # A photo caption whose photo the capture lost: kept, and set apart as a caption.
            html.append(f"<p><i>{escape(item.text)}</i></p>")
        else:
            html.append(f"<p>{escape(item.text)}</p>")
    flush_text()
    return blocks


def placeholder(filename: str, caption: str, owner: str, title: str, report: ImportReport):
    image, created = get_or_create_placeholder(
        filename, caption, owner, alt=f"Ảnh minh họa cho bài “{title}”"
    )
    if created:
        report.add("image")
    return image


def existing_article(slug: str) -> ArticlePage | None:
    return ArticlePage.objects.filter(slug=slug).first()


def import_article(
    parsed: ParsedArticle, categories, date, related, report: ImportReport, date_unknown=False
):
    slug = slugify_vi(parsed.title)
    found = existing_article(slug)
    if found:
        return found
    text = article_text(parsed)
    category = categories.get(parsed.category) if parsed.category else None
    if category is None and parsed.category:
        category = scaffold.ensure_category(
            categories[scaffold.NEWS_ROOT[0]], parsed.category, report
        )
        categories[parsed.category] = category
    category = category or categories[classify(parsed.title, text)]
    hero = None
    if parsed.hero:
        hero = placeholder(parsed.hero.filename, parsed.hero.caption, slug, parsed.title, report)
    page = ArticlePage(
        title=parsed.title[:255],
        slug=slug,
        sapo=excerpt(parsed.sapo, 1000),
        hero_image=hero,
        hero_caption=parsed.hero.caption[:500] if parsed.hero else "",
        body=build_body(parsed, slug, report),
        author=parsed.author,
        author_position=parsed.author_position,
        date=date,
        date_unknown=date_unknown,
        featured=True,
        topic=topic_for(text, report),
    )
    page.tags.add(*tags_for(f"{parsed.title} {text}"))
    # The seed's own "Đọc thêm" list, in its order, as the editor's picks.
    page.related_links = [
        ArticleRelatedLink(page=item, sort_order=order) for order, item in enumerate(related)
    ]
    return scaffold.publish_child(category, page, report, "article")


def import_short(title, sapo, category, origin, clock, report, topic=None):
    """A headline the seeds list without its article: title and summary, said to be a demo."""
    slug = slugify_vi(title)
    found = existing_article(slug) if slug else None
    if found or not slug:
        return found
    note = f"Tin mẫu lấy từ {origin}: dữ liệu mẫu chỉ có tiêu đề và tóm tắt; nội dung đầy đủ chưa được nhập."
    page = ArticlePage(
        title=title[:255],
        slug=slug,
        sapo=excerpt(sapo, 1000) or NEUTRAL_SAPO,
        body=[{"type": "paragraph", "value": f"<p><i>{escape(note)}</i></p>"}],
        # The seeds list these headlines without a date; the text's "Sáng 15/3" has no year.
        date=clock.next(),
        date_unknown=True,
        topic=topic,
    )
    page.tags.add(*tags_for(f"{title} {sapo}"))
    return scaffold.publish_child(category, page, report, "short_article")


def import_related(parsed: ParsedArticle, categories, clock: Clock, report: ImportReport) -> list:
    if not parsed.related:
        return []
    # The related list shares one category and event: decide them on all its entries.
    group_text = " ".join(f"{e.title} {e.sapo}" for e in parsed.related)
    category = categories[classify("", group_text)]
    topic = topic_for(group_text, report)
    origin = f"mục “Đọc thêm” của bài “{parsed.title}”"
    pages = [
        import_short(entry.title, entry.sapo, category, origin, clock, report, topic)
        for entry in parsed.related
    ]
    return [page for page in pages if page is not None]


def import_articles(articles: list[ParsedArticle], categories, report: ImportReport) -> None:
    clock = Clock()
    for parsed in articles:
        stated = aware(parsed.date)
        date = stated or clock.next()
        related = import_related(parsed, categories, clock, report)
        import_article(parsed, categories, date, related, report, date_unknown=stated is None)
        for headline in parsed.ticker:
            category = categories[classify(headline, "")]
            import_short(headline, "", category, "dòng tin chạy của trang nguồn", clock, report)


def history_sentence(articles: list[ParsedArticle]) -> str:
    """The agency's founding as a seed tells it, quoted with its source; never composed."""
    for parsed in articles:
        for item in parsed.body:
            for sentence in re.split(r"(?<=\.)\s", item.text or ""):
                if "thành lập" in sentence and re.search(r"\d{1,2}/\d{1,2}/\d{4}", sentence):
                    return f"{sentence} (Theo bài “{parsed.title}”.)"
    return ""


# ---------------------------------------------------------------- signed reports


def load_documents(seeds_dir: Path | None, stdout, report: ImportReport) -> bool:
    """The documents library imports signed reports itself once it exists."""
    try:
        if importlib.util.find_spec(DOCUMENTS_DEMO_MODULE) is None:
            return False
        demo = importlib.import_module(DOCUMENTS_DEMO_MODULE)
    except ImportError as exc:
        report.note(f"Thư viện văn bản chưa nạp được ({exc}); dùng trang nội dung thay thế.")
        return False
    loader = getattr(demo, "load_demo_documents", None)
    if loader is None:
        return False
    loader(seeds_dir, stdout)
    report.note("Văn bản ký số được nạp vào thư viện văn bản (congso.documents.demo).")
    return True


def report_html(parsed: ParsedReport) -> str:
    parts = []
    for paragraph in parsed.paragraphs:
        heading = SECTION_RE.match(paragraph) and paragraph.upper() == paragraph
        roman = re.match(r"^[IVXLC]+\.\s", paragraph) and len(paragraph) < 200
        tag = "h3" if heading or roman else "p"
        parts.append(f"<{tag}>{escape(paragraph)}</{tag}>")
    return "".join(parts)


def import_report_page(home, parsed: ParsedReport, report: ImportReport) -> None:
    area = scaffold.child_by_slug(home, "bao-cao") or scaffold.publish_child(
        home,
        scaffold.StandardPage(
            title="Báo cáo",
            slug="bao-cao",
            show_in_menus=True,
            intro="Báo cáo của cơ quan.",
        ),  # fmt: skip
        report,
        "standard_page",
    )
    slug = slugify_vi(parsed.full_title, max_length=100)
    if scaffold.child_by_slug(area, slug):
        return
    signer = " — ".join(filter(None, [parsed.signer_name, parsed.signer_position]))
    facts = []
    if signer:
        facts.append(
            f"Người ký: {signer}"
            + (f" ({parsed.signer_authority})" if parsed.signer_authority else "")
            + "."
        )
    if parsed.signed_at:
        facts.append(f"Ký số lúc {format_datetime(min(parsed.signed_at))}.")
    if parsed.recipients:
        facts.append("Nơi nhận: " + "; ".join(parsed.recipients) + ".")
    facts.append(
        "Nội dung trích từ văn bản ký số; một số ký tự có thể sai do trích xuất từ tệp PDF."
    )
    page = scaffold.StandardPage(
        title=parsed.full_title[:255],
        slug=slug,
        intro=" ".join(facts),
        body=[{"type": "paragraph", "value": report_html(parsed)}],
    )
    scaffold.publish_child(area, page, report, "standard_page")


# ---------------------------------------------------------------- the whole import


def import_seeds(seeds_dir: Path | None, stdout=None) -> ImportReport:
    from congso.seeds.fallback import load_fallback

    report = ImportReport()
    stdout = stdout or io.StringIO()
    seeds = read_seeds(seeds_dir, report)
    parsed = parse_all(seeds, report)
    identity = read_identity([text for _, text in seeds], parsed)
    articles = [item for item in parsed if isinstance(item, ParsedArticle)]
    reports = [item for item in parsed if isinstance(item, ParsedReport)]
    with transaction.atomic():
        home = scaffold.ensure_home(identity, report)
        scaffold.ensure_settings(home, identity, report)
        ensure_logo(home, identity, report)
        categories = scaffold.ensure_categories(home, report)
        if articles:
            import_articles(articles, categories, report)
        else:
            report.used_fallback = True
            load_fallback(categories, report)
        scaffold.ensure_organisation(identity, report)
        scaffold.ensure_pages(home, identity, history_sentence(articles), report)
        scaffold.ensure_links(identity, report)
        # The documents library takes signed reports (and makes a synthetic one without
        # seeds); until it exists, a report becomes a plain page so its text is still shown.
        if not load_documents(Path(seeds_dir) if seeds_dir else None, stdout, report):
            for item in reports:
                import_report_page(home, item, report)
    purge_all()
    return report
