"""Public tracking of a dossier (tra cứu hồ sơ), for the page /tra-cuu-ho-so/ and
GET /api/v1/dossiers/{code}/tracking alike.

By its code alone anyone sees the status (number and words), the procedure, the agency and the
received and due dates — never anything about the applicant. With the private tracking secret
(records.tracking_secret, printed on the receipt) also the history the applicant may see. A
wrong secret gives exactly the answer without one; an unknown code and a draft are the same
"not found". Lookups are rate-limited per address, the page and the API together.
"""

import uuid

from django.conf import settings

from congso.analytics.privacy import client_ip, keyed_hash
from congso.core import ratelimit
from congso.dossiers.models import Dossier
from congso.dossiers.services import records
from congso.dossiers.status import Action, Status, citizen_text

DEFAULT_RATE_LIMIT = "30/60"  # lookups / seconds per address (settings.DOSSIER_TRACKING_RATE_LIMIT)
MAX_CODE_LENGTH = 80
NOT_FOUND = "Không tìm thấy hồ sơ."
RATE_LIMITED = "Bạn tra cứu quá nhiều lần trong thời gian ngắn; vui lòng thử lại sau ít phút."
APPLICANT = "Người nộp hồ sơ"
# Events whose note is what the agency tells the applicant (the reason on forms 02, 03, 04);
# other notes may be internal or the applicant's own words and are left out.
NOTE_SHOWN = frozenset({Action.REQUEST_SUPPLEMENT, Action.REFUSE, Action.STOP, Action.APOLOGIZE})
HIDDEN_ACTIONS = frozenset({Action.CREATE})
# The columns `answer` reads: the procedure's and agency's long texts and the dossier's form
# data are left in the database (a lookup is on every tracking page and API call).
ANSWER_FIELDS = (
    "code",
    "reference",
    "status",
    "owner_id",
    "submitted_at",
    "received_at",
    "due_at",
    "returned_at",
    "procedure__code",
    "procedure__name",
    "agency__identifier",
    "agency__name",
)


def check_rate(request) -> None:
    """Count one lookup from the request's address; raise ratelimit.RateLimited past the limit."""
    rate = ratelimit.Rate.parse(
        getattr(settings, "DOSSIER_TRACKING_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    )
    key = keyed_hash(client_ip(request), purpose="dossier-tracking")
    ratelimit.hit(f"dossier-tracking:{key}", rate, every_worker=True)


def find(code: str) -> Dossier | None:
    """The submitted dossier whose code (or, before receipt, reference UUID) is `code`. Each
    lookup is one query on a unique index; a draft is never found."""
    code = (code or "").strip()
    # A NUL cannot be in any code, and PostgreSQL refuses to compare it (a 500, not "not found").
    if not code or len(code) > MAX_CODE_LENGTH or "\x00" in code:
        return None
    dossiers = (
        Dossier.objects.select_related("procedure", "agency")
        .only(*ANSWER_FIELDS)
        .exclude(status=Status.DRAFT)
    )
    try:
        reference = uuid.UUID(code)
    except ValueError:
        pass
    else:
        return _one(dossiers.filter(reference=reference))
    found = _one(dossiers.filter(code=code))
    if found is None and code.upper() != code:
        # Agency identifiers are upper case (…H56); a code typed in lower case still matches.
        found = _one(dossiers.filter(code=code.upper()))
    return found


def _one(dossiers) -> Dossier | None:
    # Code and reference are unique: no ORDER BY needed (`first()` would add one).
    return next(iter(dossiers[:1]), None)


def history(dossier) -> list[dict]:
    rows = []
    for event in dossier.events.filter(public=True).order_by("at", "pk"):
        if event.action in HIDDEN_ACTIONS:
            continue
        by_applicant = event.role == "applicant" or (
            event.actor_id is not None and event.actor_id == dossier.owner_id
        )
        label = Action(event.action).label if event.action in Action else event.action
        rows.append(
            {
                "at": event.at,
                "action": event.action,
                "action_text": str(label),
                "status": event.to_status,
                "status_text": citizen_text(event.to_status) if event.to_status is not None else "",
                "actor": APPLICANT if by_applicant else event.actor_name,
                "note": event.note if event.action in NOTE_SHOWN else "",
            }
        )
    return rows


def answer(dossier, secret: str = "") -> dict:
    """What tracking shows; `history` only when `secret` matches (else None, as without)."""
    return {
        "code": dossier.code or str(dossier.reference),
        "status": int(dossier.status),
        "status_text": dossier.status_text,
        "procedure": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "agency": dossier.agency.identifier,
        "agency_name": dossier.agency.name,
        "submitted_at": dossier.submitted_at,
        "received_at": dossier.received_at,
        "due_at": dossier.due_at,
        "returned_at": dossier.returned_at,
        "history": history(dossier) if records.secret_matches(dossier, secret) else None,
    }
