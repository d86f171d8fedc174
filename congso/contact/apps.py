from django.apps import AppConfig


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.contact"
    label = "contact"
    verbose_name = "Liên hệ"
