"""The register, the Excel report and the PDF report agree with each other and with figures()
(the results page's numbers) for a month of dossiers driven through the real services."""

import datetime as dt
import re

import pytest

from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role
from congso.dossiers.tests.factories import make_procedure, make_staff, submitted_dossier
from congso.servicereports import monthly, monthly_docx, monthly_pdf, periodic, register
from congso.servicereports.figures import ROWS, display, report_figures
from congso.servicereports.tests.conftest import pdf_text, settle, vn, xlsx
from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures

pytestmark = pytest.mark.django_db

MAY = parse_period("2026-05")
AFTER_MAY = vn(2026, 6, 10, 8)


@pytest.fixture
def month(office, run, other_agency, clock):
    """Six dossiers of the office and two of a second agency, in and around May 2026."""
    run(
        None,
        [
            (vn(2026, 4, 28, 9), "one_stop", "receive"),  # carried over from April
            (vn(2026, 4, 29, 9), "specialist", "forward"),
            (vn(2026, 5, 5, 9), "leader", "approve"),
        ],
    )
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))  # early
    settle(run, vn(2026, 5, 5, 10), vn(2026, 5, 11, 9), vn(2026, 5, 14, 9))  # late
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "receive")])  # overdue at the end of May
    run(None, [(vn(2026, 5, 29, 9), "one_stop", "receive")])  # in progress, on time
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "refuse", {"reason": "Không thuộc thẩm quyền"})])
    other = other_agency["agency"]
    procedure = make_procedure(other, time_limit=3)
    desk = other_agency["one_stop"]
    for day in (12, 13):
        dossier = submitted_dossier(procedure, office["citizen"])
        clock.set(vn(2026, 5, day, 9))
        perform(dossier.pk, desk, "receive", None)
    make_staff(other, Role.LEADER)
    clock.set(AFTER_MAY)
    return [office["agency"], other]


def test_the_register_lists_every_dossier_received_in_the_month_once(office, month):
    book = xlsx(register.workbook(month, MAY))
    for agency, sheet in zip(month, book.worksheets, strict=True):
        codes = [row[1] for row in sheet.iter_rows(min_row=8, values_only=True)]
        assert len(codes) == len(set(codes))
        assert len(codes) == figures([agency.pk], MAY, now=AFTER_MAY)["received"]


def test_the_register_has_real_dates_in_day_month_year(office, month):
    sheet = xlsx(register.workbook(month[:1], MAY)).worksheets[0]
    received = sheet.cell(row=8, column=6)
    assert isinstance(received.value, dt.datetime) and received.number_format == "dd/mm/yyyy"
    assert received.value.date() == dt.date(2026, 5, 5)
    assert sheet.cell(row=8, column=1).value == 1  # STT is a number


def test_the_register_says_who_the_desk_handed_the_dossier_to(office, month):
    sheet = xlsx(register.workbook(month[:1], MAY)).worksheets[0]
    row = [c.value for c in sheet[8]]
    assert row[7] == "Thẩm định, xử lý hồ sơ" and row[8].date() == dt.date(2026, 5, 5)
    assert row[12] == "Giải quyết trước hạn"


def test_the_excel_report_equals_figures_for_each_agency_and_the_total(office, month):
    book = xlsx(periodic.workbook(month, MAY, AFTER_MAY))
    summary = book["Tổng hợp"]
    rows = [r for r in summary.iter_rows(min_row=8, values_only=True)]
    expected = [report_figures([a.pk], MAY, AFTER_MAY) for a in month]
    total = report_figures([a.pk for a in month], MAY, AFTER_MAY)
    for values, wanted in zip(rows, expected + [total], strict=True):
        assert list(values[2:]) == [wanted[row.key] for row in ROWS]
    flows = figures([a.pk for a in month], MAY, now=AFTER_MAY)
    assert all(total[key] == flows[key] for key in flows)
    assert total["carried_over"] == 1 and total["received"] == 6


def test_the_total_row_is_the_sum_of_the_agency_rows(office, month):
    summary = xlsx(periodic.workbook(month, MAY, AFTER_MAY))["Tổng hợp"]
    rows = list(summary.iter_rows(min_row=8, values_only=True))
    for col, row in enumerate(ROWS, start=2):
        if row.kind == "count":
            assert rows[-1][col] == sum(r[col] for r in rows[:-1])


def test_each_agency_sheet_lists_its_figures_as_numbers(office, month):
    sheet = xlsx(periodic.workbook(month, MAY, AFTER_MAY)).worksheets[1]
    wanted = report_figures([month[0].pk], MAY, AFTER_MAY)
    values = [r[2] for r in sheet.iter_rows(min_row=8, values_only=True)]
    assert values == [wanted[row.key] for row in ROWS]
    assert wanted["finished"] == 3 and wanted["finished_late"] == 1
    assert (wanted["in_progress_on_time"], wanted["in_progress_overdue"]) == (1, 1)


def test_the_pdf_report_prints_the_same_numbers(office, month):
    wanted = report_figures([month[0].pk], MAY, AFTER_MAY)
    report = monthly.build(month[0], MAY, day=dt.date(2026, 6, 2), now=AFTER_MAY)
    text = " ".join(pdf_text(monthly_pdf.render(report)).split())
    for row in ROWS:
        label = f"- {row.label}" if row.level else row.label
        value = re.escape(display(row, wanted[row.key]))
        assert re.search(re.escape(label) + r"\s+" + value, text), row.key
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nơi nhận:" in text


def test_the_docx_report_has_the_same_table(office, month):
    import io

    import docx

    report = monthly.build(month[0], MAY, day=dt.date(2026, 6, 2), now=AFTER_MAY)
    document = docx.Document(io.BytesIO(monthly_docx.render(report)))
    table = document.tables[1]
    cells = [tuple(c.text for c in row.cells) for row in table.rows[1:]]
    assert cells == list(report.table)
    assert "Độc lập - Tự do - Hạnh phúc" in document.tables[0].cell(0, 1).text
