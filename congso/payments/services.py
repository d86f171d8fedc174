"""Paying the fees of a dossier: starting an online attempt, applying what the gateway says
(notification or query) exactly once, and settling the dossier.

Every path that changes a payment locks the dossier row first and the payment row second (the
order processing.perform uses too), then re-reads the state: two notifications of the same order
arriving at once run one after the other, and the second finds the payment already paid.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from django.db import transaction

from congso.dossiers.models import Dossier
from congso.dossiers.services import records
from congso.dossiers.services.access import require_owner
from congso.dossiers.services.errors import Conflict, NotFound
from congso.dossiers.status import Action, Status
from congso.payments import conf
from congso.payments.fees import money
from congso.payments.gateways import get_gateway
from congso.payments.gateways.base import Answer, GatewayError, Result
from congso.payments.models import Method, Payment, PaymentNotification, PaymentStatus

logger = logging.getLogger(__name__)
OPEN = (PaymentStatus.PENDING,)
RESULT_STATUS = {Result.FAILED: PaymentStatus.FAILED, Result.CANCELLED: PaymentStatus.CANCELLED}


def new_reference(at: dt.datetime) -> str:
    """CS + date + 10 random hex digits: unique, unguessable, ASCII for every gateway."""
    return f"CS{at.strftime('%y%m%d')}{secrets.token_hex(5).upper()}"


def current(dossier) -> Payment | None:
    """The latest payment of the dossier (the one the citizen sees)."""
    return dossier.payments.order_by("-requested_at", "-pk").first()


def finish_dossier(dossier, payment, *, user, at, note: str, role: str) -> None:
    """The fees are paid: back to the status the request interrupted, the clock runs again,
    and the event is recorded (which refreshes the statistics in this transaction)."""
    from congso.dossiers.services.processing import _resume_clock

    before = dossier.status
    if dossier.status == Status.PAYMENT:
        dossier.mark_paid()
        _resume_clock(dossier, at)
        dossier.save()
        public = True
    else:
        # Paid after the dossier moved on (withdrawn, stopped, or already paid in cash): money
        # was taken all the same, an officer must look at it (refund or match).
        note = f"{note} Hồ sơ không còn chờ thanh toán: cần đối chiếu, hoàn trả nếu thu trùng."
        public = False
    action = Action.PAY if payment.method == Method.ONLINE else Action.CONFIRM_PAYMENT
    records.record(
        dossier,
        user,
        action,
        at=at,
        from_status=before,
        from_step=dossier.current_step,
        role=role,
        note=note,
        public=public,
        data={"payment": payment.pk, "amount": payment.amount},
    )


def start_online(dossier_id, user, *, return_url: str, client_ip: str) -> str:
    """The gateway address to send the citizen to, for the dossier's fees."""
    gateway = get_gateway()
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update(of=("self",))
            .select_related("procedure")
            .filter(pk=dossier_id)
        ).first()
        if dossier is None:
            raise NotFound("Không tìm thấy hồ sơ.")
        require_owner(user, dossier)
        if dossier.status != Status.PAYMENT:
            raise Conflict("Hồ sơ không ở trạng thái chờ nộp phí, lệ phí.")
        if not dossier.procedure.online_payment:
            raise Conflict(
                "Thủ tục này chưa cho phép thanh toán trực tuyến; vui lòng nộp tại cơ quan."
            )
        now = records.now()
        payment = (
            Payment.objects.select_for_update()
            .filter(pk=getattr(current(dossier), "pk", None))
            .first()
        )
        if payment is None:
            raise Conflict("Hồ sơ chưa có yêu cầu nộp phí, lệ phí.")
        if payment.is_paid:
            raise Conflict("Khoản phí, lệ phí này đã được thanh toán.")
        expiry = dt.timedelta(minutes=conf.expire_minutes())
        reusable = payment.status == PaymentStatus.PENDING and (
            payment.started_at is None
            or (payment.gateway == gateway.name and now < payment.started_at + expiry)
        )
        if not reusable:
            if payment.status == PaymentStatus.PENDING:
                # Its order has expired at the gateway; a late "paid" is still honoured.
                payment.status = PaymentStatus.EXPIRED
                payment.save(update_fields=["status", "updated_at"])
            payment = Payment.objects.create(
                dossier=dossier,
                order_reference=new_reference(now),
                amount=payment.amount,
                items=payment.items,
                requested_at=payment.requested_at,
                requested_by=payment.requested_by,
            )
        if payment.started_at is None:
            payment.started_at = now
            payment.gateway = gateway.name
            payment.method = Method.ONLINE
            payment.save(update_fields=["started_at", "gateway", "method", "updated_at"])
        logger.info("payment %s started by user %s", payment.order_reference, user.pk)
        return gateway.create_payment_url(payment, return_url=return_url, client_ip=client_ip)


