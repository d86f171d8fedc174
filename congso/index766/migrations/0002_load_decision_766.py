"""Load the indicator set of Decision 766/QĐ-TTg (congso/index766/catalogue.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from congso.index766 import catalogue

    catalogue.load(
        apps.get_model("index766", "IndicatorSet"), apps.get_model("index766", "Indicator")
    )


def unload(apps, schema_editor):
    from congso.index766 import catalogue

    apps.get_model("index766", "IndicatorSet").objects.filter(
        effective_from=catalogue.EFFECTIVE_FROM, name=catalogue.NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("index766", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
