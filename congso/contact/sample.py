"""Sample contact page content for `load_sample_contact`: labelled "(dữ liệu mẫu)", naming no
one (the spokesperson by role only), mailing topics to units that exist."""

from django.db import transaction
from wagtail.models import Site

from congso.contact.models import ContactPage, ContactTopic
from congso.home.models import HomePage

SLUG = "lien-he"
# (topic, unit name in the organisation chart, or None for the agency's own mailbox)
TOPICS = [
    ("Góp ý, phản ánh chung (dữ liệu mẫu)", None),
    ("Chuyển đổi số, công nghệ thông tin (dữ liệu mẫu)", "Phòng Công nghệ thông tin"),
    ("Báo chí, xuất bản, thông tin cơ sở (dữ liệu mẫu)", "Phòng Thông tin - Báo chí - Xuất bản"),
    ("Thanh tra, khiếu nại, tố cáo (dữ liệu mẫu)", "Thanh tra Sở"),
]
DEPARTMENT_SPOKESPERSON = "Phó Giám đốc Sở (dữ liệu mẫu)"
COMMUNE_SPOKESPERSON = "Phó Chủ tịch Ủy ban nhân dân (dữ liệu mẫu)"


def home_pages():
    """(site, home) for every site whose root page is a HomePage."""
    for site in Site.objects.select_related("root_page").order_by("-is_default_site", "pk"):
        root = site.root_page.specific
        if isinstance(root, HomePage):
            yield site, root


def _move_aside(page) -> None:
    """A plain page already at /lien-he/ (the seeds' first scaffold made one): keep it, as a
    draft under another slug, so the contact page can take the address."""
    page.slug = f"{SLUG}-trang-cu"
    page.show_in_menus = False
    page.save_revision().publish()
    page.unpublish()


def ensure_contact_page(home, title: str = "Liên hệ") -> tuple[ContactPage, bool]:
    """The site's contact page, created (published, in the menu) when missing."""
    found = ContactPage.objects.descendant_of(home).order_by("path").first()
    if found is not None:
        return found, False
    existing = home.get_children().filter(slug=SLUG).first()
    if existing is not None:
        _move_aside(existing.specific)
    page = ContactPage(title=title, slug=SLUG, show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _unit(name):
    from congso.organisation.models import Unit

    return Unit.objects.filter(name=name).first() if name else None


@transaction.atomic
def load(site, home) -> list[str]:
    lines = []
    page, created = ensure_contact_page(home)
    if created:
        lines.append(f"{site}: tạo trang Liên hệ")
    page = ContactPage.objects.get(pk=page.pk)
    changed = False
    if not page.spokesperson_position and not page.spokesperson_name:
        page.spokesperson_position = (
            DEPARTMENT_SPOKESPERSON if site.is_default_site else COMMUNE_SPOKESPERSON
        )
        changed = True
    if not page.intro:
        page.intro = (
            "<p>Thông tin liên hệ của cơ quan theo Nghị định 42/2022/NĐ-CP, Điều 4 (dữ liệu "
            "mẫu). Địa chỉ, điện thoại, fax, thư điện tử lấy từ Cài đặt › Thông tin cơ quan.</p>"
        )
        changed = True
    if not page.topics.exists():
        for order, (name, unit_name) in enumerate(TOPICS):
            unit = _unit(unit_name) if site.is_default_site else None
            if unit_name and unit is None and not site.is_default_site:
                continue  # a commune has none of the department's divisions
            page.topics.add(ContactTopic(name=name, unit=unit, sort_order=order))
        changed = True
        lines.append(f"{site}: thêm {page.topics.count()} chủ đề thư mẫu")
    if changed:
        page.save_revision().publish()
    return lines
