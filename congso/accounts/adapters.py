"""allauth adapters: where citizen accounts differ from allauth's defaults.

- Phones are Vietnamese mobiles kept in CitizenProfile (E.164), typed as 0… or +84….
- Text messages go through congso.accounts.sms (an interface; the demo writes files).
- Staff accounts never log in here: officers use /admin/, whose login form, permissions and
  audit stay the only way in for them. A staff login attempt through the citizen pages is
  refused before any session is created, whatever the method (password, phone, OIDC).
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import services, sms
from .fields import VietnamesePhoneField
from .validators import local_phone, normalize_phone


def is_staff_account(user) -> bool:
    return bool(user and (user.is_staff or user.is_superuser))


_WRONG_LOGIN = _lazy("Thư điện tử, số điện thoại hoặc mật khẩu không đúng.")


class CitizenAccountAdapter(DefaultAccountAdapter):
    # allauth ships no Vietnamese catalogue: its messages to citizens, in Vietnamese.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _lazy("Tài khoản này đang bị khoá."),
        "cannot_remove_primary_email": _lazy("Không thể xoá thư điện tử chính."),
        "duplicate_email": _lazy("Thư điện tử này đã gắn với tài khoản của bạn."),
        "email_password_mismatch": _WRONG_LOGIN,
        "phone_password_mismatch": _WRONG_LOGIN,
        "username_password_mismatch": _WRONG_LOGIN,
        "email_taken": _lazy("Thư điện tử này đã được dùng cho một tài khoản khác."),
        "enter_current_password": _lazy("Vui lòng nhập mật khẩu hiện tại."),
        "incorrect_code": _lazy("Mã không đúng."),
        "incorrect_password": _lazy("Mật khẩu không đúng."),
        "invalid_or_expired_key": _lazy("Đường dẫn không đúng hoặc đã hết hạn."),
        "invalid_login": _WRONG_LOGIN,
        "invalid_password_reset": _lazy("Đường dẫn đặt lại mật khẩu không đúng."),
        "max_email_addresses": _lazy("Không thể thêm quá %d thư điện tử."),
        "phone_taken": _lazy("Số điện thoại này đã được dùng cho một tài khoản khác."),
        "too_many_login_attempts": _lazy(
            "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."
        ),
        "unknown_email": _lazy("Thư điện tử này chưa đăng ký tài khoản."),
        "unknown_phone": _lazy("Số điện thoại này chưa đăng ký tài khoản."),
        "unverified_primary_email": _lazy("Thư điện tử chính phải được xác minh trước."),
        "select_only_one": _lazy("Vui lòng chỉ chọn một."),
        "same_as_current": _lazy("Giá trị mới phải khác giá trị hiện tại."),
        "rate_limited": _lazy("Bạn gửi yêu cầu quá nhanh, vui lòng chờ một lát rồi thử lại."),
    }

    def phone_form_field(self, **kwargs):
        return VietnamesePhoneField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        try:
            return normalize_phone(phone)
        except ValidationError as error:
            raise ValidationError(error.messages[0], code="invalid_phone") from error

    def set_phone(self, user, phone: str, verified: bool) -> None:
        services.set_phone(user, phone, verified)

    def get_phone(self, user):
        profile = services.profile_for(user)
        if not profile.phone:
            return None
        return profile.phone, profile.phone_verified

    def set_phone_verified(self, user, phone: str) -> None:
        services.set_phone(user, phone, verified=True)

    def get_user_by_phone(self, phone: str):
        return services.user_by_phone(phone)

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        sms.send_sms(phone, _("Mã xác minh tài khoản trên cổng: %(code)s") % {"code": code})

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        sms.send_sms(
            phone,
            _("Số điện thoại %(phone)s chưa đăng ký tài khoản trên cổng.")
            % {"phone": local_phone(phone)},
        )

    def send_account_already_exists_sms(self, phone: str) -> None:
        sms.send_sms(
            phone,
            _("Số điện thoại %(phone)s đã có tài khoản trên cổng.") % {"phone": local_phone(phone)},
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth names the site by its domain; the e-mails name the portal as readers know it.
        context = {"portal_name": settings.WAGTAIL_SITE_NAME, **context}
        super().send_mail(template_prefix, email, context)

    def pre_login(self, request, user, **kwargs):
        if is_staff_account(user):
            messages.error(
                request,
                _("Tài khoản cán bộ đăng nhập tại trang quản trị, không đăng nhập ở đây."),
            )
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return redirect("account_login")
        return super().pre_login(request, user, **kwargs)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        full_name = (form.cleaned_data.get("full_name") or "").strip()
        if commit and full_name:
            profile = services.profile_for(user)
            profile.full_name = full_name
            profile.save(update_fields=["full_name", "updated_at"])
        return user


class CitizenSocialAccountAdapter(DefaultSocialAccountAdapter):
    """OpenID Connect (VNeID, a provincial SSO): the provider's claims fill the profile."""

    def pre_social_login(self, request, sociallogin):
        # An identity provider must not open an officer's account: refuse before allauth
        # connects or logs in anyone.
        if sociallogin.is_existing and is_staff_account(sociallogin.user):
            messages.error(
                request,
                _("Tài khoản cán bộ đăng nhập tại trang quản trị, không đăng nhập ở đây."),
            )
            from allauth.core.exceptions import ImmediateHttpResponse

            raise ImmediateHttpResponse(redirect("account_login"))
        claims = _claims(sociallogin)
        if sociallogin.is_existing:
            # The provider's data is the verified one: keep the profile in step with it.
            services.fill_from_claims(sociallogin.user, claims)
        if not sociallogin.phone and claims.get("phone_number"):
            try:
                phone = normalize_phone(claims["phone_number"])
            except ValidationError:
                phone = None
            # A number already on another account stays there (one account per phone).
            owner = services.user_by_phone(phone) if phone else None
            if phone and (owner is None or owner == sociallogin.user):
                sociallogin.phone = phone

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        services.fill_from_claims(user, _claims(sociallogin))
        return user


def _claims(sociallogin) -> dict:
    data = sociallogin.account.extra_data or {}
    claims = dict(data.get("id_token") or {})
    claims.update(data.get("userinfo") or {})
    return claims
