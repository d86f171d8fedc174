import pytest

from congso.procedures.search import entry_id
from congso.search.models import SearchEntry
from congso.search.services import rebuild_index

from .factories import ComponentFactory, ProcedureFactory

pytestmark = pytest.mark.django_db


def search(client, **params):
    return client.get("/api/v1/search", params).json()


def test_a_published_procedure_is_found_with_type_procedure(client):
    procedure = ProcedureFactory(name="Cấp giấy phép bưu chính")
    body = search(client, q="giay phep buu chinh", type="procedure")
    assert [(r["title"], r["type"], r["url"]) for r in body["results"]] == [
        (procedure.name, "procedure", procedure.get_absolute_url())
    ]


def test_a_procedure_is_found_by_a_component_name(client):
    ComponentFactory(name="Bản khai đăng ký sử dụng máy photocopy màu")
    assert search(client, q="photocopy màu")["total"] == 1


def test_a_procedure_made_inactive_leaves_the_results(client):
    procedure = ProcedureFactory(name="Cấp giấy phép bưu chính")
    procedure.active = False
    procedure.save()
    assert search(client, q="buu chinh")["total"] == 0


def test_a_deleted_procedure_leaves_the_index():
    procedure = ProcedureFactory()
    pk = procedure.pk
    procedure.delete()
    assert not SearchEntry.objects.filter(page_id=entry_id(pk)).exists()


def test_a_full_rebuild_keeps_the_procedures(client):
    ProcedureFactory(name="Cấp giấy phép bưu chính")
    rebuild_index()
    assert search(client, q="buu chinh", type="procedure")["total"] == 1


def test_the_results_page_labels_procedures(client, home):
    procedure = ProcedureFactory(name="Cấp giấy phép bưu chính")
    content = client.get("/tim-kiem/", {"q": "bưu chính"}).content.decode()
    assert f'href="{procedure.get_absolute_url()}"' in content
    assert '<span class="search-result__type">Thủ tục hành chính</span>' in content


def test_saving_a_procedure_purges_the_page_cache():
    from congso.core import pagecache

    procedure = ProcedureFactory()
    before = pagecache.generation()
    procedure.name = "Tên mới"
    procedure.save()
    assert pagecache.generation() != before
