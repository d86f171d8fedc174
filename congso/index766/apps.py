from django.apps import AppConfig


class Index766Config(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.index766"
    label = "index766"
    verbose_name = "Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)"
