from django.apps import AppConfig


class DraftsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.drafts"
    label = "drafts"
    verbose_name = "Lấy ý kiến dự thảo"
