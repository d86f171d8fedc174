"""In-person dossiers (hồ sơ trực tiếp): the one-stop officer types the applicant's data, scans
the components and receives the dossier at once, with channel 1 (trực tiếp).

The dossier goes through the same steps as an online one — draft, submission, reception — so
its events, code, clock and form 01 are the same; only nobody owns it: the applicant holds the
paper slip (form 01) with the tracking code and secret instead of an account.
"""

from django.db import transaction

from congso.dossiers.models import Dossier
from congso.dossiers.services import filing
from congso.dossiers.services.errors import Invalid
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Action, Channel


def enter_in_person(
    officer,
    procedure,
    *,
    agency_identifier: str | None = None,
    applicant: dict,
    summary: str = "",
    form_data: dict | None = None,
    files=(),
    note: str = "",
) -> Dossier:
    """Create, submit and receive an in-person dossier as `officer` (a one-stop officer of the
    agency). `files` is a sequence of (component, uploaded file). All or nothing: a refused file,
    a missing required component or a missing role leaves no dossier behind."""
    if not procedure.active:
        raise Invalid("Thủ tục này không còn áp dụng.")
    with transaction.atomic():
        dossier = filing.create_draft(
            officer,
            procedure,
            agency_identifier=agency_identifier,
            applicant=applicant,
            summary=summary,
            form_data=form_data,
            channel=Channel.IN_PERSON,
            at_desk=True,
        )
        for component, uploaded in files:
            if uploaded is not None:
                filing.attach_file(dossier, officer, uploaded, component=component)
        filing.submit(dossier.pk, officer, at_desk=True)
        return perform(dossier.pk, officer, Action.RECEIVE, {"note": note})
