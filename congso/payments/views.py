"""Pages of online payment: sending the citizen to the gateway, the page they come back to, the
gateway's server notification (IPN), the sandbox bank of the demo, and the receipt PDF."""

import logging
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from congso.analytics.privacy import client_ip
from congso.dossiers.services.access import is_staff_of
from congso.dossiers.services.errors import DossierError
from congso.dossiers.views.citizen_common import citizen_page
from congso.payments import services
from congso.payments.fees import money
from congso.payments.gateways import get_gateway
from congso.payments.gateways.base import Result
from congso.payments.gateways.vnpay import F
from congso.payments.models import Payment, PaymentStatus

logger = logging.getLogger(__name__)


@citizen_page
@require_POST
def pay(request, pk: int):
    back = reverse("dossiers:my_dossier", args=[pk])
    try:
        url = services.start_online(
            pk,
            request.user,
            return_url=request.build_absolute_uri(reverse("payments:return")),
            client_ip=client_ip(request),
        )
    except DossierError as error:
        if error.status == 404:
            raise Http404
        messages.error(request, error.detail)
        return redirect(back)
    return redirect(url)


@never_cache
@require_GET
def payment_return(request):
    payment, verdict = services.handle_return(request.GET.dict(), remote_addr=client_ip(request))
    if payment is not None:
        payment.refresh_from_db()
    mine = (
        payment is not None
        and request.user.is_authenticated
        and payment.dossier.owner_id == request.user.pk
    )
    if not verdict.signature_ok or payment is None:
        state = "invalid"
    elif payment.is_paid:
        state = "paid"
    elif verdict.result == Result.CANCELLED:
        state = "cancelled"
    elif verdict.result == Result.FAILED:
        state = "failed"
    else:
        state = "waiting"  # the bank said yes but its notification has not arrived yet
    context = {
        "state": state,
        "payment": payment if state != "invalid" else None,
        "amount": money(payment.amount) if payment is not None and state != "invalid" else "",
        "dossier_url": reverse("dossiers:my_dossier", args=[payment.dossier_id]) if mine else "",
    }
    status = 400 if state == "invalid" else 200
    return render(request, "payments/return.html", context, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def ipn(request):
    """The gateway's server-to-server call (VNPay sends a GET with the vnp_* parameters)."""
    params = request.GET.dict() if request.method == "GET" else request.POST.dict()
    return JsonResponse(services.handle_ipn(params, remote_addr=client_ip(request)))


@never_cache
@require_http_methods(["GET", "POST"])
def sandbox(request):
    """The demo's bank. Checks the merchant's signature as a bank would, then on a click sends
    the signed answer as the IPN (through the same handler the IPN address runs, in this
    process: a single-worker demo server cannot call itself) and the browser to the return
    address."""
    gateway = get_gateway()
    if gateway.name != "sandbox":
        raise Http404
    params = (request.GET if request.method == "GET" else request.POST).dict()
    params = services.clean({k: v for k, v in params.items() if k.startswith("vnp_")})
    return_url = params.get(F["return_url"], "")
    reference = params.get(F["reference"], "")
    amount = params.get(F["amount"], "")
    valid = (
        gateway.signature_ok(params)
        and url_has_allowed_host_and_scheme(return_url, allowed_hosts={request.get_host()})
        and Payment.objects.filter(order_reference=reference).exists()
    )
    if not valid:
        return render(request, "payments/sandbox.html", {"invalid": True}, status=400)
    if request.method == "POST":
        from congso.dossiers.services import records

        success = request.POST.get("ket_qua") == "thanh-cong"
        answer = gateway.bank_answer(params, success=success, at=records.now())
        services.handle_ipn(answer, remote_addr="sandbox", gateway=gateway)
        split = urlsplit(return_url)
        joiner = "&" if split.query else "?"
        return redirect(f"{return_url}{joiner}{urlencode(answer)}")
    context = {
        "params": params,
        "reference": reference,
        "amount": money(int(amount) // 100) if amount.isdigit() else amount,
        "order_info": params.get(F["order_info"], ""),
    }
    return render(request, "payments/sandbox.html", context)


@citizen_page
@require_GET
def receipt(request, pk: int):
    """The receipt (biên lai) of a paid payment: to the dossier's owner and its agency's staff;
    anyone else gets a 404 (ids tell nothing)."""
    payment = (
        Payment.objects.select_related("dossier__agency", "dossier__procedure", "confirmed_by")
        .filter(pk=pk, status=PaymentStatus.PAID)
        .first()
    )
    if payment is None:
        raise Http404
    dossier = payment.dossier
    if dossier.owner_id != request.user.pk and not is_staff_of(request.user, dossier.agency):
        raise Http404
    from congso.payments.receipt import build_receipt

    response = HttpResponse(build_receipt(payment), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-lai-{payment.order_reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    logger.info("receipt %s read by user %s", payment.pk, request.user.pk)
    return response
