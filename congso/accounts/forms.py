"""Citizen-facing forms: allauth's, with Vietnamese labels and the portal's own fields."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm, ResetPasswordForm, SignupForm
from allauth.socialaccount.forms import SignupForm as SocialSignupForm
from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .fields import VietnamesePhoneField
from .models import CitizenProfile
from .validators import local_phone, normalize_id_number


class CitizenLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Thư điện tử hoặc số điện thoại")
        login.widget.attrs.update(
            {"placeholder": "", "autocomplete": "username", "autocapitalize": "none"}
        )
        self.fields["password"].label = _("Mật khẩu")
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = _("Ghi nhớ đăng nhập trên máy này")


class CitizenSignupForm(SignupForm):
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["full_name", "email", "phone", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Thư điện tử")
        self.fields["email"].help_text = _("Cổng gửi thư xác minh đến địa chỉ này.")
        self.fields["email"].widget.attrs.pop("placeholder", None)
        self.fields["phone"].required = True
        self.fields["phone"].label = _("Số điện thoại di động")
        self.fields["password1"].label = _("Mật khẩu")
        self.fields["password1"].help_text = _(
            "Ít nhất 8 ký tự, không toàn chữ số, không quá giống họ tên hoặc thư điện tử."
        )
        self.fields["password2"].label = _("Nhập lại mật khẩu")
        for name in ("password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Vui lòng nhập họ và tên."))
        return name

    def _clean_phone(self) -> None:
        # allauth hides a taken phone behind its SMS verification stage, which needs an SMS
        # gateway the portal does not have (see sms.py): the citizen would be stuck on a code
        # page. Say it plainly instead; e-mail addresses stay protected from enumeration, and
        # the signup rate limit (ACCOUNT_RATE_LIMITS) slows anyone probing phone numbers.
        phone = self.cleaned_data.get("phone")
        if phone and get_adapter().get_user_by_phone(phone):
            self.add_error("phone", _("Số điện thoại này đã được dùng cho một tài khoản khác."))


class CitizenSocialSignupForm(SocialSignupForm):
    """The form after an OIDC login that lacked an e-mail (or brought a taken one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Thư điện tử")
        self.fields["email"].help_text = _("Cổng gửi thư xác minh và thông báo về hồ sơ đến đây.")
        self.fields["email"].widget.attrs.pop("placeholder", None)
        if "phone" in self.fields:
            self.fields["phone"].label = _("Số điện thoại di động")


class CitizenResetPasswordForm(ResetPasswordForm):
    """Officers reset their password through the admin, never through the citizens' pages."""

    def clean_email(self):
        email = super().clean_email()
        self.users = [u for u in self.users if not (u.is_staff or u.is_superuser)]
        return email


class ProfileForm(forms.ModelForm):
    phone = VietnamesePhoneField(required=False)
    date_of_birth = forms.DateField(
        label=_("Ngày sinh"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
        ),
        help_text=_("Không bắt buộc. Ví dụ 25/12/1990."),
        error_messages={"invalid": _("Ngày sinh không hợp lệ, nhập theo dạng 25/12/1990.")},
    )

    class Meta:
        model = CitizenProfile
        fields = ["full_name", "id_number", "phone", "address", "date_of_birth"]
        labels = {
            "full_name": _("Họ và tên"),
            "id_number": _("Số định danh cá nhân (CCCD)"),
            "address": _("Địa chỉ liên hệ"),
        }
        help_texts = {"id_number": _("12 chữ số in trên căn cước công dân.")}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "id_number": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._original_phone = self.instance.phone
        if self.instance.phone and not self.is_bound:
            self.initial["phone"] = local_phone(self.instance.phone)
        self.fields["phone"].label = _("Số điện thoại di động")

    def clean_full_name(self):
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_id_number(self):
        value = self.cleaned_data["id_number"]
        return normalize_id_number(value) if value else ""

    def clean_phone(self):
        phone = self.cleaned_data["phone"] or ""
        if (
            phone
            and CitizenProfile.objects.filter(phone=phone).exclude(pk=self.instance.pk).exists()
        ):
            raise forms.ValidationError(_("Số điện thoại này đã được dùng cho tài khoản khác."))
        return phone

    def save_checked(self) -> bool:
        """Save; False (with the error on the phone field) when another account took the
        same number between validation and saving."""
        try:
            with transaction.atomic():
                self.save()
        except IntegrityError:
            self.add_error("phone", _("Số điện thoại này đã được dùng cho tài khoản khác."))
            return False
        return True

    def save(self, commit=True):
        if self.instance.phone != self._original_phone:
            # A new number has not been checked by a code yet.
            self.instance.phone_verified = False
        return super().save(commit=commit)
