"""All of one citizen's data as a zip: `du-lieu.json` (account and profile, their dossiers with
what the citizen sees of each — events marked public, files, rating, payments, messages sent to
them — and the staff accesses to those dossiers) and the files themselves.

Built in the background (tasks.build_export) into private storage, offered through a signed
link that expires (docs/retention.md): a citizen with many dossiers and results can reach
hundreds of megabytes, more than a request should hold a worker for.
"""

import datetime as dt
import json
import logging
import os
import tempfile
import zipfile

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from congso.dossiers.models import Dossier, DossierFile
from congso.dossiers.services import records
from congso.dossiers.status import Action, Channel, Status, citizen_text
from congso.retention.models import DataExport, PersonalDataAccess

log = logging.getLogger(__name__)

APPLICANT_FORMS = {"01", "02", "03", "04"}  # as views/files.py: form 05 is the agency's
SALT = "congso.retention.export"
STALE_AFTER = dt.timedelta(hours=1)


def link_seconds() -> int:
    return int(getattr(settings, "RETENTION_EXPORT_LINK_SECONDS", 7 * 24 * 3600))


# Requesting -----------------------------------------------------------------------------------


def request_export(subject, requested_by) -> DataExport:
    """A new export of `subject`'s data, built by the background task. An export still being
    prepared is returned instead of a second one (a double click starts one build), unless it
    has waited so long that its task was surely lost (the worker was down)."""
    with transaction.atomic():
        pending = (
            DataExport.objects.select_for_update()
            .filter(
                subject=subject,
                requested_by=requested_by,
                state=DataExport.State.PENDING,
                requested_at__gte=records.now() - STALE_AFTER,
            )
            .first()
        )
        if pending:
            return pending
        export = DataExport.objects.create(
            subject=subject,
            requested_by=requested_by,
            requested_at=records.now(),
            state=DataExport.State.PENDING,
        )
    from congso.retention.tasks import build_export

    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


def token_for(export: DataExport) -> str:
    return signing.dumps(export.pk, salt=SALT)


