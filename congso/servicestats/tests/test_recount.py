"""The kept figures equal a full recount (issue 10 part 8), over a randomised mix of actions:
receipts, refusals at the desk, supplements (answered or left to a stop), apologies, reopenings,
withdrawals, stops, ratings, settlements on either side of month ends and of due dates.

Two recounts: `rebuild()` (the same fact code from scratch: the day rows must be identical) and
a naive one written here directly from Dossier, Event and Rating rows with the rules of
SERVICES.md, which figures() must match for every month, the quarter and the year.
"""

import datetime as dt
import random

import pytest

from congso.dossiers.calendar import add_working_time, to_local, working_time_between
from congso.dossiers.models import Dossier, Event, Rating
from congso.dossiers.querysets import calendar_for
from congso.dossiers.services.errors import DossierError
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Channel, Status
from congso.dossiers.tests.factories import make_procedure, submitted_dossier
from congso.servicestats.models import AgencyDay, DossierFact
from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures
from congso.servicestats.services import rebuild
from congso.servicestats.tests.conftest import vn

pytestmark = pytest.mark.django_db

SEED = 10
DOSSIERS = 16
AFTER = vn(2026, 12, 1, 8)  # every period below is closed by then
PERIODS = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-Q2", "2026"]
SETTLED = {Status.REFUSED, Status.WITHDRAWN, Status.STOPPED}


# The first dossiers take each kind of ending once, whatever the draws; the rest are random.
FORCED = ["refuse", "withdraw", "stop", "supplement", "apology", "reopen", "rate"]


def plan(rng: random.Random, force: str = "") -> list[tuple[str, str, dict]]:
    """(who, action, fields) in order; the loop below gives each its moment."""
    if force == "refuse" or (not force and rng.random() < 0.1):
        return [("one_stop", "refuse", {"reason": "Không thuộc thẩm quyền"})]
    steps = [("one_stop", "receive", {})]
    roll = {"withdraw": 0.0, "stop": 0.1, "supplement": 0.2}.get(force, rng.random())
    if force in ("apology", "reopen", "rate"):
        roll = 0.5
    if roll < 0.08:
        return [*steps, ("citizen", "withdraw", {"reason": "Không cần nữa"})]
    if roll < 0.14:
        return [*steps, ("specialist", "stop", {"reason": "Không đủ điều kiện"})]
    if roll < 0.4:
        steps.append(("specialist", "request-supplement", {"reason": "Thiếu bản sao"}))
        if not force and rng.random() < 0.25:
            return [*steps, ("specialist", "stop", {"reason": "Không bổ sung"})]
        steps.append(("citizen", "supplement", {"note": "Đã bổ sung"}))
    if force == "apology" or (not force and rng.random() < 0.15):
        steps.append(("leader", "apologize", {"reason": "Cần xác minh", "new_due_at": "+16h"}))
    steps += [("specialist", "forward", {}), ("leader", "approve", {})]
    if force or rng.random() < 0.85:
        steps.append(("one_stop", "return-result", {"result_number": "1/GP"}))
        if force == "reopen" or (not force and rng.random() < 0.15):
            steps += [
                ("leader", "reopen", {"reason": "Sai sót"}),
                ("specialist", "forward", {}),
                ("leader", "approve", {}),
                ("one_stop", "return-result", {"result_number": "2/GP"}),
            ]
        if force == "rate" or (not force and rng.random() < 0.5):
            steps.append(("citizen", "rate", {"score": rng.randint(1, 5)}))
    # Some stay in progress: the plan is cut short.
    if force:
        return steps
    return steps[: rng.randint(1, len(steps))] if rng.random() < 0.15 else steps


@pytest.fixture
def mix(office, clock):
    rng = random.Random(SEED)
    cal = calendar_for(office["agency"])
    procedures = [office["procedure"], make_procedure(office["agency"], time_limit=3)]
    procedures.append(make_procedure(office["agency"], time_limit=2, online_level="partial"))
    for n in range(DOSSIERS):
        # Submitted between April and early July: settlements fall on either side of month
        # ends, and of the 30/04–01/05 holidays.
        moment = add_working_time(
            cal, vn(2026, 4, 1, 8), dt.timedelta(hours=rng.uniform(0, 8 * 68))
        )
        clock.set(moment)
        dossier = submitted_dossier(rng.choice(procedures), office["citizen"])
        for who, action, fields in plan(rng, FORCED[n] if n < len(FORCED) else ""):
            # Mostly within the time limit, sometimes well past it.
            hours = rng.uniform(0.5, 14) if rng.random() < 0.8 else rng.uniform(14, 60)
            moment = add_working_time(cal, moment, dt.timedelta(hours=hours))
            clock.set(moment)
            if fields.get("new_due_at") == "+16h":
                due = Dossier.objects.get(pk=dossier.pk).due_at
                fields = {
                    **fields,
                    "new_due_at": add_working_time(cal, due, dt.timedelta(hours=16)),
                }
            try:
                perform(dossier.pk, office[who], action, fields)
            except DossierError:
                pass  # refused (e.g. an apology too close to the due day): nothing changed
    return office["agency"]


