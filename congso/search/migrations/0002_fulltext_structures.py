"""Create the full-text structure of the current database's backend (FTS5 table or tsvector)."""

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
    for statement in _sql(schema_editor, "CREATE_SQL"):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in _sql(schema_editor, "DROP_SQL"):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
