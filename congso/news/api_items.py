"""The shapes of /api/v1/articles' items and how a page of articles becomes them.

A page of results costs a fixed number of queries whatever its size: categories, tags and hero
images (with their renditions) are each read once for the whole page (test_api_articles pins
the count). Addresses are absolute on the Site record each article belongs to.
"""

from datetime import datetime
from urllib.parse import quote

from django.utils import timezone
from ninja import Field, Schema
from wagtail.images.models import SourceImageIOError

from congso.core.api_params import absolute, absolute_html
from congso.core.models import CongsoImage
from congso.news.models import ArticleTag, NewsIndexPage

# The rendition the article page itself shows (templates/news/article_page.html).
HERO_SPEC = "width-900"


class CategoryRef(Schema):
    id: int
    title: str
    url: str


class TagOut(Schema):
    name: str
    slug: str
    url: str = Field(description="Trang các tin bài có từ khóa này, trên trang của tin bài")


class TopicOut(Schema):
    id: int
    name: str
    slug: str
    url: str


class ImageOut(Schema):
    url: str = Field(description="Ảnh rộng tối đa 900 điểm ảnh, như trang tin bài hiển thị")
    width: int
    height: int
    alt: str = Field(description="Mô tả ảnh (văn bản thay thế)")
    credit: str


class ArticleSummary(Schema):
    id: int
    title: str
    sapo: str
    url: str = Field(description="Địa chỉ tuyệt đối, trên tên miền của trang chứa tin bài")
    published_at: datetime | None = Field(
        description="Thời gian đăng (ISO 8601); null khi nguồn không ghi ngày (date_unknown)"
    )
    date_unknown: bool
    first_published_at: datetime | None = Field(description="Lần đầu xuất bản trên cổng")
    last_published_at: datetime | None = Field(description="Lần xuất bản (cập nhật) gần nhất")
    category: CategoryRef | None
    tags: list[TagOut]
    topic: TopicOut | None = Field(description="Sự kiện mà tin bài thuộc về, nếu có")
    hero_image: ImageOut | None
    author: str
    author_position: str
    source: str = Field(description="Nguồn tin")


class LinkOut(Schema):
    id: int
    title: str
    url: str


class ArticleDetail(ArticleSummary):
    body: str = Field(
        description="Nội dung dạng HTML; liên kết và ảnh là địa chỉ tuyệt đối trên trang của tin"
    )
    related: list[LinkOut] = Field(description="Tin đọc thêm: chọn tay trước, rồi cùng chuyên mục")


def site_base(page, request) -> str:
    """The root URL of the Site the page belongs to, from the Site record."""
    parts = page.get_url_parts(request)
    return parts[1] if parts else ""


def full_url(page, request) -> str:
    parts = page.get_url_parts(request)
    return parts[1] + parts[2] if parts else ""


def links(pages, request) -> list[dict]:
    return [{"id": a.pk, "title": a.title, "url": full_url(a, request)} for a in pages]


def _hero(article, images: dict, base: str) -> dict | None:
    image = images.get(article.hero_image_id)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(HERO_SPEC)
    except SourceImageIOError:
        # The file is missing on disk: the page shows no image either.
        return None
    return {
        "url": absolute(base, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": article.hero_caption or image.caption or image.alt_text,
        "credit": image.credit,
    }


def _local(value):
    """Times in the portal's zone (+07:00), as Vietnamese readers and clients expect."""
    return timezone.localtime(value) if value else None


def summaries(articles: list, request) -> list[dict]:
    steplen = NewsIndexPage.steplen
    categories = {
        c.path: c
        for c in NewsIndexPage.objects.live().filter(path__in={a.path[:-steplen] for a in articles})
    }
    tags: dict[int, list] = {}
    for item in (
        ArticleTag.objects.filter(content_object_id__in=[a.pk for a in articles])
        .select_related("tag")
        .order_by("tag__name")
    ):
        tags.setdefault(item.content_object_id, []).append(item.tag)
    images = {
        image.pk: image
        for image in CongsoImage.objects.filter(
            pk__in={a.hero_image_id for a in articles if a.hero_image_id}
        ).prefetch_renditions(HERO_SPEC)
    }
    results = []
    for article in articles:
        base = site_base(article, request)
        category = categories.get(article.path[:-steplen])
        topic = article.topic
        results.append(
            {
                "id": article.pk,
                "title": article.title,
                "sapo": article.sapo,
                "url": full_url(article, request),
                "published_at": _local(article.stated_date),
                "date_unknown": article.date_unknown,
                "first_published_at": _local(article.first_published_at),
                "last_published_at": _local(article.last_published_at),
                "category": (
                    {"id": category.pk, "title": category.title, "url": full_url(category, request)}
                    if category is not None
                    else None
                ),
                "tags": [
                    {"name": t.name, "slug": t.slug, "url": f"{base}/the/{quote(t.slug)}/"}
                    for t in tags.get(article.pk, [])
                ],
                "topic": (
                    {
                        "id": topic.pk,
                        "name": topic.name,
                        "slug": topic.slug,
                        "url": f"{base}/su-kien/{quote(topic.slug)}/",
                    }
                    if topic is not None
                    else None
                ),
                "hero_image": _hero(article, images, base),
                "author": article.author,
                "author_position": article.author_position,
                "source": article.source,
            }
        )
    return results


def body_html(article, base: str) -> str:
    """The body as the article page renders it (block templates, rich text expanded), with
    every root-relative link and image made absolute on the article's own site."""
    return absolute_html(base, str(article.body))
