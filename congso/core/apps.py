from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.core"
    label = "core"
    verbose_name = "Nền tảng"

    @property
    def demo_accounts(self):
        """The sample commune site's editors: load_sample_sites creates their groups, with
        permissions on that site only; ensure_demo_admin creates these accounts in them.
        A property because the group names come from roles.py, which imports models."""
        from congso.core import sample_sites
        from congso.users.roles import site_group_names

        editors, chiefs = site_group_names(sample_sites.SAMPLE_NAME)
        return [
            (sample_sites.EDITOR_LOGIN, "Biên tập viên xã Mẫu", editors),
            (sample_sites.CHIEF_LOGIN, "Trưởng ban biên tập xã Mẫu", chiefs),
        ]

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from congso.core import signals
        from congso.core.widgets import VietnameseSlugInput

        signals.connect()
        # Every slug field of the admin (pages, snippets) folds Vietnamese letters.
        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
