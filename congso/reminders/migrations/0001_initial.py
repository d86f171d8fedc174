import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("dossiers", "0007_retention_fields"),
        ("organisation", "0002_agency"),
        ("procedures", "0003_online_payment_fee_items"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SupplementDeadline",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "working_days",
                    models.PositiveSmallIntegerField(
                        help_text="0: không tự động dừng xử lý hồ sơ của thủ tục này.",
                        verbose_name="hạn bổ sung (ngày làm việc)",
                    ),
                ),
                (
                    "legal_basis",
                    models.CharField(
                        blank=True,
                        help_text="Văn bản quy định thời hạn bổ sung của thủ tục (nếu có).",
                        max_length=500,
                        verbose_name="căn cứ",
                    ),
                ),
                (
                    "procedure",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="supplement_deadline",
                        to="procedures.procedure",
                        verbose_name="thủ tục",
                    ),
                ),
            ],
            options={
                "verbose_name": "hạn bổ sung hồ sơ theo thủ tục",
                "verbose_name_plural": "hạn bổ sung hồ sơ theo thủ tục",
            },
        ),
        migrations.CreateModel(
            name="Reminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("due_soon", "Sắp đến hạn bước xử lý"),
                            ("overdue", "Quá hạn bước xử lý (báo lãnh đạo)"),
                            ("supplement_expired", "Quá hạn bổ sung, dừng xử lý"),
                        ],
                        max_length=20,
                        verbose_name="loại",
                    ),
                ),
                ("occurrence", models.CharField(max_length=120)),
                ("step_code", models.CharField(blank=True, max_length=40, verbose_name="mã bước")),
                ("step_name", models.CharField(blank=True, max_length=255, verbose_name="bước")),
                ("due_at", models.DateTimeField(verbose_name="hạn")),
                ("created_at", models.DateTimeField(verbose_name="lập lúc")),
                ("claimed_at", models.DateTimeField(blank=True, null=True)),
                ("done_at", models.DateTimeField(blank=True, null=True, verbose_name="xong lúc")),
                ("outcome", models.TextField(blank=True, verbose_name="kết quả")),
                ("error", models.TextField(blank=True, verbose_name="lỗi")),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organisation.agency",
                        verbose_name="cơ quan",
                    ),
                ),
                (
                    "dossier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reminders",
                        to="dossiers.dossier",
                        verbose_name="hồ sơ",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="dossiers.event",
                    ),
                ),
                (
                    "recipients",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người nhận",
                    ),
                ),
                (
                    "supplement",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="expiry_reminders",
                        to="dossiers.supplementrequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "nhắc việc",
                "verbose_name_plural": "nhắc việc và cảnh báo",
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(fields=["agency", "-created_at"], name="reminders_agency_idx"),
                    models.Index(fields=["done_at", "claimed_at"], name="reminders_pending_idx"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("dossier", "kind", "occurrence"),
                        name="reminders_once_per_occurrence",
                    )
                ],
            },
        ),
    ]
