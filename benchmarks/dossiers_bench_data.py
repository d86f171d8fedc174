"""The data of benchmarks/dossiers_bench.py: 100,000 sample dossiers with their events, by
bulk_create (the services would take hours). Imported after django.setup(); run through
`dossiers_bench.py generate`. With `--agencies 100 --count 1000000` it is the data of the
results statistics benchmark (benchmarks/servicestats_bench.py), which adds supplement requests
and ratings (what the figures count) and then builds the facts with `servicestats.rebuild()`."""

import datetime as dt
import random
import sys
import time
from collections import defaultdict

from django.db import connection

from congso.dossiers.calendar import VN, to_local
from congso.dossiers.models import (
    AgencyStaff,
    Dossier,
    DossierCounter,
    Event,
    Rating,
    SupplementRequest,
)
from congso.dossiers.status import Channel, Role, Status

PREFIX = "bench"  # usernames; agency identifiers end in .B99
AGENCY_ID = "000.00.{:02d}.B99"
# Share of each status among 100 dossiers: most are long settled, a working set is open.
STATUS_MIX = {
    Status.RETURNED: 62,
    Status.DONE: 3,
    Status.PROCESSING: 14,
    Status.RECEIVED: 5,
    Status.SUPPLEMENT: 4,
    Status.SUBMITTED: 4,
    Status.REFUSED: 3,
    Status.WITHDRAWN: 2,
    Status.STOPPED: 3,
}
OPEN = {Status.PROCESSING, Status.RECEIVED, Status.SUPPLEMENT, Status.SUBMITTED, Status.DONE}
STEP_OF = {
    Status.SUBMITTED: "tiep-nhan",
    Status.RECEIVED: "xu-ly",
    Status.SUPPLEMENT: "xu-ly",
    Status.PROCESSING: "xu-ly",
    Status.DONE: "tra-ket-qua",
}


def agency_officer():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=f"{PREFIX}-00-motcua")


def generate(count: int, seed: int, batch: int, agency_count: int = 20) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from congso.dossiers.services.filing import resolve_workflow
    from congso.organisation.models import Agency, AgencyLevel
    from congso.procedures.models import Component, Procedure, ProcedureField
    from congso.users.roles import DOSSIER_GROUP_OF_ROLE, setup_roles

    if Dossier.objects.exists():
        sys.exit("The database already has dossiers: use a fresh database (see the docstring).")
    rng = random.Random(seed)
    started = time.monotonic()
    User = get_user_model()
    setup_roles()
    agencies = [
        Agency.objects.create(
            identifier=AGENCY_ID.format(i),
            name=f"Cơ quan mẫu số {i:02d} (dữ liệu mẫu)",
            level=AgencyLevel.PROVINCE if i < 8 else AgencyLevel.COMMUNE,
        )
        for i in range(agency_count)
    ]
    staff = {}
    for i, agency in enumerate(agencies):
        for role, suffix in ((Role.ONE_STOP, "motcua"), (Role.SPECIALIST, "chuyenvien")):
            user = User.objects.create_user(
                f"{PREFIX}-{i:02d}-{suffix}", first_name=f"Cán bộ {i:02d} (mẫu)"
            )
            AgencyStaff.objects.create(user=user, agency=agency, role=role)
            user.groups.add(Group.objects.get(name=DOSSIER_GROUP_OF_ROLE[role]))
            staff[(i, role)] = user
    citizens = [User(username=f"{PREFIX}-congdan-{n:04d}") for n in range(500)]
    for citizen in citizens:
        citizen.set_unusable_password()
    citizens = User.objects.bulk_create(citizens)
    field, _ = ProcedureField.objects.get_or_create(code="BENCH", defaults={"name": "Lĩnh vực mẫu"})
    procedures = defaultdict(list)  # agency index → [(procedure, workflow)]
    # 50 procedures for the 20 agencies of the dossiers benchmark; two per agency beyond that.
    for n in range(max(50, 2 * agency_count)):
        procedure = Procedure.objects.create(
            code=f"9.{n:06d}.000.00.00.B99",
            name=f"Thủ tục mẫu số {n:02d} (dữ liệu mẫu)",
            field=field,
            online_level="full",
            time_limit=rng.choice([3, 5, 7, 10, 15]),
            time_unit="working_day",
            channel_online=True,
            is_sample=True,
        )
        Component.objects.create(procedure=procedure, name="Đơn đề nghị (mẫu)", required=True)
        for i in {n % agency_count, (n * 7 + 3) % agency_count}:
            procedure.agencies.add(agencies[i])
            procedures[i].append(
                (procedure, resolve_workflow(procedure, agencies[i], Channel.ONLINE))
            )
    now = dt.datetime.now(tz=VN)
    statuses, weights = zip(*STATUS_MIX.items(), strict=True)
    others = agency_count - 1
    agency_weights = [15] + [85 / others] * others
    counters = defaultdict(int)
    done = 0
    while done < count:
        size = min(batch, count - done)
        rows, plans = [], []
        for _ in range(size):
            i = rng.choices(range(agency_count), agency_weights)[0]
            procedure, workflow = rng.choice(procedures[i])
            status = rng.choices(statuses, weights)[0]
            # Open dossiers are recent (some overdue, some due soon); settled ones span a year,
            # finished before today (up to 12 days after receipt).
            age = dt.timedelta(days=rng.uniform(0, 20) if status in OPEN else rng.uniform(14, 365))
            submitted = now - age
            row = Dossier(
                procedure=procedure,
                agency=agencies[i],
                workflow=workflow,
                channel=Channel.ONLINE if rng.random() < 0.9 else Channel.IN_PERSON,
                owner=rng.choice(citizens),
                applicant_name=f"Người nộp mẫu {rng.randrange(10**6):06d}",
                applicant_email="nguoi-nop@example.invalid",
                summary="Hồ sơ mẫu cho đo hiệu năng (dữ liệu mẫu)",
                status=status,
                current_step=STEP_OF.get(status, ""),
                submitted_at=submitted,
                is_sample=True,
            )
            received = status not in (Status.SUBMITTED, Status.REFUSED)
            if received:
                row.received_at = submitted + dt.timedelta(hours=rng.uniform(0.2, 20))
                day = to_local(row.received_at).date()
                counters[(i, day)] += 1
                row.code = f"{agencies[i].identifier}-{day:%y%m%d}-{counters[(i, day)]:04d}"
                row.legal_due_at = row.due_at = row.received_at + dt.timedelta(
                    days=procedure.time_limit * 7 / 5
                )
                if status == Status.SUPPLEMENT:
                    row.status_before_supplement = Status.PROCESSING
                    row.paused_at = row.received_at + dt.timedelta(days=1)
                if status == Status.PROCESSING and rng.random() < 0.6:
                    row.assignee = staff[(i, Role.SPECIALIST)]
                if status in (Status.DONE, Status.RETURNED):
                    row.finished_at = row.received_at + dt.timedelta(days=rng.uniform(1, 12))
                if status == Status.RETURNED:
                    row.returned_at = row.finished_at + dt.timedelta(hours=2)
                    row.result_number = f"{rng.randrange(1, 9999)}/GP-MAU"
            rows.append(row)
            plans.append((status, staff[(i, Role.ONE_STOP)]))
        Dossier.objects.bulk_create(rows, batch_size=batch)
        Event.objects.bulk_create(
            [e for row, plan in zip(rows, plans, strict=True) for e in events_of(row, *plan)],
            batch_size=batch * 4,
        )
        supplements, ratings = extras(rows, plans, rng)
        SupplementRequest.objects.bulk_create(supplements, batch_size=batch)
        Rating.objects.bulk_create(ratings, batch_size=batch)
        done += size
        print(f"  {done}/{count}", end="\r", flush=True)
    DossierCounter.objects.bulk_create(
        [DossierCounter(agency=agencies[i], day=day, last=n) for (i, day), n in counters.items()]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"\n{count} dossiers, {Event.objects.count()} events in {time.monotonic() - started:.0f}s"
    )


