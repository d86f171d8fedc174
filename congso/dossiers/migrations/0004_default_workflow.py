"""The default workflow (receive → process → approve → return), as rows the agency admin edits."""

from django.db import migrations


def create(apps, schema_editor):
    from congso.dossiers.models.workflow import (
        DEFAULT_STEPS,
        DEFAULT_TRANSITIONS,
        DEFAULT_WORKFLOW_NAME,
    )

    Workflow = apps.get_model("dossiers", "Workflow")
    Step = apps.get_model("dossiers", "WorkflowStep")
    Transition = apps.get_model("dossiers", "WorkflowTransition")
    if Workflow.objects.filter(
        procedure__isnull=True, agency__isnull=True, channel__isnull=True
    ).exists():
        return
    workflow = Workflow.objects.create(name=DEFAULT_WORKFLOW_NAME)
    for order, (code, name, role, percent) in enumerate(DEFAULT_STEPS):
        Step.objects.create(
            workflow=workflow,
            sort_order=order,
            code=code,
            name=name,
            role=role,
            allowance_percent=percent,
        )
    for order, (action, source, target, role, clock) in enumerate(DEFAULT_TRANSITIONS):
        Transition.objects.create(
            workflow=workflow,
            sort_order=order,
            action=action,
            from_step=source,
            to_step=target,
            role=role,
            clock=clock,
        )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0003_dossiers_and_workflows")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
