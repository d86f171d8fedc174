from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import signals

        signals.connect()
