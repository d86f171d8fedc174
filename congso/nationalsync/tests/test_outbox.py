"""Every event of a received dossier queues one message, in the event's own transaction."""

import json
import re

import pytest

from congso.dossiers.models import Event
from congso.dossiers.services import Conflict
from congso.dossiers.services.processing import perform
from congso.dossiers.tests.factories import APPLICANT, submitted_dossier, vn
from congso.nationalsync.models import Kind, OutboxMessage, State

pytestmark = pytest.mark.django_db

RECEIVED = vn(2026, 5, 5, 9, 0)
FORWARDED = vn(2026, 5, 6, 10, 30)
APPROVED = vn(2026, 5, 7, 14, 15)


def kinds(dossier):
    return list(
        OutboxMessage.objects.filter(dossier=dossier).order_by("pk").values_list("kind", flat=True)
    )


def test_receiving_a_dossier_queues_one_dongbohosomc_message(run):
    dossier = run(None, [(RECEIVED, "one_stop", "receive")])
    message = OutboxMessage.objects.get(dossier=dossier)
    assert (message.kind, message.state, message.attempts) == (Kind.SYNC, State.PENDING, 0)
    assert message.event == Event.objects.filter(dossier=dossier, action="receive").get()
    assert message.payload["MaHoSo"] == dossier.code


def test_nothing_is_queued_before_receipt(run, office):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    assert Event.objects.filter(dossier=dossier).count() >= 2  # created, attached, submitted
    assert not OutboxMessage.objects.exists()


def test_a_dossier_refused_at_the_desk_is_not_synchronised(run):
    run(None, [(RECEIVED, "one_stop", "refuse", {"reason": "Thiếu giấy tờ (mẫu)"})])
    assert not OutboxMessage.objects.exists()


def test_later_events_queue_progress_updates_internal_hand_overs_included(run):
    dossier = run(
        None,
        [
            (RECEIVED, "one_stop", "receive"),
            (FORWARDED, "specialist", "forward", {"note": "Đề nghị lãnh đạo duyệt"}),
            (APPROVED, "leader", "approve"),
        ],
    )
    assert kinds(dossier) == [Kind.SYNC, Kind.PROGRESS, Kind.PROGRESS]
    statuses = [m.payload["TrangThai"] for m in OutboxMessage.objects.filter(kind=Kind.PROGRESS)]
    assert statuses == ["4", "9"]


def test_an_internal_note_between_officers_is_not_sent(run):
    run(
        None,
        [
            (RECEIVED, "one_stop", "receive"),
            (FORWARDED, "specialist", "forward", {"note": "Ghi chú nội bộ bí mật"}),
        ],
    )
    forward = OutboxMessage.objects.get(kind=Kind.PROGRESS)
    assert forward.payload["NoiDungXuLy"] == "Chuyển bước tiếp theo"
    assert "bí mật" not in json.dumps(forward.payload, ensure_ascii=False)


def test_an_action_that_rolls_back_leaves_no_message(run, office, clock, monkeypatch):
    from congso.dossiers.services import slips_issue

    dossier = submitted_dossier(office["procedure"], office["citizen"])

    def broken_slip(*args, **kwargs):
        raise Conflict("Máy in hỏng (thử)")

    monkeypatch.setattr(slips_issue, "issue_slip", broken_slip)
    clock.set(RECEIVED)
    with pytest.raises(Conflict):
        perform(dossier.pk, office["one_stop"], "receive")
    assert not Event.objects.filter(dossier=dossier, action="receive").exists()
    assert not OutboxMessage.objects.exists()


def test_sample_dossiers_never_reach_the_outbox(run, office, clock):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    type(dossier).objects.filter(pk=dossier.pk).update(is_sample=True)
    clock.set(RECEIVED)
    perform(dossier.pk, office["one_stop"], "receive")
    assert not OutboxMessage.objects.exists()


