from django.apps import AppConfig


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.contact"
    label = "contact"
    verbose_name = "Liên hệ"
    # The editorial groups read and handle the messages of the sites whose pages they edit
    # (congso.contact.scoping); nobody adds one in the admin.
    group_permissions = {
        "Biên tập viên": ["contact.view_contactmessage", "contact.change_contactmessage"],
        "Trưởng ban biên tập": [
            "contact.view_contactmessage",
            "contact.change_contactmessage",
            "contact.delete_contactmessage",
        ],
    }
