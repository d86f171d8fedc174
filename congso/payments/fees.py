"""What a dossier owes: the procedure's fee items, fixed ones once, per-quantity ones times the
quantity the officer enters (pages, copies…)."""

from django.db.models import F

from congso.core.text import format_number
from congso.dossiers.services.errors import Invalid

MAX_QUANTITY = 100_000


def _quantity(value, name: str) -> int:
    if value in (None, ""):
        return 1
    if isinstance(value, bool):
        value = "x"
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = -1
    if not 1 <= number <= MAX_QUANTITY:
        message = f"Số lượng phải là số nguyên từ 1 đến {format_number(MAX_QUANTITY)}."
        raise Invalid(message, fields={name: [message]})
    return number


def items_for(procedure, fields: dict) -> list[dict]:
    """The items to pay. `fields["quantity"]` applies to every per-quantity item unless
    `fields["quantities"]` ({fee id: n}, from the API) names the item."""
    default = _quantity(fields.get("quantity"), "quantity")
    given = fields.get("quantities") or {}
    if not isinstance(given, dict):
        raise Invalid("Số lượng theo từng khoản phải là một đối tượng {mã khoản: số lượng}.")
    # Rows made outside the admin may have no sort_order: first, as SQLite and the admin show.
    order = F("sort_order").asc(nulls_first=True)
    fees = list(procedure.fees.filter(amount__gt=0).order_by(order, "pk"))
    known = {str(fee.pk) for fee in fees}
    unknown = [key for key in given if str(key) not in known]
    if unknown:
        raise Invalid(
            "Khoản phí, lệ phí không thuộc thủ tục này.", fields={"quantities": unknown[:10]}
        )
    by_id = {str(key): value for key, value in given.items()}
    items = []
    for fee in fees:
        quantity = 1
        if fee.per_quantity:
            raw = by_id.get(str(fee.pk))
            quantity = _quantity(raw, "quantities") if raw is not None else default
        items.append(
            {
                "fee_id": fee.pk,
                "description": fee.description,
                "unit": fee.unit,
                "unit_amount": fee.amount,
                "quantity": quantity,
                "amount": fee.amount * quantity,
            }
        )
    return items


def total(items: list[dict]) -> int:
    return sum(int(item["amount"]) for item in items)


def money(amount: int) -> str:
    """27.664.046 đồng"""
    return f"{format_number(amount)} đồng"
