from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from congso.core import signals
        from congso.core.widgets import VietnameseSlugInput

        signals.connect()
        # Every slug field of the admin (pages, snippets) folds Vietnamese letters.
        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
