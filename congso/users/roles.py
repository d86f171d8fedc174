"""The editorial roles and the review workflow, as data that `setup_roles` applies idempotently.

Biên tập viên drafts and submits; Trưởng ban biên tập approves, publishes and moderates comments.
Cán bộ một cửa, Chuyên viên, Lãnh đạo and Quản trị thủ tục work on dossiers (congso/dossiers).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR = "Biên tập viên"
CHIEF_EDITOR = "Trưởng ban biên tập"
WORKFLOW_NAME = "Duyệt tin bài"
TASK_NAME = "Trưởng ban biên tập duyệt"

_EDITOR_PAGE_PERMS = ["add_page", "change_page"]
_CHIEF_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "delete_page",
]
_COLLECTION_PERMS = {
    EDITOR: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    CHIEF_EDITOR: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
}
_MODEL_PERMS = {
    EDITOR: ["wagtailadmin.access_admin", "news.add_topic", "news.change_topic"],
    CHIEF_EDITOR: [
        "wagtailadmin.access_admin",
        "news.add_topic",
        "news.change_topic",
        "news.delete_topic",
        "comments.view_comment",
        "comments.change_comment",
        "comments.delete_comment",
        "organisation.add_unit",
        "organisation.change_unit",
        "organisation.add_official",
        "organisation.change_official",
        "organisation.delete_official",
        "core.add_portallink",
        "core.change_portallink",
        "core.delete_portallink",
    ],
}


# One-stop processing (docs/officers-dossiers.md): the group gives the Wagtail permissions;
# the agency and the role inside it come from an AgencyStaff row ("Cán bộ giải quyết hồ sơ").
ONE_STOP = "Cán bộ một cửa"
SPECIALIST = "Chuyên viên"
LEADER = "Lãnh đạo"
PROCEDURE_ADMIN = "Quản trị thủ tục"
_OFFICER_PERMS = ["wagtailadmin.access_admin", "dossiers.process_dossier"]
_DOSSIER_GROUP_PERMS = {
    ONE_STOP: _OFFICER_PERMS,
    SPECIALIST: _OFFICER_PERMS,
    LEADER: _OFFICER_PERMS,
    PROCEDURE_ADMIN: _OFFICER_PERMS
    + [
        f"{app}.{verb}_{model}"
        for app, model in (
            ("dossiers", "workflow"),
            ("dossiers", "agencystaff"),
            ("dossiers", "workingsession"),
            ("dossiers", "calendarday"),
            ("procedures", "procedure"),
            ("procedures", "procedurefield"),
        )
        for verb in ("add", "change")
    ]
    + ["dossiers.delete_agencystaff", "dossiers.delete_workingsession"],
}
# The AgencyStaff role each group goes with (for accounts made by `make demo` and the guides).
DOSSIER_GROUP_OF_ROLE = {
    "one_stop": ONE_STOP,
    "specialist": SPECIALIST,
    "leader": LEADER,
    "admin": PROCEDURE_ADMIN,
}


def _editorial_group(name, role, page, collection, model_perms) -> Group:
    """The group `name` with the page permissions of `role` (EDITOR or CHIEF_EDITOR) on `page`,
    its collection permissions on `collection` and `model_perms`: the installation's editorial
    groups (on the tree root) and each site's own (on its home) are made the same way."""
    group, _ = Group.objects.get_or_create(name=name)
    for codename in _EDITOR_PAGE_PERMS if role == EDITOR else _CHIEF_PAGE_PERMS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for codename in _COLLECTION_PERMS[role]:
        permission = _collection_perm(codename)
        if permission:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    for dotted in model_perms:
        permission = _perm(dotted)
        if permission:
            group.permissions.add(permission)
    return group


def app_group_permissions() -> dict[str, list[str]]:
    """Groups and model permissions that other apps declare on their AppConfig as
    `group_permissions = {"group name": ["app.codename", ...]}` (Q&A officers, the office that
    keeps the work schedule): each app keeps its roles next to its models, and `setup_roles`
    applies them with the rest. A group named by several apps gets the union."""
    from django.apps import apps

    merged: dict[str, list[str]] = {}
    for config in apps.get_app_configs():
        for name, perms in getattr(config, "group_permissions", {}).items():
            merged.setdefault(name, []).extend(perms)
    return merged


