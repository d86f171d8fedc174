"""Reading queries for news. Pages' get_context and views only call these."""

from django.db.models import Q

from congso.news.models import ArticlePage, NewsIndexPage, Topic

LISTING_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "sapo",
    "date",
    "date_unknown",
    "hero_image_id",
    "hero_caption",
    "featured",
)


def published_articles(site_root=None):
    qs = ArticlePage.objects.live().public()
    if site_root is not None:
        qs = qs.descendant_of(site_root)
    return qs.select_related("hero_image").order_by("-date", "-pk")


def site_root_path(page) -> str:
    """Tree path of the home page (Site root) above `page`, with no query: every site's home
    page is a child of the tree root (HomePage.parent_page_types), so it is the depth-2 prefix."""
    return page.path[: 2 * page.steplen]


def topics_of_site(site_root):
    """Topics (sự kiện) shared by every site, limited to those with an article on this site:
    the department's events do not belong on a commune's home page."""
    return Topic.objects.filter(
        pk__in=published_articles(site_root).filter(topic__isnull=False).values("topic_id")
    )


def articles_in(category):
    return published_articles().descendant_of(category)


def related_articles(article, limit: int = 6):
    """The editor's picks first, then same category or sharing a tag, newest first;
    the article itself and anything unpublished excluded."""
    picked_ids = [link.page_id for link in article.related_links.all()]
    picked = []
    if picked_ids:
        by_id = {
            a.pk: a for a in published_articles().filter(pk__in=picked_ids).exclude(pk=article.pk)
        }
        picked = [by_id[pk] for pk in picked_ids if pk in by_id][:limit]
    automatic = _automatic_related(article, limit - len(picked), exclude=[a.pk for a in picked])
    return picked + automatic


def _automatic_related(article, limit: int, exclude: list[int]):
    if limit <= 0:
        return []
    # The parent's path is the article's minus its last step: no query for the parent page.
    parent_path = article.path[: -article.steplen]
    tag_ids = list(article.tags.values_list("id", flat=True))
    condition = Q(path__startswith=parent_path, depth__lte=article.depth)
    if tag_ids:
        condition |= Q(tagged_items__tag_id__in=tag_ids)
    return list(
        published_articles()
        # Tags are shared by every site: a tag match must not bring another site's article.
        .filter(path__startswith=site_root_path(article))
        .filter(condition)
        .exclude(pk__in=[article.pk, *exclude])
        .distinct()[:limit]
    )


def ticker(site_root, limit: int = 6):
    return published_articles(site_root)[:limit]


def categories_for_home(site_root):
    return (
        NewsIndexPage.objects.live()
        .public()
        .descendant_of(site_root)
        .filter(show_on_home=True)
        .order_by("path")
    )


def home_blocks(home, latest_count: int = 8, per_category: int = 4):
    articles = published_articles(home)
    featured = list(articles.filter(featured=True)[:5])
    featured_ids = [a.pk for a in featured]
    latest = list(articles.exclude(pk__in=featured_ids)[:latest_count])
    category_blocks = []
    for category in categories_for_home(home):
        # Direct children only: a parent category ("Tin tức") would repeat its subcategories.
        # descendant_of + depth rather than child_of: the same rows, but SQLite then walks the
        # path index instead of scanning every page (measured 50-70 ms -> 1 ms per category
        # with 10,000 articles).
        items = list(
            articles.descendant_of(category).filter(depth__lte=category.depth + 1)[:per_category]
        )
        if items:
            category_blocks.append({"category": category, "articles": items})
    lead = featured[0] if featured else (latest.pop(0) if latest else None)
    return {
        "lead": lead,
        "featured": featured[1:],
        "latest": latest,
        "category_blocks": category_blocks,
        "topics": list(topics_of_site(home).filter(is_active=True)[:8]),
    }
