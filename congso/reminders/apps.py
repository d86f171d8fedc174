from django.apps import AppConfig


class RemindersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.reminders"
    label = "reminders"
    verbose_name = "Nhắc việc và cảnh báo"