def naive(agency, period) -> dict:
    """The figures of `period` recounted from the dossiers' own rows, nothing kept."""
    cal = calendar_for(agency)
    start, end = period.start, period.end

    def day(moment):
        return to_local(moment).date() if moment else None

    def within(moment):
        return moment is not None and start <= day(moment) <= end

    out = dict.fromkeys(
        ["received", "received_online", "received_in_person", "finished_early"], 0
    ) | dict.fromkeys(["finished_on_time", "finished_late", "refused", "withdrawn", "stopped"], 0)
    out |= {"supplement_requested": 0, "rating_count": 0, "rating_sum": 0, "seconds": 0}
    out |= {"in_progress": 0, "in_progress_overdue": 0}
    for d in Dossier.objects.filter(agency=agency).exclude(status=Status.DRAFT):
        events = list(Event.objects.filter(dossier=d).order_by("at", "pk"))
        if within(d.received_at):
            out["received"] += 1
            key = "received_online" if d.channel == Channel.ONLINE else "received_in_person"
            out[key] += 1
        asked = [e for e in events if e.action == "request-supplement"]
        if asked and within(asked[0].at):
            out["supplement_requested"] += 1
        settled_at = None
        due = d.legal_due_at or d.due_at
        if d.status in (Status.DONE, Status.RETURNED):
            settled_at = d.finished_at
            if within(settled_at):
                finished, deadline = to_local(settled_at), to_local(due)
                kind = (
                    "late"
                    if finished > deadline
                    else "early"
                    if finished.date() < deadline.date()
                    else "on_time"
                )
                out[f"finished_{kind}"] += 1
                out["seconds"] += int(worked(cal, d, events).total_seconds())
        elif d.status in SETTLED:
            settled_at = [e for e in events if e.to_status == d.status][-1].at
            if within(settled_at):
                out[Status(d.status).name.lower()] += 1
        if d.received_at and day(d.received_at) <= end:
            if settled_at is None or day(settled_at) > end:
                out["in_progress"] += 1
                if day(due) <= end:
                    out["in_progress_overdue"] += 1
    for rating in Rating.objects.filter(dossier__agency=agency):
        if within(rating.at):
            out["rating_count"] += 1
            out["rating_sum"] += rating.score
    return out


def worked(cal, dossier, events) -> dt.timedelta:
    """Working time from receipt to the final settlement, less the pauses for supplements
    asked after receipt (request-supplement → supplement, or to the end)."""
    total = working_time_between(cal, dossier.received_at, dossier.finished_at)
    paused_since = None
    for event in events:
        if event.action == "request-supplement" and event.from_status != Status.SUBMITTED:
            paused_since = event.at
        elif paused_since and event.action in ("supplement", "approve", "stop"):
            total -= working_time_between(cal, paused_since, event.at)
            paused_since = None
    return total


def day_rows():
    """The day rows with a count in them: a settlement moved to another day (a reopening)
    leaves its first day's row at zero where a rebuild makes none; both sum the same."""
    fields = [f.name for f in AgencyDay._meta.fields if f.name != "id"]
    return sorted(row for row in AgencyDay.objects.values_list(*fields) if any(row[2:]))


def fact_rows():
    fields = [f.attname for f in DossierFact._meta.fields if f.name != "updated_at"]
    return sorted(DossierFact.objects.values_list(*fields))


def test_the_day_rows_kept_as_events_happen_equal_a_rebuild_from_scratch(mix):
    kept_days, kept_facts = day_rows(), fact_rows()
    assert len(kept_facts) == DOSSIERS
    rebuild()
    assert day_rows() == kept_days
    assert fact_rows() == kept_facts


def test_the_random_mix_exercises_every_kind_of_outcome(mix):
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {Status.RETURNED, Status.REFUSED, Status.STOPPED} <= statuses
    actions = set(Event.objects.values_list("action", flat=True))
    assert {"request-supplement", "supplement", "reopen", "rate", "withdraw"} <= actions


def test_the_figures_of_every_period_equal_a_naive_recount_from_the_dossiers(mix):
    for label in PERIODS:
        period = parse_period(label)
        expected = naive(mix, period)
        result = figures([mix.pk], period, now=AFTER)
        got = {key: result[key] for key in expected if key != "seconds"}
        assert got == {k: v for k, v in expected.items() if k != "seconds"}, label
        assert result["processing_seconds"] == expected["seconds"], label
        assert figures(None, period, now=AFTER)["received"] == expected["received"], label
