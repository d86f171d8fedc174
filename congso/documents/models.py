from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class FileDocument(AbstractDocument):
    """A stored file (PDF, DOCX, XLSX). Official documents (văn bản) attach one or more of these.

    `is_public` is derived by the documents app from the publication state of whatever uses the
    file; the serve view refuses anything that is not public to readers without permission.
    """

    is_public = models.BooleanField(_("công khai"), default=False, db_index=True)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("tệp")
        verbose_name_plural = _("tệp")
