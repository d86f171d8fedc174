"""Admin panels on the document edit screen: suggestions from the files and signature status."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class FileInsightsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/admin/file_insights_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            files = []
            if page.pk:
                attachments = page.attachments.select_related("file").prefetch_related(
                    "file__signatures"
                )
                files = [a.file for a in attachments]
            context.update(
                {
                    "files": files,
                    "labels": {
                        "number": _("Số/ký hiệu"),
                        "type": _("Loại văn bản"),
                        "issue_date": _("Ngày ban hành"),
                        "agency": _("Cơ quan ban hành"),
                        "signer_position": _("Chức vụ người ký"),
                        "signer_name": _("Người ký"),
                    },
                }
            )
            return context
