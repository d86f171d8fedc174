"""GET /api/v1/articles, /api/v1/articles/{id} and /api/v1/categories (issue 11, part 6).

Published, public, unexpired pages of a Site only: a draft, a page under a view restriction or
past its expiry date does not exist for the API (404), whoever asks — editors work in the admin.
Every address is absolute on the Site record the page belongs to (docs/decisions/0020).
"""

from django.db.models import F, Func, OuterRef, Q, Subquery
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from congso.core import api_params as p
from congso.core.api_params import BadParameter, InvalidParameters, Message
from congso.news import api_items as items
from congso.news.models import ArticlePage, ArticleTag, NewsIndexPage
from congso.news.querysets import related_articles

articles_router = Router(tags=["Tin bài"])
categories_router = Router(tags=["Chuyên mục"])


class ArticlePageOut(Schema):
    count: int
    page: int
    page_size: int
    results: list[items.ArticleSummary]


class CategoryOut(Schema):
    id: int
    title: str
    slug: str
    url: str = Field(description="Địa chỉ tuyệt đối của chuyên mục, trên tên miền của trang")
    intro: str
    parent: int | None = Field(
        description="Mã chuyên mục cha; null khi chuyên mục nằm ngay dưới trang chủ"
    )
    article_count: int = Field(
        description="Số tin bài đã công bố trong chuyên mục và các chuyên mục con"
    )


class CategoryPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CategoryOut]


PAGE_FIELD = Field("", description="Trang, từ 1 (mặc định 1)")
PAGE_SIZE_FIELD = Field("", description=f"Số mục mỗi trang, 1–{p.MAX_PAGE_SIZE} (mặc định 20)")
SITE_FIELD = Field(
    "",
    description="Tên miền của trang (ví dụ hatinh.gov.vn), tên miền:cổng, hoặc mã số trong "
    "/api/v1/sites; bỏ trống: mọi trang. Tên miền không có → 400.",
)


class ArticleParams(Schema):
    site: str = SITE_FIELD
    category: str = Field(
        "", description="Mã số hoặc đường dẫn (slug) chuyên mục; gồm cả các chuyên mục con"
    )
    tag: str = Field("", description="Từ khóa (tên hoặc slug)")
    topic: str = Field("", description="Đường dẫn (slug) sự kiện")
    date_from: str = Field(
        "",
        alias="from",
        description="Đăng từ ngày (giờ Việt Nam), YYYY-MM-DD hoặc DD/MM/YYYY; sau `to` → 400",
    )
    date_to: str = Field("", alias="to", description="Đăng đến hết ngày (giờ Việt Nam)")
    page: str = PAGE_FIELD
    page_size: str = PAGE_SIZE_FIELD


class CategoryParams(Schema):
    site: str = SITE_FIELD
    parent: str = Field("", description="Mã số chuyên mục cha: chỉ các chuyên mục con trực tiếp")
    page: str = PAGE_FIELD
    page_size: str = PAGE_SIZE_FIELD


def published_articles(sites):
    """What the API may show: live, public, unexpired articles in the trees of `sites`."""
    return (
        ArticlePage.objects.live()
        .public()
        .filter(p.not_expired(), p.under_sites(sites))
        .select_related("topic")
        .order_by("-date", "-pk")
    )


def published_categories(sites):
    return (
        NewsIndexPage.objects.live()
        .public()
        .filter(p.not_expired(), p.under_sites(sites))
        .order_by("path")
    )


def _filter_articles(qs, params: ArticleParams, sites):
    value = p.text(params.category)
    if value:
        categories = published_categories(sites)
        category_id = p.identifier(value)
        chosen = categories.filter(pk=category_id) if category_id else categories.filter(slug=value)
        paths = list(chosen.values_list("path", flat=True))
        within = Q(pk__in=[])
        for path in paths:
            within |= Q(path__startswith=path)
        qs = qs.filter(within)
    value = p.text(params.tag)
    if value:
        tagged = ArticleTag.objects.filter(Q(tag__slug=value) | Q(tag__name__iexact=value))
        qs = qs.filter(pk__in=tagged.values("content_object_id"))
    value = p.text(params.topic)
    if value:
        qs = qs.filter(topic__slug=value)
    start, end = p.date_range(params.date_from, params.date_to)
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lt=end)
    return qs


@articles_router.get(
    "",
    response={200: ArticlePageOut, 400: Message, 422: InvalidParameters},
    summary="Danh sách tin bài đã công bố, mới nhất trước",
    url_name="articles",
)
def list_articles(request, params: Query[ArticleParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
        sites = p.sites_for(params.site)
        qs = _filter_articles(published_articles(sites), params, sites)
    except BadParameter as error:
        return p.refuse(error)
    start = (page - 1) * page_size
    # The body is the heaviest column and the list does not show it.
    articles = list(qs.defer("body")[start : start + page_size])
    return {
        "count": qs.count(),
        "page": page,
        "page_size": page_size,
        "results": items.summaries(articles, request),
    }


@articles_router.get(
    "/{article_id}",
    response={200: items.ArticleDetail, 404: Message, 422: InvalidParameters},
    summary="Chi tiết tin bài: nội dung HTML và tin liên quan",
    url_name="article",
)
def get_article(request, article_id: int):
    article = None
    if 0 < article_id <= p.MAX_ID:
        article = published_articles(p.sites_for("")).filter(pk=article_id).first()
    if article is None:
        # A Status, not Http404: ninja answers Http404 with an English "Not Found".
        return Status(404, {"detail": "Không tìm thấy tin bài, hoặc tin bài chưa được công bố."})
    (summary,) = items.summaries([article], request)
    now = timezone.now()
    related = [a for a in related_articles(article) if a.expire_at is None or a.expire_at > now]
    return {
        **summary,
        "body": items.body_html(article, items.site_base(article, request)),
        "related": items.links(related, request),
    }


@categories_router.get(
    "",
    response={200: CategoryPage, 400: Message, 422: InvalidParameters},
    summary="Danh sách chuyên mục tin, theo cây chuyên mục",
    url_name="categories",
)
def list_categories(request, params: Query[CategoryParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
        sites = p.sites_for(params.site)
        parent_value = p.text(params.parent)
        parent_id = p.identifier(parent_value)
        if parent_value and parent_id is None:
            raise BadParameter("Tham số parent phải là mã số (số nguyên dương) của chuyên mục.")
    except BadParameter as error:
        return p.refuse(error)
    categories = published_categories(sites)
    qs = categories
    if parent_id is not None:
        parent = categories.filter(pk=parent_id).first()
        if parent is None:
            qs = qs.none()
        else:
            qs = qs.filter(path__startswith=parent.path, depth=parent.depth + 1)
    # One query for every category's count: a correlated COUNT over the articles below it.
    articles_below = (
        ArticlePage.objects.live()
        .public()
        .filter(p.not_expired(), path__startswith=OuterRef("path"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    start = (page - 1) * page_size
    rows = list(qs.annotate(article_count=Subquery(articles_below))[start : start + page_size])
    steplen = NewsIndexPage.steplen
    parent_ids = dict(
        categories.filter(path__in={c.path[:-steplen] for c in rows}).values_list("path", "pk")
    )
    results = [
        {
            "id": c.pk,
            "title": c.title,
            "slug": c.slug,
            "url": items.full_url(c, request),
            "intro": c.intro,
            "parent": parent_ids.get(c.path[:-steplen]),
            "article_count": c.article_count or 0,
        }
        for c in rows
    ]
    return {"count": qs.count(), "page": page, "page_size": page_size, "results": results}