def _log(kind, verdict, outcome, *, payment=None, remote_addr="", params=None):
    PaymentNotification.objects.create(
        payment=payment,
        kind=kind,
        order_reference=(verdict.reference if verdict else "")[:100],
        received_at=records.now(),
        params=params if params is not None else (verdict.raw if verdict else {}),
        signature_ok=bool(verdict and verdict.signature_ok),
        outcome=outcome,
        remote_addr=remote_addr[:64],
    )


def apply(gateway, verdict, *, kind: str, remote_addr: str = "") -> str:
    """Apply one signed message about an order; returns an Answer. Never marks paid unless the
    signature, the order and the amount all match; every message is logged."""
    found = (
        Payment.objects.filter(order_reference=verdict.reference)
        .values_list("pk", "dossier_id")
        .first()
    )
    if not verdict.signature_ok:
        payment = Payment.objects.filter(pk=found[0]).first() if found else None
        _log(kind, verdict, "bad_signature", payment=payment, remote_addr=remote_addr)
        logger.warning("payment message with a wrong signature (%s) from %s", kind, remote_addr)
        return Answer.BAD_SIGNATURE
    if found is None:
        _log(kind, verdict, "unknown_order", remote_addr=remote_addr)
        logger.warning("payment message for unknown order %r", verdict.reference)
        return Answer.UNKNOWN_ORDER
    with transaction.atomic():
        dossier = Dossier.objects.select_for_update().get(pk=found[1])
        payment = Payment.objects.select_for_update().get(pk=found[0])
        if payment.gateway != gateway.name or payment.method != Method.ONLINE:
            _log(kind, verdict, "wrong_gateway", payment=payment, remote_addr=remote_addr)
            return Answer.UNKNOWN_ORDER
        # Only a "paid" must match to the đồng; a failure is believed whatever amount it
        # echoes (it moves no money and its signature was checked).
        if verdict.result == Result.PAID and verdict.amount != payment.amount:
            _log(kind, verdict, "bad_amount", payment=payment, remote_addr=remote_addr)
            logger.warning("payment %s: amount %s ≠ %s", payment.pk, verdict.amount, payment.amount)
            return Answer.BAD_AMOUNT
        if payment.is_paid:
            _log(kind, verdict, "duplicate", payment=payment, remote_addr=remote_addr)
            return Answer.ALREADY
        if verdict.result == Result.PAID:
            at = records.now()
            payment.status = PaymentStatus.PAID
            payment.paid_at = verdict.paid_at or at
            payment.transaction_no = verdict.transaction_no
            payment.bank_code = verdict.bank_code
            payment.save()
            _log(kind, verdict, "paid", payment=payment, remote_addr=remote_addr)
            note = (
                f"Đã thanh toán trực tuyến {money(payment.amount)} qua {gateway.label}, "
                f"mã giao dịch {payment.order_reference}."
            )
            finish_dossier(dossier, payment, user=None, at=at, note=note, role="gateway")
            return Answer.OK
        if verdict.result in RESULT_STATUS and payment.status == PaymentStatus.PENDING:
            payment.status = RESULT_STATUS[verdict.result]
            payment.save(update_fields=["status", "updated_at"])
            _log(kind, verdict, payment.status, payment=payment, remote_addr=remote_addr)
            return Answer.OK
        if verdict.result in RESULT_STATUS:
            _log(kind, verdict, "duplicate", payment=payment, remote_addr=remote_addr)
            return Answer.ALREADY
        _log(kind, verdict, "pending", payment=payment, remote_addr=remote_addr)
        return Answer.OK