def export_from_token(token: str, user) -> DataExport | None:
    """The export the signed `token` names, if `user` may download it now; None otherwise
    (a wrong, tampered or expired link, or someone else's export)."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=link_seconds())
    except signing.BadSignature:
        return None
    export = DataExport.objects.filter(pk=pk).first()
    if export is None or not user.is_authenticated:
        return None
    mine = export.subject_id == user.pk and not export.at_desk
    at_desk = export.at_desk and export.requested_by_id == user.pk and user.is_superuser
    if not (mine or at_desk) or not export.usable(records.now()):
        return None
    return export


# Building -------------------------------------------------------------------------------------


def build(export_id: int) -> str:
    """Write the zip and mark the export ready (or failed, with the error kept for the admin)."""
    export = DataExport.objects.select_related("subject").get(pk=export_id)
    if export.state != DataExport.State.PENDING:
        return export.state
    handle, path = tempfile.mkstemp(suffix=".zip")
    os.close(handle)
    try:
        write_zip(export.subject, path)
        now = records.now()
        with open(path, "rb") as stream:
            export.file.save(f"du-lieu-{export.subject_id}-{export.pk}.zip", File(stream), False)
        export.size = export.file.size
        export.state = DataExport.State.READY
        export.finished_at = now
        export.expires_at = now + dt.timedelta(seconds=link_seconds())
    except Exception as error:  # noqa: BLE001 — recorded on the row; the citizen asks again
        log.exception("retention: export %s failed", export_id)
        export.state = DataExport.State.FAILED
        export.error = f"{type(error).__name__}: {error}"[:2000]
    finally:
        os.unlink(path)
    export.save()
    return export.state


def write_zip(subject, path: str) -> None:
    dossiers = list(
        Dossier.objects.filter(owner=subject)
        .select_related("procedure", "agency")
        .order_by("created_at", "pk")
    )
    data = {
        "xuat_luc": records.now(),
        "tai_khoan": account_data(subject),
        "ho_so": [],
        "truy_cap_cua_can_bo": accesses(dossiers),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for dossier in dossiers:
            folder = f"ho-so/{_safe(dossier.code or str(dossier.reference))}"
            entry = dossier_data(dossier)
            entry["tep"] = _add_files(archive, folder, dossier)
            entry["phieu"] = _add_slips(archive, folder, dossier)
            data["ho_so"].append(entry)
        archive.writestr(
            "du-lieu.json",
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        archive.writestr("DOC-TOI.txt", README)


README = (
    "Dữ liệu cá nhân của bạn trên cổng dịch vụ công.\n\n"
    "du-lieu.json: tài khoản, hồ sơ cá nhân, các hồ sơ bạn đã nộp (trạng thái, quá trình xử lý "
    "bạn được xem, đánh giá, thanh toán, thông báo đã gửi) và các lần cán bộ truy cập hồ sơ.\n"
    "ho-so/<mã hồ sơ>/: các tệp bạn đã nộp, kết quả đã trả và các phiếu gửi cho bạn.\n"
)


def _safe(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)
    return cleaned.strip(".-") or "tep"


def account_data(user) -> dict:
    data = {
        "ten_dang_nhap": user.get_username(),
        "thu_dien_tu": user.email,
        "ngay_tao": user.date_joined,
        "dang_nhap_lan_cuoi": user.last_login,
    }
    profile = _one(user, "citizen_profile")
    if profile is not None:
        data["ho_so_ca_nhan"] = {
            "ho_va_ten": profile.full_name,
            "so_dinh_danh": profile.id_number,
            "dien_thoai": profile.phone,
            "dia_chi": profile.address,
            "ngay_sinh": profile.date_of_birth,
        }
    return data


def dossier_data(dossier) -> dict:
    rating = _one(dossier, "rating")
    return {
        "ma_ho_so": dossier.code,
        "ma_tham_chieu": str(dossier.reference),
        "thu_tuc": {"ma": dossier.procedure.code, "ten": dossier.procedure.name},
        "co_quan": dossier.agency.name,
        "kenh_nop": str(Channel(dossier.channel).label),
        "trang_thai": {"ma": dossier.status, "ten": citizen_text(dossier.status)},
        "nguoi_nop": {
            "ho_ten": dossier.applicant_name,
            "so_dinh_danh": dossier.applicant_id_number,
            "dien_thoai": dossier.applicant_phone,
            "thu_dien_tu": dossier.applicant_email,
            "dia_chi": dossier.applicant_address,
        },
        "trich_yeu": dossier.summary,
        "to_khai": dossier.form_data,
        "nop_luc": dossier.submitted_at,
        "tiep_nhan_luc": dossier.received_at,
        "hen_tra": dossier.due_at,
        "xu_ly_xong_luc": dossier.finished_at,
        "tra_ket_qua_luc": dossier.returned_at,
        "ket_qua": {
            "so_ky_hieu": dossier.result_number,
            "ngay_ban_hanh": dossier.result_date,
            "nguoi_ky": dossier.result_signer,
        },
        "an_danh_hoa_luc": dossier.anonymised_at,
        "qua_trinh_xu_ly": [
            {
                "luc": event.at,
                "thao_tac": _label(Action, event.action),
                "trang_thai": citizen_text(event.to_status) if event.to_status is not None else "",
                "ghi_chu": event.note,
            }
            for event in dossier.events.filter(public=True)
        ],
        "yeu_cau_bo_sung": [
            {"luc": s.requested_at, "ly_do": s.reason, "hoan_thanh_luc": s.completed_at}
            for s in dossier.supplements.all()
        ],
        "danh_gia": (
            {"diem": rating.score, "nhan_xet": rating.comment, "luc": rating.at} if rating else None
        ),
        "thanh_toan": payments(dossier),
        "thong_bao_da_gui": [
            {"kenh": n.channel, "den": n.to, "tieu_de": n.subject, "gui_luc": n.sent_at}
            for n in dossier.notifications.all()
        ],
    }


def payments(dossier) -> list[dict]:
    if not apps.is_installed("congso.payments"):
        return []
    fields = ("order_reference", "amount", "items", "status", "method", "requested_at", "paid_at")
    return list(dossier.payments.values(*fields))


def accesses(dossiers) -> list[dict]:
    """Which staff action reached which of the citizen's dossiers, and when — the agency, not
    the officer's name (docs/retention.md says why)."""
    by_pk = {d.pk: d for d in dossiers}
    rows = PersonalDataAccess.objects.filter(dossier_id__in=list(by_pk)).order_by("at", "pk")
    return [
        {
            "luc": row.at,
            "ho_so": row.dossier_code,
            "co_quan": by_pk[row.dossier_id].agency.name,
            "thao_tac": str(PersonalDataAccess.What(row.what).label),
        }
        for row in rows
    ]


def _one(obj, name):
    """A reverse one-to-one row, or None when there is none."""
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _add_files(archive, folder: str, dossier) -> list[dict]:
    listed = []
    for stored in dossier.files.exclude(file="").order_by("uploaded_at", "pk"):
        if stored.kind == DossierFile.Kind.RESULT and (
            dossier.status != Status.RETURNED or stored.superseded
        ):
            continue  # a result is the citizen's once returned (views/files.can_read_file)
        name = f"{folder}/{stored.kind}/{stored.pk}-{_safe(stored.name)}"
        if _copy(archive, stored.file, name):
            listed.append(
                {
                    "ten": stored.name,
                    "loai": str(DossierFile.Kind(stored.kind).label),
                    "tep_trong_goi": name,
                    "tai_len_luc": stored.uploaded_at,
                    "sha256": stored.sha256,
                }
            )
    return listed


def _add_slips(archive, folder: str, dossier) -> list[dict]:
    listed = []
    for slip in dossier.slips.filter(form__in=APPLICANT_FORMS).exclude(file=""):
        name = f"{folder}/phieu/mau-{slip.form}-{slip.pk}.pdf"
        if _copy(archive, slip.file, name):
            listed.append({"mau": slip.form, "tep_trong_goi": name, "luc": slip.created_at})
    return listed


def _copy(archive, field_file, name: str) -> bool:
    try:
        with field_file.open("rb") as source, archive.open(name, "w") as target:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                target.write(chunk)
        return True
    except OSError as error:  # a file missing on disk is listed as such, not a failed export
        log.warning("retention: export skipped %s: %s", name, error)
        return False


def purge_expired(now=None) -> int:
    """Delete the zips whose link has expired; their rows stay as the record of the export."""
    now = now or records.now()
    count = 0
    for export in DataExport.objects.filter(state=DataExport.State.READY, expires_at__lte=now):
        export.file.delete(save=False)
        export.state = DataExport.State.EXPIRED
        export.save(update_fields=["file", "state"])
        count += 1
    return count
