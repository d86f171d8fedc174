"""Who works on dossiers in which agency, in which role. Officers see only their agency's
dossiers; the role decides which steps they may act on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from congso.dossiers.status import Role


class AgencyStaffQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user)

    def agencies_of(self, user):
        from congso.organisation.models import Agency

        return Agency.objects.filter(staff__user=user).distinct()


class AgencyStaff(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.CASCADE,
        related_name="agency_roles",
    )
    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.CASCADE,
        related_name="staff",
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)

    objects = AgencyStaffQuerySet.as_manager()

    panels = [FieldPanel("user"), FieldRowPanel([FieldPanel("agency"), FieldPanel("role")])]

    class Meta:
        verbose_name = _("cán bộ giải quyết hồ sơ")
        verbose_name_plural = _("cán bộ giải quyết hồ sơ")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="dossiers_agencystaff_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency.identifier}"