def clean(params: dict) -> dict:
    """Strings without NUL (PostgreSQL refuses them in text and JSON) and of sane length: what
    comes from outside is logged as received otherwise."""
    return {
        str(k)[:64].replace("\x00", ""): str(v)[:1000].replace("\x00", "")
        for k, v in list(params.items())[:100]
    }


def handle_ipn(params: dict, *, remote_addr: str = "", gateway=None) -> dict:
    """The server notification: apply it and answer in the gateway's words. Never raises."""
    gateway = gateway or get_gateway()
    params = clean(params)
    try:
        verdict = gateway.verify_ipn(params)
        answer = apply(gateway, verdict, kind=PaymentNotification.Kind.IPN, remote_addr=remote_addr)
    except Exception:
        logger.exception("payment IPN could not be applied")
        try:
            _log(
                PaymentNotification.Kind.IPN, None, "error", remote_addr=remote_addr, params=params
            )
        except Exception:
            logger.exception("payment IPN could not even be logged")
        answer = Answer.ERROR
    return gateway.ipn_answer(answer)


def handle_return(params: dict, *, remote_addr: str = "", gateway=None):
    """The browser came back: only read and logged, never settles (it can be forged or never
    come); the IPN or the daily query does. Returns (payment or None, verdict)."""
    gateway = gateway or get_gateway()
    verdict = gateway.verify_return(clean(params))
    payment = Payment.objects.filter(order_reference=verdict.reference).first()
    outcome = "shown" if verdict.signature_ok else "bad_signature"
    _log(
        PaymentNotification.Kind.RETURN, verdict, outcome, payment=payment, remote_addr=remote_addr
    )
    return payment, verdict


def reconcile(*, older_than_minutes: int | None = None) -> dict:
    """Ask the gateway about every online payment still pending some minutes after the citizen
    was sent to pay: the notification may never have come. Idempotent."""
    minutes = conf.reconcile_after_minutes() if older_than_minutes is None else older_than_minutes
    now = records.now()
    cutoff = now - dt.timedelta(minutes=minutes)
    expiry = dt.timedelta(minutes=conf.expire_minutes())
    counts = {"asked": 0, "paid": 0, "failed": 0, "expired": 0, "pending": 0, "errors": 0}
    pending = Payment.objects.filter(
        status=PaymentStatus.PENDING, method=Method.ONLINE, started_at__lte=cutoff
    ).order_by("started_at", "pk")
    for payment in pending:
        counts["asked"] += 1
        try:
            gateway = get_gateway(payment.gateway)
            verdict = gateway.query(payment)
        except (GatewayError, ValueError) as error:
            counts["errors"] += 1
            logger.warning("payment %s: query failed: %s", payment.order_reference, error)
            _log(
                PaymentNotification.Kind.QUERY,
                None,
                "error",
                payment=payment,
                params={"error": str(error)[:500]},
            )
            continue
        if verdict.result == Result.NOT_FOUND:
            if now >= payment.started_at + expiry:
                with transaction.atomic():
                    locked = Payment.objects.select_for_update().get(pk=payment.pk)
                    if locked.status == PaymentStatus.PENDING:
                        locked.status = PaymentStatus.EXPIRED
                        locked.save(update_fields=["status", "updated_at"])
                    _log(PaymentNotification.Kind.QUERY, verdict, "expired", payment=locked)
                counts["expired"] += 1
            else:
                counts["pending"] += 1
            continue
        answer = apply(gateway, verdict, kind=PaymentNotification.Kind.QUERY)
        if answer == Answer.OK and verdict.result == Result.PAID:
            counts["paid"] += 1
        elif answer == Answer.OK and verdict.result in RESULT_STATUS:
            counts["failed"] += 1
        elif answer == Answer.OK:
            counts["pending"] += 1
        else:
            counts["errors"] += 1
    return counts
