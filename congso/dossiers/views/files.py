"""Private downloads: a dossier's files and its generated slips, only to whom they belong.

Anything not yours is a 404, not a 403, so that counting through ids tells nothing. Answers are
never cached by a shared cache and never sniffed into another type by the browser.
"""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from congso.dossiers.models import DossierFile, Slip
from congso.dossiers.services.access import is_staff_of
from congso.dossiers.status import Status
from congso.retention.access import log_staff_access

# Forms the applicant receives; form 05 (the process-control sheet) is the agency's.
APPLICANT_FORMS = {"01", "02", "03", "04"}


def can_read_file(user, stored: DossierFile) -> bool:
    dossier = stored.dossier
    if is_staff_of(user, dossier.agency):
        return True
    if not user.is_authenticated or dossier.owner_id != user.pk or stored.superseded:
        return False
    if stored.kind == DossierFile.Kind.RESULT:
        return dossier.status == Status.RETURNED
    return True


def can_read_slip(user, slip: Slip) -> bool:
    dossier = slip.dossier
    if is_staff_of(user, dossier.agency):
        return True
    return user.is_authenticated and dossier.owner_id == user.pk and slip.form in APPLICANT_FORMS


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def dossier_file(request, pk: int):
    stored = DossierFile.objects.select_related("dossier__agency").filter(pk=pk).first()
    if stored is None or not can_read_file(request.user, stored):
        raise Http404
    log_staff_access(request, stored.dossier, "file", stored.pk)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.name,
        content_type=stored.content_type,
    )
    return _private(response)


@require_GET
def slip_file(request, pk: int):
    slip = Slip.objects.select_related("dossier__agency").filter(pk=pk).first()
    if slip is None or not can_read_slip(request.user, slip):
        raise Http404
    log_staff_access(request, slip.dossier, "slip", slip.pk)
    from congso.dossiers.slips import slip_filename

    response = FileResponse(
        slip.file.open("rb"),
        as_attachment=False,
        filename=slip_filename(slip.dossier.code or str(slip.dossier.reference), slip.form),
        content_type="application/pdf",
    )
    return _private(response)
