from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self):
        from congso.core import signals

        signals.connect()
