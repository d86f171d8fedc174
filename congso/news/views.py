"""Topic (sự kiện) and tag listings, routed from the HomePage so they live under each site."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from taggit.models import Tag

from congso.core.pagination import paginate
from congso.news.models import Topic
from congso.news.querysets import published_articles, topics_of_site

PER_PAGE = 12


def topic_list(request, home):
    topics = topics_of_site(home).order_by("-is_active", "name")
    return TemplateResponse(
        request,
        "news/topic_list.html",
        {"page": home, "topics": topics, "listing_title": "Sự kiện"},
    )


def topic_detail(request, home, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = published_articles(home).filter(topic=topic)
    return TemplateResponse(
        request,
        "news/article_list.html",
        {
            "page": home,
            "listing_title": topic.name,
            "intro": topic.description,
            "articles": paginate(request, articles, PER_PAGE),
        },
    )


def tag_detail(request, home, tag):
    # Links carry the tag's slug ("chuyển-đổi-số"): Wagtail only routes path segments of
    # letters, digits and dashes, so a name with spaces could never arrive. Older links that
    # used a one-word name still resolve by name.
    tag = tag.strip()
    if not tag or len(tag) > 100:
        raise Http404("Không tìm thấy từ khóa")
    found = Tag.objects.filter(slug=tag).first() or Tag.objects.filter(name__iexact=tag).first()
    if found is None:
        raise Http404("Không tìm thấy từ khóa")
    articles = published_articles(home).filter(tags=found).distinct()
    return TemplateResponse(
        request,
        "news/article_list.html",
        {
            "page": home,
            "listing_title": f"Từ khóa: {found.name}",
            "articles": paginate(request, articles, PER_PAGE),
        },
    )
