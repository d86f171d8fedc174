"""The default workflow (receive → process → approve → return), as rows the agency admin edits."""

from django.db import migrations


def create(apps, schema_editor):
    from congso.dossiers.models.workflow import build_default_workflow

    build_default_workflow(
        apps.get_model("dossiers", "Workflow"),
        apps.get_model("dossiers", "WorkflowStep"),
        apps.get_model("dossiers", "WorkflowTransition"),
    )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0003_dossiers_and_workflows")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
