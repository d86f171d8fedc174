"""The document library as Wagtail pages: review workflow, revisions, scheduling, sitemap for free."""

from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from congso.core.models import BasePage
from congso.core.text import excerpt
from congso.documents.panels import FileInsightsPanel


class LegalStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REPLACED = "replaced", _("Bị thay thế")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Công khai")
    INTERNAL = "internal", _("Nội bộ")


class RelationKind(models.TextChoices):
    REPLACES = "replaces", _("Thay thế")
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    GUIDES = "guides", _("Hướng dẫn")


# How the other side of a relation reads: "Văn bản này bị thay thế bởi …".
REVERSE_LABELS = {
    RelationKind.REPLACES: _("Bị thay thế bởi"),
    RelationKind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationKind.GUIDES: _("Được hướng dẫn bởi"),
}


class DocumentIndexPage(RoutablePageMixin, BasePage):
    """The library (Văn bản): list with filters, sorting, pagination and an RSS feed."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    per_page = 20

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.OfficialDocumentPage"]
    template = "documents/document_index_page.html"

    class Meta:
        verbose_name = _("thư viện văn bản")
        verbose_name_plural = _("thư viện văn bản")

    def get_context(self, request, *args, **kwargs):
        from congso.documents.querysets import (
            DocumentFilter,
            filter_choices,
            paginate_documents,
            published_documents,
        )

        context = super().get_context(request, *args, **kwargs)
        doc_filter = DocumentFilter.from_params(request.GET)
        documents = doc_filter.apply(published_documents(self))
        context.update(
            {
                "documents": paginate_documents(
                    request, documents, doc_filter, self.per_page, scope=self.pk
                ),
                "filter": doc_filter,
                "choices": filter_choices(),
            }
        )
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from congso.documents.feeds import DocumentFeed

        return DocumentFeed(self)(request)


class OfficialDocumentPage(RoutablePageMixin, BasePage):
    number = models.CharField(
        _("số/ký hiệu"), max_length=100, blank=True, help_text=_("Ví dụ: 273/BC-STTTT")
    )
    doc_type = models.ForeignKey(
        "documents.DocumentType",
        verbose_name=_("loại văn bản"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
    )
    agency = models.ForeignKey(
        "documents.IssuingAgency",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    field = models.ForeignKey(
        "documents.DocumentField",
        verbose_name=_("lĩnh vực"),
        on_delete=models.SET_NULL,
        related_name="documents",
        null=True,
        blank=True,
    )
    signer_position = models.CharField(
        _("chức vụ người ký"),
        max_length=255,
        blank=True,
        help_text=_("Như trên văn bản, ví dụ: KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"),
    )
    signer_name = models.CharField(_("người ký"), max_length=255, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True)
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expiry_date = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    legal_status = models.CharField(
        _("tình trạng hiệu lực"),
        max_length=12,
        choices=LegalStatus.choices,
        default=LegalStatus.IN_FORCE,
    )
    summary = models.TextField(_("trích yếu"))
    recipients = models.TextField(_("nơi nhận"), blank=True)
    visibility = models.CharField(
        _("phạm vi"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Văn bản nội bộ chỉ cán bộ có quyền mới xem được, kể cả khi đã xuất bản."),
    )

    content_panels = BasePage.content_panels + [
        FileInsightsPanel(heading=_("Gợi ý từ tệp và chữ ký số")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldRowPanel([FieldPanel("agency"), FieldPanel("field")]),
                FieldRowPanel([FieldPanel("signer_position"), FieldPanel("signer_name")]),
                FieldRowPanel(
                    [
                        FieldPanel("issue_date"),
                        FieldPanel("effective_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
                FieldRowPanel([FieldPanel("legal_status"), FieldPanel("visibility")]),
                FieldPanel("recipients"),
            ],
            heading=_("Thông tin văn bản"),
        ),
        InlinePanel("attachments", label=_("Tệp đính kèm"), min_num=0),
        InlinePanel("relations", label=_("Văn bản liên quan")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("signer_name"),
        index.FilterField("issue_date"),
        index.FilterField("legal_status"),
        index.FilterField("visibility"),
    ]
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []
    template = "documents/official_document_page.html"

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        # The list sorts by issue date and filters by one field at a time, always on public
        # documents: one partial composite index per filter keeps each filtered, sorted page an
        # index range scan at 50,000 documents (see docs/benchmarks.md, ## Documents).
        indexes = [
            models.Index(
                fields=[*prefix, "-issue_date"],
                name=f"doc_pub_{name}",
                condition=models.Q(visibility="public"),
            )
            for name, prefix in [
                ("date", []),
                ("type", ["doc_type"]),
                ("agency", ["agency"]),
                ("field", ["field"]),
                ("status", ["legal_status"]),
                ("signer", ["signer_name"]),
            ]
        ] + [models.Index(fields=["number"], name="doc_number")]

    def __str__(self) -> str:
        return self.title

    @property
    def signer_display(self) -> str:
        """'KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC Dương Văn Tuấn', as signed."""
        return " ".join(part for part in (self.signer_position, self.signer_name) if part)

    @property
    def is_public_document(self) -> bool:
        return self.live and self.visibility == Visibility.PUBLIC

    @cached_property
    def files(self) -> list:
        # .all() so that a prefetch_related("attachments__file") of a listing is used.
        return [a.file for a in sorted(self.attachments.all(), key=lambda a: a.sort_order or 0)]

    @property
    def signature_state(self) -> str:
        """The weakest state over the attached PDFs: one bad signature marks the document."""
        from congso.documents.querysets import combined_state

        return combined_state(f.signature_state for f in self.files if f.is_pdf)

    def user_can_see(self, user) -> bool:
        if self.visibility == Visibility.PUBLIC:
            return True
        if not user.is_authenticated:
            return False
        return self.permissions_for_user(user).can_edit() or user.has_perm(
            "wagtailadmin.access_admin"
        )

    def serve(self, request, *args, **kwargs):
        if not self.user_can_see(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.visibility != Visibility.PUBLIC:
            return []
        return super().get_sitemap_urls(request)

    def get_meta_description(self) -> str:
        return self.search_description or excerpt(self.summary, 300)

    def get_context(self, request, *args, **kwargs):
        from congso.documents.querysets import related_documents
        from congso.documents.views import MAX_PREVIEW_PAGES

        context = super().get_context(request, *args, **kwargs)
        context["related"] = related_documents(self, request.user)
        # Preview images are sub-routes of the live page; a draft shown in the editor's preview
        # has no such URL yet.
        can_preview = self.live and not getattr(request, "is_preview", False)
        attachments = list(
            self.attachments.select_related("file").prefetch_related("file__signatures")
        )
        # page.signature_state (the header badge) reads self.files: give it these rows instead
        # of querying every attachment and file again.
        self.files = [a.file for a in sorted(attachments, key=lambda a: a.sort_order or 0)]
        context["attachments"] = [
            {
                "attachment": a,
                "file": a.file,
                "signatures": list(a.file.signatures.all()),
                "preview_pages": range(1, min(a.file.page_count or 0, MAX_PREVIEW_PAGES) + 1)
                if can_preview and a.file.is_pdf
                else [],
            }
            for a in attachments
        ]
        return context

    @path("xem-truoc/<int:file_id>/<int:number>/", name="preview")
    def preview(self, request, file_id, number):
        from congso.documents.views import page_preview

        return page_preview(request, self, int(file_id), int(number))

    def search_payload(self) -> dict | None:
        """The search contract (issue 4): plain text of the summary and every attached file.

        None for an internal document: congso.search then leaves it out of (or takes it out of)
        the public index, although the page is live."""
        if self.visibility != Visibility.PUBLIC:
            return None
        body = "\n".join(
            [self.summary] + [f.extracted_text for f in self.files if f.extracted_text]
        )
        return {
            "title": self.title,
            "code": self.number,
            "body": body,
            "date": self.issue_date,
            "type": "document",
            "type_label": "Văn bản",
            "category": self.doc_type.name if self.doc_type_id else "",
        }


class DocumentAttachment(Orderable):
    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    file = models.ForeignKey(
        "documents.FileDocument",
        verbose_name=_("tệp"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    label = models.CharField(
        _("tên hiển thị"), max_length=255, blank=True, help_text=_("Ví dụ: Phụ lục kèm theo")
    )

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    @property
    def display_name(self) -> str:
        return self.label or self.file.title


class DocumentRelation(Orderable):
    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=10, choices=RelationKind.choices)
    target = models.ForeignKey(
        OfficialDocumentPage,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")

    @property
    def reverse_label(self) -> str:
        return REVERSE_LABELS[RelationKind(self.kind)]
