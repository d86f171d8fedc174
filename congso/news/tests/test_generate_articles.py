import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from congso.core.tests.factories import make_article, make_category
from congso.news.models import ArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def generate(count, **options):
    options.setdefault("images", 0)
    call_command("generate_articles", count=count, seed=1, stdout=open("/dev/null", "w"), **options)  # noqa: SIM115


def test_generates_the_requested_number_of_live_articles(home):
    generate(25, batch=10)
    assert ArticlePage.objects.live().count() == 25


def test_generated_pages_keep_the_page_tree_consistent(home):
    generate(25, batch=10)
    assert Page.find_problems() == ([], [], [], [], [])
    for category in NewsIndexPage.objects.all():
        assert category.numchild == category.get_children().count()


def test_generated_articles_are_served_at_their_url(home):
    generate(3)
    article = ArticlePage.objects.first()
    assert article.url_path == article.get_parent().url_path + article.slug + "/"
    home.refresh_from_db()  # treebeard treats an in-memory numchild of 0 as a leaf
    routed = home.route(
        None, [c for c in article.url_path.removeprefix(home.url_path).split("/") if c]
    )
    assert routed.page.pk == article.pk


def test_text_is_vietnamese_with_a_title_sapo_byline_and_body(home):
    generate(1)
    article = ArticlePage.objects.get()
    assert article.title and article.sapo and article.author
    assert any(ch in article.sapo for ch in "ăâđêôơư")
    assert article.body.raw_data[0]["type"] in {"paragraph", "quote", "table"}
    assert article.tags.exists()


def test_articles_go_into_existing_categories_after_existing_articles(category):
    make_article(category, "Bài có sẵn")
    generate(5)
    assert ArticlePage.objects.child_of(category).count() == 6
    assert NewsIndexPage.objects.count() == 1


def test_a_second_run_adds_articles_without_path_clashes(home):
    generate(5)
    generate(5)
    assert ArticlePage.objects.count() == 10
    assert Page.find_problems() == ([], [], [], [], [])


def test_creates_categories_on_an_empty_site(home):
    generate(2)
    titles = set(NewsIndexPage.objects.values_list("title", flat=True))
    assert {"Chuyển đổi số", "Bầu cử", "Chính trị"} <= titles


def test_shared_placeholder_images_are_marked_as_placeholders(home):
    from congso.core.models import CongsoImage

    generate(3, images=2)
    assert CongsoImage.objects.filter(is_placeholder=True).count() == 2


def test_same_seed_gives_the_same_titles(home):
    generate(3)
    first = list(ArticlePage.objects.order_by("path").values_list("title", flat=True))
    ArticlePage.objects.all().delete()
    Page.fix_tree()
    generate(3)
    assert list(ArticlePage.objects.order_by("path").values_list("title", flat=True)) == first


def test_negative_count_is_refused():
    with pytest.raises(CommandError):
        call_command("generate_articles", count=-1)


def test_works_before_any_home_page_exists(db):
    generate(2)
    assert ArticlePage.objects.count() == 2


def test_categories_made_here_use_folded_slugs(home):
    generate(1)
    assert NewsIndexPage.objects.filter(slug="chuyen-doi-so").exists()


def test_existing_category_structure_is_reused(home):
    parent = make_category(home, "Tin tức")
    make_category(parent, "Bầu cử")
    generate(10)
    assert NewsIndexPage.objects.count() == 2
