"""Generate N synthetic, published Vietnamese articles for benchmarks and search experiments.

    manage.py generate_articles                 # 10,000 articles
    manage.py generate_articles --count 100000 --index

Pages are written in bulk: treebeard paths are computed here and rows inserted batch by batch,
because `add_child` plus a revision per page costs ~20 queries each (minutes for 10,000).
No revisions are created: the pages are live as if imported, and editing one in the admin
creates its first revision as usual. Memory stays bounded by --batch.
"""

import io
import random
import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from congso.core.site_address import WAGTAIL_PLACEHOLDER_ADDRESS, configured_address
from congso.core.text import format_date, format_number, slugify_vi
from congso.home.models import HomePage
from congso.news.management.commands import _synthetic_vi as vocab
from congso.news.models import ArticlePage, ArticleTag, NewsIndexPage, Topic

SLUG_LENGTH = 80


class Command(BaseCommand):
    help = "Tạo N bài viết tiếng Việt giả lập (mặc định 10.000) để đo hiệu năng và thử tìm kiếm."

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, default=10_000, help="số bài viết (mặc định 10.000)"
        )
        parser.add_argument("--batch", type=int, default=1_000, help="số bài ghi mỗi lượt")
        parser.add_argument(
            "--seed", type=int, default=None, help="hạt giống ngẫu nhiên (tái lập dữ liệu)"
        )
        parser.add_argument(
            "--days", type=int, default=3 * 365, help="rải ngày đăng trong N ngày qua"
        )
        parser.add_argument(
            "--images", type=int, default=12, help="số ảnh minh họa giữ chỗ dùng chung"
        )
        parser.add_argument("--index", action="store_true", help="đưa bài vào chỉ mục tìm kiếm")

    def handle(self, *args, count, batch, seed, days, images, index, **options):
        if count < 0 or batch < 1 or days < 1 or images < 0:
            raise CommandError("--count, --images phải >= 0; --batch, --days phải >= 1.")
        started = time.monotonic()
        rng = random.Random(seed)
        home = _ensure_home()
        categories = _ensure_categories(home)
        context = {
            "rng": rng,
            "text": vocab.ArticleText(rng),
            "tags": _ensure_tags(),
            "topics": _ensure_topics(),
            "images": _ensure_images(images, rng),
            "locale": Locale.get_default(),
            "content_type": ContentType.objects.get_for_model(ArticlePage),
            "now": timezone.now(),
            "days": days,
        }
        weights = [rng.uniform(0.5, 3.0) for _ in categories]
        next_step = {c.pk: _last_step(c) + 1 for c in categories}
        done = 0
        while done < count:
            size = min(batch, count - done)
            chosen = rng.choices(categories, weights=weights, k=size)
            with transaction.atomic():
                articles = _insert_batch(chosen, next_step, context)
                if index:
                    _index(articles)
            done += size
            self.stdout.write(f"  {format_number(done)}/{format_number(count)} bài", ending="\r")
            self.stdout.flush()
        _purge_page_cache()
        elapsed = time.monotonic() - started
        rate = count / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tạo {format_number(count)} bài viết trong {format_number(elapsed, 1)} giây "
                f"({format_number(rate)} bài/giây), {len(categories)} chuyên mục."
            )
        )


def _ensure_home() -> HomePage:
    """The default site's HomePage; on an empty database, one replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Sở Thông tin và Truyền thông", slug="trang-chu")
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        hostname, port = configured_address()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        if (site.hostname, site.port) == WAGTAIL_PLACEHOLDER_ADDRESS:
            site.hostname, site.port = configured_address()
        site.save()
    return home


def _ensure_categories(home) -> list[NewsIndexPage]:
    existing = list(NewsIndexPage.objects.live().descendant_of(home).order_by("path"))
    if existing:
        return existing
    created = []
    for title, children in vocab.DEFAULT_CATEGORIES:
        parent = _add_category(home, title)
        created.append(parent)
        created.extend(_add_category(parent, child) for child in children)
    return created


def _add_category(parent, title: str) -> NewsIndexPage:
    page = NewsIndexPage(title=title, slug=slugify_vi(title), show_in_menus=parent.depth <= 2)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _ensure_tags() -> list[Tag]:
    return [
        Tag.objects.get_or_create(name=name, defaults={"slug": slugify_vi(name)})[0]
        for name in vocab.TAGS
    ]


def _ensure_topics() -> list[Topic]:
    return [Topic.objects.get_or_create(name=name)[0] for name in vocab.TOPIC_EVENTS]


def _ensure_images(count: int, rng: random.Random) -> list:
    """A few shared placeholder photos, so pages render hero images as real ones do."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image_model = get_image_model()
    existing = list(image_model.objects.filter(title__startswith="Ảnh minh họa giả lập")[:count])
    for n in range(len(existing), count):
        caption = f"Ảnh minh họa giả lập số {n + 1} (dữ liệu thử nghiệm)"
        data = _placeholder_jpeg(rng)
        image = image_model(title=caption, caption=caption, is_placeholder=True)
        image.file = ImageFile(io.BytesIO(data), name=f"gia-lap-{n + 1}.jpg")
        image.save()
        existing.append(image)
    return existing


