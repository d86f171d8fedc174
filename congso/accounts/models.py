from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import local_phone, mask, validate_id_number


class CitizenProfile(models.Model):
    """What a citizen tells the portal about themselves, used to pre-fill their dossiers.

    Kept apart from `users.User` (whose phone/position/unit describe officers) so that the
    personal data of citizens sits in one table that can be protected, exported or anonymised
    on its own. The phone is stored in E.164 (`+84…`): allauth finds accounts by it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="citizen_profile",
        verbose_name=_("tài khoản"),
    )
    full_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    id_number = models.CharField(
        _("số định danh cá nhân (CCCD)"),
        max_length=12,
        blank=True,
        validators=[validate_id_number],
    )
    phone = models.CharField(_("số điện thoại"), max_length=16, blank=True, db_index=True)
    phone_verified = models.BooleanField(_("đã xác minh số điện thoại"), default=False)
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ công dân")
        verbose_name_plural = _("hồ sơ công dân")
        constraints = [
            # Login by phone needs one account per number; blank means "none given".
            models.UniqueConstraint(
                fields=["phone"],
                condition=~models.Q(phone=""),
                name="accounts_citizenprofile_unique_phone",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or str(self.user)

    @property
    def phone_display(self) -> str:
        return local_phone(self.phone)

    @property
    def masked_phone(self) -> str:
        return mask(self.phone_display)

    @property
    def masked_id_number(self) -> str:
        return mask(self.id_number)
