"""What signing a report needs per agency, and the reports already signed and published.

The certificate (PKCS#12: key + certificate chain) is the agency's, configured by an
installation or agency admin. Its file lives in private storage (never under MEDIA_URL) and its
password in the database: the admin screen never shows either back (docs/reports.md says how to
keep the file on the server instead and what that protects against).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


class _CertificateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=str(settings.PRIVATE_MEDIA_ROOT / "report-certificates"), base_url=None
        )


_certificate_storage = _CertificateStorage()


def certificate_storage():
    """A callable so the migration names it, not this machine's folder."""
    return _certificate_storage


class SigningConfig(models.Model):
    agency = models.OneToOneField(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.CASCADE,
        related_name="report_signing",
    )
    pkcs12_file = models.FileField(
        _("tệp chứng thư số (PKCS#12, .p12/.pfx)"),
        storage=certificate_storage,
        upload_to="%Y/",
        blank=True,
        help_text=_("Tải lên tệp .p12/.pfx của cơ quan; hoặc để trống và ghi đường dẫn bên dưới."),
    )
    pkcs12_path = models.CharField(
        _("hoặc đường dẫn tệp trên máy chủ"),
        max_length=500,
        blank=True,
        help_text=_("Đường dẫn tuyệt đối tới tệp .p12/.pfx do quản trị máy chủ đặt sẵn."),
    )
    password = models.CharField(_("mật khẩu tệp chứng thư"), max_length=255, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=255)
    signer_position = models.CharField(
        _("chức vụ người ký"),
        max_length=255,
        help_text=_("Mỗi dòng một dòng của khối chữ ký, ví dụ “KT. GIÁM ĐỐC” rồi “PHÓ GIÁM ĐỐC”."),
    )
    symbol = models.CharField(
        _("ký hiệu cơ quan"),
        max_length=40,
        help_text=_("Phần ký hiệu trong số văn bản, ví dụ SKHCN → “05/BC-SKHCN”."),
    )
    place = models.CharField(_("địa danh"), max_length=100, help_text=_("Ví dụ: Hà Tĩnh"))
    governing_body = models.CharField(
        _("cơ quan chủ quản"),
        max_length=255,
        blank=True,
        help_text=_("Dòng trên tên cơ quan ở góc trái, ví dụ “UBND TỈNH HÀ TĨNH”."),
    )
    recipients = models.TextField(
        _("nơi nhận"),
        blank=True,
        help_text=_("Mỗi dòng một nơi nhận, ví dụ “- Văn phòng UBND tỉnh;”."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    class Meta:
        verbose_name = _("chứng thư ký báo cáo")
        verbose_name_plural = _("chứng thư ký báo cáo")

    def __str__(self) -> str:
        return f"{self.agency.name} — {self.signer_name}"

    @property
    def has_certificate(self) -> bool:
        return bool(self.pkcs12_file or self.pkcs12_path)


class PublishedReport(models.Model):
    """A monthly (or other period's) report signed and published: one per agency and period,
    so pressing the button twice never publishes two."""

    agency = models.ForeignKey("organisation.Agency", on_delete=models.PROTECT, related_name="+")
    period = models.CharField(_("kỳ báo cáo"), max_length=30)
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    page = models.ForeignKey(
        "documents.OfficialDocumentPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("báo cáo đã ký và đăng")
        verbose_name_plural = _("báo cáo đã ký và đăng")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period"], name="servicereports_one_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.period})"
