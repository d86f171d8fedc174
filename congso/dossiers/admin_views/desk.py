"""In-person entry ("Nhập hồ sơ trực tiếp"): the one-stop officer picks one of their agency's
procedures, types the applicant's data, uploads the scanned components and receives the
dossier at once (services/desk.py); form 01 is then one click away to print."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from congso.dossiers.forms import DeskForm
from congso.dossiers.models import AgencyStaff
from congso.dossiers.services import DossierError
from congso.dossiers.services.desk import enter_in_person
from congso.dossiers.services.slips_issue import latest_slip
from congso.dossiers.status import Role


def desk_agencies(user):
    from congso.organisation.models import Agency

    if user.is_superuser:
        return Agency.objects.order_by("name")
    return Agency.objects.filter(
        pk__in=AgencyStaff.objects.filter(user=user, role=Role.ONE_STOP).values("agency_id")
    ).order_by("name")


@require_http_methods(["GET", "POST"])
def enter(request):
    from congso.procedures.models import Procedure

    agencies = desk_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied
    wanted = request.POST.get("co-quan") or request.GET.get("co-quan")
    agency = agencies.filter(identifier=wanted).first() if wanted else None
    agency = agency or agencies.first()
    procedures = Procedure.objects.filter(agencies=agency, active=True).order_by("name")
    code = request.POST.get("thu-tuc") or request.GET.get("thu-tuc")
    procedure = procedures.filter(code=code).first() if code else None
    form = None
    if procedure is not None:
        components = list(procedure.components.all())
        form = DeskForm(request.POST or None, request.FILES or None, components=components)
        if request.method == "POST" and form.is_valid():
            try:
                dossier = enter_in_person(
                    request.user,
                    procedure,
                    agency_identifier=agency.identifier,
                    applicant=form.applicant(),
                    summary=form.cleaned_data["summary"],
                    files=form.files_by_component(),
                    note=form.cleaned_data["note"],
                )
            except DossierError as error:
                for name, problems in error.fields.items():
                    if name in form.fields:
                        form.add_error(name, [str(p) for p in problems])
                messages.error(
                    request, _("Chưa nhập được hồ sơ: %(reason)s") % {"reason": error.detail}
                )
            else:
                messages.success(
                    request,
                    _(
                        "Đã tiếp nhận hồ sơ trực tiếp %(code)s. In phiếu tiếp nhận (mẫu 01) cho người nộp."
                    )
                    % {"code": dossier.code},
                )
                slip = latest_slip(dossier, "01")
                url = reverse("dossiers_admin:detail", args=[dossier.pk])
                return redirect(f"{url}?phieu={slip.pk}" if slip else url)
    elif code:
        messages.error(request, _("Thủ tục không thuộc cơ quan đã chọn."))
    return TemplateResponse(
        request,
        "dossiers/admin/desk.html",
        {
            "agencies": agencies,
            "agency": agency,
            "procedures": procedures,
            "procedure": procedure,
            "form": form,
        },
    )
