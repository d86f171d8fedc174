from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import services
from .forms import ProfileForm


@never_cache
@login_required
def profile(request):
    """The citizen's own profile: only ever their own, so there is no id in the address."""
    if request.user.is_staff:
        # Officers have no citizen profile; their account lives in the admin.
        return redirect("wagtailadmin_home")
    instance = services.profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid() and form.save_checked():
        messages.success(request, _("Đã lưu hồ sơ cá nhân."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "profile": instance, "email": request.user.email},
    )
