"""An index on wagtailcore_page.url_path for BasePage.route's one-query lookup of deep pages.

Wagtail does not index url_path; the index lives in our migration because the table is
Wagtail's. PostgreSQL gets a hash index: equality is all we need, and a btree index entry
is limited to about 2.7 kB, which a long Vietnamese url_path could exceed.
"""

from django.db import migrations

INDEX = "congso_page_url_path_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page USING hash (url_path)"
        )
    else:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
