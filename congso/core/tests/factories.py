"""Factories for pages. Wagtail pages must be added under a parent, so each factory takes one."""

import itertools

import factory
from django.utils import timezone
from wagtail.models import Page, Site

from congso.home.models import HomePage, StandardPage
from congso.news.models import ArticlePage, NewsIndexPage, Topic
from congso.users.models import User

_seq = itertools.count(1)


def ensure_wagtail_roots() -> None:
    """The tree root page and root collection that Wagtail's migrations create.

    A live-server (transactional) test ends with a flush that deletes them, and the tests a
    worker runs after it would otherwise find no tree to add pages to."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    if Page.get_first_root_node() is None:
        # The flush also recreated the content types under new ids; the per-process cache
        # would still hand out the old ones.
        ContentType.objects.clear_cache()
    if not Locale.objects.exists():
        from django.conf import settings

        Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", live=True)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    _ensure_document_types()


def _ensure_document_types() -> None:
    """The editable list of document types that a data migration fills."""
    import importlib

    from django.apps import apps

    from congso.documents.models import DocumentType

    if not DocumentType.objects.exists():
        migration = importlib.import_module(
            "congso.documents.migrations.0004_default_document_types"
        )
        migration.add_types(apps, None)


def make_home(title: str = "Sở Thông tin và Truyền thông") -> HomePage:
    """A HomePage as the default site's root, replacing Wagtail's welcome page."""
    ensure_wagtail_roots()
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug=f"home-{next(_seq)}")
    root.add_child(instance=home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.hostname = "testserver"
        site.port = 80
        site.save()
    return home


def make_category(parent, title: str = "Chuyển đổi số", **kwargs) -> NewsIndexPage:
    category = NewsIndexPage(title=title, show_in_menus=True, **kwargs)
    parent.add_child(instance=category)
    return category


def make_article(parent, title: str | None = None, publish: bool = True, **kwargs) -> ArticlePage:
    n = next(_seq)
    defaults = {
        "title": title or f"Bài viết số {n} về chuyển đổi số",
        "sapo": kwargs.pop("sapo", f"Tóm tắt bài viết số {n}."),
        "date": kwargs.pop("date", timezone.now()),
    }
    article = ArticlePage(**defaults, **kwargs)
    parent.add_child(instance=article)
    if publish:
        article.save_revision().publish()
    else:
        article.live = False
        article.save_revision()
        article.save()
    article.refresh_from_db()
    return article


def make_standard_page(parent, title: str = "Giới thiệu", **kwargs) -> StandardPage:
    page = StandardPage(title=title, **kwargs)
    parent.add_child(instance=page)
    return page


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Sự kiện {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.gov.vn")
    password = factory.django.Password("matkhau-thu-nghiem-123")


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


def edit_post_data(page, **fields) -> dict:
    """Form data for Wagtail's page edit view: StreamFields are rendered by JS, so the
    generic HTML scraping of assertPageIsEditable cannot see their hidden count fields."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = {"title": page.title, "slug": page.slug}
    if hasattr(page, "body"):
        data["body"] = streamfield([("paragraph", rich_text("<p>Nội dung đã sửa.</p>"))])
    if hasattr(page, "related_links"):
        data["related_links"] = inline_formset([])
    data.update(fields)
    return nested_form_data(data)


def make_image(title: str = "Ảnh thử", caption: str = "", width: int = 64, height: int = 40):
    """A real (tiny) PNG so that renditions can be made from it."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    from congso.core.models import CongsoImage

    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (11, 79, 145)).save(buffer, "PNG")
    return CongsoImage.objects.create(
        title=title, caption=caption, file=ImageFile(buffer, name=f"{title}.png")
    )
