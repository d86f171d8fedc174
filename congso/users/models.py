from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Custom user from day one so that officer fields can be added without a painful swap."""

    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
