"""Background work of the dossiers (django-tasks, database backend: `manage.py db_worker`)."""

from django_tasks import task


@task()
def notify_event(event_id: int) -> dict:
    """The citizen's message about one event, on every configured channel (notifications.py)."""
    from congso.dossiers.notifications import notify

    return notify(event_id)
