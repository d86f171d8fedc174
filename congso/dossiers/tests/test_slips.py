"""The slips of Circular 01/2018/TT-VPCP (forms 01–05) as PDF: read back with pypdfium2, the way a
citizen's viewer would, and the QR code compared module by module with the one segno builds."""

import dataclasses
import datetime as dt
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import segno

from congso.documents import pdfrender
from congso.dossiers.calendar import VN, Timeliness
from congso.dossiers.slips import (
    FORM_TITLES,
    QR_BORDER,
    QR_SCALE,
    SlipData,
    SlipEvent,
    SlipParty,
    make_qr,
    punctuality_text,
    qr_png,
    render_slip,
    slip_filename,
)

CODE = "000.00.12.H56-260504-0001"
URL = f"https://congso.example/tra-cuu/{CODE}"
FORMS = sorted(FORM_TITLES)


def vn(year, month, day, hour=0, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


EVENTS = (
    SlipEvent(
        "Tiếp nhận hồ sơ", "Nguyễn Văn A (mẫu)", vn(2026, 5, 4, 9, 4), vn(2026, 5, 4, 17), vn(2026, 5, 4, 9, 30), "Đúng hạn"
    ),
    SlipEvent(
        "Thẩm định hồ sơ", "Trần Văn D (mẫu)", vn(2026, 5, 4, 9, 30), vn(2026, 5, 6, 17), vn(2026, 5, 5, 15), "Trước hạn"
    ),
    SlipEvent(
        "Phê duyệt kết quả", "Lê Thị E (mẫu)", vn(2026, 5, 5, 15), vn(2026, 5, 7, 17), vn(2026, 5, 8, 8), "Trễ hạn", "Chờ ý kiến phối hợp"
    ),
    SlipEvent("Trả kết quả", "Nguyễn Văn A (mẫu)", vn(2026, 5, 8, 8), vn(2026, 5, 8, 17)),
)  # fmt: skip


def make_slip(form="01", **changes) -> SlipData:
    values = dict(
        form=form,
        agency_name="Sở Thông tin và Truyền thông (mẫu)",
        agency_parent_name="Ủy ban nhân dân tỉnh (mẫu)",
        code=CODE,
        procedure_name="Cấp giấy phép xuất bản bản tin (dữ liệu mẫu)",
        applicant=SlipParty("Trần Thị Bình (mẫu)", "Số 1 đường Mẫu, phường Mẫu", "0900 000 000"),
        received_at=vn(2026, 5, 4, 9, 4),
        due_at=vn(2026, 5, 8, 17, 0),
        components=[("Đơn đề nghị cấp giấy phép", "01 bản chính"), ("Mẫu bản tin", 2)],
        officer_name="Nguyễn Văn A (mẫu)",
        tracking_url=URL,
        reason="Bổ sung bản sao giấy phép thành lập.\nBổ sung mẫu trình bày bản tin.",
        old_due_at=vn(2026, 5, 8, 17, 0),
        new_due_at=vn(2026, 5, 12, 10, 30),
        events=EVENTS,
        issued_at=vn(2026, 5, 4, 9, 5),
        place="Hà Tĩnh",
    )
    values.update(changes)
    return SlipData(**values)


def pdf_text(pdf: bytes) -> str:
    """Text of every page, whitespace folded: a wrapped line reads as one."""
    doc = pdfium.PdfDocument(pdf)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    return unicodedata.normalize("NFC", " ".join(text.split()))


def page_count(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def first_page_images(pdf: bytes) -> list:
    """Bitmaps (PIL, greyscale) of the images drawn on page 1."""
    doc = pdfium.PdfDocument(pdf)
    try:
        objects = doc[0].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))
        return [image.get_bitmap().to_pil().convert("L") for image in objects]
    finally:
        doc.close()


