"""A year of sample dossiers for the demo's two sample agencies, so the results page, the 766
index, the register and the monthly report have something to show (issue 10, "Done when").

Every dossier goes through the real services at a past moment (records.clock_at), so its code,
due date, events, results-statistics facts and national-sync outbox rows are the ones the system
itself writes. Labelled as sample data: is_sample, applicant names "(dữ liệu mẫu)", the unprinted
sample applicant of sample.py. Only slip PDFs are skipped (records.without_slips): nobody prints
a year of sample receipts, and rendering them was most of the time.

The mix: about 70% online, 25% in person, 5% by post; most settled early or on time, some late,
a few refused, withdrawn or stopped, some returned for a supplement, some late ones with an
apology, four in ten of those returned online rated; the last weeks' dossiers are still in
progress, and those planned late whose settlement has not come yet are overdue.
"""

import datetime as dt
import random

from django.utils import timezone

from congso.dossiers.calendar import VN, add_working_time, to_local, working_time_between
from congso.dossiers.models import AgencyStaff, Dossier
from congso.dossiers.querysets import calendar_for
from congso.dossiers.services import filing, records
from congso.dossiers.services.errors import DossierError
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Channel, Role

AGENCIES = {"000.00.12.H56": 6, "000.23.12.H56": 3}  # sample dossiers a week
SUMMARY = "Hồ sơ mẫu trong năm (dữ liệu mẫu): "
NAMES = ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C", "Phạm Thị D", "Hoàng Văn E", "Vũ Thị G"]
# (fate, weight): how a dossier ends, if its moments come before now.
FATES = [
    ("early", 48),
    ("on_time", 16),
    ("late", 7),
    ("supplement", 9),
    ("apology", 2),
    ("refused", 5),
    ("withdrawn", 4),
    ("stopped", 3),
    ("reopened", 1),
]
DAYS = 365


def _already_loaded() -> bool:
    return Dossier.objects.filter(is_sample=True, summary__startswith=SUMMARY).exists()


def _staff(agency, officers: dict) -> None:
    """The demo officers work in both sample agencies (one account each, as in a small
    province where the department's one-stop team also serves the commune in the demo)."""
    for role, user in officers.items():
        AgencyStaff.objects.get_or_create(user=user, agency=agency, role=role)


class Loader:
    def __init__(self, applicant, officers: dict, pdf, rng: random.Random):
        self.applicant, self.officers, self.pdf, self.rng = applicant, officers, pdf, rng
        self.now = timezone.now() - dt.timedelta(minutes=5)
        self.made = 0

    def at(self, moment, who, action, fields=None) -> bool:
        """Run one action at `moment` if that moment has come; False when it has not (the
        dossier stays where it is: in progress, perhaps overdue) or the service refused."""
        if moment >= self.now:
            return False
        user = self.applicant if who == "applicant" else self.officers[who]
        try:
            with records.clock_at(moment):
                perform(self.dossier.pk, user, action, fields or {})
        except DossierError:
            return False
        self.dossier.refresh_from_db()
        return True

    def later(self, moment, hours: float):
        return add_working_time(self.cal, moment, dt.timedelta(hours=hours))

    def file(self, agency, procedure, submitted, n: int):
        channel = self.rng.choices(
            [Channel.ONLINE, Channel.IN_PERSON, Channel.POSTAL], [70, 25, 5]
        )[0]
        applicant = {
            "name": f"{NAMES[n % len(NAMES)]} (dữ liệu mẫu)",
            "id_number": f"0019900{n:05d}",
            "phone": f"09100{n:05d}",
            "email": "",
            "address": "Địa chỉ mẫu",
        }
        from congso.dossiers.sample import _form_data

        common = {
            "agency_identifier": agency.identifier,
            "applicant": applicant,
            "summary": f"{SUMMARY}{procedure.name}"[:5000],
            "form_data": _form_data(procedure),
        }
        required = list(procedure.components.filter(required=True))
        one_stop = self.officers[Role.ONE_STOP]
        with records.clock_at(submitted):
            # At the desk (in person or by post) as services/desk.py does it, but labelled
            # sample before the first counted event, so its fact says sample from the start.
            at_desk = channel != Channel.ONLINE
            owner = one_stop if at_desk else self.applicant
            dossier = filing.create_draft(
                owner, procedure, channel=channel, at_desk=at_desk, **common
            )
            Dossier.objects.filter(pk=dossier.pk).update(is_sample=True)
            for component in required:
                if at_desk or not component.form_schema:
                    filing.attach_file(dossier, owner, self.pdf(), component=component)
            filing.submit(dossier.pk, owner, at_desk=at_desk)
        return dossier, at_desk and self._receive_at_desk(dossier, submitted)

    def _receive_at_desk(self, dossier, submitted) -> bool:
        with records.clock_at(submitted):
            perform(dossier.pk, self.officers[Role.ONE_STOP], "receive", {})
        return True

    def run(self, agency, procedure, submitted, n: int) -> None:
        self.cal = calendar_for(agency)
        dossier, received = self.file(agency, procedure, submitted, n)
        self.dossier = dossier
        self.made += 1
        fate = self.rng.choices(*zip(*FATES, strict=True))[0]
        moment = self.later(submitted, self.rng.uniform(0.5, 6))
        if not received:
            if fate == "refused":
                self.at(moment, Role.ONE_STOP, "refuse", {"reason": "Mẫu: không thuộc thẩm quyền."})
                return
            if not self.at(moment, Role.ONE_STOP, "receive"):
                return
        self.dossier.refresh_from_db()
        if fate == "withdrawn" and dossier.owner_id:
            self.at(self.later(moment, 10), "applicant", "withdraw", {"reason": "Mẫu"})
            return
        step = self.later(moment, self.rng.uniform(4, 16))
        if fate == "supplement":
            if not self.at(
                step, Role.SPECIALIST, "request-supplement", {"reason": "Mẫu: bổ sung."}
            ):
                return
            if not dossier.owner_id:  # at the desk: the one-stop officer stops it instead
                self.at(self.later(step, 40), Role.SPECIALIST, "stop", {"reason": "Mẫu"})
                return
            step = self.later(step, self.rng.uniform(8, 24))
            if not self.at(step, "applicant", "supplement", {"note": "Đã bổ sung (mẫu)."}):
                return
        if fate == "stopped":
            self.at(step, Role.SPECIALIST, "stop", {"reason": "Mẫu: người nộp không bổ sung."})
            return
        if not self.at(step, Role.SPECIALIST, "forward"):
            return
        self.settle(fate, step)

    def settle(self, fate, step) -> None:
        due = self.dossier.due_at
        if fate == "apology":
            new_due = self.later(due, 16)
            if not self.at(
                self.later(step, 1),
                Role.LEADER,
                "apologize",
                {"reason": "Mẫu: cần xác minh thêm.", "new_due_at": new_due},
            ):
                return
        if fate in ("late", "apology"):
            approve = self.later(due, self.rng.uniform(2, 20))
        elif fate == "on_time":
            # On the due day itself, before the due time (the last working hour of the day).
            approve = max(self.later(step, 1), due - dt.timedelta(minutes=self.rng.randint(10, 50)))
        else:
            # Within the first 60% of the working time left: a day or more before the due day.
            room = working_time_between(self.cal, step, due).total_seconds() / 3600
            approve = self.later(step, self.rng.uniform(0.5, max(1.0, room * 0.6)))
        if not self.at(approve, Role.LEADER, "approve"):
            return
        returned = self.later(approve, self.rng.uniform(0.5, 4))
        number = {"result_number": f"{self.made:04d}/KQ-MAU", "signer": "Lãnh đạo (mẫu)"}
        if not self.at(returned, Role.ONE_STOP, "return-result", number):
            return
        if fate == "reopened":
            reason = {"reason": "Mẫu: sửa sai sót trong kết quả."}
            again = self.later(returned, 4)
            if self.at(again, Role.LEADER, "reopen", reason) and self.at(
                self.later(again, 2), Role.SPECIALIST, "forward"
            ):
                done = self.later(again, 8)
                self.at(done, Role.LEADER, "approve")
                self.at(self.later(done, 2), Role.ONE_STOP, "return-result", number)
            return
        if self.dossier.owner_id and self.rng.random() < 0.4:
            score = self.rng.choices([5, 4, 3, 2, 1], [50, 32, 10, 5, 3])[0]
            self.at(self.later(returned, 6), "applicant", "rate", {"score": score})


