import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from congso.documents.tests.factories import make_document, make_pdf, sign


@pytest.mark.django_db
def test_the_list_is_paginated_and_filtered_like_the_page(client, doc_index):
    for _ in range(3):
        make_document(doc_index)
    make_document(doc_index, signer_name="Võ Trọng Hải")
    body = client.get("/api/v1/documents", {"page_size": 2}).json()
    assert (body["count"], len(body["results"])) == (4, 2)
    body = client.get("/api/v1/documents", {"signer": "Võ Trọng Hải"}).json()
    assert body["count"] == 1


@pytest.mark.django_db
def test_the_detail_has_metadata_file_urls_and_signatures(client, doc_index, trusted_ca):
    page = make_document(doc_index, file_data=sign(make_pdf()), number="273/BC-STTTT")
    body = client.get(f"/api/v1/documents/{page.pk}").json()
    assert body["number"] == "273/BC-STTTT" and body["type"] == "Báo cáo"
    assert body["files"][0]["url"].endswith(page.files[0].url)
    (signature,) = body["signatures"]
    assert signature["signer"] == "Dương Văn Tuấn"
    assert signature["organization"] == "Sở Thông tin và Truyền thông"
    assert signature["email"] == "sott_tt@hatinh.gov.vn"
    assert (signature["intact"], signature["trusted"], signature["status"]) == (True, True, "valid")
    assert "T" in signature["signed_at"]  # ISO 8601


@pytest.mark.django_db
def test_an_unknown_id_is_a_404(client, doc_index):
    assert client.get("/api/v1/documents/999999").status_code == 404


@pytest.mark.django_db
def test_control_characters_in_filters_are_dropped_not_a_500(client, doc_index):
    make_document(doc_index, signer_name="Võ Trọng Hải")
    response = client.get("/api/v1/documents", {"signer": "Võ Trọng\x00 Hải", "q": "\x00"})
    assert response.status_code == 200
    assert client.get(doc_index.url, {"nguoi-ky": "a\x00b"}).status_code == 200


@pytest.mark.django_db
def test_a_page_size_above_the_limit_is_refused(client, doc_index):
    assert client.get("/api/v1/documents", {"page_size": 1000}).status_code == 422


def _load_schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


schema = _load_schema()


@pytest.fixture
def published_document(doc_index, trusted_ca):
    return make_document(doc_index, file_data=sign(make_pdf()))


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Schemathesis calls the WSGI handler directly, whose request signals close "old" database
    connections — on PostgreSQL that closes the test's transaction. Django's test client turns
    them off the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.include(path_regex="^/api/v1/documents").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_documents_endpoints_conform_to_the_openapi_schema(
    case, published_document, wsgi_keeps_the_test_connection
):
    # Unknown filter values are ignored rather than refused (a reader's stale link keeps
    # working), so the data-rejection checks do not apply.
    case.call_and_validate(excluded_checks=[negative_data_rejection, positive_data_acceptance])


@pytest.mark.django_db
def test_the_detail_reads_attachments_once_however_many_there_are(client, doc_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congso.documents.models import DocumentAttachment
    from congso.documents.services import store_file

    page = make_document(doc_index)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/documents/{page.pk}").status_code == 200
        return len(captured)

    queries()  # warm the per-process caches (site, content types)
    one = queries()
    for n in (2, 3):
        file = store_file(f"phu-luc-{n}.pdf", make_pdf())
        DocumentAttachment.objects.create(page=page, file=file, sort_order=n)
    assert queries() == one
