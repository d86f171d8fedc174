from django.apps import AppConfig


class DossiersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ và lịch làm việc"

    def ready(self):
        # The citizen's e-mail (and SMS/Zalo when configured) after each citizen-facing event.
        from congso.dossiers.models import Event
        from congso.dossiers.notifications import on_dossier_event
        from congso.dossiers.services.records import dossier_event

        dossier_event.connect(on_dossier_event, sender=Event, dispatch_uid="dossiers-notify")