def working_moments(cal, per_week: int, rng: random.Random, today: dt.date, days: int):
    """Submission moments over the last `days` days, on working days, about per_week a week."""
    day = today - dt.timedelta(days=days)
    chance = per_week / 5 / 3  # up to three a day
    while day <= today:
        if cal.is_working_day(day):
            for _ in range(sum(rng.random() < chance for _ in range(3))):
                hour = rng.choice([7.75, 8.5, 9, 9.5, 10, 10.5, 13.5, 14, 15, 16])
                yield dt.datetime.combine(day, dt.time(0), tzinfo=VN) + dt.timedelta(hours=hour)
        day += dt.timedelta(days=1)


def load_sample_year(applicant, officers: dict, pdf, days: int = DAYS, seed: int = 2026) -> str:
    from congso.organisation.models import Agency
    from congso.procedures.models import Procedure

    if _already_loaded():
        return "Hồ sơ mẫu của năm đã có; không nạp thêm."
    rng = random.Random(seed)
    loader = Loader(applicant, officers, pdf, rng)
    today = to_local(timezone.now()).date()
    n = 0
    skipped: set[str] = set()
    with records.without_slips():
        for identifier, per_week in AGENCIES.items():
            agency = Agency.objects.filter(identifier=identifier).first()
            if agency is None:
                continue
            _staff(agency, officers)
            procedures = list(
                Procedure.objects.filter(agencies=agency, time_limit__gt=0)
                .exclude(online_level="none")
                .exclude(time_unit="working_hour")
                .order_by("code")
            )
            if not procedures:
                continue
            cal = calendar_for(agency)
            for submitted in working_moments(cal, per_week, rng, today, days):
                if submitted >= loader.now:
                    break
                try:
                    loader.run(agency, procedures[n % len(procedures)], submitted, n)
                except DossierError as error:
                    # A sample procedure the services refuse (say, a form that no sample value
                    # fits) is skipped: the demo goes on with the others.
                    skipped.add(f"{procedures[n % len(procedures)].code}: {error}")
                n += 1
    note = f" Bỏ qua: {'; '.join(sorted(skipped))}." if skipped else ""
    return f"Đã nạp {loader.made} hồ sơ mẫu của năm qua (dữ liệu mẫu) cho các cơ quan mẫu.{note}"
