"""The demo catalogue: ≥ 30 sample procedures of a provincial department and of a commune,
loaded through the importer from sample_data/procedures.json, with generated sample forms.

Every name, code and agency here is labelled "(dữ liệu mẫu)"; nothing describes a real agency.
Running it again changes nothing: the forms are rendered byte for byte the same, so the
importer sees unchanged files."""

import tempfile
from pathlib import Path

from congso.organisation.models import Agency, AgencyLevel

from .importfile import read_records
from .services import ImportReport, import_records

SAMPLE_FILE = Path(__file__).parent / "sample_data" / "procedures.json"
PROVINCE = ("000.00.12.H56", "Sở Thông tin và Truyền thông (dữ liệu mẫu)", AgencyLevel.PROVINCE)
COMMUNE = ("000.23.12.H56", "Ủy ban nhân dân xã Mẫu (dữ liệu mẫu)", AgencyLevel.COMMUNE)


def ensure_sample_agencies() -> tuple[Agency, Agency]:
    """The two sample agencies, created if missing (an existing agency is left as it is)."""
    province, _ = Agency.objects.get_or_create(
        identifier=PROVINCE[0], defaults={"name": PROVINCE[1], "level": PROVINCE[2]}
    )
    commune, _ = Agency.objects.get_or_create(
        identifier=COMMUNE[0],
        defaults={"name": COMMUNE[1], "level": COMMUNE[2], "parent": province},
    )
    return province, commune


def render_sample_form(title: str, procedure: str) -> bytes:
    """A one-page PDF form, the same bytes every time (reportlab's invariant mode)."""
    from reportlab import rl_config

    from congso.documents.pdfrender import render_text_pdf

    blocks = [
        ("h", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("c", "Độc lập – Tự do – Hạnh phúc"),
        ("space", ""),
        ("h", title.upper()),
        ("c", f"(Mẫu dùng cho thủ tục: {procedure})"),
        ("space", ""),
        ("p", "Kính gửi: ........................................................................"),
        ("p", "Họ và tên: ......................................................................"),
        ("p", "Số định danh cá nhân: ...................... Điện thoại: ......................"),
        ("p", "Địa chỉ: ........................................................................."),
        ("p", "Nội dung đề nghị: ............................................................"),
        ("space", ""),
        ("r", "......, ngày ..... tháng ..... năm ......"),
        ("r", "Người đề nghị (ký, ghi rõ họ tên)"),
        ("space", ""),
        ("c", "MẪU ĐƠN – DỮ LIỆU MẪU, không dùng cho hồ sơ thật."),
    ]
    previous = rl_config.invariant
    rl_config.invariant = 1
    try:
        return render_text_pdf(blocks, title=title, footer="Dữ liệu mẫu")
    finally:
        rl_config.invariant = previous


def load_sample_procedures(path: Path = SAMPLE_FILE) -> ImportReport:
    ensure_sample_agencies()
    records = read_records(path)
    with tempfile.TemporaryDirectory(prefix="congso-forms-") as folder:
        for record in records:
            for component in record.get("ThanhPhanHoSo") or []:
                if component.get("MauDon"):
                    content = render_sample_form(component["TenGiayTo"], record["TenTTHC"])
                    (Path(folder) / component["MauDon"]).write_bytes(content)
        return import_records(records, forms_dir=folder)
