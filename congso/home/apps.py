from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.home"
    label = "home"
    verbose_name = "Trang chủ"
