"""Several sites on one installation: a commune's or another department's portal beside the
province department's (docs/sites.md, docs/decisions/0021-several-sites.md).

`add_site` gives a new site everything the first one has, on its own: a home page and its
Wagtail Site (own host name, so own address for every absolute URL), the agency's identity
(OrganisationSettings), a news section, the English section, the Decree-42 sections, a
collection for its images and files, its own editor groups limited to its tree and collection,
and its own review workflow. Running it again completes what is missing and changes nothing else.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Collection, Page, Site

from congso.core.models import OrganisationSettings
from congso.core.text import slugify_vi

# RFC 1123 labels: letters, digits, inner hyphens; at most 63 characters each, 253 in all.
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
NAME_MAX = 100  # the groups "Trưởng ban biên tập – <name>" must fit auth's 150 characters


@dataclass
class SiteResult:
    site: Site
    home: Page
    created: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def clean_hostname(value: str) -> str:
    """A bare host name such as `xa-mau.example.gov.vn` (no scheme, port or path)."""
    hostname = (value or "").strip().lower().rstrip(".")
    if not hostname:
        raise ValidationError("Chưa nhập tên miền (--hostname).")
    if "://" in hostname or "/" in hostname or ":" in hostname:
        raise ValidationError(
            f"“{value}”: chỉ ghi tên miền, không ghi http://, cổng hay đường dẫn "
            "(ví dụ xa-mau.example.gov.vn; cổng ghi ở --port)."
        )
    labels = hostname.split(".")
    if len(hostname) > 253 or not all(_LABEL.match(label) for label in labels):
        raise ValidationError(
            f"“{value}” không phải tên miền hợp lệ: chỉ dùng chữ không dấu, chữ số, dấu gạch "
            "ngang và dấu chấm (ví dụ xa-mau.example.gov.vn)."
        )
    return hostname


def clean_port(value) -> int:
    try:
        port = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"Cổng “{value}” không hợp lệ: nhập một số từ 1 đến 65535.") from None
    if not 1 <= port <= 65535:
        raise ValidationError(f"Cổng {port} không hợp lệ: nhập một số từ 1 đến 65535.")
    return port


def clean_name(value: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise ValidationError("Chưa nhập tên trang (--name), ví dụ “UBND xã Mẫu”.")
    if len(name) > NAME_MAX:
        raise ValidationError(f"Tên trang dài quá {NAME_MAX} ký tự.")
    return name


def _find_existing(hostname: str, port: int, name: str) -> Site | None:
    """The site this call describes (same host name and name), or None for a new one.

    Another site on the same address, or another site of the same name, is refused: the
    address decides which site a reader gets, and the name is the editors' groups' name."""
    taken = Site.objects.filter(hostname=hostname, port=port).first()
    if taken is not None and taken.site_name != name:
        raise ValidationError(
            f"Địa chỉ {hostname}:{port} đã dùng cho trang “{taken.site_name or taken}”; "
            "chọn tên miền hoặc cổng khác."
        )
    same_name = Site.objects.filter(site_name=name).first()
    if same_name is not None and same_name.hostname != hostname:
        raise ValidationError(
            f"Đã có trang tên “{name}” ở {same_name.hostname}:{same_name.port}; "
            "đặt tên khác hoặc dùng đúng tên miền của trang đó."
        )
    return taken or same_name


@transaction.atomic
def add_site(
    hostname: str,
    name: str,
    port: int = 80,
    agency: str = "",
    name_en: str = "",
    portal_sections: bool = True,
) -> SiteResult:
    hostname, port, name = clean_hostname(hostname), clean_port(port), clean_name(name)
    agency_row = _find_agency(agency) if agency else None
    site = _find_existing(hostname, port, name)
    created: list[str] = []
    if site is None:
        home = _create_home(name)
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
        created += ["trang chủ", "Site"]
    else:
        home = site.root_page.specific
        if site.port != port:
            # The demo may serve on another PORT than last time (`make demo PORT=…`).
            site.port = port
            site.save(update_fields=["port"])
            created.append(f"cổng mới {port}")
    result = SiteResult(site=site, home=home, created=created)
    _ensure_identity(site, name, name_en, result)
    _ensure_sections(home, result)
    if portal_sections:
        _ensure_portal_sections(home, result)
    collection = _ensure_collection(name, result)
    from congso.users.roles import setup_site_roles

    setup_site_roles(home, name, collection)
    if agency_row is not None and agency_row.site_id != site.pk:
        agency_row.site = site
        agency_row.save(update_fields=["site"])
        created.append(f"gắn cơ quan {agency_row.identifier}")
    return result


def _find_agency(identifier: str):
    from congso.organisation.models import Agency

    found = Agency.objects.filter(identifier=identifier.strip()).first()
    if found is None:
        raise ValidationError(
            f"Không có cơ quan mã định danh “{identifier}”; thêm cơ quan trong quản trị "
            "(Dịch vụ công › Cơ quan) trước, hoặc bỏ --agency."
        )
    return found


def _create_home(name: str) -> Page:
    from congso.home.models import HomePage

    root = Page.get_first_root_node()
    base = slugify_vi(name) or "trang-chu"
    slug, n = base, 1
    while root.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    home = HomePage(title=name, slug=slug, intro=f"Trang thông tin điện tử {name}")
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_identity(site: Site, name: str, name_en: str, result: SiteResult) -> None:
    """The new site's identity; values an editor has since changed are kept."""
    settings = OrganisationSettings.for_site(site)
    defaults = {f: OrganisationSettings._meta.get_field(f).default for f in ("name", "name_en")}
    changed = False
    if settings.name == defaults["name"] and name != settings.name:
        settings.name, changed = name, True
    if settings.name_en == defaults["name_en"]:
        # The department's English name would be wrong on a commune's pages.
        settings.name_en, changed = name_en, True
    if changed or settings.pk is None:
        settings.save()
        result.created.append("thông tin cơ quan")


