"""Each kind's fields and the refusals an editor meets, in Vietnamese, with nothing saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congso.publications import models as m
from congso.publications.fields import VndAmountFormField
from congso.publications.tests.factories import make_item, make_recruitment, sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(home):
    return sections(home)


def errors_of(page) -> dict:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def unsaved(index, **fields):
    from congso.publications.tests.factories import _defaults

    model = index.get_item_model()
    values = {"summary": "Tóm tắt", **_defaults(model), **fields}
    page = model(title="Mục thử", slug="muc-thu", **values)
    page.depth, page.path = index.depth + 1, index.path + "9999"
    return page


def test_a_recruitment_deadline_in_the_past_is_refused_in_vietnamese(found):
    page = unsaved(found["tuyen-dung"], apply_deadline=timezone.now() - timedelta(hours=1))
    message = errors_of(page)["apply_deadline"][0]
    assert message.startswith("Hạn nộp hồ sơ đã qua")
    assert "Hãy chọn một thời điểm sau hiện tại" in message


def test_a_bidding_closing_time_in_the_past_is_refused(found):
    page = unsaved(found["thong-tin-dau-thau"], closing_at=timezone.now() - timedelta(days=1))
    assert errors_of(page)["closing_at"][0].startswith("Thời điểm đóng thầu đã qua")


def test_a_notice_whose_deadline_passed_can_still_be_corrected(found):
    page = make_recruitment(
        found["tuyen-dung"], apply_deadline=timezone.now() - timedelta(days=3), history=True
    )
    page.loading_history = False
    page.summary = "Sửa lỗi chính tả trong tóm tắt."
    page.full_clean()  # the deadline itself did not move


def test_moving_an_old_deadline_to_another_past_time_is_refused(found):
    page = make_recruitment(
        found["tuyen-dung"], apply_deadline=timezone.now() - timedelta(days=3), history=True
    )
    page.loading_history = False
    page.apply_deadline = timezone.now() - timedelta(days=2)
    assert "apply_deadline" in errors_of(page)


def test_a_negative_amount_is_refused_in_vietnamese(found):
    page = unsaved(found["du-an-dau-tu"], total_investment=-1)
    assert errors_of(page)["total_investment"] == ["Số tiền không được âm."]


@pytest.mark.parametrize(
    "typed,amount",
    [("1.250.000.000", 1_250_000_000), ("45 000 000", 45_000_000), ("0", 0), ("", None)],
)
def test_amounts_are_typed_with_vietnamese_grouping(typed, amount):
    assert VndAmountFormField(required=False).clean(typed) == amount


@pytest.mark.parametrize(
    "typed,message",
    [("-5.000", "Số tiền không được âm."), ("12,5 tỷ", "Số tiền chỉ gồm chữ số")],
)
def test_a_bad_amount_in_the_form_gets_a_vietnamese_message(typed, message):
    with pytest.raises(ValidationError) as caught:
        VndAmountFormField(required=False).clean(typed)
    assert caught.value.messages[0].startswith(message)


def test_the_amount_is_shown_with_vietnamese_grouping(found):
    page = make_item(
        found["du-an-dau-tu"], "Dự án trung tâm dữ liệu", total_investment=45_000_000_000
    )
    assert ("Tổng mức đầu tư", "45.000.000.000 đồng") in [(str(a), b) for a, b in page.shown_facts]
    assert VndAmountFormField().prepare_value(45_000_000_000) == "45.000.000.000"


def test_a_plan_cannot_end_before_it_starts(found):
    page = unsaved(found["chien-luoc-ke-hoach"], year_from=2025, year_to=2021)
    assert errors_of(page)["year_to"] == ["Năm kết thúc không được trước năm bắt đầu."]


def test_a_plan_year_out_of_range_is_refused(found):
    page = unsaved(found["chien-luoc-ke-hoach"], year_from=1800)
    assert errors_of(page)["year_from"] == ["Năm phải trong khoảng 1945–2100."]


def test_a_quarterly_budget_report_needs_its_quarter(found):
    page = unsaved(found["cong-khai-ngan-sach"], kind=m.BudgetKind.QUARTER)
    assert "quý" in errors_of(page)["quarter"][0]


def test_only_a_quarterly_report_has_a_quarter(found):
    page = unsaved(found["cong-khai-ngan-sach"], kind=m.BudgetKind.FINAL, quarter=2)
    assert "quarter" in errors_of(page)


def test_a_quarterly_budget_report_reads_with_its_quarter(found):
    page = make_item(
        found["cong-khai-ngan-sach"], "Thực hiện dự toán quý", kind=m.BudgetKind.QUARTER,
        quarter=2, fiscal_year=2025, total_amount=3_125_000_000,
    )  # fmt: skip
    facts = dict((str(a), b) for a, b in page.shown_facts)
    assert facts["Năm ngân sách"] == "Quý II/2025"
    assert facts["Tổng số"] == "3.125.000.000 đồng"


@pytest.mark.parametrize(
    "kind,number,ok",
    [("month", 12, True), ("month", 13, False), ("quarter", 4, True), ("quarter", 5, False),
     ("quarter", None, False), ("year", None, True), ("year", 1, False)],
)  # fmt: skip
def test_a_statistics_period_must_exist(found, kind, number, ok):
    page = unsaved(found["thong-ke-chuyen-nganh"], period_kind=kind, period_number=number)
    if ok:
        page.full_clean()
    else:
        assert "period_number" in errors_of(page)


def test_a_statistics_period_reads_as_vietnamese_readers_write_it(found):
    page = make_item(
        found["thong-ke-chuyen-nganh"],
        "Số liệu quý",
        period_kind="quarter",
        period_number=3,
        year=2025,
    )
    assert page.period_label == "Quý III/2025"


def test_a_position_needs_at_least_one_person():
    position = m.RecruitmentPosition(title="Chuyên viên", number=0)
    with pytest.raises(ValidationError) as caught:
        position.full_clean(exclude=["page"])
    assert caught.value.message_dict["number"] == ["Số lượng cần tuyển ít nhất là 1."]


def test_a_recruitment_notice_counts_its_positions(found):
    page = make_recruitment(found["tuyen-dung"], positions=[("A", 2, ""), ("B", 3, "")])
    assert page.total_positions == 5
    assert ("Số lượng cần tuyển", "5 người") in [(str(a), b) for a, b in page.shown_facts]


def stored_file(title: str, marked_public: bool):
    from django.core.files.base import ContentFile

    from congso.documents.models.files import FileDocument

    document = FileDocument(title=title, marked_public=marked_public)
    document.file.save("mau.xlsx", ContentFile(b"bang so lieu"), save=False)
    document.save()
    return document


def test_a_file_readers_cannot_download_is_refused(found):
    from congso.publications.models.base import PublicFileBlock

    hidden = stored_file("Bảng lương nội bộ", marked_public=False)
    with pytest.raises(ValidationError) as caught:
        PublicFileBlock().clean({"document": hidden, "label": ""})
    assert "chưa được đánh dấu “cho phép tải công khai”" in caught.value.messages[0]


def test_a_file_marked_public_is_accepted(found):
    from congso.publications.models.base import PublicFileBlock

    shown = stored_file("Mẫu phiếu đăng ký", marked_public=True)
    assert PublicFileBlock().clean({"document": shown, "label": ""})["document"] == shown


def test_the_admin_refuses_a_negative_package_price_and_saves_nothing(admin_client, found):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    index = found["thong-tin-dau-thau"]
    data = nested_form_data(
        {
            "title": "Mời thầu thử",
            "slug": "moi-thau-thu",
            "summary": "Tóm tắt",
            "package_name": "Gói thử",
            "bidding_form": "open",
            "package_price": "-2.000.000",
            "closing_at": (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%d %H:%M"),
            "body": streamfield([]),
            "attachments": streamfield([]),
            "date": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/publications/biddingnoticepage/{index.pk}/", data
    )
    assert response.status_code == 200
    assert "Số tiền không được âm." in response.content.decode()
    assert not m.BiddingNoticePage.objects.exists()
