"""The one place that speaks the National Public Service Portal's field names.

Everything the portal receives is built here, from congso's own records, and nowhere else; the
table in docs/national-sync.md follows this module field by field. The names come from the
public source of OpenCPS (VietOpenCPS/opencps-v2, `DVCQGIntegrationActionImpl`: the bodies of
DongBoHoSoMC and CapNhatTienDoHoSoMC); names no public source showed us are listed in
`UNCONFIRMED` and marked "chưa xác nhận" in the docs. The official specification is given to
integrating agencies, not published: check it before going live.

Personal data is kept to what the payload needs: the applicant's name (ChuHoSo) and the contact
the portal uses to reach them (Email, SoDienThoai); never the identity number, address, e-form
data, file contents or the names of uploaded files; an applicant's own actions carry no name;
internal notes between officers are not sent (only the action's name).
"""

import datetime as dt

from congso.dossiers.calendar import VN
from congso.dossiers.status import Action, Channel, Role, Status

SYNC = "DongBoHoSoMC"
PROGRESS = "CapNhatTienDoHoSoMC"

DATE_FORMAT = "%Y%m%d%H%M%S"  # yyyyMMddHHmmss, Vietnam time

# Names we send that no public source we found shows (the docs mark them "chưa xác nhận"); the
# values of some confirmed names are guesses too (marked where they are built).
UNCONFIRMED = frozenset({"KenhThucHien", "IdBanTin"})

# LoaiDoiTuong: 1 citizen, 2 organisation/business (OpenCPS). congso does not yet record
# organisations as applicants, so every dossier is a citizen's.
CITIZEN = "1"

# The actions whose note is written for the applicant to read (a refusal's reason, what to
# supplement…): sent with the action's name. Every other note — internal hand-overs, and the
# file name an attachment event notes — stays in congso.
NOTE_ACTIONS = frozenset(
    {
        Action.REFUSE,
        Action.REQUEST_SUPPLEMENT,
        Action.STOP,
        Action.WITHDRAW,
        Action.APOLOGIZE,
        Action.REOPEN,
        Action.RATE,
    }
)

APPLICANT_ACTIONS = frozenset(
    {Action.SUPPLEMENT, Action.WITHDRAW, Action.RATE, Action.SUBMIT, Action.ATTACH}
)


def national_date(moment) -> str:
    """yyyyMMddHHmmss in Asia/Ho_Chi_Minh; "" when there is no moment."""
    if moment is None:
        return ""
    if isinstance(moment, dt.datetime):
        return moment.astimezone(VN).strftime(DATE_FORMAT)
    return moment.strftime("%Y%m%d") + "000000"  # a date: its start, as OpenCPS formats dates


def national_status(status: int) -> str:
    """The national code (1..10) as text, read from congso.dossiers.status; draft (0) has none."""
    code = Status(status)
    if code == Status.DRAFT:
        raise ValueError("Hồ sơ nháp không được đồng bộ lên Cổng DVC quốc gia.")
    return str(int(code))


def channel_code(channel: int) -> str:
    """KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính (chưa xác nhận). Never raises: a
    failure here would roll the officer's action back (it runs inside its transaction)."""
    return str(int(channel)) if channel in Channel.values else ""


def _result_files(dossier) -> list[dict]:
    return [
        {
            "TenGiayTo": f.component.name if f.component_id else "Kết quả giải quyết",
            "MaThanhPhanHoSo": str(f.component_id or ""),
            "GiayToId": str(f.pk),
            # Files are private (docs/decisions/0006): the portal gets no address to fetch.
            "DuongDanTepTinKetQua": "",
        }
        for f in dossier.files.all()
        if f.kind == "result" and not f.superseded
    ]


def _submitted_files(dossier) -> list[dict]:
    return [
        {
            "TepDinhKemId": str(f.pk),
            # The component's name, not the uploaded file's (which may carry a person's name).
            "TenTepDinhKem": f.component.name if f.component_id else "Tệp bổ sung",
            "IsDeleted": "1" if f.superseded else "0",
            "MaThanhPhanHoSo": str(f.component_id or ""),
            "DuongDanTaiTepTin": "",
        }
        for f in dossier.files.all()
        if f.kind != "result"
    ]


def _fees(dossier) -> list[dict]:
    return [
        {
            "TenPhiLePhi": fee.description,
            "MaPhiLePhi": str(fee.pk),
            "HinhThucThu": "",
            "Gia": str(fee.amount),
            "LoaiPhiLePhi": "",
        }
        for fee in dossier.procedure.fees.all()
    ]


