"""The one-stop admin ("Một cửa điện tử"): queues, a dossier with its action buttons, form 05 on
demand, and in-person entry. Views parse input, call congso.dossiers.queues (reading) or the
services (changing), and render; every refusal of a service becomes a Vietnamese message."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from congso.dossiers.queues import request_is_officer


def require_officer(request) -> None:
    if not request_is_officer(request):
        raise PermissionDenied


def urls():
    from congso.dossiers.admin_views import desk, detail, queues

    return [
        path("", queues.queue, name="queue"),
        path("<int:pk>/", detail.detail, name="detail"),
        path("<int:pk>/thao-tac/<slug:action>/", detail.act, name="action"),
        path("<int:pk>/phieu-kiem-soat/", detail.control_sheet, name="control_sheet"),
        path("nhap-truc-tiep/", desk.enter, name="desk"),
    ]
