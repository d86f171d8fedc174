"""Admin hooks that keep each site's editors inside their own site (docs/sites.md)."""

from wagtail import hooks
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_sites(pages, request):
    """Wagtail's page chooser lists every page of the tree, drafts included, to anyone who
    opens it: a commune's editor would read the department's unpublished titles. An editor
    whose page permissions cover only some sites chooses among those sites' pages (to link to
    another site, paste its address as an external link). Superusers and the installation-wide
    groups (permissions on the tree root) still see every page; staff with no page permission
    at all (one-stop officers) keep Wagtail's behaviour."""
    user = request.user
    if user.is_superuser:
        return pages
    if not GroupPagePermission.objects.filter(group__user=user).exists():
        return pages
    explorable = PagePermissionPolicy().explorable_instances(user)
    return pages.filter(pk__in=explorable.values_list("pk", flat=True))
