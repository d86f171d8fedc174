from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.organisation"
    label = "organisation"
    verbose_name = "Tổ chức bộ máy"
