"""Draft and internal documents and their files never reach a reader without permission."""

import pytest

from congso.documents.models import FileDocument
from congso.documents.tests.factories import make_document


@pytest.fixture
def library(doc_index):
    public = make_document(doc_index, title="Công khai")
    draft = make_document(doc_index, title="Bản nháp", publish=False)
    internal = make_document(doc_index, title="Nội bộ", visibility="internal")
    withdrawn = make_document(doc_index, title="Đã gỡ")
    withdrawn.unpublish()
    from congso.documents.services import sync_file_visibility

    sync_file_visibility()
    return {"public": public, "draft": draft, "internal": internal, "withdrawn": withdrawn}


def _hidden(library):
    return [library[k] for k in ("draft", "internal", "withdrawn")]


@pytest.mark.django_db
def test_anonymous_readers_get_404_for_hidden_document_pages(client, library):
    for page in _hidden(library):
        assert client.get(f"/van-ban/{page.slug}/").status_code == 404, page.title


@pytest.mark.django_db
def test_anonymous_readers_get_404_for_every_hidden_file_id(client, library):
    public_file = library["public"].files[0]
    last = FileDocument.objects.order_by("-pk").first().pk
    for file in FileDocument.objects.all():
        status = client.get(f"/documents/{file.pk}/{file.filename}").status_code
        assert status == (200 if file.pk == public_file.pk else 404), file.title
    assert client.get(f"/documents/{last + 1}/x.pdf").status_code == 404


@pytest.mark.django_db
def test_a_wrong_filename_for_a_public_file_is_a_404(client, library):
    file = library["public"].files[0]
    assert client.get(f"/documents/{file.pk}/khac.pdf").status_code == 404


@pytest.mark.django_db
def test_hidden_files_are_not_reachable_under_the_media_url(client, library):
    for page in _hidden(library):
        assert client.get(f"/media/{page.files[0].file.name}").status_code == 404


@pytest.mark.django_db
def test_previews_of_hidden_documents_are_404(client, library):
    for page in _hidden(library):
        url = f"/van-ban/{page.slug}/xem-truoc/{page.files[0].pk}/1/"
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_preview_route_refuses_files_of_other_documents(client, library):
    public, internal = library["public"], library["internal"]
    url = f"{public.url}xem-truoc/{internal.files[0].pk}/1/"
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_api_hides_unpublished_and_internal_documents(client, library):
    for page in _hidden(library):
        assert client.get(f"/api/v1/documents/{page.pk}").status_code == 404
    ids = [d["id"] for d in client.get("/api/v1/documents").json()["results"]]
    assert ids == [library["public"].pk]


@pytest.mark.django_db
def test_an_editor_can_download_a_draft_file_and_open_an_internal_document(client, library, editor):
    client.force_login(editor)
    draft_file = library["draft"].files[0]
    assert client.get(f"/documents/{draft_file.pk}/{draft_file.filename}").status_code == 200
    assert client.get(library["internal"].url).status_code == 200


@pytest.mark.django_db
def test_a_logged_in_user_without_admin_rights_gets_no_hidden_file(client, library):
    from congso.core.tests.factories import UserFactory

    client.force_login(UserFactory())
    file = library["internal"].files[0]
    assert client.get(f"/documents/{file.pk}/{file.filename}").status_code == 404
    assert client.get(library["internal"].url).status_code == 404


@pytest.mark.django_db
def test_a_file_marked_public_for_articles_is_downloadable(client, db):
    from congso.documents.services import store_file
    from congso.documents.tests.factories import make_pdf

    file = store_file("phu-luc.pdf", make_pdf())
    file.marked_public = True
    file.save()
    assert client.get(f"/documents/{file.pk}/{file.filename}").status_code == 200


@pytest.mark.django_db
def test_a_stale_public_flag_does_not_leak_a_file(client, library):
    file = library["draft"].files[0]
    FileDocument.objects.filter(pk=file.pk).update(is_public=True)
    assert client.get(f"/documents/{file.pk}/{file.filename}").status_code == 404


@pytest.mark.django_db
def test_public_files_of_internal_documents_are_not_in_the_sitemap_or_feed(client, library):
    internal = library["internal"]
    assert internal.url not in client.get("/sitemap.xml").content.decode()
    assert "Nội bộ" not in client.get("/van-ban/rss/").content.decode()


@pytest.mark.django_db
def test_the_admin_upload_screen_requires_login(client, doc_index):
    response = client.get("/admin/van-ban/tai-len/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
