"""Reading the outbox for the admin page."""

from django.db.models import Case, Count, Value, When

from congso.nationalsync.models import Kind, OutboxMessage, State

# The page's state filter: "needs attention" (failed and pending) first, then each state.
ATTENTION = "can-xu-ly"
STATE_FILTERS = {
    ATTENTION: (State.FAILED, State.PENDING, State.SENDING),
    "loi": (State.FAILED,),
    "cho-gui": (State.PENDING,),
    "dang-gui": (State.SENDING,),
    "da-xac-nhan": (State.ACKNOWLEDGED,),
    "bo-qua": (State.ABANDONED,),
    "tat-ca": tuple(State),
}


def counts() -> dict[str, int]:
    rows = dict(OutboxMessage.objects.values_list("state").annotate(n=Count("pk")).order_by())
    return {state: rows.get(state, 0) for state in State.values}


def listing(state_filter: str, kind: str = "", code: str = ""):
    states = STATE_FILTERS.get(state_filter, STATE_FILTERS[ATTENTION])
    messages = OutboxMessage.objects.filter(state__in=states)
    if kind in Kind.values:
        messages = messages.filter(kind=kind)
    if code:
        messages = messages.filter(dossier__code__icontains=code)
    # Failed first (they need a person), then the oldest.
    failed_first = Case(When(state=State.FAILED, then=Value(0)), default=Value(1))
    return messages.select_related("dossier").defer("payload").order_by(failed_first, "pk")
