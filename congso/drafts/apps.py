from django.apps import AppConfig


class DraftsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.drafts"
    label = "drafts"
    verbose_name = "Lấy ý kiến dự thảo"
    # Moderating also needs the right to edit the draft's page (services.user_can_moderate).
    group_permissions = {
        "Trưởng ban biên tập": [
            "drafts.view_draftcomment",
            "drafts.change_draftcomment",
            "drafts.delete_draftcomment",
        ],
    }

    def ready(self):
        from congso.drafts import signals  # noqa: F401