def app_demo_accounts() -> list[tuple[str, str, str]]:
    """(login, label, group name) of the demo accounts other apps declare on their AppConfig as
    `demo_accounts`; `ensure_demo_admin` creates and prints them with the others."""
    from django.apps import apps

    return [
        account
        for config in apps.get_app_configs()
        for account in getattr(config, "demo_accounts", ())
    ]


def _perm(dotted: str) -> Permission | None:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _collection_perm(codename: str) -> Permission | None:
    app = "wagtaildocs" if codename.endswith("document") else "wagtailimages"
    return Permission.objects.filter(
        content_type__app_label__in=[app, "core", "documents"], codename=codename
    ).first()


@transaction.atomic
def setup_roles() -> dict:
    """Create (or complete) the editorial and one-stop groups, their permissions and the
    review workflow."""
    # The tree root, not a site's home page: one installation hosts many sites, and the roles
    # and the review workflow apply to all of them (a site can still get its own workflow).
    page = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITOR, CHIEF_EDITOR):
        groups[name] = _editorial_group(name, name, page, collection, _MODEL_PERMS[name])

    for name, dotted_perms in _DOSSIER_GROUP_PERMS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for dotted in dotted_perms:
            permission = _perm(dotted)
            if permission:
                group.permissions.add(permission)

    for name, dotted_perms in app_group_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for dotted in dotted_perms:
            permission = _perm(dotted)
            if permission:
                group.permissions.add(permission)

    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(groups[CHIEF_EDITOR])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    # Replaces the "Moderators approval" workflow that Wagtail's migrations put on the root.
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return {"groups": list(groups), "workflow": workflow.name, "root": page.title}


# Several sites (docs/sites.md, docs/decisions/0021): the groups above work on the whole tree;
# each site that `add_site` creates also gets its own two groups, whose page permissions sit on
# that site's home page only and whose collection permissions sit on that site's collection
# only, so that a commune's editors never see or change another site's pages, images or files.
SITE_EDITOR_PREFIX = f"{EDITOR} – "
SITE_CHIEF_PREFIX = f"{CHIEF_EDITOR} – "


_SITE_MODEL_PERMS = {
    EDITOR: ["wagtailadmin.access_admin"],
    CHIEF_EDITOR: [
        "wagtailadmin.access_admin",
        "analytics.view_dailystat",
        # Readers' comments on the site's own articles (the listing is limited to them).
        "comments.view_comment",
        "comments.change_comment",
    ],
}


def site_group_names(site_name: str) -> tuple[str, str]:
    """(editors, chief editors) group names of one site, e.g. "Biên tập viên – UBND xã Mẫu"."""
    return f"{SITE_EDITOR_PREFIX}{site_name}", f"{SITE_CHIEF_PREFIX}{site_name}"


@transaction.atomic
def setup_site_roles(home: Page, site_name: str, collection: Collection) -> dict:
    """Create (or complete) one site's editor groups, their permissions limited to `home` and
    `collection`, and the site's own review workflow (approved by the site's chief editors)."""
    editor_name, chief_name = site_group_names(site_name)
    groups = {}
    # Page permissions on the site's home and collection permissions on its collection only.
    # The admin itself, and the chief editors their site's visit figures (the listing is
    # limited to the sites whose home they may change) and its readers' comments. Topics, units
    # and portal links are shared by every site and stay with the installation's own editors.
    for name, role in ((editor_name, EDITOR), (chief_name, CHIEF_EDITOR)):
        groups[role] = _editorial_group(name, role, home, collection, _SITE_MODEL_PERMS[role])

    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{TASK_NAME} – {site_name}")
    task.groups.set([groups[CHIEF_EDITOR]])
    workflow, _ = Workflow.objects.get_or_create(name=f"{WORKFLOW_NAME} – {site_name}")
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    # On the site's home page: it overrides the root's workflow for this site's pages.
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return {"editors": groups[EDITOR], "chiefs": groups[CHIEF_EDITOR], "workflow": workflow}
