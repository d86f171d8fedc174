"""The site around the articles: home page, categories, Giới thiệu/Liên hệ, organisation,
English section, links to other portals and the agency's identity.

Every function finds what a previous run created (by slug, name or URL) before creating, so
the import can run on every `make demo`.
"""

from django.utils.html import escape
from wagtail.models import Page, Site

from congso.core.models import OrganisationSettings, PortalLink
from congso.core.site_address import WAGTAIL_PLACEHOLDER_ADDRESS, configured_address
from congso.home.models import EnglishHomePage, HomePage, StandardPage
from congso.news.models import NewsIndexPage
from congso.organisation.models import Official, OrganisationPage, Unit
from congso.seeds.identity import Identity
from congso.seeds.report import ImportReport

NEWS_ROOT = ("Tin tức", "tin-tuc", "Tin hoạt động của cơ quan và của ngành.")
CATEGORIES = [
    ("Chính trị", "Hoạt động chính trị, sự kiện lớn của tỉnh và của ngành."),
    ("Chuyển đổi số", "Chính quyền số, kinh tế số, xã hội số; ứng dụng công nghệ thông tin."),
    ("Bầu cử", "Tin về công tác bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp."),
    ("Thi đua khen thưởng", "Phong trào thi đua, điển hình tiên tiến, khen thưởng."),
    ("Tin tổng hợp", "Tin kinh tế - xã hội khác trên địa bàn tỉnh."),
]
DEFAULT_CATEGORY = "Tin tổng hợp"

# Public national portals; the province's own portal is added from the seeds' e-mail domain.
PORTAL_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://mst.gov.vn"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
    ("Quốc hội Việt Nam", "https://quochoi.vn"),
]

# A generic structure of a provincial department; the import names no one in it except the
# leaders the seeds name. Editors replace it with the agency's own decision on its structure.
UNITS = [
    ("Ban Giám đốc", "Board of Directors", "leadership",
     "Lãnh đạo, điều hành toàn bộ hoạt động của Sở; chịu trách nhiệm trước Ủy ban nhân dân tỉnh.",
     "Leads and manages all activities of the Department."),
    ("Văn phòng", "Office", "division",
     "Tổng hợp, hành chính, văn thư - lưu trữ, tổ chức cán bộ, thi đua khen thưởng.",
     "General affairs, records, personnel, emulation and commendation."),
    ("Thanh tra Sở", "Inspectorate", "division",
     "Thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo, phòng chống tham nhũng trong lĩnh vực quản lý của Sở.",
     "Inspection, complaints and denunciations, anti-corruption within the Department's remit."),
    ("Phòng Kế hoạch - Tài chính", "Planning and Finance Division", "division",
     "Kế hoạch, quy hoạch, đầu tư, tài chính, tài sản của Sở.",
     "Planning, investment, finance and assets."),
    ("Phòng Công nghệ thông tin", "Information Technology Division", "division",
     "Ứng dụng công nghệ thông tin, chuyển đổi số, chính quyền số, an toàn thông tin mạng.",
     "IT application, digital transformation, digital government, cyber security."),
    ("Phòng Bưu chính, Viễn thông", "Post and Telecommunications Division", "division",
     "Quản lý nhà nước về bưu chính, viễn thông, tần số vô tuyến điện, hạ tầng thông tin.",
     "State management of post, telecommunications, radio frequencies and infrastructure."),
    ("Phòng Thông tin - Báo chí - Xuất bản", "Information, Press and Publishing Division", "division",
     "Quản lý nhà nước về báo chí, xuất bản, in, phát hành, thông tin đối ngoại, thông tin cơ sở.",
     "State management of press, publishing, printing, external and grassroots information."),
    ("Trung tâm Công nghệ thông tin và Truyền thông", "Centre for Information Technology and Communications",
     "attached",
     "Đơn vị sự nghiệp: vận hành hạ tầng, nền tảng số, hỗ trợ ứng dụng công nghệ thông tin.",
     "Public service unit: operates digital infrastructure and platforms, supports IT use."),
]  # fmt: skip

