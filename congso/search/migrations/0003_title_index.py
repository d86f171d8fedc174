"""A title-only full-text structure (FTS5 table or tsvector column), filled from the main one."""

from django.db import migrations


def _sql(schema_editor, attribute):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from congso.search.backends import sqlite as backend
    elif vendor == "postgresql":
        from congso.search.backends import postgres as backend
    else:
        return []
    return getattr(backend, attribute)


def create(apps, schema_editor):
    for statement in _sql(schema_editor, "CREATE_TITLE_SQL"):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in _sql(schema_editor, "DROP_TITLE_SQL"):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_structures")]

    operations = [migrations.RunPython(create, drop)]
