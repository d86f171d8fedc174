"""Background work of the reminders (django-tasks, as congso.dossiers.tasks): `run_reminders`
records what fired and hands each pending row to `process_reminder`, one task per row, so one
slow mail server or one stop waiting on a row lock holds up nothing else."""

from django_tasks import task


@task()
def run_reminders() -> dict:
    from congso.reminders import services

    created = services.scan()
    pending = services.pending_ids()
    for reminder_id in pending:
        process_reminder.enqueue(reminder_id)
    return {"created": len(created), "queued": len(pending)}


@task()
def process_reminder(reminder_id: int) -> str:
    from congso.reminders import services

    return services.process(reminder_id)
