"""Questions and answers (hỏi đáp): the index page of a site, its topics, and each question as a
row that moves through a review process (docs/decisions/0016-questions-and-answers.md).

A question is a model, not a page: it carries the asker's e-mail and attachments, which a page
revision would copy into every revision and preview, and the officer who drafts an answer must
not need page permissions. Its public address is a sub-route of the index page.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Orderable

from congso.core.models import BasePage
from congso.core.text import slugify_vi
from congso.questions.routes import QuestionRoutes


class QuestionIndexPage(QuestionRoutes, RoutablePageMixin, BasePage):
    """Hỏi đáp: the published questions of one site, by topic, with the form to ask."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    answer_within_days = models.PositiveSmallIntegerField(
        _("thời hạn trả lời (ngày làm việc)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Dùng để thống kê số câu hỏi được trả lời đúng hạn theo từng đơn vị."),
    )
    accept_questions = models.BooleanField(
        _("nhận câu hỏi mới"),
        default=True,
        help_text=_("Bỏ chọn để tạm ngừng nhận câu hỏi; các câu đã trả lời vẫn hiển thị."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("answer_within_days"),
        FieldPanel("accept_questions"),
        InlinePanel("topics", label=_("Chủ đề"), heading=_("Chủ đề hỏi đáp")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    per_page = 10

    class Meta:
        verbose_name = _("trang hỏi đáp")
        verbose_name_plural = _("trang hỏi đáp")


class Topic(Orderable):
    """A topic of one Q&A page (each site keeps its own list), edited on the page itself."""

    page = ParentalKey(QuestionIndexPage, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("tên chủ đề"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=120, blank=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(Orderable.Meta):
        verbose_name = _("chủ đề hỏi đáp")
        verbose_name_plural = _("chủ đề hỏi đáp")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name)[:120] or "chu-de"
        super().save(*args, **kwargs)


class Status(models.TextChoices):
    RECEIVED = "received", _("Mới tiếp nhận")
    ASSIGNED = "assigned", _("Đã giao đơn vị")
    DRAFTING = "drafting", _("Đơn vị đang soạn trả lời")
    SUBMITTED = "submitted", _("Chờ Trưởng ban duyệt")
    PUBLISHED = "published", _("Đã trả lời, đã đăng")
    REJECTED = "rejected", _("Từ chối")


OPEN = [Status.RECEIVED, Status.ASSIGNED, Status.DRAFTING, Status.SUBMITTED]


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, page__live=True)


class Question(ConcurrentTransitionMixin, models.Model):
    """One citizen's question. The transitions below only move the status; services.py checks
    who may call them, records the event and sends the e-mails."""

    page = models.ForeignKey(
        QuestionIndexPage,
        verbose_name=_("trang hỏi đáp"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    code = models.CharField(_("mã tra cứu"), max_length=20, unique=True, editable=False)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("chủ đề"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    name = models.CharField(_("họ tên người hỏi"), max_length=100)
    email = models.EmailField(_("thư điện tử người hỏi"), max_length=254)
    title = models.CharField(_("tiêu đề"), max_length=200)
    # As sent, never changed: the chief editor's edits go to the published text.
    question = models.TextField(_("nội dung câu hỏi (bản gốc)"), max_length=5000)
    public_question = models.TextField(_("nội dung câu hỏi khi đăng"), blank=True)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    status = FSMField(_("trạng thái"), default=Status.RECEIVED, choices=Status.choices)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    reject_reason = models.TextField(_("lý do từ chối"), blank=True)
    received_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(_("thời gian trình trả lời"), null=True, blank=True)
    published_at = models.DateTimeField(_("thời gian đăng"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("thời gian kết thúc"), null=True, blank=True)
    # A keyed hash, never the address (congso.analytics.privacy.keyed_hash).
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        permissions = [
            ("assign_question", _("Giao câu hỏi cho đơn vị")),
            ("answer_question", _("Soạn trả lời câu hỏi của đơn vị mình")),
            ("publish_question", _("Duyệt, đăng hoặc từ chối câu hỏi")),
        ]
        indexes = [models.Index(fields=["page", "status", "published_at"], name="questions_pub")]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    @property
    def shown_question(self) -> str:
        return self.public_question or self.question

    def get_url(self, request=None) -> str:
        return self.page.url + self.page.reverse_subpage("detail", args=[self.pk])

    def get_full_url(self, request=None) -> str:
        base = self.page.get_full_url(request)
        return base + self.page.reverse_subpage("detail", args=[self.pk])

    # -- transitions (only the status; see services.py) ---------------------------------------

    @transition(field=status, source=[Status.RECEIVED, Status.ASSIGNED], target=Status.ASSIGNED)
    def assign(self):
        pass

    @transition(field=status, source=[Status.ASSIGNED, Status.DRAFTING], target=Status.DRAFTING)
    def save_draft(self):
        pass

    @transition(field=status, source=[Status.ASSIGNED, Status.DRAFTING], target=Status.SUBMITTED)
    def submit(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.DRAFTING)
    def send_back(self):
        pass

    # Only from SUBMITTED: an answer that no officer submitted for review is never published.
    @transition(field=status, source=Status.SUBMITTED, target=Status.PUBLISHED)
    def publish(self):
        pass

    @transition(field=status, source=OPEN, target=Status.REJECTED)
    def reject(self):
        pass

    @transition(field=status, source=Status.PUBLISHED, target=Status.SUBMITTED)
    def withdraw(self):
        pass


class PrivateStorage(LazyObject):
    """Attachments stay outside MEDIA_ROOT, served only by an admin view that checks the user."""

    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=str(settings.PRIVATE_MEDIA_ROOT / "questions"), base_url=None
        )


_private_storage = PrivateStorage()


def private_storage():
    return _private_storage


class Attachment(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("câu hỏi")
    )
    file = models.FileField(storage=private_storage, upload_to="%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """One step of the process: who, when, from which status to which, and the note."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="events", verbose_name=_("câu hỏi")
    )
    action = models.CharField(_("thao tác"), max_length=30)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("thời gian"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bước xử lý câu hỏi")
        verbose_name_plural = _("các bước xử lý câu hỏi")

    def __str__(self) -> str:
        return f"{self.question_id}: {self.action}"


class Officer(models.Model):
    """Which units an account answers for ("Cán bộ trả lời hỏi đáp"): an officer sees only the
    questions assigned to these units."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="question_units",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.CASCADE,
        related_name="question_officers",
    )

    panels = [FieldPanel("user"), FieldPanel("unit")]

    class Meta:
        verbose_name = _("cán bộ trả lời hỏi đáp")
        verbose_name_plural = _("cán bộ trả lời hỏi đáp")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="questions_officer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.unit}"
