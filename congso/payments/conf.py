"""Payment settings: from Django settings when set there, else from the environment (secrets
never live in the repository). docs/payments.md lists them."""

import os

from django.conf import settings


def get(name: str, default: str = "") -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return str(value)


def gateway_name() -> str:
    return get("PAYMENT_GATEWAY", "sandbox").strip().lower() or "sandbox"


def expire_minutes() -> int:
    """How long a gateway order stays payable (VNPay's vnp_ExpireDate)."""
    return int(get("PAYMENT_EXPIRE_MINUTES", "15"))


def reconcile_after_minutes() -> int:
    """A pending order older than this is asked about (the notification may never come)."""
    return int(get("PAYMENT_RECONCILE_AFTER_MINUTES", "30"))