def chars_outside_the_page(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        outside = 0
        for page in doc:
            width = page.get_width()
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                left, _, right, _ = textpage.get_charbox(index)
                outside += left < 0 or right > width
        return outside
    finally:
        doc.close()


# Every form
@pytest.mark.parametrize("form", FORMS)
def test_every_form_renders_a_pdf_of_at_least_one_page(form):
    pdf = render_slip(make_slip(form))

    assert pdf.startswith(b"%PDF-")
    assert page_count(pdf) >= 1


@pytest.mark.parametrize("form", FORMS)
def test_every_form_shows_its_vietnamese_title_with_diacritics(form):
    assert FORM_TITLES[form].upper() in pdf_text(render_slip(make_slip(form)))


@pytest.mark.parametrize("form", FORMS)
def test_every_form_shows_the_dossier_code_and_the_applicant(form):
    text = pdf_text(render_slip(make_slip(form)))

    assert CODE in text
    assert "Trần Thị Bình (mẫu)" in text


@pytest.mark.parametrize("form", ["01", "02", "05"])
def test_the_forms_that_promise_a_date_show_the_due_date(form):
    assert "17:00 08/05/2026" in pdf_text(render_slip(make_slip(form)))


@pytest.mark.parametrize("form", FORMS)
def test_every_form_carries_one_qr_code(form):
    assert len(first_page_images(render_slip(make_slip(form)))) == 1


@pytest.mark.parametrize("form", FORMS)
def test_every_form_has_the_national_motto_and_the_issuing_agency(form):
    text = pdf_text(render_slip(make_slip(form)))

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN TỈNH (MẪU)" in text


# Dates
def test_dates_are_printed_in_vietnam_time_whatever_the_zone_given():
    received = dt.datetime(2026, 5, 4, 2, 4, tzinfo=dt.UTC)

    assert "09:04 04/05/2026" in pdf_text(render_slip(make_slip(received_at=received)))


def test_the_issue_date_is_written_out_with_place_day_month_and_year():
    text = pdf_text(render_slip(make_slip(issued_at=vn(2026, 12, 25, 9))))

    assert "Hà Tĩnh, ngày 25 tháng 12 năm 2026" in text


def test_days_below_ten_and_january_february_take_a_leading_zero_in_the_issue_date():
    assert "ngày 05 tháng 01 năm 2026" in pdf_text(render_slip(make_slip(issued_at=vn(2026, 1, 5))))


def test_naive_datetimes_are_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="received_at.*múi giờ"):
        make_slip(received_at=dt.datetime(2026, 5, 4, 9, 4))


def test_a_naive_datetime_in_a_hand_over_is_refused_too():
    with pytest.raises(ValueError, match="done_at.*múi giờ"):
        SlipEvent("Thẩm định", "Cán bộ (mẫu)", done_at=dt.datetime(2026, 5, 4, 9, 4))


def test_a_date_where_a_datetime_belongs_is_refused():
    with pytest.raises(ValueError, match="due_at"):
        make_slip(due_at=dt.date(2026, 5, 8))


# Form by form
def test_form_01_lists_the_documents_handed_in():
    text = pdf_text(render_slip(make_slip("01")))

    assert "Đơn đề nghị cấp giấy phép 01 bản chính" in text
    assert "Mẫu bản tin 2" in text


def test_form_02_lists_every_item_to_supplement():
    text = pdf_text(render_slip(make_slip("02")))

    assert "Bổ sung bản sao giấy phép thành lập." in text
    assert "Bổ sung mẫu trình bày bản tin." in text


def test_form_03_gives_the_reason_for_refusal():
    reason = "Thủ tục không thuộc thẩm quyền giải quyết của cơ quan (mẫu)."

    assert reason in pdf_text(render_slip(make_slip("03", reason=reason)))


def test_form_04_shows_the_old_and_the_new_return_dates():
    text = pdf_text(render_slip(make_slip("04")))

    assert "17:00 08/05/2026" in text
    assert "10:30 12/05/2026" in text


def test_form_04_falls_back_to_the_due_date_as_the_date_it_apologises_for():
    text = pdf_text(render_slip(make_slip("04", old_due_at=None, due_at=vn(2026, 5, 7, 16))))

    assert "16:00 07/05/2026" in text


def test_form_05_lists_every_hand_over_with_its_punctuality():
    text = pdf_text(render_slip(make_slip("05")))

    for event in EVENTS:
        assert event.step in text
        assert event.actor in text
    assert "Chờ ý kiến phối hợp" in text
    for words in ("Trước hạn", "Đúng hạn", "Trễ hạn"):
        assert text.count(words) == 1


def test_form_05_rows_keep_the_order_of_the_hand_overs():
    text = pdf_text(render_slip(make_slip("05")))

    positions = [text.index(event.step) for event in EVENTS]
    assert positions == sorted(positions)


def test_form_05_with_many_hand_overs_runs_onto_more_pages_and_loses_none():
    events = [
        SlipEvent(f"Bước số {n}", "Cán bộ (mẫu)", vn(2026, 5, 4, 8), punctuality_text="Đúng hạn")
        for n in range(1, 61)
    ]
    pdf = render_slip(make_slip("05", events=events))
    text = pdf_text(pdf)

    assert page_count(pdf) > 1
    assert all(f"Bước số {n} " in text for n in range(1, 61))


