from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congso.documents import admin_views
from congso.documents.models import (
    DocumentField,
    DocumentType,
    IssuingAgency,
    OfficialDocumentPage,
    TrustAnchor,
)
from congso.documents.querysets import user_can_download


@hooks.register("before_serve_document")
def check_document_access(document, request):
    """Anonymous readers only get public files; everything else is a 404, revealing nothing."""
    if not user_can_download(request.user, document):
        raise Http404


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("tai-len/", admin_views.upload, name="upload"),
        path("xac-minh/<int:page_id>/", admin_views.reverify, name="reverify"),
    ]
    return [path("van-ban/", include((urls, "documents_admin"), namespace="documents_admin"))]


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        from congso.documents.models import DocumentIndexPage

        user = request.user
        return any(
            index.permissions_for_user(user).can_add_subpage()
            for index in DocumentIndexPage.objects.all()[:20]
        )


@hooks.register("register_admin_menu_item")
def register_upload_menu_item():
    return UploadMenuItem(
        _("Tải lên văn bản"), reverse("documents_admin:upload"), icon_name="upload", order=250
    )


@hooks.register("register_page_header_buttons")
def reverify_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, OfficialDocumentPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Xác minh lại chữ ký số"),
            reverse("documents_admin:reverify", args=[page.pk]),
            icon_name="resubmit",
            priority=80,
        )


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Loại văn bản")
    list_display = ["name", "code", "sort_order"]


class IssuingAgencyViewSet(SnippetViewSet):
    model = IssuingAgency
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    list_display = ["name", "code", "sort_order"]


class DocumentFieldViewSet(SnippetViewSet):
    model = DocumentField
    icon = "folder-inverse"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "sort_order"]


class TrustAnchorViewSet(SnippetViewSet):
    model = TrustAnchor
    icon = "lock"
    menu_label = _("Chứng thư gốc tin cậy")
    list_display = ["name", "subject", "valid_until", "is_active"]
    panels_fields = ["name", "certificate_pem", "is_active", "note"]

    def get_form_class(self, for_update=False):
        from django import forms
        from wagtail.admin.forms.models import WagtailAdminModelForm

        class TrustAnchorForm(WagtailAdminModelForm):
            class Meta:
                model = TrustAnchor
                fields = ["name", "certificate_pem", "is_active", "note"]
                widgets = {"certificate_pem": forms.Textarea(attrs={"rows": 12})}

        return TrustAnchorForm


class DocumentsAdminGroup(SnippetViewSetGroup):
    menu_label = _("Danh mục văn bản")
    menu_icon = "doc-full"
    menu_order = 260
    items = (DocumentTypeViewSet, IssuingAgencyViewSet, DocumentFieldViewSet, TrustAnchorViewSet)


register_snippet(DocumentsAdminGroup)
