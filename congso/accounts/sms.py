"""Sending text messages (SMS): an interface, not a gateway.

The portal does not ship an SMS provider contract. `send_sms(phone, text)` calls the class named
by `settings.SMS_SENDER` (default `FileSmsSender`, which writes each message as a file next to
the demo's e-mails and logs it). An agency that has a gateway (Viettel, VNPT, a provincial SMS
hub, Zalo ZNS) writes a class with the same `send(phone, text)` method and names it in
`SMS_SENDER`; see docs/citizens.md and docs/accounts-oidc.md.
"""

import logging
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class FileSmsSender:
    """Writes `<time>-<phone>.sms` under SMS_FILE_PATH (default: the mail folder, or var/sms)."""

    def send(self, phone: str, text: str) -> Path:
        folder = Path(
            getattr(settings, "SMS_FILE_PATH", None)
            or getattr(settings, "EMAIL_FILE_PATH", None)
            or Path(settings.VAR_DIR) / "sms"
        )
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"{stamp}-{phone.lstrip('+')}.sms"
        path.write_text(f"To: {phone}\n\n{text}\n", encoding="utf-8")
        logger.info("SMS to %s written to %s (no SMS gateway configured)", phone, path)
        return path


def send_sms(phone: str, text: str):
    sender_path = getattr(settings, "SMS_SENDER", "congso.accounts.sms.FileSmsSender")
    return import_string(sender_path)().send(phone, text)
