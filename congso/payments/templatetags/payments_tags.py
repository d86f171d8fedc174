"""`{% payment_box dossier %}` on the citizen's dossier page (dossiers/citizen/my_dossier.html):
a tag rather than view context so the dossiers views need not know about payments."""

from django import template

from congso.dossiers.status import Status
from congso.payments.fees import money
from congso.payments.models import PaymentStatus

register = template.Library()


def _ever_asked(dossier) -> bool:
    """Set by the first payment request and never cleared: a dossier never asked to pay costs
    its pages no query."""
    return dossier.status_before_payment is not None


@register.inclusion_tag("payments/citizen_box.html", takes_context=True)
def payment_box(context, dossier):
    payments = (
        list(dossier.payments.order_by("-requested_at", "-pk")) if _ever_asked(dossier) else []
    )
    waiting = None
    if dossier.status == Status.PAYMENT and payments and not payments[0].is_paid:
        latest = payments[0]
        waiting = {
            "amount_text": money(latest.amount),
            "items": [{**item, "amount_text": money(item["amount"])} for item in latest.items],
        }
    paid = [
        {"payment": p, "amount_text": money(p.amount)}
        for p in payments
        if p.status == PaymentStatus.PAID
    ]
    return {
        "dossier": dossier,
        "waiting": waiting,
        "online": dossier.procedure.online_payment,
        "paid": paid,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("payments/officer_list.html")
def officer_payments(dossier):
    """The payments of a dossier on the officer's page, with each gateway message's outcome."""
    if not _ever_asked(dossier):
        return {"rows": []}
    payments = list(
        dossier.payments.prefetch_related("notifications").order_by("requested_at", "pk")
    )
    return {
        "rows": [
            {
                "payment": p,
                "amount_text": money(p.amount),
                "outcomes": [n.outcome for n in p.notifications.all()],
            }
            for p in payments
        ]
    }
