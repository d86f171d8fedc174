"""The citizen's e-mail when fees are asked (used by congso.dossiers.notifications._content)."""

from django.urls import reverse

from congso.payments.fees import money


def payment_request_content(dossier, label: str, absolute) -> dict:
    payment = dossier.payments.order_by("-requested_at", "-pk").first()
    facts, paragraphs, links = [], [], []
    if payment is not None:
        facts.append(("Số tiền phải nộp", money(payment.amount)))
        for item in payment.items:
            unit = f" {item.get('unit')}" if item.get("unit") else ""
            facts.append(
                (item["description"], f"{item['quantity']}{unit} – {money(item['amount'])}")
            )
    where = f"Bộ phận tiếp nhận và trả kết quả của {dossier.agency.name}"
    if dossier.procedure.online_payment:
        paragraphs.append(
            f"Ông/bà có thể thanh toán trực tuyến trong “Hồ sơ của tôi” hoặc nộp tại {where}."
        )
        links.append(
            ("Thanh toán trực tuyến", absolute(reverse("dossiers:my_dossier", args=[dossier.pk])))
        )
    else:
        paragraphs.append(f"Vui lòng nộp tại {where}.")
    paragraphs.append("Hồ sơ được tiếp tục giải quyết sau khi cơ quan nhận được khoản phí, lệ phí.")
    return {
        "subject": f"Hồ sơ {label}: cần nộp phí, lệ phí",
        "lead": "Cơ quan giải quyết đề nghị ông/bà thực hiện nghĩa vụ tài chính (nộp phí, lệ phí).",
        "facts": facts,
        "paragraphs": paragraphs,
        "links": links,
    }
