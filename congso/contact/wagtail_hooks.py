from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from congso.contact import services
from congso.contact.admin import ContactMessagePermissionPolicy, ContactMessageViewSet
from congso.contact.models import ContactMessage

register_permission_policy(ContactMessage, ContactMessagePermissionPolicy(ContactMessage))
register_snippet(ContactMessageViewSet)


@hooks.register("register_log_actions")
def register_contact_log_actions(actions):
    actions.register_action(
        services.HANDLED_ACTION, _("Đánh dấu thư đã xử lý"), _("Đã đánh dấu thư đã xử lý")
    )
    actions.register_action(
        services.REOPENED_ACTION, _("Đưa thư về chưa xử lý"), _("Đã đưa thư về chưa xử lý")
    )
