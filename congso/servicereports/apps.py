from django.apps import AppConfig


class ServiceReportsConfig(AppConfig):
    """Registers and reports of the one-stop results as files officers already use: the
    dossier register (form 06) and the periodic report in Excel, the monthly report as
    DOCX/PDF that a leader signs and publishes into the documents library (issue 10, part 3)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.servicereports"
    verbose_name = "Báo cáo, sổ theo dõi hồ sơ"
