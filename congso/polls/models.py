from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from congso.core.models import BasePage


class PollIndexPage(RoutablePageMixin, BasePage):
    """Bình chọn: the site's current and closed polls, each at its own address (<id>/).

    Polls are rows hanging off this page (so a poll's site is this page's site); they are
    edited under Snippets › Bình chọn and shown on the home page by {% current_poll %}."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang bình chọn")

    def get_context(self, request, *args, **kwargs):
        from congso.polls.querysets import polls_by_state

        context = super().get_context(request, *args, **kwargs)
        context.update(polls_by_state(self))
        return context

    @path("<int:poll_id>/", name="poll")
    def poll_view(self, request, poll_id):
        from congso.polls.views import poll_page

        return poll_page(request, self, poll_id)

    @path("<int:poll_id>/ma-xac-thuc/", name="token")
    def token_view(self, request, poll_id):
        from congso.polls.views import token

        return token(request, self, poll_id)

    def poll_url(self, poll, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("poll", args=[poll.pk])

    def get_sitemap_urls(self, request=None):
        from congso.polls.querysets import published_polls

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for poll in published_polls(self):
            urls.append(
                {
                    "location": base + self.reverse_subpage("poll", args=[poll.pk]),
                    "lastmod": poll.updated_at,
                }
            )
        return urls


class Poll(ClusterableModel):
    """One question with ordered options, open between two times."""

    class ResultsShown(models.TextChoices):
        AFTER_VOTE = "after_vote", _("Ngay sau khi bình chọn")
        AFTER_CLOSE = "after_close", _("Sau khi kết thúc bình chọn")

    index = models.ForeignKey(
        PollIndexPage,
        verbose_name=_("trang bình chọn"),
        on_delete=models.CASCADE,
        related_name="polls",
        help_text=_("Cuộc bình chọn thuộc trang bình chọn của cổng (trang) nào."),
    )
    question = models.CharField(_("câu hỏi"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    opens_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    closes_at = models.DateTimeField(_("kết thúc"))
    results_shown = models.CharField(
        _("công bố kết quả"),
        max_length=20,
        choices=ResultsShown.choices,
        default=ResultsShown.AFTER_VOTE,
    )
    show_on_home = models.BooleanField(
        _("hiện trên trang chủ"),
        default=True,
        help_text=_("Trang chủ hiện cuộc bình chọn đang mở, bắt đầu gần nhất, có đánh dấu này."),
    )
    is_published = models.BooleanField(
        _("công khai"), default=True, help_text=_("Bỏ đánh dấu để ẩn cuộc bình chọn.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        # A plain list of the poll pages the editor may use (PollForm limits it to their
        # sites), not the page chooser that would browse the whole tree.
        FieldPanel("index", widget=forms.Select),
        FieldPanel("question"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("results_shown"),
        FieldRowPanel([FieldPanel("show_on_home"), FieldPanel("is_published")]),
        InlinePanel("options", label=_("Phương án"), min_num=2),
    ]

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("cuộc bình chọn")
        verbose_name_plural = _("cuộc bình chọn")

    def __str__(self) -> str:
        return self.question

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        if now >= self.closes_at:
            return "closed"
        return "open"

    def is_open(self, now=None) -> bool:
        return self.state(now) == "open"

    def get_state_display(self) -> str:
        labels = {"upcoming": _("Sắp mở"), "open": _("Đang mở"), "closed": _("Đã kết thúc")}
        return str(labels[self.state()])

    def results_visible(self, has_voted: bool, now=None) -> bool:
        if self.state(now) == "closed":
            return True
        return has_voted and self.results_shown == self.ResultsShown.AFTER_VOTE


class PollOption(Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("phương án"), max_length=255)

    panels = [FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("phương án")
        verbose_name_plural = _("phương án")

    def __str__(self) -> str:
        return self.label


class Vote(models.Model):
    """One visitor's vote. `voter` is a keyed hash of the random token in the visitor's signed
    cookie and of the poll: no address, and one poll's voters cannot be matched to another's."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu bình chọn")
        verbose_name_plural = _("phiếu bình chọn")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="polls_one_vote_per_voter")
        ]

    def __str__(self) -> str:
        return f"{self.poll_id}: {self.option_id}"
