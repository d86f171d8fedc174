"""Images before publication: no URL a guesser tries reaches a photo readers are not yet shown.

The embedded server serves /media/ here (congso.urls), as `make demo` does; in production
nginx serves the public files and sends the rest to the same view.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image
from wagtail.images.models import AbstractImage
from wagtail.models import PageViewRestriction

from congso.core import images
from congso.core.models import CongsoImage
from congso.core.tests.factories import SuperuserFactory, UserFactory, make_article

pytestmark = pytest.mark.django_db

UPLOAD_NAME = "Lễ ký kết hợp tác.JPG"
TEMPLATES = [Path(settings.BASE_DIR) / "congso"]
# Renditions made outside templates: the admin's listing, chooser and edit screens, and
# Wagtail's rich-text image formats; the social cards' specs are read from seo.py below.
ADMIN_AND_RICH_TEXT_SPECS = {
    "max-165x165",
    "max-800x600",
    "max-130x100",
    "width-800",
    "width-500",
    "original",
}


def python_specs() -> set[str]:
    """The `*_SPEC` constants of the tags that make renditions in Python (og:image, logo)."""
    from congso.core.templatetags import seo

    found = {v for k, v in vars(seo).items() if k.endswith("_SPEC") and isinstance(v, str)}
    return found | ADMIN_AND_RICH_TEXT_SPECS


def template_specs() -> set[str]:
    """Every filter spec a template asks for: `{% image x fill-480x300 as y %}` …"""
    specs = set()
    for root in TEMPLATES:
        for path in root.rglob("*.html"):
            for match in re.finditer(r"{%\s*image\s+\S+\s+([^%]+?)\s*%}", path.read_text()):
                specs.update(s for s in match.group(1).split() if "-" in s and "=" not in s)
    return specs


def jpeg(size=(1200, 800)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def upload(name: str = UPLOAD_NAME) -> CongsoImage:
    image = CongsoImage(title="Lễ ký kết", file=ImageFile(io.BytesIO(jpeg()), name=name))
    image.save()
    return image


def media_path(url: str) -> Path:
    return Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)


@pytest.fixture
def photo(db):
    return upload()


@pytest.fixture
def embargoed(category, photo, django_capture_on_commit_callbacks):
    """An article not yet published, with the photo as its hero and in its body."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_article(
            category,
            "Ký kết hợp tác chuyển đổi số",
            publish=False,
            hero_image=photo,
            body=[("image", {"image": photo, "caption": "Ảnh trong bài"})],
        )


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (the file moves), as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def editor(client):
    client.force_login(SuperuserFactory())
    return client


def publish(page, committing, *images_to_refresh):
    with committing():
        page.save_revision().publish()
    for image in images_to_refresh:
        image.refresh_from_db()


def unpublish(page, committing):
    with committing():
        page.refresh_from_db()
        page.unpublish()


def image_urls(html: str) -> list[str]:
    return re.findall(r'src="(/media/(?:original_)?images/[^"]+)"', html)


def guessed_urls(image: CongsoImage) -> list[str]:
    """What someone who knows the photo's name, or saw the file name once, would try."""
    real = os.path.basename(image.file.name)
    # The name Wagtail itself gave uploads before the embargo: 'Le_ky_ket_hop_tac.JPG'.
    legacy = os.path.splitext(os.path.basename(AbstractImage.get_upload_to(image, UPLOAD_NAME)))[0]
    stems = {os.path.splitext(real)[0], legacy, "Le-ky-ket-hop-tac", "le-ky-ket-hop-tac"}
    extensions = ("jpg", "JPG", "png", "webp")
    urls = {f"/media/original_images/{real}"}
    urls |= {f"/media/original_images/{stem}.{ext}" for stem in stems for ext in extensions}
    specs = template_specs() | python_specs()
    urls |= {
        f"/media/images/{stem}.{spec}.{ext}"
        for stem in stems
        for spec in specs
        for ext in extensions
    }
    urls |= {f"/media/{name}" for name in (image.file.name, *renditions_of(image))}
    return sorted(urls)


def renditions_of(image: CongsoImage) -> list[str]:
    return list(image.renditions.values_list("file", flat=True))


