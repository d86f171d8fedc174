"""Admin screens: upload a file as a new document, and re-verify a document's signatures."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from congso.documents import services
from congso.documents.extraction import FileRejected, megabytes
from congso.documents.models import DocumentIndexPage, OfficialDocumentPage


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp văn bản"))
    title = forms.CharField(
        label=gettext_lazy("Tiêu đề (trích yếu)"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("Để trống để lấy từ nội dung tệp."),
    )
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Thư viện văn bản"),
        queryset=DocumentIndexPage.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [
            index.pk
            for index in DocumentIndexPage.objects.all()
            if index.permissions_for_user(user).can_add_subpage()
        ]
        self.fields["parent"].queryset = DocumentIndexPage.objects.filter(pk__in=allowed)
        # Here, not at import: the limit may change, and the editor's language is known now.
        self.fields["file"].help_text = _(
            "PDF (có thể đã ký số), DOCX hoặc XLSX; tối đa %(size)s."
        ) % {"size": megabytes(settings.DOCUMENT_MAX_UPLOAD_SIZE)}
        self.fields["file"].widget.attrs["accept"] = ",".join(
            f".{ext}" for ext in settings.WAGTAILDOCS_EXTENSIONS
        )


@require_http_methods(["GET", "POST"])
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if not form.fields["parent"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        # Read at most one byte over the limit: enough to refuse, never the whole of a huge file.
        data = uploaded.read(settings.DOCUMENT_MAX_UPLOAD_SIZE + 1)
        try:
            added = services.add_document(
                uploaded.name,
                data,
                title=form.cleaned_data["title"],
                parent=form.cleaned_data["parent"],
                user=request.user,
                verify_now=False,
            )
        except FileRejected as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request,
                _(
                    "Đã lưu tệp và tạo văn bản nháp. Kiểm tra các thông tin gợi ý rồi gửi duyệt "
                    "hoặc xuất bản. Chữ ký số đang được xác minh."
                ),
            )
            return redirect("wagtailadmin_pages:edit", added.page.pk)
    return TemplateResponse(request, "documents/admin/upload.html", {"form": form})


@require_http_methods(["GET", "POST"])
def reverify(request, page_id):
    page = get_object_or_404(OfficialDocumentPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        from congso.documents.tasks import enqueue_verification

        for attachment in page.attachments.select_related("file"):
            enqueue_verification(attachment.file)
        messages.success(request, _("Đã đưa yêu cầu xác minh lại chữ ký số vào hàng đợi."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "documents/admin/reverify.html",
        {"page": page, "action": reverse("documents_admin:reverify", args=[page.pk])},
    )
