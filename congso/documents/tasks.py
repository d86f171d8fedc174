"""Background work (django-tasks, database backend: nothing queued is lost on restart)."""

from django.db import transaction
from django_tasks import task


@task()
def process_file_task(file_id: int) -> str:
    from congso.documents.models import FileDocument
    from congso.documents.services import process_file

    file = FileDocument.objects.filter(pk=file_id).first()
    if file is None:
        return "missing"
    if file.processed_hash == file.file_hash:
        # Already extracted on upload (admin upload view): only the verification is left.
        from congso.documents.services import verify_file

        return verify_file(file)
    process_file(file)
    return file.signature_state


@task()
def verify_file_task(file_id: int) -> str:
    from congso.documents.models import FileDocument
    from congso.documents.services import verify_file

    file = FileDocument.objects.filter(pk=file_id).first()
    return verify_file(file) if file else "missing"


@task()
def verify_all_task() -> dict:
    from congso.documents.services import verify_all

    return verify_all()


def enqueue_processing(file) -> None:
    # After commit: a worker must not look for a file row that is not yet visible to it.
    file_id = file.pk
    transaction.on_commit(lambda: process_file_task.enqueue(file_id))


def enqueue_verification(file) -> None:
    file_id = file.pk
    transaction.on_commit(lambda: verify_file_task.enqueue(file_id))


def enqueue_verify_all() -> None:
    transaction.on_commit(lambda: verify_all_task.enqueue())
