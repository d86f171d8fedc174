"""Background work of retention (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task


@task()
def anonymise_due_dossiers() -> dict:
    """The same run as `manage.py anonymise_dossiers` (which the daily timer in deploy/ starts),
    for starting one from code without holding a request."""
    from congso.retention.anonymise import run

    return run()


@task()
def build_export(export_id: int) -> str:
    """Write the zip of one citizen's data (export.build)."""
    from congso.retention.export import build

    return build(export_id)
