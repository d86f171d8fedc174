"""Drafts open for public comment (dự thảo lấy ý kiến): the list page, the draft page with its
sections and files, and the comments citizens send on a section or on the whole draft."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from congso.core.models import BasePage
from congso.core.text import excerpt

INDEX_SLUG = "lay-y-kien-du-thao"


class WindowState(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp lấy ý kiến")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã hết hạn lấy ý kiến")


class DraftIndexPage(RoutablePageMixin, BasePage):
    """The list of drafts of one site: open ones first, then closed; filters, pages, RSS."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    per_page = 10

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["drafts.DraftPage"]
    max_count_per_parent = 1
    template = "drafts/draft_index_page.html"

    class Meta:
        verbose_name = _("trang lấy ý kiến dự thảo")
        verbose_name_plural = _("trang lấy ý kiến dự thảo")

    def get_context(self, request, *args, **kwargs):
        from congso.core.pagination import paginate
        from congso.drafts.querysets import STATUS_PARAM, STATUS_VALUES, drafts_in

        context = super().get_context(request, *args, **kwargs)
        status = STATUS_VALUES.get(request.GET.get(STATUS_PARAM, ""), "all")
        context["status"] = status
        context["status_param"] = STATUS_PARAM
        context["drafts"] = paginate(request, drafts_in(self, status), self.per_page)
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from congso.drafts.feeds import DraftFeed

        return DraftFeed(self)(request)

    def search_payload(self) -> dict:
        return {
            "title": self.title,
            "code": "",
            "body": self.intro,
            "date": None,
            "type": "page",
            "type_label": "Trang",
            "category": "",
        }


