"""A commune's editors see and change only their own site in the admin and the admin API
(Wagtail page and collection permissions by group per site: congso/users/roles.py)."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from congso.core.tests.factories import edit_post_data, make_image
from congso.core.tests.sites import COMMUNE_NAME, site_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune_editor(client, two_sites):
    user = site_user("bientap-xa-thu", COMMUNE_NAME)
    client.force_login(user)
    return user


def commune_collection():
    return Collection.objects.get(name=COMMUNE_NAME)


def refused(response) -> bool:
    """Wagtail answers a refused admin page with 403 or a redirect to the dashboard."""
    return response.status_code in (302, 403, 404) and (
        response.status_code != 302 or "/login/" not in response["Location"]
    )


def test_the_explorer_shows_the_commune_tree_and_refuses_the_department(
    client, commune_editor, two_sites
):
    own = client.get(f"/admin/pages/{two_sites.commune.pk}/")
    assert own.status_code == 200
    assert (
        two_sites.commune_category.title in own.content.decode()
        or "Tin tức" in own.content.decode()
    )
    other = client.get(f"/admin/pages/{two_sites.department.pk}/")
    assert refused(other)
    root = client.get("/admin/pages/", follow=True).content.decode()
    assert two_sites.department.title not in root


def test_the_commune_editor_cannot_open_or_save_a_department_page(
    client, commune_editor, two_sites
):
    article = two_sites.department_article
    assert refused(client.get(f"/admin/pages/{article.pk}/edit/"))
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        edit_post_data(
            article, title="Sửa trộm", sapo=article.sapo, date="2024-10-17 09:04:00", tags=""
        ),
    )
    assert refused(response)
    assert Page.objects.get(pk=article.pk).get_latest_revision().content["title"] != "Sửa trộm"


def test_the_commune_editor_cannot_add_a_page_under_the_department(
    client, commune_editor, two_sites
):
    url = f"/admin/pages/add/news/articlepage/{two_sites.department_category.pk}/"
    assert refused(client.get(url))
    before = Page.objects.count()
    client.post(url, {"title": "Tin chen vào trang của Sở", "slug": "tin-chen"})
    assert Page.objects.count() == before


def test_the_commune_editor_cannot_move_a_page_between_sites(client, commune_editor, two_sites):
    own, target = two_sites.commune_article, two_sites.department_category
    assert refused(client.get(f"/admin/pages/{own.pk}/move/{target.pk}/"))
    client.post(f"/admin/pages/{own.pk}/move/{target.pk}/")
    assert Page.objects.get(pk=own.pk).get_parent().pk == two_sites.commune_category.pk
    other = two_sites.department_article
    assert refused(client.get(f"/admin/pages/{other.pk}/move/"))


def test_the_admin_page_search_finds_only_commune_pages(client, commune_editor, two_sites):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    body = client.get("/admin/pages/search/", {"q": "Tin của"}).content.decode()
    assert two_sites.commune_article.title in body
    assert two_sites.department_article.title not in body


def test_the_page_chooser_offers_only_commune_pages(client, commune_editor, two_sites):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    browse = client.get("/admin/choose-page/").json()["html"]
    assert two_sites.commune.title in browse
    assert two_sites.department.title not in browse
    search = client.get("/admin/choose-page/search/", {"q": "Tin của"}).content.decode()
    assert two_sites.commune_article.title in search
    assert two_sites.department_article.title not in search


def test_the_page_chooser_still_offers_every_page_to_the_installation_s_editors(client, two_sites):
    from django.contrib.auth.models import Group

    from congso.core.tests.factories import UserFactory
    from congso.users.roles import EDITOR, setup_roles

    setup_roles()
    editor = UserFactory(username="bientap-so", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(editor)
    browse = client.get("/admin/choose-page/").json()["html"]
    assert two_sites.commune.title in browse
    assert two_sites.department.title in browse


def test_the_admin_api_lists_and_serves_only_commune_pages(client, commune_editor, two_sites):
    listing = client.get("/admin/api/main/pages/").json()
    ids = {item["id"] for item in listing["items"]}
    assert two_sites.commune_article.pk in ids
    assert two_sites.department_article.pk not in ids
    assert two_sites.department.pk not in ids
    detail = client.get(f"/admin/api/main/pages/{two_sites.department_article.pk}/")
    assert detail.status_code == 404
    children = client.get("/admin/api/main/pages/", {"child_of": two_sites.department.pk})
    assert children.status_code in (200, 400, 404)
    if children.status_code == 200:
        assert children.json()["items"] == []


def test_the_commune_editor_sees_only_the_commune_images(client, commune_editor, two_sites):
    own = make_image("Ảnh của xã")
    own.collection = commune_collection()
    own.save()
    other = make_image("Ảnh của Sở")
    listing = client.get("/admin/images/").content.decode()
    assert "Ảnh của xã" in listing
    assert "Ảnh của Sở" not in listing
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert "Ảnh của xã" in chooser
    assert "Ảnh của Sở" not in chooser
    assert refused(client.get(f"/admin/images/{other.pk}/"))


def test_the_commune_editor_sees_only_the_commune_documents(client, commune_editor, two_sites):
    Document = get_document_model()
    Document.objects.create(
        title="Tệp của xã",
        file=ContentFile(b"%PDF-1.4 xa", name="tep-xa.pdf"),
        collection=commune_collection(),
    )
    other = Document.objects.create(
        title="Tệp của Sở",
        file=ContentFile(b"%PDF-1.4 so", name="tep-so.pdf"),
        collection=Collection.get_first_root_node(),
    )
    listing = client.get("/admin/documents/").content.decode()
    assert "Tệp của xã" in listing
    assert "Tệp của Sở" not in listing
    assert refused(client.get(f"/admin/documents/edit/{other.pk}/"))


def test_an_image_the_commune_editor_uploads_goes_to_the_commune_collection(
    client, commune_editor, two_sites
):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage

    from congso.core.models import CongsoImage

    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (200, 0, 0)).save(buffer, "PNG")
    upload = SimpleUploadedFile("anh-xa.png", buffer.getvalue(), content_type="image/png")
    response = client.post(
        "/admin/images/add/",
        {"title": "Ảnh hội nghị xã", "file": upload, "collection": commune_collection().pk},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert CongsoImage.objects.get(title="Ảnh hội nghị xã").collection == commune_collection()
    # Asking for the department's collection: the form offers only the commune's, so the
    # image lands there (or the form is refused) — never in a collection the editor cannot see.
    client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh vào thư mục của Sở",
            "file": SimpleUploadedFile("anh-so.png", buffer.getvalue(), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert not CongsoImage.objects.filter(
        title="Ảnh vào thư mục của Sở", collection=Collection.get_first_root_node()
    ).exists()


def test_the_commune_editor_edits_and_submits_an_own_article_to_the_commune_chiefs(
    client, commune_editor, two_sites
):
    from wagtail.models import WorkflowState

    article = two_sites.commune_article
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        edit_post_data(
            article,
            title="Tin của xã đã sửa",
            sapo=article.sapo,
            date="2024-10-17 09:04:00",
            tags="",
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:800]
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.workflow.name.endswith(COMMUNE_NAME)
    task = state.current_task_state.task.specific
    assert [g.name for g in task.groups.all()] == [f"Trưởng ban biên tập – {COMMUNE_NAME}"]


def test_the_commune_chief_publishes_own_pages_but_not_the_department_s(client, two_sites):
    chief = site_user("truongban-xa-thu", COMMUNE_NAME, chief=True)
    own = two_sites.commune_article.permissions_for_user(chief)
    other = two_sites.department_article.permissions_for_user(chief)
    assert own.can_publish() and own.can_edit()
    assert not other.can_publish() and not other.can_edit()


def test_the_commune_chief_sees_only_the_commune_s_visit_figures(client, two_sites):
    from datetime import date

    from congso.analytics.models import DailyStat

    DailyStat.objects.create(site=two_sites.commune_site, date=date(2026, 3, 2), visits=4321)
    DailyStat.objects.create(site=two_sites.department_site, date=date(2026, 3, 2), visits=98765)
    client.force_login(site_user("truongban-xa-thu", COMMUNE_NAME, chief=True))
    body = client.get("/admin/thong-ke-truy-cap/").content.decode()
    assert "4.321" in body
    assert "98.765" not in body
    export = client.get("/admin/thong-ke-truy-cap/", {"export": "csv"})
    exported = b"".join(export.streaming_content).decode()
    assert "4321" in exported and "98765" not in exported


def test_the_commune_editor_has_no_visit_figures_screen(client, commune_editor):
    assert refused(client.get("/admin/thong-ke-truy-cap/"))
