"""The admin's login form (settings.WAGTAILADMIN_USER_LOGIN_FORM)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form with a translatable label on the password field.

    Wagtail 8 redeclares the field without a label, so Django printed the field's name,
    "Password", on the Vietnamese login page. "Password" is a message of the catalogues
    (congso/locale/vi: "Mật khẩu")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