def make_every_rendition(image: CongsoImage) -> None:
    for spec in template_specs() | python_specs():
        image.get_rendition(spec)


# --- Before publication ---------------------------------------------------------------------


def test_the_templates_ask_for_the_filter_specs_the_guesser_tries():
    assert {"fill-900x520", "fill-480x300", "width-900", "fill-160x200"} <= template_specs()


def test_the_guesser_also_tries_the_social_cards_specs():
    assert "fill-1200x630" in python_specs()


def test_a_new_upload_is_stored_under_the_private_folder():
    image = upload()
    assert image.file.name.startswith("private/original_images/")
    assert (Path(settings.MEDIA_ROOT) / image.file.name).is_file()


def test_a_new_upload_gets_a_name_no_one_can_guess_from_the_photo():
    first, second = upload(), upload()
    assert re.fullmatch(
        r"private/original_images/[0-9a-f]{20}-le-ky-ket-hop-tac\.jpg", first.file.name
    )
    assert first.file.name != second.file.name


def test_a_private_file_keeps_the_url_it_will_have_once_published(photo):
    assert photo.file.url == "/media/original_images/" + os.path.basename(photo.file.name)


def test_renditions_of_a_private_photo_are_stored_privately(photo):
    rendition = photo.get_rendition("fill-480x300")
    assert rendition.file.name.startswith("private/images/")
    assert rendition.url.startswith("/media/images/")


def test_no_guessable_url_of_an_unpublished_articles_photo_is_found(client, embargoed, photo):
    make_every_rendition(photo)
    photo.refresh_from_db()
    urls = guessed_urls(photo)
    assert "/media/original_images/Le_ky_ket_hop_tac.JPG" in urls
    assert len(urls) > 200
    found = [url for url in urls if client.get(url).status_code != 404]
    assert found == []


def test_the_private_folder_itself_is_not_served(client, embargoed, photo):
    assert client.get(f"/media/{photo.file.name}").status_code == 404


def test_a_path_climbing_into_the_private_folder_is_not_found(client, embargoed, photo):
    name = os.path.basename(photo.file.name)
    for url in (
        f"/media/images/../private/original_images/{name}",
        f"/media/original_images/../private/original_images/{name}",
        f"/media/images/%2e%2e/private/original_images/{name}",
    ):
        assert client.get(url).status_code == 404, url


def test_a_signed_in_reader_without_admin_access_gets_404(client, embargoed, photo):
    client.force_login(UserFactory())
    assert client.get(photo.file.url).status_code == 404


def test_an_editor_sees_the_unpublished_photo_in_the_admin_listing(editor, embargoed, photo):
    listing = editor.get("/admin/images/")
    assert listing.status_code == 200
    thumbnails = [url for url in image_urls(listing.text) if "max-165x165" in url]
    assert thumbnails
    assert all(editor.get(url).status_code == 200 for url in thumbnails)


def test_an_editor_viewing_the_draft_sees_its_photos(editor, embargoed):
    preview = editor.get(f"/admin/pages/{embargoed.pk}/view_draft/")
    urls = image_urls(preview.text)
    assert len(urls) >= 2
    assert all(editor.get(url).status_code == 200 for url in urls)


def test_an_editors_copy_of_a_private_photo_is_kept_out_of_shared_caches(editor, photo):
    response = editor.get(photo.file.url)
    assert "private" in response["Cache-Control"]


def test_renditions_made_by_the_preview_stay_unreachable_for_readers(client, editor, embargoed):
    urls = image_urls(editor.get(f"/admin/pages/{embargoed.pk}/view_draft/").text)
    editor.logout()
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)


# --- Publication ----------------------------------------------------------------------------


def test_after_publication_the_reader_gets_the_photos_at_the_urls_the_page_shows(
    client, embargoed, committing
):
    publish(embargoed, committing)
    urls = image_urls(client.get(embargoed.url).text)
    assert len(urls) >= 2
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)


def test_publication_moves_the_original_out_of_the_private_folder(embargoed, photo, committing):
    publish(embargoed, committing)
    photo.refresh_from_db()
    assert photo.file.name.startswith("original_images/")
    assert (Path(settings.MEDIA_ROOT) / photo.file.name).is_file()


