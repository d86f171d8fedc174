from django.apps import AppConfig


class SeedsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.seeds"
    label = "seeds"
    verbose_name = "Dữ liệu mẫu"
