from django.apps import AppConfig


class UsersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.users"
    label = "users"
    verbose_name = "Người dùng"

    def ready(self):
        from congso.users.admin_language import make_chooser_labels_lazy

        make_chooser_labels_lazy()
