"""Procedures in the portal's search (type "procedure"), through the search app's contract.

The search index is keyed by page id; procedures are not pages, so each takes the id
ENTRY_BASE + its primary key, a range page ids never reach (PostgreSQL's integer ends at
2,147,483,647). An entry has no tree path: procedures are found from every site.

The index follows the catalogue: a procedure is in it while `published()`, and saving a
procedure, its components or its agencies re-indexes it in the same request. Anonymous pages
are served from the page cache, which is purged at the same time.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from congso.core import pagecache
from congso.search import services as search_services
from congso.search.adapters import TYPE_LABELS
from congso.search.models import SearchEntry

ENTRY_BASE = 1_500_000_000


def entry_id(procedure_pk: int) -> int:
    return ENTRY_BASE + procedure_pk


def build_entry(procedure) -> SearchEntry:
    agencies = ", ".join(a.name for a in procedure.agencies.all())
    components = "\n".join(c.name for c in procedure.components.all())
    body = "\n".join(
        filter(
            None,
            [
                procedure.field.name,
                agencies,
                procedure.applicants,
                procedure.steps,
                components,
                procedure.conditions,
                procedure.result,
            ],
        )
    )
    return SearchEntry(
        page_id=entry_id(procedure.pk),
        type="procedure",
        type_label=TYPE_LABELS["procedure"],
        title=procedure.name[:500],
        code=procedure.code[:100],
        body=body,
        date=procedure.published_at,
        category="",
        category_slug="",
        url=procedure.get_absolute_url(),
        tree_path="",
    )


def reindex(procedure_pks) -> None:
    """Index the published ones of `procedure_pks`, take the others out."""
    from .models import Procedure

    pks = list(procedure_pks)
    if not pks:
        return
    visible = list(Procedure.objects.published().filter(pk__in=pks).for_detail())
    shown = {p.pk for p in visible}
    search_services.remove_pages([entry_id(pk) for pk in pks if pk not in shown])
    search_services.store_entries(build_entry(p) for p in visible)
    pagecache.purge_all()


def all_entries():
    """For the search app's full rebuild."""
    from .models import Procedure

    for procedure in Procedure.objects.published().for_detail().iterator(chunk_size=200):
        yield build_entry(procedure)


def _procedure_saved(sender, instance, raw=False, **kwargs):
    if not raw and not search_services.is_paused():
        reindex([instance.pk])


def _procedure_deleted(sender, instance, **kwargs):
    search_services.remove_pages([entry_id(instance.pk)])
    pagecache.purge_all()


def _child_changed(sender, instance, raw=False, **kwargs):
    if raw or search_services.is_paused() or instance.procedure_id is None:
        return
    reindex([instance.procedure_id])


def _agencies_changed(sender, instance, action, pk_set=None, **kwargs):
    if not action.startswith("post_") or search_services.is_paused():
        return
    from .models import Procedure

    if isinstance(instance, Procedure):
        reindex([instance.pk])
    elif pk_set:  # changed from the agency's side
        reindex(pk_set)


def connect():
    from .models import Component, Procedure

    search_services.register_source(all_entries)
    post_save.connect(_procedure_saved, sender=Procedure, dispatch_uid="procedures-search-saved")
    post_delete.connect(
        _procedure_deleted, sender=Procedure, dispatch_uid="procedures-search-deleted"
    )
    post_save.connect(_child_changed, sender=Component, dispatch_uid="procedures-search-comp")
    post_delete.connect(_child_changed, sender=Component, dispatch_uid="procedures-search-comp-d")
    m2m_changed.connect(
        _agencies_changed,
        sender=Procedure.agencies.through,
        dispatch_uid="procedures-search-agencies",
    )
