"""Demo data: seed 004 (a signed report) as a published document with verified signatures.

The seed is the text of a real signed report; its last lines are the signing times and the
agency's e-mail as a PDF reader shows them. We render the text to a PDF and sign it once per
signing time with certificates from a local demo CA (clearly named, kept in var/demo-ca/, never
committed), which is added to the trust store so the demo shows "Đã ký số — hợp lệ".
Running it again creates nothing.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction

from congso.documents import pki, services
from congso.documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentType,
    IssuingAgency,
    OfficialDocumentPage,
)

CA_NAME = "congso DEMO CA — không dùng cho mục đích thật"
DEMO_SLUG = "bao-cao-tinh-hinh-kt-xh-nam-2024-nganh-tttt"
SYNTHETIC_SLUG = "bao-cao-mau-tong-hop-da-ky-so"
AGENCY = ("Sở Thông tin và Truyền thông Hà Tĩnh", "STTTT")
FIELD = "Thông tin và truyền thông"
POSITION = "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"
SIGNER = "Dương Văn Tuấn"
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def seed_file(seeds_dir: Path | None) -> Path | None:
    if seeds_dir is None or not seeds_dir.is_dir():
        return None
    return next(iter(sorted(seeds_dir.glob("004_*.txt"))), None)


def load_demo_documents(seeds_dir: Path | None, stdout=None) -> None:
    out = stdout or sys.stdout
    index = ensure_index()
    ca, person, organisation = demo_ca()
    anchor, created = services.add_trust_anchor(ca.certificate_pem, name=CA_NAME)
    if created:
        out.write(f"Đã thêm {CA_NAME} vào danh sách chứng thư gốc tin cậy.\n")
    source = seed_file(seeds_dir)
    slug = DEMO_SLUG if source else SYNTHETIC_SLUG
    if OfficialDocumentPage.objects.filter(slug=slug).exists():
        out.write("Văn bản mẫu đã có, không tạo thêm.\n")
        return
    if source:
        report = parse_seed(source.read_text(encoding="utf-8"))
    else:
        out.write(
            "Không có thư mục dữ liệu mẫu: tạo một báo cáo tổng hợp ngắn (không có thật), đã ký số.\n"
        )
        report = synthetic_report()
    pdf = render_report(report)
    for i, signed_at in enumerate(report["times"]):
        signer = person if i == 0 else organisation
        pdf = pki.sign_pdf(pdf, signer, [ca], field_name=f"ChuKy{i + 1}", signing_time=signed_at)
    with transaction.atomic():
        added = services.add_document(f"{slug}.pdf", pdf, title=report["title"], parent=index)
        page = added.page
        page.slug = slug
        # The seed's text lost its header: leave the number empty rather than take one that
        # the body cites.
        page.number = report.get("number", "")
        page.summary = report["title"]
        page.doc_type = DocumentType.objects.filter(name="Báo cáo").first() or page.doc_type
        page.agency, _ = IssuingAgency.objects.get_or_create(
            name=AGENCY[0], defaults={"code": AGENCY[1]}
        )
        page.field, _ = DocumentField.objects.get_or_create(name=FIELD)
        page.signer_position, page.signer_name = POSITION, SIGNER
        page.issue_date = report["times"][0].date() if report["times"] else date.today()
        page.effective_date = page.issue_date
        page.recipients = report["recipients"]
        page.save_revision(log_action=True).publish()
    added.file.refresh_from_db()
    out.write(
        f"Đã xuất bản văn bản mẫu “{page.title}” với {len(report['times'])} chữ ký số "
        f"({added.file.signature_badge}).\n"
    )


def ensure_index() -> DocumentIndexPage:
    from wagtail.models import Site

    from congso.home.models import HomePage

    index = DocumentIndexPage.objects.order_by("path").first()
    if index:
        return index
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else HomePage.objects.first()
    if not isinstance(home, HomePage):
        home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("Chưa có trang chủ (HomePage): hãy nạp dữ liệu trang chủ trước.")
    index = DocumentIndexPage(
        title="Văn bản",
        slug="van-ban",
        show_in_menus=True,
        intro="Văn bản chỉ đạo, điều hành, báo cáo, kế hoạch của cơ quan; văn bản có chữ ký số "
        "được xác minh tự động.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def demo_ca_dir() -> Path:
    path = Path(settings.VAR_DIR) / "demo-ca"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _load_or_create(path: Path, create) -> pki.KeyPair:
    cert, key = path / "cert.pem", path / "key.pem"
    if cert.exists() and key.exists():
        return pki.KeyPair.from_pem(cert.read_bytes(), key.read_bytes())
    pair = create()
    path.mkdir(parents=True, exist_ok=True)
    key.write_bytes(pair.key_pem)
    key.chmod(0o600)
    cert.write_bytes(pair.certificate_pem)
    return pair


def demo_ca() -> tuple[pki.KeyPair, pki.KeyPair, pki.KeyPair]:
    base = demo_ca_dir()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    ca = _load_or_create(
        base / "ca",
        lambda: pki.create_ca(
            CA_NAME, "congso (dữ liệu mẫu)", key_kind="rsa", not_before=start, days=365 * 15
        ),
    )
    person = _load_or_create(
        base / "person",
        lambda: pki.issue_signer(
            ca,
            f"{SIGNER} (DEMO)",
            f"{AGENCY[0]} (DEMO)",
            key_kind="rsa",
            not_before=start,
            days=365 * 10,
        ),
    )
    organisation = _load_or_create(
        base / "organisation",
        lambda: pki.issue_signer(
            ca,
            f"{AGENCY[0]} (DEMO)",
            f"{AGENCY[0]} (DEMO)",
            "sott_tt@hatinh.gov.vn",
            key_kind="rsa",
            not_before=start,
            days=365 * 10,
        ),
    )
    return ca, person, organisation


def parse_seed(text: str) -> dict:
    lines = [line.strip() for line in text.splitlines()]
    cut = len(lines)
    for i, line in enumerate(lines):
        if ISO_TIME.search(line):
            cut = i
            break
    tail = "\n".join(lines[cut:])
    times = [datetime.strptime(t, "%Y-%m-%dT%H:%M:%S%z") for t in ISO_TIME.findall(tail)]
    body = [line for line in lines[:cut] if line]
    recipients = []
    if "Nơi nhận:" in body:
        start = body.index("Nơi nhận:") + 1
        recipients = [line for line in body[start:] if line.startswith("-")]
    # The title follows "BÁO CÁO" and runs on while a line ends with a hyphen (wrapped).
    start = 1 if body and body[0].upper() == "BÁO CÁO" else 0
    heading = body[start : start + 1]
    for line in body[start + 1 : start + 4]:
        if not heading[-1].endswith("-"):
            break
        heading.append(line)
    text = " ".join(heading)
    title = "Báo cáo " + text[:1].lower() + text[1:]
    return {
        "title": " ".join(title.split())[:255],
        "body": body,
        "times": times,
        "recipients": "\n".join(recipients),
    }


def synthetic_report() -> dict:
    now = datetime.now(UTC).replace(microsecond=0)
    body = [
        "BÁO CÁO",
        "Kết quả vận hành cổng thông tin điện tử (dữ liệu tổng hợp)",
        "Báo cáo này do hệ thống congso tạo ra để trình diễn, không phải văn bản thật.",
        "1. Cổng thông tin hoạt động ổn định, văn bản được ký số và xác minh tự động.",
        "2. Người dân kiểm tra được chữ ký số của văn bản ngay trên trang.",
        "Nơi nhận:",
        "- Lãnh đạo Sở;",
        "- Lưu: VT.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        SIGNER,
    ]
    return {
        "title": "Báo cáo mẫu tổng hợp đã ký số (không có thật)",
        "body": body,
        "times": [now, now.replace(second=(now.second + 30) % 60)],
        "recipients": "- Lãnh đạo Sở;\n- Lưu: VT.",
    }


def render_report(report: dict) -> bytes:
    from congso.documents.pdfrender import render_text_pdf

    blocks = []
    for line in report["body"]:
        upper = line.upper() == line and any(c.isalpha() for c in line)
        blocks.append(("h" if upper and len(line) < 80 else "p", line))
    return render_text_pdf(
        blocks,
        title=report["title"],
        footer="Bản dựng lại từ dữ liệu mẫu để trình diễn, ký bằng congso DEMO CA",
    )
