from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from congso.core.blocks import BodyBlock
from congso.core.models import BasePage


class HomePage(RoutablePageMixin, BasePage):
    """The portal's front page: featured, latest, one block per category, ticker, statistics."""

    intro = models.CharField(_("khẩu hiệu"), max_length=255, blank=True)
    latest_count = models.PositiveSmallIntegerField(_("số tin mới nhất"), default=8)
    ticker_count = models.PositiveSmallIntegerField(_("số tin chạy"), default=6)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("latest_count"),
        FieldPanel("ticker_count"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from congso.core.pagecache import remember
        from congso.news.querysets import home_blocks

        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context.update(home_blocks(self, latest_count=self.latest_count))
        else:
            context.update(
                remember(
                    f"home:{self.pk}", lambda: home_blocks(self, latest_count=self.latest_count)
                )
            )
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from congso.news.feeds import SiteFeed

        return SiteFeed(self)(request)

    @path("su-kien/", name="topics")
    def topics(self, request):
        from congso.news.views import topic_list

        return topic_list(request, self)

    @path("su-kien/<slug:slug>/", name="topic")
    def topic(self, request, slug):
        from congso.news.views import topic_detail

        return topic_detail(request, self, slug)

    @path("the/<str:tag>/", name="tag")
    def tag(self, request, tag):
        from congso.news.views import tag_detail

        return tag_detail(request, self, tag)


class StandardPage(BasePage):
    """Giới thiệu, Liên hệ and other free-standing pages."""

    LANGUAGE_CHOICES = [("vi", "Tiếng Việt"), ("en", "English")]

    intro = models.TextField(_("giới thiệu ngắn"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=5, choices=LANGUAGE_CHOICES, default="vi")

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("language"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("trang nội dung")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


class EnglishHomePage(BasePage):
    """The English section (Decree 42/2022 Art. 7): structure, functions, tasks and contacts."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage", "organisation.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang tiếng Anh")
