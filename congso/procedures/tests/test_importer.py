import json

import pytest
from django.core.management import CommandError, call_command

from congso.procedures.models import Component, Procedure
from congso.procedures.services import ImportFileError, import_file, import_records

from .factories import AgencyFactory, ProcedureFactory, record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def agency():
    return AgencyFactory()


def write_json(tmp_path, records, name="thu-tuc.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"ThuTuc": records}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_new_procedure_is_added_with_its_components_fees_and_legal_basis(tmp_path):
    report = import_file(write_json(tmp_path, [record()]))
    procedure = Procedure.objects.get(code="1.000001.000.00.00.H56")
    assert report.added == [("1.000001.000.00.00.H56", "Cấp giấy phép bưu chính")]
    assert [c.required for c in procedure.components.all()] == [True, False]
    assert procedure.fees.get().amount == 27664046
    assert procedure.legal_basis.get().number == "49/2010/QH12"
    assert procedure.channels == ["in_person", "online"]
    assert procedure.online_level == "full"


@pytest.mark.parametrize(("level", "expected"), [(4, "full"), ("3", "partial"), (2, "none")])
def test_older_numeric_levels_map_to_the_current_ones(level, expected):
    import_records([record(MucDo=level)])
    assert Procedure.objects.get().online_level == expected


def test_a_changed_procedure_is_updated_in_place_and_reported_as_changed():
    import_records([record()])
    first_component = Component.objects.get(name="Đơn đề nghị").pk
    report = import_records([record(TenTTHC="Cấp giấy phép bưu chính (sửa)")])
    assert report.changed == [("1.000001.000.00.00.H56", "Cấp giấy phép bưu chính (sửa)")]
    assert Procedure.objects.get().name == "Cấp giấy phép bưu chính (sửa)"
    assert Component.objects.get(name="Đơn đề nghị").pk == first_component


def test_importing_the_same_file_twice_reports_nothing_changed():
    import_records([record()])
    report = import_records([record()])
    assert (report.added, report.changed, len(report.unchanged)) == ([], [], 1)


def test_a_procedure_missing_from_the_file_is_reported_as_left_and_kept():
    kept = ProcedureFactory(code="1.999999.000.00.00.H56")
    report = import_records([record()])
    assert [code for code, _, _ in report.left] == [kept.code]
    assert Procedure.objects.filter(pk=kept.pk).exists()


def test_a_dry_run_reports_but_saves_nothing():
    report = import_records([record()], dry_run=True)
    assert len(report.added) == 1
    assert not Procedure.objects.exists()
    assert report.lines()[-1].startswith("Chạy thử")


def test_an_unknown_agency_stops_the_import_with_its_identifier():
    with pytest.raises(ImportFileError, match="000.99.99.H56"):
        import_records([record(), record("1.000002.000.00.00.H56", CoQuanThucHien="000.99.99.H56")])
    assert not Procedure.objects.exists()


def test_every_bad_record_is_named_in_one_message():
    bad = [record(MaTTHC=""), record("1.000002.000.00.00.H56", ThoiHanGiaiQuyet="năm")]
    with pytest.raises(ImportFileError) as error:
        import_records(bad)
    assert "thiếu MaTTHC" in str(error.value)
    assert "1.000002.000.00.00.H56" in str(error.value)


def test_a_fee_written_with_dots_is_read_as_dong():
    import_records([record(PhiLePhi=[{"MoTa": "Lệ phí", "SoTien": "1.500.000 đồng"}])])
    assert Procedure.objects.get().fees.get().amount == 1500000


def test_a_broken_json_file_gives_a_message_with_the_line(tmp_path):
    path = tmp_path / "hong.json"
    path.write_text('{"ThuTuc": [', encoding="utf-8")
    with pytest.raises(ImportFileError, match="dòng 1"):
        import_file(path)


def test_a_file_of_another_format_is_refused(tmp_path):
    path = tmp_path / "thu-tuc.csv"
    path.write_text("MaTTHC\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=".csv"):
        import_file(path)


def test_a_sample_form_next_to_the_file_is_attached(tmp_path):
    (tmp_path / "mau-don.pdf").write_bytes(b"%PDF-1.4 mau")
    components = [{"TenGiayTo": "Đơn đề nghị", "MauDon": "mau-don.pdf"}]
    import_file(write_json(tmp_path, [record(ThanhPhanHoSo=components)]))
    component = Component.objects.get()
    assert component.template.read() == b"%PDF-1.4 mau"


def test_a_missing_sample_form_stops_the_import(tmp_path):
    components = [{"TenGiayTo": "Đơn đề nghị", "MauDon": "khong-co.pdf"}]
    with pytest.raises(ImportFileError, match="khong-co.pdf"):
        import_file(write_json(tmp_path, [record(ThanhPhanHoSo=components)]))


def test_an_e_form_schema_is_kept_on_its_component():
    schema = {"type": "object", "properties": {"ho_ten": {"type": "string"}}}
    components = [{"TenGiayTo": "Tờ khai", "BieuMauDienTu": schema}]
    import_records([record(ThanhPhanHoSo=components)])
    assert Component.objects.get().form_schema == schema


def test_an_excel_workbook_with_child_sheets_is_imported(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "ThuTuc"
    sheet.append(["MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "CoQuanThucHien", "MucDo",
                  "ThoiHanGiaiQuyet", "DonViThoiGian", "CachThucThucHien"])  # fmt: skip
    sheet.append(["1.000001.000.00.00.H56", "Cấp giấy phép bưu chính", "BCH", "Bưu chính",
                  "000.00.12.H56", 3, 10, "Ngày làm việc", "Trực tiếp; Trực tuyến"])  # fmt: skip
    parts = book.create_sheet("ThanhPhanHoSo")
    parts.append(["MaTTHC", "TenGiayTo", "BatBuoc", "SoLuong"])
    parts.append(["1.000001.000.00.00.H56", "Đơn đề nghị", "Có", "01 bản chính"])
    fees = book.create_sheet("PhiLePhi")
    fees.append(["MaTTHC", "MoTa", "SoTien", "GhiChu"])
    fees.append(["1.000001.000.00.00.H56", "Phí thẩm định", 27664046, ""])
    path = tmp_path / "thu-tuc.xlsx"
    book.save(path)
    report = import_file(path)
    procedure = Procedure.objects.get()
    assert len(report.added) == 1
    assert (procedure.online_level, procedure.time_limit) == ("partial", 10)
    assert procedure.components.get().name == "Đơn đề nghị"
    assert procedure.fees.get().amount == 27664046


def test_a_file_that_is_not_really_excel_is_refused_with_a_message(tmp_path):
    path = tmp_path / "thu-tuc.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(ImportFileError, match="Excel"):
        import_file(path)


def test_the_command_prints_what_it_added_changed_and_left(tmp_path, capsys):
    ProcedureFactory(code="1.999999.000.00.00.H56")
    call_command("import_procedures", str(write_json(tmp_path, [record()])))
    out = capsys.readouterr().out
    assert "Thêm mới: 1 thủ tục" in out
    assert "Thay đổi: 0 thủ tục" in out
    assert "giữ nguyên (không xóa): 1 thủ tục" in out


def test_the_command_turns_a_bad_file_into_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_procedures", str(tmp_path / "khong-co.json"))


def test_the_command_dry_run_saves_nothing(tmp_path, capsys):
    call_command("import_procedures", str(write_json(tmp_path, [record()])), "--dry-run")
    assert not Procedure.objects.exists()
    assert "Chạy thử" in capsys.readouterr().out


def test_the_example_of_the_import_guide_imports(tmp_path):
    from pathlib import Path

    from django.conf import settings

    guide = (Path(settings.BASE_DIR) / "docs" / "procedures-import.md").read_text(encoding="utf-8")
    example = guide.split("```json", 1)[1].split("```", 1)[0]
    (tmp_path / "don-de-nghi.docx").write_bytes(b"PK mau don")
    path = tmp_path / "vi-du.json"
    path.write_text(example, encoding="utf-8")
    report = import_file(path)
    procedure = Procedure.objects.get(code="1.004494.000.00.00.H56")
    assert len(report.added) == 1
    assert procedure.online_level == "partial"
    assert procedure.components.filter(form_schema__isnull=False).count() == 1


def test_a_left_procedure_with_dossiers_is_reported_with_their_number(monkeypatch):
    from congso.procedures import services

    kept = ProcedureFactory(code="1.999999.000.00.00.H56")
    monkeypatch.setattr(services, "dossier_counts", lambda codes: {kept.code: 4})
    report = import_records([record()])
    assert f"  {kept.code} — {kept.name} (có 4 hồ sơ)" in report.lines()


def test_dossier_counts_are_empty_when_no_dossier_was_filed():
    from congso.procedures.services import dossier_counts

    ProcedureFactory()
    assert dossier_counts() == {}


def test_an_e_form_that_is_not_a_json_object_stops_the_import():
    components = [{"TenGiayTo": "Tờ khai", "BieuMauDienTu": "[1, 2]"}]
    with pytest.raises(ImportFileError, match="BieuMauDienTu"):
        import_records([record(ThanhPhanHoSo=components)])
