"""Background sending of the outbox (django-tasks; the worker runs it, tests run it at once)."""

from django_tasks import task


@task()
def send_national_sync() -> dict:
    from congso.nationalsync.sender import drain

    return drain()
