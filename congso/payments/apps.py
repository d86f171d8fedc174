from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.payments"
    verbose_name = "Thanh toán phí, lệ phí"

    def ready(self):
        # The payment actions join the dossiers' one entry point (processing.perform) and the
        # admin's action forms: registered here so the dossiers app needs no import of ours.
        from congso.payments.actions import register

        register()
