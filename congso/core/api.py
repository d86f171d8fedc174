"""GET /api/v1/sites: the sites one installation serves (issue 11, parts 5 and 6).

Each Wagtail Site record as clients need it to read the other endpoints: `name`, `hostname`,
`port`, `root_url` (the address every absolute URL of that site uses), `is_default`, the agency
it belongs to, and its language sections. The `site` filter of /api/v1/articles and
/api/v1/categories takes a hostname, hostname:port or the `id` listed here.
"""

from django.db.models import Q
from ninja import Field, Query, Router, Schema

from congso.core import api_params as p
from congso.core.api_params import BadParameter, InvalidParameters, Message

router = Router(tags=["Trang thông tin"])


class SectionOut(Schema):
    language: str = Field(description="vi | en")
    title: str
    url: str


class SiteOut(Schema):
    id: int
    name: str = Field(description="Tên trang (Site name); tên trang chủ khi để trống")
    hostname: str
    port: int
    root_url: str = Field(description="Địa chỉ gốc, ví dụ https://sotttt.hatinh.gov.vn")
    is_default: bool = Field(description="Trang trả lời các tên miền không khai báo")
    agency: str = Field(description="Tên cơ quan (Cài đặt › Cơ quan của trang)")
    home_page: int = Field(description="Mã trang chủ của trang")
    sitemap_url: str
    sections: list[SectionOut] = Field(description="Các phần ngôn ngữ: tiếng Việt, tiếng Anh")


class SitePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[SiteOut]


class SiteParams(Schema):
    page: str = Field("", description="Trang, từ 1 (mặc định 1)")
    page_size: str = Field("", description=f"Số mục mỗi trang, 1–{p.MAX_PAGE_SIZE} (mặc định 20)")


def _english_sections(sites) -> dict[str, object]:
    """The live, public English section under each site's home, in one query."""
    from congso.home.models import EnglishHomePage

    if not sites:
        return {}
    condition = Q(pk__in=[])
    for site in sites:
        root = site.root_page
        condition |= Q(path__startswith=root.path, depth=root.depth + 1)
    sections = EnglishHomePage.objects.live().public().filter(condition, p.not_expired())
    return {page.path[: -page.steplen]: page for page in sections.order_by("path")}


@router.get(
    "",
    response={200: SitePage, 400: Message, 422: InvalidParameters},
    summary="Danh sách trang thông tin (site) của hệ thống: tên miền, cổng, địa chỉ gốc",
    url_name="sites",
)
def list_sites(request, params: Query[SiteParams]):
    from congso.core.models import OrganisationSettings

    try:
        page, page_size = p.pagination(params.page, params.page_size)
    except BadParameter as error:
        return p.refuse(error)
    everything = p.sites_for("")
    start = (page - 1) * page_size
    sites = everything[start : start + page_size]
    agencies = dict(
        OrganisationSettings.objects.filter(site__in=sites).values_list("site_id", "name")
    )
    default_agency = OrganisationSettings._meta.get_field("name").get_default()
    english = _english_sections(sites)
    results = []
    for site in sites:
        root_url = site.root_url
        home = site.root_page
        sections = [{"language": "vi", "title": home.title, "url": f"{root_url}/"}]
        section = english.get(home.path)
        if section is not None:
            sections.append(
                {
                    "language": "en",
                    "title": section.title,
                    "url": root_url + section.url_path[len(home.url_path) - 1 :],
                }
            )
        results.append(
            {
                "id": site.pk,
                "name": site.site_name or home.title,
                "hostname": site.hostname,
                "port": site.port,
                "root_url": root_url,
                "is_default": site.is_default_site,
                "agency": agencies.get(site.pk, default_agency),
                "home_page": home.pk,
                "sitemap_url": f"{root_url}/sitemap.xml",
                "sections": sections,
            }
        )
    return {"count": len(everything), "page": page, "page_size": page_size, "results": results}
