from django.apps import AppConfig


class NationalSyncConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.nationalsync"
    label = "nationalsync"
    verbose_name = "Đồng bộ Cổng DVC quốc gia"

    def ready(self):
        # Every dossier event queues its message inside the event's own transaction: the message
        # exists if and only if the event committed (the outbox pattern).
        from congso.dossiers.models import Event
        from congso.dossiers.services.records import event_recorded
        from congso.nationalsync.outbox import on_event_recorded

        event_recorded.connect(on_event_recorded, sender=Event, dispatch_uid="nationalsync-outbox")

        from django.apps import apps

        if apps.is_installed("congso.retention"):
            # Retention anonymises a dossier's applicant: their data leaves the messages too.
            from congso.nationalsync.outbox import on_dossier_anonymised
            from congso.retention.anonymise import dossier_anonymised

            dossier_anonymised.connect(on_dossier_anonymised, dispatch_uid="nationalsync-anon")
