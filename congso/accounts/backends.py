from allauth.account.auth_backends import AuthenticationBackend


class CitizenAuthenticationBackend(AuthenticationBackend):
    """allauth's e-mail/phone authentication, for citizens only.

    Officers authenticate through Django's ModelBackend (username and password at /admin/),
    exactly as before citizen accounts existed: this backend never accepts a staff account,
    so an officer's e-mail address or a phone number in a profile is no second way into the
    admin, and a password guessed through the citizens' login form never opens one."""

    def _check_password(self, user, password):
        if user is not None and (user.is_staff or user.is_superuser):
            # authenticate() hashes a dummy password when none was checked: same timing.
            return None
        return super()._check_password(user, password)
