from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from congso.core.blocks import BodyBlock
from congso.core.models import BasePage
from congso.core.text import excerpt, slugify_vi
from congso.news.forms import ArticlePageForm


@register_snippet
class Topic(index.Indexed, models.Model):
    """A running event or topic (sự kiện), e.g. an election or a national day campaign."""

    name = models.CharField(_("tên sự kiện"), max_length=255, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_active = models.BooleanField(_("đang diễn ra"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name)
        super().save(*args, **kwargs)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """A category (chuyên mục). Categories nest: Tin tức > Chuyển đổi số."""

    intro = models.TextField(_("giới thiệu chuyên mục"), blank=True)
    show_on_home = models.BooleanField(_("hiện khối trên trang chủ"), default=True)
    per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("show_on_home")]
    parent_page_types = ["home.HomePage", "news.NewsIndexPage"]
    subpage_types = ["news.NewsIndexPage", "news.ArticlePage"]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    def get_context(self, request, *args, **kwargs):
        from congso.core.pagination import paginate
        from congso.news.querysets import articles_in

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, articles_in(self), self.per_page)
        context["subcategories"] = (
            self.get_children().live().public().type(NewsIndexPage).specific()
        )
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from congso.news.feeds import CategoryFeed

        return CategoryFeed(self)(request)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticleRelatedLink(Orderable):
    """An editor's pick for the article's "Đọc thêm" list, shown before the automatic ones."""

    article = ParentalKey(
        "news.ArticlePage", related_name="related_links", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin đọc thêm")
        verbose_name_plural = _("tin đọc thêm")


class ArticlePage(BasePage):
    base_form_class = ArticlePageForm

    sapo = models.TextField(_("sapo (tóm tắt)"), max_length=1000)
    hero_image = models.ForeignKey(
        "core.CongsoImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("chú thích ảnh đại diện"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    author_position = models.CharField(_("chức vụ tác giả"), max_length=255, blank=True)
    source = models.CharField(_("nguồn tin"), max_length=255, blank=True)
    date = models.DateTimeField(_("thời gian đăng"), default=timezone.now, db_index=True)
    date_unknown = models.BooleanField(
        _("không rõ ngày đăng"),
        default=False,
        help_text=_(
            "Nguồn không ghi ngày đăng: trang và tin RSS ghi “không rõ ngày” thay cho ngày; "
            "thời gian đăng khi đó chỉ dùng để sắp xếp, không hiện ra."
        ),
    )
    featured = models.BooleanField(_("tin nổi bật"), default=False, db_index=True)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("sự kiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("từ khóa"))
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)

    content_panels = BasePage.content_panels + [
        FieldPanel("sapo"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Ảnh đại diện")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author"), FieldPanel("author_position")]),
                FieldPanel("source"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("date_unknown")]),
                FieldPanel("featured"),
                FieldPanel("topic"),
                FieldPanel("tags"),
            ],
            heading=_("Thông tin bài viết"),
        ),
        InlinePanel(
            "related_links",
            heading=_("Đọc thêm (chọn tay)"),
            help_text=_("Hiện trước các bài cùng chuyên mục hoặc cùng từ khóa."),
            label=_("bài đọc thêm"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("sapo"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
        index.FilterField("featured"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        indexes = [models.Index(fields=["-date"], name="news_article_date_desc")]

    @property
    def byline(self) -> str:
        """'ĐẬU TÙNG LÂM — Giám đốc Sở TT&TT', as Vietnamese portals print it."""
        if not self.author:
            return ""
        if self.author_position:
            return f"{self.author.upper()} — {self.author_position}"
        return self.author.upper()

    @property
    def stated_date(self):
        """The publication date to show or publish, None when the source gave none (the
        `date` column then only orders the lists and must not be shown as a date)."""
        return None if self.date_unknown else self.date

    @property
    def caption(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.caption if self.hero_image else ""

    def get_meta_description(self) -> str:
        return self.search_description or excerpt(self.sapo, 300)

    def get_meta_image(self):
        return self.social_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        from congso.comments.forms import CommentForm
        from congso.comments.querysets import approved_for
        from congso.core.pagecache import remember
        from congso.news.querysets import related_articles

        context = super().get_context(request, *args, **kwargs)
        # One joined query for the parent category instead of get_parent() + .specific.
        context["category"] = NewsIndexPage.objects.filter(path=self.path[: -self.steplen]).first()
        if getattr(request, "is_preview", False):
            # A preview shows the editor's unsaved picks, never a cached list.
            context["related"] = related_articles(self)
        else:
            context["related"] = remember(f"related:{self.pk}", lambda: related_articles(self))
        context["comments"] = approved_for(self)
        context.setdefault("comment_form", CommentForm())
        return context
