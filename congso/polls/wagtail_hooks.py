from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from congso.polls.admin import PollPermissionPolicy, PollViewSet
from congso.polls.models import Poll

register_permission_policy(Poll, PollPermissionPolicy(Poll))
register_snippet(PollViewSet)
