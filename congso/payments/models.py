"""Fees asked of a dossier and how they were paid.

A `Payment` is one attempt to pay the fees of a payment request: the officer's request creates
the first (pending); when an online attempt fails, is cancelled or expires, the citizen's next
click creates another with a new order reference (a gateway never accepts the same reference
twice). `PaymentNotification` keeps every message from the gateway as received — also refused
ones (wrong signature, wrong amount, unknown order) — so that reconciliation can be audited.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    FAILED = "failed", _("Thanh toán không thành công")
    CANCELLED = "cancelled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn")


class Method(models.TextChoices):
    ONLINE = "online", _("Thanh toán trực tuyến")
    CASH = "cash", _("Nộp trực tiếp tại cơ quan")


# A paid payment never changes again; the others may still become paid when the bank says
# money was taken (a late notification or the daily query is the bank's last word).
TERMINAL = frozenset({PaymentStatus.PAID})


class Payment(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.PROTECT,
        related_name="payments",
    )
    order_reference = models.CharField(_("mã giao dịch"), max_length=40, unique=True)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    # [{"fee_id", "description", "unit", "unit_amount", "quantity", "amount"}] as asked.
    items = models.JSONField(_("các khoản thu"), default=list)
    status = models.CharField(
        _("tình trạng"),
        max_length=10,
        choices=PaymentStatus.choices,
        default=PaymentStatus.PENDING,
        db_index=True,
    )
    method = models.CharField(
        _("hình thức"), max_length=10, choices=Method.choices, default=Method.ONLINE
    )
    gateway = models.CharField(_("cổng thanh toán"), max_length=20, blank=True)
    requested_at = models.DateTimeField(_("yêu cầu lúc"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # When the citizen was sent to the gateway (the gateway's order creation time).
    started_at = models.DateTimeField(_("chuyển sang cổng lúc"), null=True, blank=True)
    transaction_no = models.CharField(_("số giao dịch tại cổng"), max_length=40, blank=True)
    bank_code = models.CharField(_("ngân hàng"), max_length=20, blank=True)
    paid_at = models.DateTimeField(_("thanh toán lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xác nhận thu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("khoản thanh toán")
        verbose_name_plural = _("khoản thanh toán")
        indexes = [
            models.Index(fields=["status", "started_at"], name="payment_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.order_reference} ({self.get_status_display()})"

    @property
    def is_paid(self) -> bool:
        return self.status == PaymentStatus.PAID


class PaymentNotification(models.Model):
    """One message about an order: the browser's return, the server notification (IPN) or the
    answer to our query — kept whatever its outcome."""

    class Kind(models.TextChoices):
        RETURN = "return", _("Trả về trình duyệt")
        IPN = "ipn", _("Thông báo từ cổng (IPN)")
        QUERY = "query", _("Truy vấn đối soát")

    payment = models.ForeignKey(
        Payment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    order_reference = models.CharField(max_length=100, blank=True)
    received_at = models.DateTimeField(db_index=True)
    params = models.JSONField(default=dict)
    signature_ok = models.BooleanField(default=False)
    # What we did: "paid", "failed", "duplicate", "bad_signature", "bad_amount", "unknown_order"…
    outcome = models.CharField(max_length=30)
    remote_addr = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("thông báo thanh toán")
        verbose_name_plural = _("thông báo thanh toán")

    def __str__(self) -> str:
        return f"{self.kind} {self.order_reference} {self.outcome}"
