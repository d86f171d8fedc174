"""The installation-wide default calendar: Monday–Friday 07:30–11:30 and 13:00–17:00, and the
days off and make-up working days of 2024–2028 from the `holidays` library."""

import datetime as dt

from django.db import migrations


def fill(apps, schema_editor):
    from congso.dossiers import holidays

    WorkingSession = apps.get_model("dossiers", "WorkingSession")
    CalendarDay = apps.get_model("dossiers", "CalendarDay")
    if not WorkingSession.objects.filter(agency__isnull=True).exists():
        WorkingSession.objects.bulk_create(
            WorkingSession(weekday=weekday, start=start, end=end)
            for weekday in range(5)
            for start, end in ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13), dt.time(17)))
        )
    holidays.load(CalendarDay, range(2024, 2029))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
