import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from congso.documents.models import FileDocument, OfficialDocumentPage
from congso.documents.tests.factories import make_document, make_pdf, sign


@pytest.fixture
def chief(db):
    from django.contrib.auth.models import Group

    from congso.core.tests.factories import UserFactory
    from congso.users.roles import CHIEF_EDITOR, setup_roles

    setup_roles()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    return user


@pytest.mark.django_db
def test_uploading_in_the_admin_creates_a_draft_and_opens_its_editor(client, doc_index, chief):
    client.force_login(chief)
    upload = SimpleUploadedFile("bao-cao.pdf", sign(make_pdf()), content_type="application/pdf")
    response = client.post(
        "/admin/van-ban/tai-len/", {"file": upload, "title": "", "parent": doc_index.pk}
    )
    page = OfficialDocumentPage.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{page.pk}/edit/")
    assert not page.live


@pytest.mark.django_db
def test_a_bad_file_in_the_admin_shows_the_reason_and_stores_nothing(client, doc_index, chief):
    client.force_login(chief)
    upload = SimpleUploadedFile(
        "gia.pdf", "chỉ là văn bản".encode(), content_type="application/pdf"
    )
    response = client.post("/admin/van-ban/tai-len/", {"file": upload, "parent": doc_index.pk})
    assert response.status_code == 200
    assert "không phải PDF" in response.content.decode()
    assert not FileDocument.objects.exists() and not OfficialDocumentPage.objects.exists()


@pytest.mark.django_db
def test_a_user_who_cannot_add_documents_cannot_upload(client, doc_index):
    from congso.core.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    assert client.get("/admin/van-ban/tai-len/").status_code in (302, 403)


@pytest.mark.django_db
def test_reverify_on_demand_updates_the_stored_result(
    client, doc_index, chief, trusted_ca, django_capture_on_commit_callbacks
):
    from congso.documents.models import TrustAnchor

    page = make_document(doc_index, file_data=sign(make_pdf()))
    TrustAnchor.objects.update(is_active=False)  # .update(): no signal, the result is now stale
    client.force_login(chief)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/van-ban/xac-minh/{page.pk}/")
    assert response.status_code == 302
    assert FileDocument.objects.get(pk=page.files[0].pk).signature_state == "untrusted"


@pytest.mark.django_db
def test_the_edit_screen_shows_suggestions_and_the_signature_result(client, doc_index, chief):
    from congso.documents.tests.corpus import SPECS, render

    page = make_document(doc_index, file_data=render(SPECS[0]))
    client.force_login(chief)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Gợi ý từ nội dung tệp" in html and "273/BC-STTTT" in html
    assert "Không có chữ ký số" in html


@pytest.mark.django_db
def test_an_article_links_to_a_document_with_the_page_link_block(client, doc_index, category):
    from congso.core.tests.factories import make_article

    document = make_document(doc_index, title="Báo cáo 273/BC-STTTT")
    article = make_article(
        category,
        body=[{"type": "page_link", "value": {"page": document.pk, "label": "Xem báo cáo"}}],
    )
    html = client.get(article.url).content.decode()
    assert f'href="{document.url}"' in html


@pytest.mark.django_db
def test_an_administrator_adds_a_trust_anchor_in_the_admin(client, admin_user_obj):
    from congso.documents.models import TrustAnchor
    from congso.documents.tests.factories import ca_pem

    client.force_login(admin_user_obj)
    response = client.post(
        "/admin/snippets/documents/trustanchor/add/",
        {
            "name": "CA thử nghiệm",
            "certificate_pem": ca_pem().decode(),
            "is_active": "on",
            "note": "",
        },
    )
    assert response.status_code == 302
    anchor = TrustAnchor.objects.get()
    assert "CA thử nghiệm congso" in anchor.subject and len(anchor.fingerprint_sha256) == 64


@pytest.mark.django_db
def test_a_garbage_trust_anchor_in_the_admin_is_refused_with_a_message(client, admin_user_obj):
    from congso.documents.models import TrustAnchor

    client.force_login(admin_user_obj)
    response = client.post(
        "/admin/snippets/documents/trustanchor/add/",
        {"name": "Hỏng", "certificate_pem": "không phải PEM", "is_active": "on", "note": ""},
    )
    assert response.status_code == 200 and "Không đọc được chứng thư" in response.content.decode()
    assert not TrustAnchor.objects.exists()


@pytest.mark.django_db
def test_editors_do_not_see_the_trust_store(client, chief):
    client.force_login(chief)
    assert client.get("/admin/snippets/documents/trustanchor/").status_code in (302, 403)
