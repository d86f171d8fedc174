"""The demo's bank: the VNPay protocol end to end, with the "bank" a page inside congso
(/thanh-toan/sandbox/). Nothing leaves the server and no money moves; it exists so that a demo
and the browser tests walk through the same redirect, return and notification (IPN) code as a
real merchant account. Never enable it where citizens pay real fees.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache

from congso.payments import conf
from congso.payments.gateways.base import Result, Verdict
from congso.payments.gateways.vnpay import F, VnpayGateway, canonical, sign, vn_time

SANDBOX_PATH = "/thanh-toan/sandbox/"
MERCHANT = "CONGSODEMO"
# The bank's memory of what it decided, for `query` (a day is plenty for a demo).
MEMORY_SECONDS = 24 * 3600


def _secret() -> str:
    configured = conf.get("PAYMENT_SANDBOX_SECRET")
    if configured:
        return configured
    return hmac.new(settings.SECRET_KEY.encode(), b"payments-sandbox", hashlib.sha256).hexdigest()


class SandboxGateway(VnpayGateway):
    name = "sandbox"
    label = "Cổng thanh toán thử nghiệm (sandbox)"

    @classmethod
    def from_settings(cls):
        # A path, not an address: the citizen's browser stays on the host it came from.
        return cls(merchant=MERCHANT, secret=_secret(), pay_url=SANDBOX_PATH, api_url="")

    def bank_answer(self, params: dict, *, success: bool, at: dt.datetime) -> dict[str, str]:
        """The signed parameters the bank sends back (return URL and IPN alike)."""
        answer = {
            F["merchant"]: params.get(F["merchant"], ""),
            F["amount"]: params.get(F["amount"], ""),
            F["reference"]: params.get(F["reference"], ""),
            F["order_info"]: params.get(F["order_info"], ""),
            F["bank_code"]: "NCB",
            F["pay_date"]: vn_time(at),
            F["response_code"]: "00" if success else "24",
            F["transaction_status"]: "00" if success else "02",
            F["transaction_no"]: str(secrets.randbelow(10**8)).zfill(8) if success else "0",
        }
        answer[F["signature"]] = sign(self.secret, canonical(answer))
        cache.set(f"payments-sandbox:{answer[F['reference']]}", answer, MEMORY_SECONDS)
        return answer

    def query(self, payment, *, client_ip: str = "127.0.0.1") -> Verdict:
        remembered = cache.get(f"payments-sandbox:{payment.order_reference}")
        if not remembered:
            return Verdict(payment.order_reference, Result.NOT_FOUND, True)
        return self.verify_ipn(remembered)
