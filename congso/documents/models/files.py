"""Stored files, the signatures found in them, and the trust anchors they are checked against."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class SignatureState(models.TextChoices):
    VALID = "valid", _("Đã ký số — hợp lệ")
    UNTRUSTED = "untrusted", _("Chữ ký không xác định được nguồn tin cậy")
    MODIFIED = "modified", _("Văn bản đã bị thay đổi sau khi ký")
    INVALID = "invalid", _("Chữ ký không hợp lệ")


class FileState(models.TextChoices):
    PENDING = "pending", _("Đang chờ xác minh")
    UNSIGNED = "unsigned", _("Không có chữ ký số")
    VALID = "valid", _("Đã ký số — hợp lệ")
    UNTRUSTED = "untrusted", _("Chữ ký không xác định được nguồn tin cậy")
    MODIFIED = "modified", _("Văn bản đã bị thay đổi sau khi ký")
    INVALID = "invalid", _("Chữ ký không hợp lệ")
    ERROR = "error", _("Không đọc được tệp")
    NOT_APPLICABLE = "n/a", _("Không áp dụng (không phải PDF)")


class FileDocument(AbstractDocument):
    """A stored file (PDF, DOCX, XLSX). Official documents (văn bản) attach one or more of these.

    `is_public` mirrors whether a reader may download the file: the editor marked it for use in
    articles (`marked_public`), or a published, public official document attaches it. The serve
    hook recomputes that from the live data, so a stale flag can never leak a file.
    """

    is_public = models.BooleanField(_("công khai"), default=False, db_index=True, editable=False)
    marked_public = models.BooleanField(
        _("cho phép tải công khai"),
        default=False,
        help_text=_(
            "Chọn khi tệp dùng trong bài viết công khai. Tệp đính kèm văn bản tự động công khai "
            "khi văn bản được xuất bản."
        ),
    )
    extracted_text = models.TextField(_("nội dung trích xuất"), blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("số trang"), null=True, blank=True, editable=False)
    suggestions = models.JSONField(_("gợi ý thông tin"), default=dict, blank=True, editable=False)
    signature_state = models.CharField(
        _("trạng thái chữ ký"),
        max_length=12,
        choices=FileState.choices,
        default=FileState.PENDING,
        editable=False,
    )
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True, editable=False)
    processing_error = models.TextField(_("lỗi xử lý"), blank=True, editable=False)
    # The file_hash last extracted and verified: a replaced file is processed again.
    processed_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields + ("marked_public",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("tệp")
        verbose_name_plural = _("tệp")

    @property
    def is_pdf(self) -> bool:
        return self.file_extension.lower() == "pdf"

    @property
    def signature_badge(self) -> str:
        return FileState(self.signature_state).label

    @property
    def has_signatures(self) -> bool:
        return self.signature_state in {
            FileState.VALID,
            FileState.UNTRUSTED,
            FileState.MODIFIED,
            FileState.INVALID,
        }


class SignatureRecord(models.Model):
    """One signature of one PDF as last verified; page views read these, never verify."""

    file = models.ForeignKey(FileDocument, on_delete=models.CASCADE, related_name="signatures")
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    field_name = models.CharField(_("trường chữ ký"), max_length=255, blank=True)
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    organization = models.CharField(_("tổ chức"), max_length=255, blank=True)
    email = models.CharField(_("thư điện tử"), max_length=255, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    timestamp_at = models.DateTimeField(_("dấu thời gian"), null=True, blank=True)
    timestamp_trusted = models.BooleanField(_("dấu thời gian tin cậy"), null=True, blank=True)
    intact = models.BooleanField(_("toàn vẹn"), default=False)
    valid = models.BooleanField(_("chữ ký hợp lệ về mật mã"), default=False)
    trusted = models.BooleanField(_("tin cậy"), default=False)
    coverage = models.CharField(_("phạm vi ký"), max_length=40, blank=True)
    modification = models.CharField(_("thay đổi sau khi ký"), max_length=40, blank=True)
    permitted_updates = models.BooleanField(
        _("có cập nhật bổ sung được phép"),
        default=False,
        help_text=_("Tệp có thêm phần cập nhật sau chữ ký này (ví dụ chữ ký tiếp theo) được phép."),
    )
    status = models.CharField(_("kết luận"), max_length=12, choices=SignatureState.choices)
    issuer = models.CharField(_("cơ quan cấp chứng thư"), max_length=500, blank=True)
    serial_number = models.CharField(_("số hiệu chứng thư"), max_length=100, blank=True)
    valid_from = models.DateTimeField(_("chứng thư có hiệu lực từ"), null=True, blank=True)
    valid_until = models.DateTimeField(_("chứng thư có hiệu lực đến"), null=True, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)
    verified_at = models.DateTimeField(_("xác minh lúc"), auto_now=True)

    class Meta:
        ordering = ["file", "position"]
        verbose_name = _("chữ ký số")
        verbose_name_plural = _("chữ ký số")

    def __str__(self) -> str:
        return f"{self.signer or '?'} ({self.get_status_display()})"

    @property
    def badge(self) -> str:
        return SignatureState(self.status).label


class TrustAnchor(models.Model):
    """A root (or intermediate) CA certificate the administrator trusts, e.g. the government root CA."""

    name = models.CharField(_("tên"), max_length=255)
    certificate_pem = models.TextField(
        _("chứng thư (PEM)"),
        help_text=_("Nội dung chứng thư số dạng PEM (-----BEGIN CERTIFICATE-----)."),
    )
    subject = models.CharField(_("chủ thể"), max_length=500, editable=False, blank=True)
    fingerprint_sha256 = models.CharField(
        _("dấu vân tay SHA-256"), max_length=64, unique=True, editable=False
    )
    valid_from = models.DateTimeField(_("hiệu lực từ"), null=True, editable=False)
    valid_until = models.DateTimeField(_("hiệu lực đến"), null=True, editable=False)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("thêm lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("chứng thư gốc tin cậy")
        verbose_name_plural = _("chứng thư gốc tin cậy")
        permissions = [("verify_documents", _("Có thể xác minh lại chữ ký số"))]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from congso.documents.signatures import CertificateError, parse_certificate

        try:
            info = parse_certificate(self.certificate_pem)
        except CertificateError as error:
            from django.core.exceptions import ValidationError

            raise ValidationError({"certificate_pem": str(error)})
        self.subject = info.subject
        self.fingerprint_sha256 = info.fingerprint
        self.valid_from = info.valid_from
        self.valid_until = info.valid_until
        clash = TrustAnchor.objects.filter(fingerprint_sha256=info.fingerprint).exclude(pk=self.pk)
        if clash.exists():
            from django.core.exceptions import ValidationError

            raise ValidationError({"certificate_pem": _("Chứng thư này đã có trong danh sách.")})
