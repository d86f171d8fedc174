"""The agency's signing certificate, configured by its administrator: a PKCS#12 upload (or, for
the installation's administrator only, a path on the server) with its password, the signer's
name and position, the symbol, place and recipients printed on the report.

The password is never shown back (blank keeps the stored one) and the certificate is opened
before it is saved, so a wrong password is a message now, not a failure at signing time.
"""

import logging

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from congso.dossiers.services.errors import Invalid
from congso.organisation.models import Agency
from congso.servicereports import access, signing
from congso.servicereports.models import SigningConfig

logger = logging.getLogger(__name__)
MAX_PKCS12_BYTES = 100 * 1024


class SigningConfigForm(forms.ModelForm):
    password = forms.CharField(
        label="Mật khẩu tệp chứng thư",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Để trống để giữ mật khẩu đã lưu.",
    )

    class Meta:
        model = SigningConfig
        fields = [
            "pkcs12_file",
            "pkcs12_path",
            "password",
            "signer_name",
            "signer_position",
            "symbol",
            "place",
            "governing_body",
            "recipients",
        ]
        widgets = {
            "pkcs12_file": forms.FileInput(attrs={"accept": ".p12,.pfx"}),
            "signer_position": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, may_use_path: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.old_password = self.instance.password
        if not may_use_path:
            del self.fields["pkcs12_path"]

    def clean_pkcs12_file(self):
        upload = self.cleaned_data.get("pkcs12_file")
        if upload and getattr(upload, "size", 0) > MAX_PKCS12_BYTES:
            raise forms.ValidationError("Tệp chứng thư quá lớn (tối đa 100 KB).")
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("password"):
            data["password"] = self.old_password
        if self.errors:
            return data
        probe = SigningConfig(
            agency=self.instance.agency,
            pkcs12_path=data.get("pkcs12_path", self.instance.pkcs12_path) or "",
            password=data["password"] or "",
        )
        upload = data.get("pkcs12_file")
        probe.pkcs12_file = upload if upload else self.instance.pkcs12_file
        if not probe.has_certificate:
            raise forms.ValidationError("Hãy tải lên tệp chứng thư số (.p12/.pfx).")
        try:
            if upload and hasattr(upload, "read"):
                upload.seek(0)
                probe_bytes = upload.read()
                upload.seek(0)
                signing.check_pkcs12(probe_bytes, probe.password)
            else:
                signing.load_signer(probe)
        except Invalid as error:
            raise forms.ValidationError(str(error))
        return data

    def save(self, commit=True):
        instance = super().save(commit=False)
        instance.password = self.cleaned_data["password"] or ""
        if commit:
            instance.save()
        return instance


def edit(request, identifier: str):
    agency = Agency.objects.filter(identifier=identifier[:50]).first()
    if agency is None or not access.may_configure(request.user, agency):
        raise PermissionDenied
    instance = signing.config_for(agency) or SigningConfig(agency=agency)
    form = SigningConfigForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        may_use_path=request.user.is_superuser,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            config = form.save(commit=False)
            config.updated_by = request.user
            config.save()
        logger.info("signing certificate configured: user=%s agency=%s", request.user.pk, agency.pk)
        messages.success(request, "Đã lưu chứng thư số ký báo cáo của cơ quan.")
        return redirect(f"{reverse('servicereports_admin:index')}?co-quan={agency.identifier}")
    return TemplateResponse(
        request,
        "servicereports/admin/config.html",
        {"agency": agency, "form": form, "config": instance},
        status=400 if request.method == "POST" else 200,
    )
