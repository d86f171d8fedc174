from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from congso.documents import signals  # noqa: F401
