from django.apps import AppConfig


class PollsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.polls"
    label = "polls"
    verbose_name = "Bình chọn"
