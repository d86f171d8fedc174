"""Gateways by name (settings.PAYMENT_GATEWAY): "vnpay" for a real VNPay-style merchant
account, "sandbox" for the demo's bank page inside congso."""

from congso.payments import conf
from congso.payments.gateways.base import Gateway


def get_gateway(name: str | None = None) -> Gateway:
    name = (name or conf.gateway_name()).lower()
    if name == "vnpay":
        from congso.payments.gateways.vnpay import VnpayGateway

        return VnpayGateway.from_settings()
    if name == "sandbox":
        from congso.payments.gateways.sandbox import SandboxGateway

        return SandboxGateway.from_settings()
    raise ValueError(f"Unknown PAYMENT_GATEWAY {name!r} (vnpay, sandbox)")
