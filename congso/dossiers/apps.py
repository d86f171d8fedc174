from django.apps import AppConfig


class DossiersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ và lịch làm việc"
