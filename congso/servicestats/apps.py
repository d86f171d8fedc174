from django.apps import AppConfig


class ServiceStatsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.servicestats"
    label = "servicestats"
    verbose_name = "Kết quả giải quyết hồ sơ"

    def ready(self):
        # Every dossier event refreshes that dossier's fact and the day counters it moves, in
        # the event's own transaction: the figures change with the event or not at all.
        from congso.dossiers.models import Event
        from congso.dossiers.services.records import event_recorded
        from congso.servicestats.services import on_event_recorded

        event_recorded.connect(on_event_recorded, sender=Event, dispatch_uid="servicestats-facts")