class DraftPage(RoutablePageMixin, BasePage):
    """One draft document with its comment window; comments go to the `gop-y/` sub-route."""

    summary = models.TextField(_("tóm tắt dự thảo"), max_length=2000)
    drafting_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị chủ trì soạn thảo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    drafting_body = models.CharField(
        _("cơ quan soạn thảo (ghi bằng chữ)"),
        max_length=255,
        blank=True,
        help_text=_("Dùng khi cơ quan soạn thảo không có trong danh sách đơn vị."),
    )
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"), db_index=True)
    closes_at = models.DateTimeField(_("hết hạn lấy ý kiến"), db_index=True)
    how_to_comment = RichTextField(
        _("cách thức góp ý"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Địa chỉ, thư điện tử, hạn gửi góp ý bằng văn bản."),
    )
    report_published = models.BooleanField(
        _("công bố bản tổng hợp"),
        default=False,
        help_text=_(
            "Khi chọn, trang hiện bản tổng hợp, tiếp thu, giải trình và câu trả lời cho từng góp ý "
            "đã duyệt. Chỉ công bố được sau khi hết hạn lấy ý kiến."
        ),
    )
    report_text = RichTextField(
        _("bản tổng hợp, tiếp thu, giải trình"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3"],
    )
    report_file = models.ForeignKey(
        "documents.FileDocument",
        verbose_name=_("tệp bản tổng hợp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("drafting_unit"), FieldPanel("drafting_body")],
            heading=_("Cơ quan soạn thảo"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading=_("Thời gian lấy ý kiến (giờ Việt Nam)"),
        ),
        FieldPanel("how_to_comment"),
        InlinePanel("files", heading=_("Tệp dự thảo"), label=_("tệp")),
        InlinePanel(
            "sections",
            heading=_("Các điều, mục, chương của dự thảo"),
            label=_("phần"),
            help_text=_("Người dân góp ý cho từng phần hoặc cho toàn bộ dự thảo."),
        ),
        MultiFieldPanel(
            [FieldPanel("report_published"), FieldPanel("report_text"), FieldPanel("report_file")],
            heading=_("Tổng hợp, tiếp thu, giải trình"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("closes_at"),
    ]
    parent_page_types = ["drafts.DraftIndexPage"]
    subpage_types = []
    template = "drafts/draft_page.html"

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Thời điểm hết hạn phải sau thời điểm bắt đầu lấy ý kiến.")
        if not self.drafting_unit_id and not self.drafting_body.strip():
            errors["drafting_body"] = _(
                "Chọn đơn vị chủ trì soạn thảo hoặc ghi tên cơ quan soạn thảo."
            )
        if self.report_published and self.closes_at and self.closes_at > timezone.now():
            errors["report_published"] = _("Chỉ công bố bản tổng hợp sau khi hết hạn lấy ý kiến.")
        if self.report_published and not (self.report_text or self.report_file_id):
            errors["report_text"] = _("Nhập nội dung hoặc chọn tệp bản tổng hợp trước khi công bố.")
        if errors:
            raise ValidationError(errors)

    def window_state(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return WindowState.UPCOMING
        if now < self.closes_at:
            return WindowState.OPEN
        return WindowState.CLOSED

    @property
    def is_open(self) -> bool:
        return self.window_state() == WindowState.OPEN

    @property
    def window_label(self) -> str:
        return WindowState(self.window_state()).label

    @property
    def drafting_body_name(self) -> str:
        names = [self.drafting_unit.name if self.drafting_unit_id else "", self.drafting_body]
        return " – ".join(n for n in names if n.strip())

    @property
    def shows_report(self) -> bool:
        return self.report_published and self.window_state() == WindowState.CLOSED

    def get_meta_description(self) -> str:
        return self.search_description or excerpt(self.summary, 300)

    def get_context(self, request, *args, **kwargs):
        from congso.drafts.querysets import page_discussion

        context = super().get_context(request, *args, **kwargs)
        context.update(page_discussion(self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.window_changes_within(settings.PAGE_CACHE_SECONDS):
            # A copy cached now would still say "open" (or "not yet") after the deadline:
            # near a change of state the page is built for each reader instead.
            patch_cache_control(response, private=True)
        return response

    def window_changes_within(self, seconds: int) -> bool:
        now = timezone.now()
        return any(
            now <= moment <= now + timedelta(seconds=seconds)
            for moment in (self.opens_at, self.closes_at)
        )

    @path("gop-y/", name="comment")
    def comment(self, request):
        from congso.drafts.views import comment_form

        return comment_form(request, self)

    def search_payload(self) -> dict:
        parts = [self.summary, self.drafting_body_name]
        parts += [f"{s.title}\n{s.text}" for s in self.sections.all()]
        parts += [f.file.extracted_text for f in self.files.select_related("file")]
        return {
            "title": self.title,
            "code": "",
            "body": "\n".join(p for p in parts if p),
            "date": self.opens_at,
            "type": "page",
            "type_label": "Dự thảo lấy ý kiến",
            "category": self.get_parent().title,
        }


class DraftSection(Orderable):
    """One article, section or chapter (Điều, Mục, Chương) that readers comment on."""

    page = ParentalKey(DraftPage, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(
        _("tiêu đề"), max_length=255, help_text=_("Ví dụ: Điều 1. Phạm vi điều chỉnh")
    )
    text = models.TextField(_("nội dung"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("phần của dự thảo")
        verbose_name_plural = _("phần của dự thảo")

    def __str__(self) -> str:
        return self.title


class DraftFile(Orderable):
    """A file of the documents library (its signatures and extracted text come with it)."""

    page = ParentalKey(DraftPage, on_delete=models.CASCADE, related_name="files")
    file = models.ForeignKey(
        "documents.FileDocument", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("tên hiển thị"), max_length=255, blank=True, help_text=_("Ví dụ: Dự thảo Tờ trình")
    )

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp dự thảo")
        verbose_name_plural = _("tệp dự thảo")

    @property
    def display_name(self) -> str:
        return self.label or self.file.title


class DraftComment(models.Model):
    """A citizen's or organisation's comment. Plain text; public only once approved; the
    e-mail address is for the drafting body's answer and never shown or served."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")

    class Response(models.TextChoices):
        NONE = "", _("Chưa trả lời")
        ACCEPTED = "accepted", _("Tiếp thu")
        EXPLAINED = "explained", _("Giải trình")

    page = models.ForeignKey(
        DraftPage,
        verbose_name=_("dự thảo"),
        on_delete=models.CASCADE,
        related_name="draft_comments",
    )
    section = models.ForeignKey(
        DraftSection,
        verbose_name=_("góp ý cho phần"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    # The section's title when the comment was sent: still readable if the editor later
    # removes or renames the section.
    section_title = models.CharField(_("tên phần khi gửi"), max_length=255, blank=True)
    name = models.CharField(_("họ tên"), max_length=100)
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=255, blank=True)
    email = models.EmailField(_("thư điện tử"), max_length=254)
    text = models.TextField(_("nội dung góp ý"), max_length=5000)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True, db_index=True)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("thời gian duyệt"), null=True, blank=True)
    response_kind = models.CharField(
        _("hình thức trả lời"), max_length=10, choices=Response.choices, blank=True, default=""
    )
    response = models.TextField(
        _("nội dung tiếp thu, giải trình"),
        blank=True,
        max_length=5000,
        help_text=_("Hiện dưới góp ý khi bản tổng hợp được công bố."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="drafts_comment_status_idx")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:50]}"

    @property
    def target_label(self) -> str:
        if self.section_id:
            return self.section.title
        return self.section_title or str(_("Toàn bộ dự thảo"))