def test_the_url_does_not_change_when_the_photo_is_published(embargoed, photo, committing):
    before = photo.get_rendition("width-900").url
    publish(embargoed, committing)
    photo.refresh_from_db()
    assert photo.get_rendition("width-900").url == before


def test_a_published_photo_is_a_plain_file_served_without_database_queries(
    client, embargoed, photo, committing, django_assert_num_queries
):
    publish(embargoed, committing, photo)
    url = photo.get_rendition("width-900").url
    assert url.startswith(settings.MEDIA_URL)
    assert media_path(url).is_file()
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200


def test_after_unpublishing_the_photo_is_not_found_again(client, embargoed, committing):
    publish(embargoed, committing)
    urls = image_urls(client.get(embargoed.url).text)
    unpublish(embargoed, committing)
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)


def test_the_photo_stays_public_while_another_live_page_shows_it(
    client, category, embargoed, photo, committing
):
    with committing():
        make_article(category, "Bài khác dùng cùng ảnh", hero_image=photo)
    publish(embargoed, committing)
    unpublish(embargoed, committing)
    photo.refresh_from_db()
    assert client.get(photo.get_rendition("width-900").url).status_code == 200


def test_deleting_the_last_live_page_that_shows_the_photo_hides_it(
    client, embargoed, photo, committing
):
    publish(embargoed, committing)
    with committing():
        embargoed.delete()
    photo.refresh_from_db()
    assert client.get(photo.file.url).status_code == 404


def test_a_photo_added_only_to_a_draft_of_a_live_article_stays_private(client, article, committing):
    new_photo = upload("Ảnh chưa công bố.jpg")
    with committing():
        article.hero_image = new_photo
        article.save_revision()
    new_photo.refresh_from_db()
    assert images.is_private_name(new_photo.file.name)
    assert client.get(new_photo.file.url).status_code == 404


def test_a_photo_on_a_page_behind_a_view_restriction_stays_private(
    client, category, photo, committing
):
    with committing():
        PageViewRestriction.objects.create(
            page=category, restriction_type=PageViewRestriction.LOGIN
        )
        make_article(category, "Bài nội bộ", hero_image=photo)
    photo.refresh_from_db()
    assert client.get(photo.file.url).status_code == 404


def test_an_officials_photo_is_public(client, photo, committing):
    from congso.organisation.models import Official, Unit

    with committing():
        unit = Unit.objects.create(name="Văn phòng Sở")
        Official.objects.create(name="Nguyễn Văn A", position="Giám đốc", unit=unit, photo=photo)
    photo.refresh_from_db()
    assert client.get(photo.file.url).status_code == 200


def test_every_model_that_references_images_says_whether_readers_see_it():
    from django.apps import apps
    from wagtail.models import Page

    unclassified = []
    for model in apps.get_models():
        if issubclass(model, Page) or model._meta.label in images.PUBLIC_SOURCES:
            continue
        if model._meta.label in images.PRIVATE_SOURCES or model in (CongsoImage,):
            continue
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if field.many_to_one and related is CongsoImage and field.concrete:
                if not getattr(model, "wagtail_reference_index_ignore", False):
                    unclassified.append(f"{model._meta.label}.{field.name}")
    assert unclassified == []


# --- Consistency ----------------------------------------------------------------------------


def test_a_rendition_made_while_its_photo_was_being_published_follows_it(
    client, embargoed, photo, committing
):
    publish(embargoed, committing, photo)
    # A render that read the photo just before the move wrote its rendition privately.
    rendition = photo.get_rendition("fill-480x300")
    images.move_rendition(rendition, public=False)
    assert client.get(rendition.url).status_code == 200
    rendition.refresh_from_db()
    assert not images.is_private_name(rendition.file.name)


def test_the_visibility_sync_moves_a_stray_rendition_to_its_photo(embargoed, photo, committing):
    publish(embargoed, committing, photo)
    rendition = photo.get_rendition("fill-480x300")
    images.move_rendition(rendition, public=False)
    images.sync_image_visibility()
    rendition.refresh_from_db()
    assert not images.is_private_name(rendition.file.name)


