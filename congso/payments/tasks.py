"""Background work of payments (django-tasks): the daily reconciliation."""

from django_tasks import task


@task()
def reconcile_payments(older_than_minutes: int | None = None) -> dict:
    """Ask the gateway about online payments whose notification never came."""
    from congso.payments.services import reconcile

    return reconcile(older_than_minutes=older_than_minutes)
