"""The officers' daily digest: dossiers of their agencies overdue or due within one working day.

Run once a day by cron or a systemd timer (docs/notifications.md). Idempotent per Vietnam day:
each officer's digest is a `Notification` keyed by the day, so a second run the same day sends
nothing more (a failed send is tried again).
"""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from congso.dossiers.calendar import to_local
from congso.dossiers.notifications import EmailNotifier, Message, absolute, deliver, local_time
from congso.dossiers.queues import CLOCK_RUNNING, due_soon_limit
from congso.dossiers.status import Status

# A digest lists this many dossiers per group and counts the rest.
LIMIT = 50


def due_by_agency(agencies, now: dt.datetime) -> dict:
    """{agency: {"overdue": [...], "due_soon": [...], "overdue_count": n, "due_soon_count": n}}.
    The same bounds as the admin's "Quá hạn" and "Sắp đến hạn" queues (congso.dossiers.queues),
    so the digest and the tabs agree; a dossier waiting for a supplement has its clock paused."""
    from congso.dossiers.models import Dossier

    result = {}
    for agency in agencies:
        rows = (
            Dossier.objects.filter(agency=agency, status__in=CLOCK_RUNNING)
            .select_related("procedure", "assignee")
            .order_by("due_at", "pk")
        )
        overdue = rows.filter(due_at__lte=now)
        due_soon = rows.filter(due_at__gt=now, due_at__lte=due_soon_limit(agency, now))
        counts = {"overdue_count": overdue.count(), "due_soon_count": due_soon.count()}
        if not any(counts.values()):
            continue
        result[agency] = {
            **counts,
            "overdue": [_line(d) for d in overdue[:LIMIT]],
            "due_soon": [_line(d) for d in due_soon[:LIMIT]],
        }
    return result


def _line(dossier) -> dict:
    assignee = dossier.assignee
    return {
        "code": dossier.code or str(dossier.reference),
        "procedure": dossier.procedure.name,
        "applicant": dossier.applicant_name,
        "status": Status(dossier.status).label,
        "due_at": local_time(dossier.due_at),
        "assignee": (assignee.get_full_name() or assignee.username) if assignee else "",
    }


def _queue_url(agency=None, queue: str = "") -> str:
    try:
        path = reverse("dossiers_admin:queue")
    except NoReverseMatch:  # the one-stop admin not installed: the admin home
        return absolute("/admin/")
    query = "&".join(
        part
        for part in (
            f"co-quan={agency.identifier}" if agency else "",
            f"hang={queue}" if queue else "",
        )
        if part
    )
    return absolute(f"{path}?{query}" if query else path)


def officers():
    """Active users holding a role in an agency and having an e-mail address, with their
    agencies."""
    from congso.dossiers.models import AgencyStaff

    by_user = defaultdict(set)
    agencies = {}
    rows = (
        AgencyStaff.objects.select_related("user", "agency")
        .filter(user__is_active=True)
        .exclude(user__email="")
    )
    for row in rows:
        by_user[row.user].add(row.agency_id)
        agencies[row.agency_id] = row.agency
    for user, ids in by_user.items():
        yield user, sorted((agencies[i] for i in ids), key=lambda a: a.name)


def digest_message(user, groups: dict, day: dt.date) -> Message:
    total = sum(g["overdue_count"] + g["due_soon_count"] for g in groups.values())
    context = {
        "user": user,
        "name": user.get_full_name() or user.username,
        "day": f"{day:%d/%m/%Y}",
        "total": total,
        "groups": [
            {
                "agency": agency,
                **group,
                "more_overdue": group["overdue_count"] - len(group["overdue"]),
                "more_due_soon": group["due_soon_count"] - len(group["due_soon"]),
                "overdue_url": _queue_url(agency, "qua-han"),
                "due_soon_url": _queue_url(agency, "sap-den-han"),
            }
            for agency, group in groups.items()
        ],  # fmt: skip
        "admin_url": _queue_url(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = f"[{settings.WAGTAIL_SITE_NAME}] Hồ sơ đến hạn, quá hạn ngày {day:%d/%m/%Y}: {total}"
    text = render_to_string("dossiers/email/digest.txt", context)
    return Message(
        subject=subject,
        text=text,
        html=render_to_string("dossiers/email/digest.html", context),
        short=f"{total} hồ sơ đến hạn hoặc quá hạn ngày {day:%d/%m/%Y}.",
    )


def send_digests(now: dt.datetime, *, dry_run: bool = False) -> dict:
    day = to_local(now).date()
    notifier = EmailNotifier()
    sent = skipped = empty = 0
    for user, agencies in officers():
        groups = due_by_agency(agencies, now)
        if not groups:
            empty += 1
            continue
        message = digest_message(user, groups, day)
        if dry_run:
            sent += 1
            continue
        key = f"digest:{day.isoformat()}:{user.pk}"
        if deliver(notifier, key, user.email, message):
            sent += 1
        else:
            skipped += 1
    return {"sent": sent, "skipped": skipped, "empty": empty}


class Command(BaseCommand):
    help = (
        "Gửi thư điện tử hằng ngày cho cán bộ: hồ sơ của cơ quan mình quá hạn hoặc đến hạn trong "
        "01 ngày làm việc. Chạy lại trong cùng một ngày không gửi lần nữa."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ đếm, không gửi, không ghi nhận."
        )

    def handle(self, *args, dry_run=False, **options):
        from congso.dossiers.services import records

        outcome = send_digests(records.now(), dry_run=dry_run)
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        self.stdout.write(
            f"{verb} {outcome['sent']} thư; {outcome['skipped']} cán bộ đã nhận hôm nay hoặc "
            f"gửi lỗi; {outcome['empty']} cán bộ không có hồ sơ đến hạn."
        )
