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

        # Cached calendars (querysets.cached_calendar_for) are forgotten on every edit.
        from django.db.models.signals import post_delete, post_save

        from congso.dossiers.models import CalendarDay, WorkingSession
        from congso.dossiers.querysets import new_calendar_generation

        for model in (WorkingSession, CalendarDay):
            for signal in (post_save, post_delete):
                signal.connect(
                    new_calendar_generation,
                    sender=model,
                    dispatch_uid=f"dossiers-calendar-{model.__name__}-{signal is post_save}",
                )