def test_running_the_visibility_sync_twice_moves_nothing_the_second_time(embargoed, committing):
    publish(embargoed, committing)
    assert images.sync_image_visibility() == 0


def test_protect_images_gives_an_old_guessable_original_a_random_name(client, photo):
    old = "original_images/Le-ky-ket.jpg"
    os.makedirs(Path(settings.MEDIA_ROOT) / "original_images", exist_ok=True)
    os.replace(
        media_path(photo.file.url.replace("/original_images/", "/private/original_images/")),
        Path(settings.MEDIA_ROOT) / old,
    )
    CongsoImage.objects.filter(pk=photo.pk).update(file=old)
    call_command("protect_images", stdout=io.StringIO())
    photo.refresh_from_db()
    assert re.fullmatch(r"private/original_images/[0-9a-f]{20}-le-ky-ket\.jpg", photo.file.name)
    assert client.get(f"/media/{old}").status_code == 404


def test_protect_images_publishes_what_live_pages_already_show(client, article, committing):
    old_photo = upload()
    # Written straight to the row, as generate_articles writes pages: no signal ran.
    type(article).objects.filter(pk=article.pk).update(hero_image=old_photo)
    call_command("protect_images", stdout=io.StringIO())
    old_photo.refresh_from_db()
    assert client.get(old_photo.file.url).status_code == 200


def test_a_file_already_moved_by_an_interrupted_run_is_taken_as_moved(embargoed, photo, committing):
    private = photo.file.name
    public = images.public_name(private)
    os.replace(media_path("/media/" + private), media_path("/media/" + public))
    publish(embargoed, committing, photo)
    assert photo.file.name == public
    assert media_path(photo.file.url).is_file()


def test_a_sync_that_fails_after_the_commit_does_not_fail_the_publication(
    embargoed, committing, monkeypatch
):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(images, "set_image_public", broken)
    publish(embargoed, committing)
    embargoed.refresh_from_db()
    assert embargoed.live


def test_a_guess_that_matches_no_file_reads_neither_images_nor_sessions(client, embargoed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/media/original_images/Le-ky-ket-hop-tac.jpg")
    assert response.status_code == 404
    assert response.content == b""
    # Only Wagtail's redirect middleware looks (at every 404) for a redirect.
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "core_congso" not in tables and "django_session" not in tables


def test_a_reader_who_gave_a_restricted_pages_password_sees_its_photo(
    client, category, photo, committing
):
    with committing():
        restriction = PageViewRestriction.objects.create(
            page=category, restriction_type=PageViewRestriction.PASSWORD, password="matkhau"
        )
        make_article(category, "Bài có mật khẩu", hero_image=photo)
    photo.refresh_from_db()
    assert client.get(photo.file.url).status_code == 404
    session = client.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    response = client.get(photo.file.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_removing_the_photo_from_a_live_article_hides_it_when_nothing_else_shows_it(
    client, embargoed, photo, committing
):
    publish(embargoed, committing)
    embargoed.refresh_from_db()
    embargoed.hero_image = None
    embargoed.body = []
    publish(embargoed, committing, photo)
    assert images.is_private_name(photo.file.name)
    assert client.get(photo.file.url).status_code == 404


def test_every_model_whose_images_readers_see_is_in_the_reference_index():
    from wagtail.models import ReferenceIndex

    assert all(ReferenceIndex.is_indexed(m) for m in images._models(images.PUBLIC_SOURCES))


def test_the_agencys_logo_is_public(client, home, photo, committing):
    from wagtail.models import Site

    from congso.core.models import OrganisationSettings

    with committing():
        settings_row = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
        settings_row.logo = photo
        settings_row.save()
    photo.refresh_from_db()
    assert client.get(photo.file.url).status_code == 200


def test_lifting_a_view_restriction_makes_the_pages_photo_public(
    client, category, photo, committing
):
    with committing():
        restriction = PageViewRestriction.objects.create(
            page=category, restriction_type=PageViewRestriction.LOGIN
        )
        make_article(category, "Bài nội bộ", hero_image=photo)
    with committing():
        restriction.delete()
    photo.refresh_from_db()
    assert client.get(photo.file.url).status_code == 200
