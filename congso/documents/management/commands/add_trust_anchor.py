import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congso.documents import services
from congso.documents.signatures import CertificateError


class Command(BaseCommand):
    help = "Thêm một chứng thư gốc tin cậy (PEM hoặc DER); các văn bản được xác minh lại."

    def add_arguments(self, parser):
        parser.add_argument("pem_file", type=Path)
        parser.add_argument(
            "--name", default="", help="Tên hiển thị; mặc định là chủ thể chứng thư."
        )
        parser.add_argument(
            "--no-reverify", action="store_true", help="Không xác minh lại các văn bản ngay."
        )

    def handle(self, *args, pem_file: Path, name: str, no_reverify: bool, **options):
        if not pem_file.is_file():
            raise CommandError(f"Không tìm thấy tệp: {pem_file}")
        try:
            anchor, created = services.add_trust_anchor(pem_file.read_bytes(), name=name)
        except CertificateError as error:
            raise CommandError(str(error))
        counts = {}
        if created and not no_reverify:
            counts = services.verify_all()
        self.stdout.write(
            ("Đã thêm" if created else "Đã có sẵn") + f" chứng thư gốc tin cậy: {anchor.subject}"
        )
        self.stdout.write(
            json.dumps(
                {
                    "id": anchor.pk,
                    "created": created,
                    "fingerprint_sha256": anchor.fingerprint_sha256,
                    "reverified": counts,
                },
                ensure_ascii=False,
            )
        )
