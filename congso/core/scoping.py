"""Admin rows that hang off a page belong to that page's site: an officer sees and edits only
the rows whose page they may edit (Wagtail page permissions, given per site by group).

Shared by contact messages, polls and article comments; a row without a page yet (the add
form) is in scope, and the form limits the pages it may be attached to."""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy


def editable_pages(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def editable_pages_of_type(user, model):
    """Live or draft pages of `model` the user may edit (for a form's page choice)."""
    return model.objects.filter(pk__in=editable_pages(user).values("pk"))


class PageScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (what the group may do) AND page permissions (where)."""

    page_field = "page"

    def _page_id(self, instance):
        return getattr(instance, f"{self.page_field}_id", None)

    def in_scope(self, user, instance) -> bool:
        page_id = self._page_id(instance)
        if page_id is None or (user.is_active and user.is_superuser):
            return True
        return editable_pages(user).filter(pk=page_id).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and self.in_scope(
            user, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_active and user.is_superuser:
            return instances
        pages = Page.objects.filter(pk__in=editable_pages(user).values("pk"))
        return instances.filter(**{f"{self.page_field}__in": pages})


class ScopedObjectMixin:
    """For the admin's object views (edit, delete, inspect, history, usage): Wagtail's generic
    views check the model permission only, so another site's row is refused here."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.in_scope(self.request.user, instance):
            raise PermissionDenied
        return instance


def scoped(view_class):
    return type(f"Scoped{view_class.__name__}", (ScopedObjectMixin, view_class), {})