def _placeholder_jpeg(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", (1200, 675), tuple(rng.randint(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(canvas)
    for _ in range(6):
        x, y = rng.randint(0, 1000), rng.randint(0, 500)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.rectangle([x, y, x + rng.randint(80, 400), y + rng.randint(60, 300)], fill=colour)
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=70)
    return out.getvalue()


def _last_step(category) -> int:
    last = (
        Page.objects.filter(path__startswith=category.path, depth=category.depth + 1)
        .order_by("-path")
        .first()
    )
    return Page._str2int(last.path[-Page.steplen :]) if last else 0


def _insert_batch(categories, next_step, ctx) -> list[ArticlePage]:
    rng, text = ctx["rng"], ctx["text"]
    articles, added = [], {}
    for category in categories:
        step = next_step[category.pk]
        next_step[category.pk] = step + 1
        added[category.pk] = added.get(category.pk, 0) + 1
        published = ctx["now"] - timedelta(
            days=rng.uniform(0, ctx["days"]), minutes=rng.randint(0, 600)
        )
        local = timezone.localtime(published)
        date_text = format_date(local)
        title = text.title(local.year)
        slug = f"{slugify_vi(title, SLUG_LENGTH)}-{step}"
        author, position, source = text.byline()
        images = ctx["images"]
        hero = rng.choice(images) if images and rng.random() < 0.8 else None
        articles.append(
            ArticlePage(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=ctx["content_type"],
                locale=ctx["locale"],
                translation_key=uuid.uuid4(),
                path=Page._get_path(category.path, category.depth + 1, step),
                depth=category.depth + 1,
                numchild=0,
                url_path=f"{category.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                sapo=text.sapo(date_text),
                body=text.body(date_text, local.year),
                hero_image=hero,
                hero_caption=hero.caption if hero else "",
                author=author,
                author_position=position,
                source=source,
                date=published,
                featured=rng.random() < 0.03,
                topic=rng.choice(ctx["topics"]) if rng.random() < 0.1 else None,
            )
        )
    _bulk_insert_pages(articles)
    for category_pk, n in added.items():
        Page.objects.filter(pk=category_pk).update(numchild=F("numchild") + n)
    links = []
    for article in articles:
        for tag in rng.sample(ctx["tags"], rng.randint(1, 3)):
            links.append(ArticleTag(content_object_id=article.pk, tag_id=tag.pk))
    ArticleTag.objects.bulk_create(links)
    return articles


def _bulk_insert_pages(articles: list[ArticlePage]) -> None:
    """bulk_create refuses multi-table models, so insert the Page rows, then the child rows.

    The child insert goes through QuerySet._insert, the same call bulk_create makes per table,
    so field preparation (StreamField JSON, dates) stays Django's.
    """
    page_fields = [f.name for f in Page._meta.concrete_fields if not f.primary_key]
    parents = [Page(**{name: getattr(a, name) for name in page_fields}) for a in articles]
    Page.objects.bulk_create(parents)
    for article, parent in zip(articles, parents, strict=True):
        article.pk = article.page_ptr_id = parent.pk
    local_fields = ArticlePage._meta.local_concrete_fields
    ArticlePage.objects._insert(articles, fields=local_fields)


def _index(articles) -> None:
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends():
        backend.add_bulk(ArticlePage, articles)


def _purge_page_cache() -> None:
    from congso.core.pagecache import purge_all

    purge_all()
