"""The one interface every payment gateway implements, and what it answers.

The protocol congso follows is the redirect–return–notification one of VNPay-style gateways:
`create_payment_url` sends the citizen's browser to the gateway; the gateway sends the browser
back to the return URL (`verify_return`: only for showing a result — the browser can be forged
or closed) and calls the server notification URL (`verify_ipn`: the only message that settles a
payment, besides `query`, which the daily reconciliation uses when the notification never came).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any


class Result:
    """What a gateway says about one order."""

    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PENDING = "pending"
    NOT_FOUND = "not_found"


class Answer:
    """What we tell the gateway about its notification; each gateway words it its own way
    (`Gateway.ipn_answer`)."""

    OK = "ok"
    ALREADY = "already"
    UNKNOWN_ORDER = "unknown_order"
    BAD_AMOUNT = "bad_amount"
    BAD_SIGNATURE = "bad_signature"
    ERROR = "error"


@dataclasses.dataclass
class Verdict:
    reference: str
    result: str  # Result.*
    signature_ok: bool
    amount: int | None = None  # VND, already divided back from the gateway's unit
    transaction_no: str = ""
    bank_code: str = ""
    paid_at: dt.datetime | None = None
    raw: dict[str, Any] = dataclasses.field(default_factory=dict)


class GatewayError(Exception):
    """The gateway could not be reached or answered nonsense (query only)."""


class Gateway:
    name = ""
    label = ""

    def create_payment_url(self, payment, *, return_url: str, client_ip: str) -> str:
        raise NotImplementedError

    def verify_return(self, params: dict[str, str]) -> Verdict:
        raise NotImplementedError

    def verify_ipn(self, params: dict[str, str]) -> Verdict:
        raise NotImplementedError

    def query(self, payment, *, client_ip: str = "127.0.0.1") -> Verdict:
        raise NotImplementedError

    def ipn_answer(self, answer: str) -> dict[str, str]:
        raise NotImplementedError
