from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.schedule"
    label = "schedule"
    verbose_name = "Lịch công tác"