def _publish_child(parent, page, result: SiteResult, label: str):
    parent.add_child(instance=page)
    page.save_revision().publish()
    result.created.append(label)
    return page


def _child(parent, slug: str):
    found = parent.get_children().filter(slug=slug).first()
    return found.specific if found else None


def _ensure_sections(home: Page, result: SiteResult) -> None:
    from congso.home.models import EnglishHomePage, StandardPage
    from congso.news.models import NewsIndexPage

    news = _child(home, "tin-tuc") or _publish_child(
        home,
        NewsIndexPage(title="Tin tức", slug="tin-tuc", intro="Tin hoạt động.", show_in_menus=True),
        result,
        "chuyên mục Tin tức",
    )
    if not _child(news, "tin-tong-hop"):
        _publish_child(
            news,
            NewsIndexPage(title="Tin tổng hợp", slug="tin-tong-hop", show_in_menus=True),
            result,
            "chuyên mục Tin tổng hợp",
        )
    identity = OrganisationSettings.for_site(Site.objects.get(root_page=home))
    english = _child(home, "en") or _publish_child(
        home,
        EnglishHomePage(
            title="English",
            slug="en",
            intro=f"<p>Welcome to the website of {escape(identity.name_en or home.title)}.</p>",
        ),
        result,
        "trang tiếng Anh",
    )
    if not _child(english, "contact"):
        _publish_child(
            english,
            StandardPage(
                title="Contact",
                slug="contact",
                language="en",
                intro="How to contact us: see the Vietnamese contact page.",
            ),
            result,
            "trang tiếng Anh (Contact)",
        )


def _ensure_portal_sections(home: Page, result: SiteResult) -> None:
    """The Decree-42 sections, from the publications app when it is installed."""
    try:
        from congso.publications.structure import ensure_portal_sections
    except ImportError:
        result.notes.append(
            "Chưa có congso.publications.structure: các mục theo Nghị định 42 chưa được tạo; "
            "chạy lại lệnh này khi đã có."
        )
        return
    made = ensure_portal_sections(home) or {}
    if isinstance(made, dict):
        count = sum(1 for value in made.values() if value is not None)
        result.notes.append(f"Các mục theo Nghị định 42: {count} mục có trên trang.")


def _ensure_collection(name: str, result: SiteResult) -> Collection:
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    if found is not None:
        return found
    result.created.append("thư mục ảnh và tệp")
    return root.add_child(name=name)


def sites_user_edits(user):
    """Sites whose home page `user` may change: a site's own editors get their site, the
    installation-wide groups (permissions on the tree root) and superusers every site."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if user.is_superuser:
        return Site.objects.all()
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return Site.objects.filter(root_page__in=pages.values("pk"))
