"""The records of personal-data handling: who among the staff opened a dossier's personal data
(PersonalDataAccess), and the exports of one citizen's data (DataExport).

Both are kept like the dossier's events: rows are only added (an export's file is removed when
its link expires, its row stays as the record that the data was handed out)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congso.dossiers.models.dossier import private_storage


class PersonalDataAccess(models.Model):
    class What(models.TextChoices):
        VIEW = "view", _("Xem chi tiết hồ sơ")
        FILE = "file", _("Tải tệp hồ sơ")
        SLIP = "slip", _("Tải phiếu")
        API = "api", _("Đọc hồ sơ qua API")
        EXPORT = "export", _("Xuất dữ liệu cá nhân")

    at = models.DateTimeField(_("lúc"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người truy cập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too: the record outlives a renamed or removed account.
    user_name = models.CharField(_("tên người truy cập"), max_length=255)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=80, blank=True, db_index=True)
    # The citizen whose data an export at the desk handed out (no dossier then).
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chủ thể dữ liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    what = models.CharField(_("thao tác"), max_length=10, choices=What.choices)
    # Which file or slip (its id), or the export's id.
    detail = models.CharField(_("chi tiết"), max_length=255, blank=True)
    ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("truy cập dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký truy cập dữ liệu cá nhân")
        indexes = [
            models.Index(fields=["dossier", "-at"], name="retention_access_dossier_idx"),
            models.Index(fields=["user", "-at"], name="retention_access_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_name} {self.what} {self.dossier_code} {self.at:%H:%M %d/%m/%Y}"


class DataExport(models.Model):
    """One request for "all my data": built in the background into a zip in private storage,
    downloaded by its citizen (or, for a request at the desk, by the administrator who made it)
    through a signed link until `expires_at`."""

    class State(models.TextChoices):
        PENDING = "pending", _("Đang chuẩn bị")
        READY = "ready", _("Sẵn sàng tải về")
        FAILED = "failed", _("Lỗi")
        EXPIRED = "expired", _("Đã hết hạn")

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chủ thể dữ liệu"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("yêu cầu lúc"))
    state = models.CharField(_("tình trạng"), max_length=10, choices=State.choices)
    file = models.FileField(storage=private_storage, upload_to="exports/%Y/%m/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("bản xuất dữ liệu cá nhân")
        verbose_name_plural = _("bản xuất dữ liệu cá nhân")

    def __str__(self) -> str:
        return f"{self.subject} {self.requested_at:%H:%M %d/%m/%Y}"

    @property
    def at_desk(self) -> bool:
        return self.requested_by_id != self.subject_id

    def usable(self, now: dt.datetime) -> bool:
        return self.state == self.State.READY and bool(self.file) and now < self.expires_at