FUNCTIONS_VI = (
    "Tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí; xuất bản, in, phát hành; "
    "bưu chính; viễn thông; tần số vô tuyến điện; công nghệ thông tin; an toàn thông tin mạng; "
    "chuyển đổi số; phát thanh, truyền hình và thông tin điện tử; thông tin đối ngoại; thông tin cơ sở; "
    "hạ tầng thông tin và truyền thông trên địa bàn tỉnh."
)
FUNCTIONS_EN = (
    "Advises and assists the provincial People's Committee in the state management of the press; "
    "publishing, printing and distribution; post; telecommunications; radio frequencies; "
    "information technology; cyber security; digital transformation; radio, television and "
    "electronic information; external information; grassroots information; and information and "
    "communications infrastructure in the province."
)


def publish_child(parent, page, report: ImportReport, kind: str):
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(kind)
    return page


def child_by_slug(parent, slug: str):
    found = parent.get_children().filter(slug=slug).first()
    return found.specific if found else None


def paragraphs(*texts: str) -> list[dict]:
    html = "".join(f"<p>{escape(text)}</p>" for text in texts if text)
    return [{"type": "paragraph", "value": html}] if html else []


def ensure_home(identity: Identity, report: ImportReport) -> HomePage:
    """The default site's root becomes our HomePage; Wagtail's welcome page goes away."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.first()
    title = identity.full_name or OrganisationSettings._meta.get_field("name").default
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=title, slug="trang-chu", intro=f"Trang thông tin điện tử {title}")
        publish_child(root, home, report, "home")
    if site is None:
        # At BASE_URL; `make demo` then moves it to the address it serves (set_site_address).
        hostname, port = configured_address()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=title
        )
        return home
    welcome = site.root_page
    site.root_page, site.site_name = home, title
    if (site.hostname, site.port) == WAGTAIL_PLACEHOLDER_ADDRESS:
        site.hostname, site.port = configured_address()
    site.save()
    if type(welcome.specific) is Page and not welcome.get_children().exists():
        welcome.delete()
    return home


def ensure_settings(site_root: HomePage, identity: Identity, report: ImportReport) -> None:
    """Fill the agency's identity where it still holds the defaults; editors' values stay."""
    site = Site.objects.filter(root_page=site_root).first()
    if site is None:
        return
    settings = OrganisationSettings.for_site(site)
    values = {
        "name": identity.full_name,
        "name_en": identity.name_en,
        "parent_agency": identity.parent_agency,
        "email": identity.email,
    }
    changed = False
    for field_name, value in values.items():
        default = OrganisationSettings._meta.get_field(field_name).default
        current = getattr(settings, field_name)
        if value and current != value and current in ("", default):
            setattr(settings, field_name, value)
            changed = True
    if changed:
        settings.save()
        report.add("settings")


def ensure_categories(home: HomePage, report: ImportReport) -> dict[str, NewsIndexPage]:
    news = child_by_slug(home, NEWS_ROOT[1]) or publish_child(
        home,
        NewsIndexPage(
            title=NEWS_ROOT[0], slug=NEWS_ROOT[1], intro=NEWS_ROOT[2], show_in_menus=True
        ),
        report,
        "category",
    )
    categories = {NEWS_ROOT[0]: news}
    for title, intro in CATEGORIES:
        categories[title] = ensure_category(news, title, report, intro)
    return categories


def ensure_category(news, title: str, report: ImportReport, intro: str = "") -> NewsIndexPage:
    from congso.core.text import slugify_vi

    slug = slugify_vi(title)
    return child_by_slug(news, slug) or publish_child(
        news,
        NewsIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True),
        report,
        "category",
    )


def ensure_organisation(identity: Identity, report: ImportReport) -> None:
    units = {}
    for order, (name, name_en, kind, functions, functions_en) in enumerate(UNITS, start=1):
        unit = Unit.objects.filter(name=name).first()
        if unit is None:
            unit = Unit.objects.create(
                name=name, name_en=name_en, kind=kind, sort_order=order,
                functions=f"<p>{escape(functions)}</p>", functions_en=f"<p>{escape(functions_en)}</p>",
            )  # fmt: skip
            report.add("unit")
        units[kind] = units.get(kind, unit)
    for person in identity.people:
        if Official.objects.filter(name=person.name).exists():
            continue
        Official.objects.create(
            name=person.name, position=person.position, position_en=person.position_en,
            unit=units["leadership"], is_leader=True, sort_order=person.sort_order,
        )  # fmt: skip
        report.add("official")


def ensure_pages(home: HomePage, identity: Identity, history: str, report: ImportReport) -> None:
    name = identity.full_name or "Cơ quan"
    about = child_by_slug(home, "gioi-thieu") or publish_child(
        home,
        StandardPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            show_in_menus=True,
            intro=f"Thông tin chung về {name}: chức năng, nhiệm vụ, cơ cấu tổ chức.",
            body=paragraphs(
                f"{name} là cơ quan chuyên môn thuộc {identity.parent_agency or 'Ủy ban nhân dân tỉnh'}.",
                FUNCTIONS_VI,
                history,
            ),
        ),  # fmt: skip
        report,
        "standard_page",
    )
    if not child_by_slug(about, "co-cau-to-chuc"):
        page = OrganisationPage(
            title="Cơ cấu tổ chức", slug="co-cau-to-chuc", language="vi", show_in_menus=True,
            intro="<p>Lãnh đạo, các phòng chuyên môn và đơn vị trực thuộc; danh bạ liên hệ.</p>",
        )  # fmt: skip
        publish_child(about, page, report, "organisation_page")
    # Every Decree-42 section, empty, before "Liên hệ": where the contact app provides its page,
    # that page takes the slug and the plain page below is not made.
    ensure_sections(home, report)
    contact_lines = [name, identity.parent_agency and f"Cơ quan chủ quản: {identity.parent_agency}"]
    if identity.email:
        contact_lines.append(f"Thư điện tử: {identity.email}")
    contact_lines.append("Danh bạ lãnh đạo và các phòng, đơn vị: xem trang Cơ cấu tổ chức.")
    if not child_by_slug(home, "lien-he"):
        page = StandardPage(
            title="Liên hệ", slug="lien-he", show_in_menus=True,
            intro=f"Thông tin liên hệ của {name}.", body=paragraphs(*contact_lines),
        )  # fmt: skip
        publish_child(home, page, report, "standard_page")
    ensure_english(home, identity, report)


def ensure_sections(home: HomePage, report: ImportReport) -> None:
    from congso.publications.structure import ensure_portal_sections

    created: list = []
    ensure_portal_sections(home, created=created)
    if created:
        report.add("category", len(created))


def ensure_english(home: HomePage, identity: Identity, report: ImportReport) -> None:
    name_en = identity.name_en or "the Department"
    english = child_by_slug(home, "en") or publish_child(
        home,
        EnglishHomePage(
            title="English",
            slug="en",
            intro=f"<p>Welcome to the website of {escape(name_en)}"
            + (f", an agency of the {escape(identity.parent_en)}" if identity.parent_en else "")
            + ".</p>",
        ),  # fmt: skip
        report,
        "english_page",
    )
    pages = [
        OrganisationPage(
            title="Organisation structure", slug="organisation", language="en",
            intro="<p>Leadership, divisions and attached units, with contacts.</p>",
        ),
        StandardPage(
            title="Functions and tasks", slug="functions-and-tasks", language="en",
            intro=f"The functions and tasks of {name_en}.", body=paragraphs(FUNCTIONS_EN),
        ),
        StandardPage(
            title="Contact", slug="contact", language="en",
            intro=f"How to contact {name_en}.",
            body=paragraphs(
                name_en,
                identity.email and f"E-mail: {identity.email}",
                "Leaders and units: see Organisation structure.",
            ),
        ),
    ]  # fmt: skip
    for page in pages:
        if not child_by_slug(english, page.slug):
            kind = "organisation_page" if isinstance(page, OrganisationPage) else "english_page"
            publish_child(english, page, report, kind)


def ensure_links(identity: Identity, report: ImportReport) -> None:
    links = list(PORTAL_LINKS)
    if identity.portal_domain and identity.province:
        links.insert(
            1,
            (
                f"Cổng Thông tin điện tử tỉnh {identity.province}",
                f"https://{identity.portal_domain}",
            ),
        )
    for order, (title, url) in enumerate(links):
        if not PortalLink.objects.filter(url=url).exists():
            PortalLink.objects.create(title=title, url=url, sort_order=order)
            report.add("portal_link")
