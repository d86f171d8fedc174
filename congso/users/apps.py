from django.apps import AppConfig


class UsersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.users"
    label = "users"
    verbose_name = "Người dùng"
