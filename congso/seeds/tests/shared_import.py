"""One `import_seeds` run shared by a test module, rolled back after it."""

from contextlib import contextmanager

from django.db import transaction

from congso.core.tests.factories import ensure_wagtail_roots
from congso.seeds import services

# No such module: the documents app tests its own loader, so reports take the fallback path.
NO_DOCUMENTS_DEMO = "congso.seeds.tests.no_documents_demo"


@contextmanager
def rolled_back_import(directory, django_db_blocker):
    """Import `directory` inside a transaction rolled back on exit.

    Each test's own transaction nests in it as a savepoint, so the tests that read what the
    import created still cannot see each other's writes.
    """
    original = services.DOCUMENTS_DEMO_MODULE
    services.DOCUMENTS_DEMO_MODULE = NO_DOCUMENTS_DEMO
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            # A live-server test earlier in this worker may have flushed Wagtail's roots.
            ensure_wagtail_roots()
            yield services.import_seeds(directory)
            transaction.set_rollback(True)
    finally:
        services.DOCUMENTS_DEMO_MODULE = original
