from django.apps import AppConfig


class RetentionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.retention"
    label = "retention"
    verbose_name = "Lưu giữ và dữ liệu cá nhân"
