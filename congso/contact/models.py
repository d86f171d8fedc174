from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from congso.core.models import BasePage


class ContactPage(RoutablePageMixin, BasePage):
    """Liên hệ: the agency's contacts (Decree 42/2022 art. 4.1(e)), its spokesperson, its units'
    contacts and a form whose messages go to the mailbox of the unit the topic names.

    The address, phone, fax and e-mail are the site's OrganisationSettings (one place to keep
    them, also shown in the footer); only the spokesperson and the topics live on the page."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    spokesperson_position = models.CharField(
        _("chức vụ người phát ngôn"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Phó Giám đốc Sở. Để trống nếu không công bố người phát ngôn."),
    )
    spokesperson_name = models.CharField(_("họ và tên người phát ngôn"), max_length=255, blank=True)
    spokesperson_phone = models.CharField(
        _("điện thoại người phát ngôn"), max_length=64, blank=True
    )
    spokesperson_email = models.EmailField(_("thư điện tử người phát ngôn"), blank=True)
    spokesperson_basis = models.CharField(
        _("văn bản giao nhiệm vụ phát ngôn"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Quyết định số …/QĐ-… ngày …"),
    )
    show_units = models.BooleanField(
        _("hiện liên hệ của các đơn vị"),
        default=True,
        help_text=_("Danh sách phòng, đơn vị có điện thoại hoặc thư điện tử (từ Cơ cấu tổ chức)."),
    )
    form_intro = models.TextField(
        _("hướng dẫn gửi thư"),
        blank=True,
        default="Thư liên hệ được chuyển đến đơn vị phụ trách chủ đề bạn chọn. "
        "Địa chỉ thư điện tử và số điện thoại của bạn không được công bố.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("spokesperson_position"), FieldPanel("spokesperson_name")]
                ),
                FieldRowPanel([FieldPanel("spokesperson_phone"), FieldPanel("spokesperson_email")]),
                FieldPanel("spokesperson_basis"),
            ],
            heading=_("Người phát ngôn"),
        ),
        FieldPanel("show_units"),
        FieldPanel("form_intro"),
        InlinePanel("topics", label=_("Chủ đề thư và nơi nhận"), min_num=1),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang liên hệ")

    def get_context(self, request, *args, **kwargs):
        from congso.contact.querysets import contact_context

        context = super().get_context(request, *args, **kwargs)
        context.update(contact_context(self, request))
        return context

    @path("", name="form")
    def form_view(self, request):
        from congso.contact.views import contact_page

        return contact_page(request, self)

    @path("da-gui/", name="sent")
    def sent(self, request):
        from congso.contact.views import sent_page

        return sent_page(request, self)


class ContactTopic(Orderable):
    """A subject a citizen may write about, and whose mailbox receives it."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("chủ đề"), max_length=255)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(
        _("hộp thư nhận"),
        blank=True,
        help_text=_(
            "Để trống: gửi đến thư điện tử của đơn vị tiếp nhận, hoặc của cơ quan nếu đơn vị "
            "không có."
        ),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("unit"), FieldPanel("email")])]

    class Meta(Orderable.Meta):
        verbose_name = _("chủ đề thư")
        verbose_name_plural = _("chủ đề thư")

    def __str__(self) -> str:
        return self.name

    def recipient(self, agency_email: str) -> str:
        """The topic's own mailbox, else its unit's, else the agency's."""
        return self.email or (self.unit.email if self.unit_id and self.unit else "") or agency_email


class ContactMessage(models.Model):
    """A citizen's message: kept for the staff (who handles it), e-mailed to the mailbox.

    The sender's e-mail and phone are personal data: shown in the admin only, never on a page
    or in the API."""

    class Status(models.TextChoices):
        NEW = "new", _("Chưa xử lý")
        HANDLED = "handled", _("Đã xử lý")

    page = models.ForeignKey(
        ContactPage,
        verbose_name=_("trang liên hệ"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    topic = models.ForeignKey(
        ContactTopic,
        verbose_name=_("chủ đề"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    # Copies: what the sender chose and where it went, even if the topic is renamed or removed.
    topic_name = models.CharField(_("chủ đề"), max_length=255)
    recipient = models.EmailField(_("gửi đến hộp thư"), blank=True)
    name = models.CharField(_("họ tên"), max_length=100)
    email = models.EmailField(_("thư điện tử"), max_length=254)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=200)
    message = models.TextField(_("nội dung"), max_length=5000)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    staff_note = models.TextField(_("ghi chú xử lý"), blank=True)
    created_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(_("thời gian xử lý"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mailed_at = models.DateTimeField(_("đã chuyển thư lúc"), null=True, blank=True)
    mail_error = models.CharField(_("lỗi chuyển thư"), max_length=255, blank=True)
    # A keyed hash of the sender's address (never the address): lets staff see that several
    # messages share a source.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thư liên hệ")
        verbose_name_plural = _("thư liên hệ")

    def __str__(self) -> str:
        return f"{self.subject} — {self.name}"
