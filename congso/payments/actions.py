"""The payment actions on a dossier, run by processing.perform like every other action (it
locks the dossier, records the event and refreshes the statistics):

- request-payment: an officer at a workflow step that has the row asks the fees (status 4 → 6);
- confirm-payment: an officer records fees paid in cash at the desk ("đã thu trực tiếp", 6 → back).
Paying online is not an action of a person: services.apply settles it from the gateway.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from congso.dossiers.services import records
from congso.dossiers.services.access import require_role
from congso.dossiers.services.errors import Conflict, Invalid
from congso.dossiers.status import Action, Clock, Role, Status
from congso.payments import fees
from congso.payments.models import Method, Payment, PaymentStatus

CASH_ROLES = (Role.ONE_STOP, Role.SPECIALIST, Role.LEADER)


def request_payment(dossier, user, fields):
    from congso.dossiers.services import processing as p

    row, step = p._step_transition(dossier, user, Action.REQUEST_PAYMENT)
    if dossier.status == Status.PAYMENT:
        raise Conflict("Hồ sơ đang chờ thực hiện nghĩa vụ tài chính.")
    items = fees.items_for(dossier.procedure, fields)
    if not items:
        raise Invalid(
            "Thủ tục chưa có khoản phí, lệ phí nào có mức thu; quản trị viên cần nhập "
            "các khoản phí, lệ phí của thủ tục trước."
        )
    note = p._text(fields, "note", required=False, label="Ghi chú", limit=500)
    p._transition(
        dossier, "mark_payment_requested", p._state_message(dossier, "yêu cầu nộp phí, lệ phí")
    )
    at = records.now()
    # The workflow row decides whether the wait stops the clock (default: it does).
    if row.clock == Clock.PAUSE and dossier.received_at and dossier.paused_at is None:
        dossier.paused_at = at
    from congso.payments.services import new_reference

    payment = Payment.objects.create(
        dossier=dossier,
        order_reference=new_reference(at),
        amount=fees.total(items),
        items=items,
        requested_at=at,
        requested_by=user,
        note=note,
    )
    text = f"Số tiền phải nộp: {fees.money(payment.amount)}."
    return {"note": f"{text} {note}".strip(), "role": row.role, "step": step}


def confirm_payment(dossier, user, fields):
    from congso.dossiers.services import processing as p

    require_role(user, dossier.agency, *CASH_ROLES)
    if dossier.status != Status.PAYMENT:
        raise Conflict("Hồ sơ không ở trạng thái chờ nộp phí, lệ phí.")
    receipt = p._text(fields, "receipt_number", required=False, label="Số biên lai", limit=40)
    note = p._text(fields, "note", required=False, label="Ghi chú", limit=500)
    payment = (
        Payment.objects.select_for_update()
        .filter(dossier=dossier)
        .exclude(status=PaymentStatus.PAID)
        .order_by("-requested_at", "-pk")
        .first()
    )
    if payment is None:
        raise Conflict("Không có khoản phí, lệ phí nào đang chờ thu.")
    at = records.now()
    payment.status = PaymentStatus.PAID
    payment.method = Method.CASH
    payment.paid_at = at
    payment.confirmed_by = user
    payment.transaction_no = receipt
    payment.note = note or payment.note
    payment.save()
    dossier.mark_paid()
    p._resume_clock(dossier, at)
    text = f"Đã thu trực tiếp {fees.money(payment.amount)}."
    if receipt:
        text += f" Biên lai số {receipt}."
    role = next((r for r in CASH_ROLES if r in p.roles_in(user, dossier.agency)), "")
    return {"note": f"{text} {note}".strip(), "role": role, "step": None}


def _quantity_field():
    return forms.IntegerField(
        label=_("Số lượng"),
        required=False,
        min_value=1,
        max_value=fees.MAX_QUANTITY,
        help_text=_("Cho các khoản thu theo số lượng (trang, bản…); để trống: 1."),
    )


def _text_field(label, max_length):
    return lambda: forms.CharField(label=label, required=False, max_length=max_length)


def register() -> None:
    """Join processing.HANDLERS and the admin's ACTION_FIELDS (called from apps.ready)."""
    from congso.dossiers.forms import ACTION_FIELDS
    from congso.dossiers.services.processing import HANDLERS

    HANDLERS[Action.REQUEST_PAYMENT] = request_payment
    HANDLERS[Action.CONFIRM_PAYMENT] = confirm_payment
    ACTION_FIELDS[Action.REQUEST_PAYMENT] = {
        "quantity": _quantity_field,
        "note": _text_field(_("Ghi chú"), 500),
    }
    ACTION_FIELDS[Action.CONFIRM_PAYMENT] = {
        "receipt_number": _text_field(_("Số biên lai"), 40),
        "note": _text_field(_("Ghi chú"), 500),
    }
