"""Issue a generated form (01–05) for a dossier: map the dossier to the renderer's plain data,
render the PDF and keep it as a Slip row (regenerated forms are new rows, never overwritten)."""

from django.core.files.base import ContentFile

from congso.dossiers.models import Slip
from congso.dossiers.services import records
from congso.dossiers.services.records import tracking_url
from congso.dossiers.slips import SlipData, SlipEvent, SlipParty, render_slip, slip_filename
from congso.dossiers.status import PUNCTUALITY_TEXT, Action


def _events(dossier) -> tuple:
    """Form 05: each hand-over (an event that finished a step) with its timing."""
    rows = []
    steps = {step.code: step.name for step in dossier.workflow.steps.all()}
    previous_at = dossier.received_at
    for event in dossier.events.select_related("actor").order_by("at", "pk"):
        if event.action in (Action.CREATE, Action.ATTACH):
            continue
        if event.action == Action.SUBMIT:
            previous_at = event.at
            continue
        rows.append(
            SlipEvent(
                step=steps.get(event.from_step, event.from_step) or str(Action(event.action).label),
                actor=event.actor_name or "",
                received_at=previous_at,
                due_at=event.step_due_at,
                done_at=event.at,
                punctuality_text=str(PUNCTUALITY_TEXT.get(event.punctuality, "")),
                note=f"{Action(event.action).label}. {event.note}".strip(". ").strip(),
            )
        )
        previous_at = event.at
    return tuple(rows)


def slip_data(dossier, form: str, *, event=None) -> SlipData:
    components = tuple(
        (component.name, component.copies or 1)
        for component in dossier.procedure.components.all()
        if component.required
        or dossier.files.filter(component=component, superseded=False).exists()
    )
    apology = dossier.apologies.first() if form == "04" else None
    reason = event.note if event is not None else ""
    return SlipData(
        form=form,
        agency_name=dossier.agency.name,
        agency_parent_name=dossier.agency.parent.name if dossier.agency.parent_id else "",
        code=dossier.code or str(dossier.reference),
        procedure_name=dossier.procedure.name,
        applicant=SlipParty(
            name=dossier.applicant_name,
            address=dossier.applicant_address,
            phone=dossier.applicant_phone,
        ),
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        components=components,
        officer_name=(event.actor_name if event is not None else ""),
        tracking_url=tracking_url(dossier, with_secret=True),
        reason=reason,
        old_due_at=apology.old_due_at if apology else None,
        new_due_at=apology.new_due_at if apology else None,
        events=_events(dossier) if form == "05" else (),
        issued_at=event.at if event is not None else records.now(),
    )


def issue_slip(dossier, form: str, *, event=None) -> Slip:
    pdf = render_slip(slip_data(dossier, form, event=event))
    slip = Slip(dossier=dossier, form=form)
    slip.file.save(
        slip_filename(dossier.code or str(dossier.reference), form), ContentFile(pdf), save=False
    )
    slip.save()
    return slip


def latest_slip(dossier, form: str) -> Slip | None:
    return dossier.slips.filter(form=form).order_by("-created_at", "-pk").first()