def _supplements(dossier) -> list[dict]:
    return [
        {
            "HoSoBoSungId": str(s.pk),
            "NguoiYeuCauBoSung": _officer_name(s.requested_by),
            "NoiDungBoSung": s.reason,
            "NgayBoSung": national_date(s.requested_at),
            "NguoiTiepNhanBoSung": "",
            "ThongTinTiepNhan": "",
            "NgayTiepNhanBoSung": national_date(s.completed_at),
            # 1 asked, 2 completed (chưa xác nhận: the portal's own values are not public).
            "TrangThaiBoSung": "2" if s.completed_at else "1",
            "DanhSachGiayToBoSung": [],
            "DanhSachLePhiBoSung": [],
            "NgayHenTraTruoc": "",
            "NgayHenTraMoi": "",
        }
        for s in dossier.supplements.all()
    ]


def _officer_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def dossier_payload(dossier) -> dict:
    """The DongBoHoSoMC record of one dossier, as it stands now."""
    procedure = dossier.procedure
    field = procedure.field
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": procedure.code,
        "TenTTHC": procedure.name,
        "MaLinhVuc": field.code if field else "",
        "TenLinhVuc": field.name if field else "",
        "KenhThucHien": channel_code(dossier.channel),
        "ChuHoSo": dossier.applicant_name,
        "LoaiDoiTuong": CITIZEN,
        # The identity number is not needed by the payload (OpenCPS sends it empty).
        "MaDoiTuong": "",
        "ThongTinKhac": "",
        "Email": dossier.applicant_email,
        "Fax": "",
        "SoDienThoai": dossier.applicant_phone,
        "TrichYeuHoSo": dossier.summary or procedure.name,
        "NgayTiepNhan": national_date(dossier.received_at),
        "NgayHenTra": national_date(dossier.due_at),
        "TrangThaiHoSo": national_status(dossier.status),
        "NgayTra": national_date(dossier.returned_at),
        "ThongTinTra": dossier.result_number if dossier.returned_at else "",
        # 0 result handed over at the office, 1 by public postal service (chưa xác nhận).
        "HinhThuc": "1" if dossier.channel == Channel.POSTAL else "0",
        "NgayKetThucXuLy": national_date(dossier.finished_at),
        "DonViXuLy": dossier.agency.name,
        "GhiChu": "",
        "TaiLieuNop": _submitted_files(dossier),
        "DanhSachLePhi": _fees(dossier),
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": _supplements(dossier),
        "DanhSachGiayToKetQua": _result_files(dossier),
    }


def _handler(event) -> tuple[str, str]:
    """NguoiXuLy and ChucDanh: the officer and their role; the applicant stays unnamed."""
    if event.action in APPLICANT_ACTIONS or event.role == "applicant":
        return "Người nộp hồ sơ", "Người nộp hồ sơ"
    if event.actor_id is None and not event.actor_name:
        return "Hệ thống", ""
    role = str(Role(event.role).label) if event.role in Role.values else ""
    return event.actor_name, role


def _content(event) -> str:
    """NoiDungXuLy: the action's name; the note too when it is written for the applicant (a
    refusal's reason, a supplement request), never an internal note or a file name."""
    label = str(Action(event.action).label) if event.action in Action.values else event.action
    if event.public and event.note and event.action in NOTE_ACTIONS:
        return f"{label}: {event.note}"
    return label


def progress_payload(dossier, event, *, step_started_at=None) -> dict:
    """One CapNhatTienDoHoSoMC entry (QuaTrinhXuLy) for `event`."""
    who, title = _handler(event)
    return {
        "MaHoSo": dossier.code,
        "NguoiXuLy": who,
        "ChucDanh": title,
        "ThoiDiemXuLy": national_date(event.at),
        "PhongBanXuLy": dossier.agency.name,
        "NoiDungXuLy": _content(event),
        "TrangThai": national_status(event.to_status or dossier.status),
        "NgayBatDau": national_date(step_started_at),
        "NgayKetThucTheoQuyDinh": national_date(event.step_due_at),
    }


def envelope(message, agency_code: str) -> dict:
    """The body POSTed for one outbox message: the service name, whether it updates a dossier
    the portal already holds, the agency's code, and the records (`data`, a list, as OpenCPS
    sends). `IdBanTin` is congso's own message id (also the Idempotency-Key header) so that a
    retried request is recognised."""
    body = {
        "service": message.kind,
        "madonvi": agency_code,
        "IdBanTin": str(message.pk),
        "data": [message.payload],
    }
    if message.kind == SYNC:
        body["isUpdating"] = "False"
    return body
