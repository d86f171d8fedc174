"""A VNPay-style gateway (payment API version 2.1.0 as VNPay's public integration guide
describes it). Every vnp_* name congso sends or reads is in this module and nowhere else.

Signing: HMAC-SHA512 with the merchant's hash secret over the parameters sorted by name,
each `name=quote_plus(value)`, joined by "&" (vnp_SecureHash and vnp_SecureHashType left out);
the hex digest travels as vnp_SecureHash. Confirmed by VNPay's published sample code.

Unconfirmed (chưa xác nhận; docs/payments.md): the field order of the query API's
"|"-joined signature (request and response), the meaning of every vnp_TransactionStatus code
besides "00", and whether the response codes listed in IPN_ANSWERS are all VNPay expects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import urllib.error
import urllib.request
from urllib.parse import quote_plus

from congso.payments import conf
from congso.payments.gateways.base import Answer, Gateway, GatewayError, Result, Verdict

VN = dt.timezone(dt.timedelta(hours=7))
VERSION = "2.1.0"
TIME_FORMAT = "%Y%m%d%H%M%S"  # GMT+7, as VNPay writes its dates
SANDBOX_PAY_URL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
SANDBOX_API_URL = "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction"

# Our field → VNPay's name.
F = {
    "version": "vnp_Version",
    "command": "vnp_Command",
    "merchant": "vnp_TmnCode",
    "amount": "vnp_Amount",  # VND × 100
    "currency": "vnp_CurrCode",
    "reference": "vnp_TxnRef",
    "order_info": "vnp_OrderInfo",
    "order_type": "vnp_OrderType",
    "locale": "vnp_Locale",
    "return_url": "vnp_ReturnUrl",
    "client_ip": "vnp_IpAddr",
    "created": "vnp_CreateDate",
    "expires": "vnp_ExpireDate",
    "signature": "vnp_SecureHash",
    "signature_type": "vnp_SecureHashType",
    "response_code": "vnp_ResponseCode",
    "transaction_status": "vnp_TransactionStatus",
    "transaction_no": "vnp_TransactionNo",
    "bank_code": "vnp_BankCode",
    "pay_date": "vnp_PayDate",
    "request_id": "vnp_RequestId",
    "transaction_date": "vnp_TransactionDate",
    "response_id": "vnp_ResponseId",
    "message": "vnp_Message",
    "transaction_type": "vnp_TransactionType",
    "promotion_code": "vnp_PromotionCode",
    "promotion_amount": "vnp_PromotionAmount",
}
SUCCESS = "00"
CANCELLED_BY_CUSTOMER = "24"
QUERY_NOT_FOUND = "91"
# What VNPay expects as the body of our answer to its IPN call.
IPN_ANSWERS = {
    Answer.OK: ("00", "Confirm Success"),
    Answer.ALREADY: ("02", "Order already confirmed"),
    Answer.UNKNOWN_ORDER: ("01", "Order not found"),
    Answer.BAD_AMOUNT: ("04", "Invalid amount"),
    Answer.BAD_SIGNATURE: ("97", "Invalid signature"),
    Answer.ERROR: ("99", "Unknown error"),
}
# The query API signs "|"-joined values in this order (unconfirmed).
QUERY_REQUEST_ORDER = (
    "request_id",
    "version",
    "command",
    "merchant",
    "reference",
    "transaction_date",
    "created",
    "client_ip",
    "order_info",
)
QUERY_RESPONSE_ORDER = (
    "response_id",
    "command",
    "response_code",
    "message",
    "merchant",
    "reference",
    "amount",
    "bank_code",
    "pay_date",
    "transaction_no",
    "transaction_type",
    "transaction_status",
    "order_info",
    "promotion_code",
    "promotion_amount",
)


def sign(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha512).hexdigest()


def canonical(params: dict) -> str:
    """The signed string: vnp_* parameters but the signature ones, sorted, URL-encoded."""
    skip = {F["signature"], F["signature_type"]}
    # Empty values are signed too ("vnp_BankTranNo="), as VNPay's sample code does.
    pairs = sorted((k, str(v)) for k, v in params.items() if k.startswith("vnp_") and k not in skip)
    return "&".join(f"{k}={quote_plus(v)}" for k, v in pairs)


def vn_time(moment: dt.datetime) -> str:
    return moment.astimezone(VN).strftime(TIME_FORMAT)


def parse_vn_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(text), TIME_FORMAT).replace(tzinfo=VN)
    except (TypeError, ValueError):
        return None


class VnpayGateway(Gateway):
    name = "vnpay"
    label = "VNPay"

    def __init__(self, *, merchant: str, secret: str, pay_url: str, api_url: str):
        self.merchant = merchant
        self.secret = secret
        self.pay_url = pay_url
        self.api_url = api_url

    @classmethod
    def from_settings(cls):
        return cls(
            merchant=conf.get("VNPAY_TMN_CODE"),
            secret=conf.get("VNPAY_HASH_SECRET"),
            pay_url=conf.get("VNPAY_PAY_URL", SANDBOX_PAY_URL),
            api_url=conf.get("VNPAY_API_URL", SANDBOX_API_URL),
        )

    # Redirect ---------------------------------------------------------------------------------

    def payment_params(self, payment, *, return_url: str, client_ip: str) -> dict[str, str]:
        created = payment.started_at
        expires = created + dt.timedelta(minutes=conf.expire_minutes())
        return {
            F["version"]: VERSION,
            F["command"]: "pay",
            F["merchant"]: self.merchant,
            F["amount"]: str(payment.amount * 100),
            F["currency"]: "VND",
            F["reference"]: payment.order_reference,
            # Plain ASCII: some banks' pages garble diacritics in the order description.
            F["order_info"]: f"Thanh toan phi le phi ho so {payment.dossier.code or payment.pk}",
            F["order_type"]: "other",
            F["locale"]: "vn",
            F["return_url"]: return_url,
            F["client_ip"]: client_ip or "127.0.0.1",
            F["created"]: vn_time(created),
            F["expires"]: vn_time(expires),
        }

    def create_payment_url(self, payment, *, return_url: str, client_ip: str) -> str:
        params = self.payment_params(payment, return_url=return_url, client_ip=client_ip)
        query = canonical(params)
        return f"{self.pay_url}?{query}&{F['signature']}={sign(self.secret, query)}"

    # Return and IPN ---------------------------------------------------------------------------

    def signature_ok(self, params: dict) -> bool:
        given = str(params.get(F["signature"]) or "")
        if not given or not self.secret:
            return False
        expected = sign(self.secret, canonical(params))
        return hmac.compare_digest(expected.lower(), given.lower())

    def _verdict(self, params: dict, *, signature_ok: bool) -> Verdict:
        code = str(params.get(F["response_code"]) or "")
        status = str(params.get(F["transaction_status"]) or code)
        if code == SUCCESS and status == SUCCESS:
            result = Result.PAID
        elif code == CANCELLED_BY_CUSTOMER:
            result = Result.CANCELLED
        else:
            result = Result.FAILED
        return Verdict(
            reference=str(params.get(F["reference"]) or "")[:100],
            result=result,
            signature_ok=signature_ok,
            amount=_amount(params.get(F["amount"])),
            transaction_no=str(params.get(F["transaction_no"]) or "")[:40],
            bank_code=str(params.get(F["bank_code"]) or "")[:20],
            paid_at=parse_vn_time(params.get(F["pay_date"])),
            raw=dict(params),
        )

    def verify_return(self, params: dict) -> Verdict:
        return self._verdict(params, signature_ok=self.signature_ok(params))

    def verify_ipn(self, params: dict) -> Verdict:
        return self._verdict(params, signature_ok=self.signature_ok(params))

    def ipn_answer(self, answer: str) -> dict[str, str]:
        code, message = IPN_ANSWERS.get(answer, IPN_ANSWERS[Answer.ERROR])
        return {"RspCode": code, "Message": message}

    # Query (querydr) --------------------------------------------------------------------------

    def query_body(self, payment, *, client_ip: str, now: dt.datetime) -> dict[str, str]:
        values = {
            "request_id": secrets.token_hex(16),
            "version": VERSION,
            "command": "querydr",
            "merchant": self.merchant,
            "reference": payment.order_reference,
            "transaction_date": vn_time(payment.started_at or payment.requested_at),
            "created": vn_time(now),
            "client_ip": client_ip,
            "order_info": f"Doi soat giao dich {payment.order_reference}",
        }
        body = {F[k]: v for k, v in values.items()}
        body[F["signature"]] = sign(self.secret, "|".join(values[k] for k in QUERY_REQUEST_ORDER))
        return body

    def query(self, payment, *, client_ip: str = "127.0.0.1") -> Verdict:
        body = self.query_body(payment, client_ip=client_ip, now=dt.datetime.now(tz=VN))
        if not self.api_url.startswith(("https://", "http://")):
            raise GatewayError("VNPAY_API_URL must be an http(s) address")
        request = urllib.request.Request(  # noqa: S310 (scheme checked above)
            self.api_url,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
                data = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, ValueError, OSError) as error:
            raise GatewayError(f"query failed: {error}") from error
        if not isinstance(data, dict):
            raise GatewayError("query answer is not an object")
        expected = sign(
            self.secret, "|".join(str(data.get(F[k], "")) for k in QUERY_RESPONSE_ORDER)
        )
        signature_ok = hmac.compare_digest(expected, str(data.get(F["signature"]) or "").lower())
        code = str(data.get(F["response_code"]) or "")
        if code == QUERY_NOT_FOUND:
            return Verdict(payment.order_reference, Result.NOT_FOUND, signature_ok, raw=data)
        if code != SUCCESS:
            raise GatewayError(f"query answered {code}: {data.get(F['message'], '')}")
        status = str(data.get(F["transaction_status"]) or "")
        verdict = self._verdict(data, signature_ok=signature_ok)
        if status == "01":
            verdict.result = Result.PENDING  # not finished at the bank yet
        elif status != SUCCESS:
            verdict.result = Result.FAILED
        return verdict


def _amount(value) -> int | None:
    try:
        hundredths = int(str(value))
    except (TypeError, ValueError):
        return None
    if hundredths < 0 or hundredths % 100:
        return None
    return hundredths // 100
