"""The VNPay signature as its published sample code computes it."""

import hashlib
import hmac

from congso.payments.gateways.vnpay import canonical, sign


def test_parameters_are_sorted_url_encoded_and_the_signature_fields_left_out():
    params = {
        "vnp_TxnRef": "CS1",
        "vnp_Amount": "5600000",
        "vnp_OrderInfo": "Thanh toan ho so 1/2",
        "vnp_BankTranNo": "",
        "vnp_SecureHash": "abc",
        "vnp_SecureHashType": "HmacSHA512",
        "other": "x",
    }
    assert canonical(params) == (
        "vnp_Amount=5600000&vnp_BankTranNo=&vnp_OrderInfo=Thanh+toan+ho+so+1%2F2&vnp_TxnRef=CS1"
    )


def test_the_signature_is_the_hex_hmac_sha512_of_the_canonical_string():
    expected = hmac.new(b"SECRET", b"vnp_A=1", hashlib.sha512).hexdigest()
    assert sign("SECRET", "vnp_A=1") == expected