def test_form_05_without_hand_overs_says_so():
    assert "Chưa có bước xử lý nào." in pdf_text(render_slip(make_slip("05", events=[])))


# Bad or awkward input
def test_a_very_long_procedure_name_wraps_inside_the_page():
    name = " ".join(["Thủ tục cấp, cấp lại, điều chỉnh giấy phép hoạt động (mẫu)"] * 40)
    pdf = render_slip(make_slip("01", procedure_name=name))

    assert "điều chỉnh giấy phép hoạt động (mẫu)" in pdf_text(pdf)
    assert chars_outside_the_page(pdf) == 0


def test_a_long_tracking_url_without_spaces_wraps_inside_the_page():
    pdf = render_slip(make_slip("01", tracking_url=URL + "?secret=" + "x" * 150))

    assert chars_outside_the_page(pdf) == 0


def test_markup_in_user_text_is_printed_not_interpreted():
    party = SlipParty("Công ty <b>A</b> & Cộng sự (mẫu)")

    assert "Công ty <b>A</b> & Cộng sự (mẫu)" in pdf_text(render_slip(make_slip(applicant=party)))


def test_an_unknown_form_is_refused():
    with pytest.raises(ValueError, match="06"):
        make_slip("06")


def test_form_04_without_a_new_date_is_refused():
    with pytest.raises(ValueError, match="hẹn trả mới"):
        make_slip("04", new_due_at=None)


@pytest.mark.parametrize("form", ["02", "03"])
def test_supplement_and_refusal_slips_without_a_reason_are_refused(form):
    with pytest.raises(ValueError, match="lý do"):
        make_slip(form, reason="  ")


def test_a_slip_without_a_tracking_url_has_no_qr_code():
    assert first_page_images(render_slip(make_slip(tracking_url=""))) == []


def test_without_a_vietnamese_font_rendering_fails_with_advice(monkeypatch):
    monkeypatch.setattr(pdfrender, "FONT_CANDIDATES", [("/nonexistent.ttf", "/nonexistent-b.ttf")])
    monkeypatch.setattr("reportlab.pdfbase.pdfmetrics.getRegisteredFontNames", lambda: [])

    with pytest.raises(pdfrender.FontMissing, match="fonts-dejavu-core"):
        render_slip(make_slip())


# QR code
def test_the_qr_code_encodes_the_tracking_url_exactly():
    assert make_qr(URL).matrix == segno.make(URL, error="m", micro=False).matrix


def test_the_qr_code_is_a_full_size_symbol_phones_can_read():
    qr = make_qr(URL)

    assert not qr.is_micro
    assert qr.error == "M"


def test_the_qr_code_needs_an_url():
    with pytest.raises(ValueError, match="tra cứu"):
        make_qr("")


def test_the_image_in_the_pdf_is_the_qr_code_of_the_tracking_url_module_by_module():
    (image,) = first_page_images(render_slip(make_slip()))
    matrix = segno.make(URL, error="m", micro=False).matrix

    assert image.size == make_qr(URL).symbol_size(scale=QR_SCALE, border=QR_BORDER)
    for row, modules in enumerate(matrix):
        for col, dark in enumerate(modules):
            x, y = ((QR_BORDER + n) * QR_SCALE + QR_SCALE // 2 for n in (col, row))
            assert (image.getpixel((x, y)) < 128) == bool(dark), (row, col)


def test_the_qr_png_is_small():
    assert len(qr_png(URL)) < 2_000


# Helpers
def test_the_file_name_carries_the_form_and_the_code():
    assert slip_filename(CODE, "01") == "phieu-01-000.00.12.H56-260504-0001.pdf"


def test_the_file_name_replaces_characters_a_header_would_choke_on():
    name = slip_filename('Mã "x"/1', "05")

    assert name.isascii()
    assert not set(name) & set(' "/\\')
    assert name.startswith("phieu-05-M") and name.endswith("x--1.pdf")


def test_punctuality_words_follow_the_calendar_timeliness():
    assert [punctuality_text(t) for t in Timeliness] == ["Trước hạn", "Đúng hạn", "Trễ hạn"]
    assert punctuality_text(None) == ""


def test_the_same_slip_renders_to_the_same_bytes():
    slip = make_slip("05")

    assert render_slip(slip) == render_slip(dataclasses.replace(slip))
