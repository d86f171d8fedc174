from django.apps import AppConfig


class PollsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.polls"
    label = "polls"
    verbose_name = "Bình chọn"
    # The editorial groups run polls on the sites whose pages they edit (congso.contact.scoping).
    group_permissions = {
        name: ["polls.add_poll", "polls.change_poll", "polls.delete_poll", "polls.view_poll"]
        for name in ("Biên tập viên", "Trưởng ban biên tập")
    }

    def ready(self):
        from congso.polls import services  # noqa: F401  (connects the page-cache purge)