def extras(rows, plans, rng):
    """Supplement requests (every dossier waiting for one, and one in ten of those returned,
    which waited a day) and ratings (four in ten of those returned): what the figures count."""
    supplements, ratings = [], []
    for row, (status, officer) in zip(rows, plans, strict=True):
        if status == Status.SUPPLEMENT:
            supplements.append(
                SupplementRequest(
                    dossier=row,
                    requested_at=row.paused_at,
                    requested_by=officer,
                    reason="Bổ sung giấy tờ (dữ liệu mẫu)",
                    pauses_clock=True,
                )
            )
        elif status == Status.RETURNED:
            if rng.random() < 0.1:
                asked = row.received_at + dt.timedelta(hours=rng.uniform(1, 30))
                supplements.append(
                    SupplementRequest(
                        dossier=row,
                        requested_at=asked,
                        requested_by=officer,
                        reason="Bổ sung giấy tờ (dữ liệu mẫu)",
                        pauses_clock=True,
                        completed_at=min(asked + dt.timedelta(days=1), row.finished_at),
                    )
                )
            if rng.random() < 0.4:
                score = rng.choices([5, 4, 3, 2, 1], [55, 30, 9, 4, 2])[0]
                ratings.append(
                    Rating(dossier=row, score=score, at=row.returned_at + dt.timedelta(hours=3))
                )
    return supplements, ratings


def events_of(row, status, officer):
    """The events the services would have written, enough for the tracking history."""

    def event(action, at, before, after, actor=None, public=True):
        return Event(
            dossier=row,
            at=at,
            action=action,
            from_status=before,
            to_status=after,
            actor=actor,
            actor_name=actor.first_name if actor else "",
            public=public,
        )

    rows = [
        event("create", row.submitted_at, None, Status.DRAFT, public=False),
        event("submit", row.submitted_at, Status.DRAFT, Status.SUBMITTED),
    ]
    if status == Status.REFUSED:
        rows.append(event("refuse", row.submitted_at, Status.SUBMITTED, status, officer))
    if row.received_at:
        rows.append(event("receive", row.received_at, Status.SUBMITTED, Status.RECEIVED, officer))
    if row.finished_at:
        rows.append(event("approve", row.finished_at, Status.PROCESSING, Status.DONE))
    if row.returned_at:
        rows.append(event("return-result", row.returned_at, Status.DONE, status, officer))
    if status in (Status.WITHDRAWN, Status.STOPPED):
        rows.append(event("stop", row.received_at, Status.PROCESSING, status, officer))
    return rows