def test_the_dossier_payload_uses_national_names_and_vietnam_time(run, office):
    dossier = run(None, [(RECEIVED, "one_stop", "receive")])
    payload = OutboxMessage.objects.get().payload
    procedure = office["procedure"]
    assert payload["MaTTHC"] == procedure.code
    assert payload["TenTTHC"] == procedure.name
    assert payload["MaLinhVuc"] == "TEST"
    assert payload["KenhThucHien"] == "2"  # trực tuyến
    assert payload["TrangThaiHoSo"] == "2"  # được tiếp nhận
    assert payload["NgayTiepNhan"] == "20260505090000"
    assert payload["NgayHenTra"] == dossier.due_at.astimezone(vn(2026, 1, 1).tzinfo).strftime(
        "%Y%m%d%H%M%S"
    )
    assert payload["ChuHoSo"] == APPLICANT["name"]
    assert payload["DonViXuLy"] == office["agency"].name
    assert payload["NgayTra"] == ""


def test_the_payload_carries_no_identity_number_address_or_file_names(run):
    run(None, [(RECEIVED, "one_stop", "receive")])
    text = json.dumps(OutboxMessage.objects.get().payload, ensure_ascii=False)
    assert APPLICANT["id_number"] not in text
    assert APPLICANT["address"] not in text
    assert "don.pdf" not in text


def test_a_progress_entry_has_the_national_fields_and_date_format(run, office):
    run(
        None,
        [
            (RECEIVED, "one_stop", "receive"),
            (FORWARDED, "specialist", "forward"),
        ],
    )
    entry = OutboxMessage.objects.get(kind=Kind.PROGRESS).payload
    assert set(entry) == {
        "MaHoSo",
        "NguoiXuLy",
        "ChucDanh",
        "ThoiDiemXuLy",
        "PhongBanXuLy",
        "NoiDungXuLy",
        "TrangThai",
        "NgayBatDau",
        "NgayKetThucTheoQuyDinh",
    }
    assert entry["ThoiDiemXuLy"] == "20260506103000"
    assert entry["NgayBatDau"] == "20260505090000"  # when the finished step began
    assert re.fullmatch(r"\d{14}", entry["NgayKetThucTheoQuyDinh"])
    assert entry["NguoiXuLy"] == office["specialist"].get_full_name()
    assert entry["ChucDanh"] == "Chuyên viên"


def test_the_applicants_own_action_names_no_one(run):
    run(
        None,
        [
            (RECEIVED, "one_stop", "receive"),
            (FORWARDED, "citizen", "withdraw", {"reason": "Không cần nữa"}),
        ],
    )
    entry = OutboxMessage.objects.get(kind=Kind.PROGRESS).payload
    assert entry["NguoiXuLy"] == "Người nộp hồ sơ"
    assert entry["TrangThai"] == "7"


def test_anonymising_a_dossier_clears_the_applicant_from_its_messages(run):
    from congso.nationalsync.outbox import on_dossier_anonymised

    dossier = run(
        None,
        [
            (RECEIVED, "one_stop", "receive"),
            (FORWARDED, "citizen", "withdraw", {"reason": "Lý do riêng của tôi"}),
        ],
    )
    on_dossier_anonymised(sender=None, dossier=dossier)
    text = json.dumps(
        list(OutboxMessage.objects.values_list("payload", flat=True)), ensure_ascii=False
    )
    for personal in (APPLICANT["name"], APPLICANT["email"], APPLICANT["phone"], "Lý do riêng"):
        assert personal not in text
    assert OutboxMessage.objects.get(kind=Kind.SYNC).payload["MaHoSo"] == dossier.code


def test_an_attachments_file_name_is_not_sent():
    from congso.nationalsync.mapping import _content

    attached = Event(action="attach", note="CCCD-nguyen-van-a.pdf", public=True)
    refused = Event(action="refuse", note="Thiếu tờ khai", public=True)
    assert _content(attached) == "Đính kèm tệp"
    assert _content(refused) == "Từ chối tiếp nhận: Thiếu tờ khai"
