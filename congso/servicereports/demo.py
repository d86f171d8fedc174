"""Demo: every agency with sample dossiers gets a signing certificate issued by the local demo
CA (congso.documents.demo, never for real use, trusted by the demo library), and the last
closed month's report of the first one is signed and published, so the library shows a signed
monthly report that agrees with the results page. Running it again creates nothing new.

The signer is a made-up name labelled as sample data: never a real person's name.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys

from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from congso.dossiers.models import AgencyStaff, Dossier
from congso.dossiers.services.errors import DossierError
from congso.dossiers.status import Role
from congso.organisation.models import Agency
from congso.servicereports.models import PublishedReport, SigningConfig
from congso.servicestats.periods import parse_period

SIGNER = "Người ký mẫu (dữ liệu mẫu)"


def _pkcs12(agency, password: str) -> bytes:
    from congso.documents import demo, pki

    ca, _, _ = demo.demo_ca()
    person = pki.issue_signer(ca, SIGNER, f"{agency.name} (DEMO)", key_kind="rsa", days=365 * 3)
    return pkcs12.serialize_key_and_certificates(
        b"congso-demo",
        person.key,
        person.certificate,
        [ca.certificate],
        BestAvailableEncryption(password.encode()),
    )


def load_sample_report_signing(stdout=None, today: dt.date | None = None) -> None:
    out = stdout or sys.stdout
    from congso.documents import demo as documents_demo
    from congso.documents.services import add_trust_anchor

    ca, _, _ = documents_demo.demo_ca()
    add_trust_anchor(ca.certificate_pem, name=documents_demo.CA_NAME)
    agencies = list(
        Agency.objects.filter(
            pk__in=Dossier.objects.filter(is_sample=True).values("agency_id")
        ).order_by("identifier")
    )
    if not agencies:
        out.write("Chưa có hồ sơ mẫu: bỏ qua chứng thư ký báo cáo mẫu.\n")
        return
    for agency in agencies:
        if SigningConfig.objects.filter(agency=agency).exists():
            continue
        password = secrets.token_urlsafe(12)
        config = SigningConfig(
            agency=agency,
            password=password,
            signer_name=SIGNER,
            signer_position="KT. THỦ TRƯỞNG CƠ QUAN\nPHÓ THỦ TRƯỞNG (dữ liệu mẫu)",
            symbol="MAU",
            place="Hà Tĩnh",
            recipients="- Văn phòng UBND tỉnh (để báo cáo);\n- Lưu: VT.",
        )
        config.pkcs12_file.save("demo.p12", ContentFile(_pkcs12(agency, password)), save=False)
        config.save()
        out.write(f"Đã cấu hình chứng thư ký báo cáo mẫu cho {agency.name}.\n")
    _publish_last_month(agencies[0], today or timezone.localdate(), out)


def _publish_last_month(agency, today: dt.date, out) -> None:
    from congso.servicereports.signing import sign_and_publish

    last = today.replace(day=1) - dt.timedelta(days=1)
    period = parse_period(f"{last.year}-{last.month:02d}")
    if PublishedReport.objects.filter(agency=agency, period=period.code).exists():
        out.write("Báo cáo tháng mẫu đã được ký và đăng, không tạo thêm.\n")
        return
    staff = AgencyStaff.objects.filter(agency=agency, role=Role.LEADER).first()
    user = staff.user if staff else get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        out.write("Không có lãnh đạo hay quản trị để ký báo cáo mẫu.\n")
        return
    try:
        record = sign_and_publish(agency, period, user)
    except DossierError as error:
        out.write(f"Không ký được báo cáo tháng mẫu: {error}\n")
        return
    out.write(f"Đã ký số và đăng báo cáo tháng mẫu số {record.number} ({period.label}).\n")
