from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.publications"
    label = "publications"
    verbose_name = "Chuyên mục công khai thông tin"
