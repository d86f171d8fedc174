"""What `import_seeds` creates from small fixtures in the seeds' format (one shared import)."""

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Page, Site

from congso.contact.models import ContactPage
from congso.core.models import CongsoImage, OrganisationSettings, PortalLink
from congso.home.models import EnglishHomePage, HomePage, StandardPage
from congso.news.models import ArticlePage, NewsIndexPage
from congso.organisation.models import Official, OrganisationPage
from congso.seeds import services
from congso.seeds.tests.shared_import import rolled_back_import

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


def article(title_start: str) -> ArticlePage:
    return ArticlePage.objects.get(title__startswith=title_start)


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    """One import of every fixture, shared by these tests, which only read what it created."""
    directory = tmp_path_factory.mktemp("seeds")
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, directory / path.name)
    with rolled_back_import(directory, django_db_blocker) as report:
        yield report


def test_the_home_page_becomes_the_default_sites_root_and_the_welcome_page_goes(imported):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()


def test_an_article_is_published_with_a_revision_in_the_category_its_seed_names(imported):
    page = article("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa")
    assert page.live and page.live_revision is not None
    assert page.get_parent().title == "Kinh tế"
    assert page.get_parent().get_parent().title == "Tin tức"


def test_named_images_become_placeholders_that_keep_their_captions(imported):
    image = CongsoImage.objects.get(title__startswith="dong-lua.jpg")
    assert image.is_placeholder
    assert image.caption == "Cánh đồng lớn ở xã Minh Châu vào mùa thu hoạch."
    assert image.alt_text == image.caption


def test_inline_images_and_their_captions_keep_the_body_order(imported):
    body = article("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa").body
    figures = [
        (b.value["image"].title.split(" ")[0], b.value["caption"])
        for b in body
        if b.block_type == "image"
    ]
    assert figures == [
        ("dong-lua.jpg", "Cánh đồng lớn ở xã Minh Châu vào mùa thu hoạch."),
        ("may-gat-1.jpg", ""),
        ("may-gat-2.jpg", "Máy gặt đập liên hợp được đưa vào các cánh đồng lớn."),
        ("kho-lua.png", "Kho lúa của hợp tác xã sau vụ thu hoạch."),
    ]


def test_the_image_before_the_lead_is_the_hero_image(imported):
    page = article("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa")
    assert page.hero_image.title.startswith("toan-canh.jpg")
    assert page.sapo.startswith("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa đông xuân")


def test_each_read_more_entry_becomes_a_short_article_in_the_election_category(imported):
    category = NewsIndexPage.objects.get(title="Bầu cử")
    titles = set(ArticlePage.objects.child_of(category).values_list("title", flat=True))
    assert titles == {
        "Hội nghị triển khai kế hoạch bầu cử ở xã Minh Châu",
        "Cử tri vùng cao sẵn sàng cho ngày bầu cử",
        "Tập huấn nghiệp vụ cho tổ bầu cử các khu vực bỏ phiếu",
    }
    assert article("Hội nghị triển khai kế hoạch bầu cử").sapo.startswith(
        "Ủy ban bầu cử xã Minh Châu"
    )


def test_a_read_more_entry_with_only_a_title_gets_a_sapo_saying_it_is_a_demo(imported):
    assert article("Cử tri vùng cao").sapo == services.NEUTRAL_SAPO


def test_ticker_headlines_become_articles_once_even_when_one_is_the_article_itself(imported):
    assert ArticlePage.objects.filter(title="Hòa An khởi công tuyến đường ven biển").exists()
    assert (
        ArticlePage.objects.filter(title="Một năm nhìn lại ngành nông nghiệp Hòa An").count() == 1
    )


def test_the_publish_time_in_the_text_is_the_article_date(imported):
    page = article("Một năm nhìn lại")
    assert page.date == datetime(2021, 11, 20, 14, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_a_seed_without_a_category_line_is_filed_by_its_subject(imported):
    assert (
        article("Sở Nông nghiệp tỉnh Hòa An khen thưởng").get_parent().title
        == "Thi đua khen thưởng"
    )


def test_the_byline_keeps_author_and_position(imported):
    page = article("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa")
    assert page.byline == "TRẦN MINH KHOA — Giám đốc Sở Nông nghiệp"


def test_officials_are_only_the_leaders_the_seeds_name_without_invented_contacts(imported):
    officials = {
        (o.name, o.position, o.phone, o.email, o.unit.name) for o in Official.objects.all()
    }
    assert officials == {
        ("Trần Minh Khoa", "Giám đốc", "", "", "Ban Giám đốc"),
        ("Lê Thu Hà", "Phó Giám đốc", "", "", "Ban Giám đốc"),
    }


def test_the_organisation_and_english_pages_are_created(imported):
    assert OrganisationPage.objects.filter(title="Cơ cấu tổ chức", language="vi").exists()
    assert StandardPage.objects.filter(slug="gioi-thieu").exists()
    # "Liên hệ" is the contact app's page (Decree 42 art. 4.1(e)), with its form.
    assert ContactPage.objects.filter(slug="lien-he", live=True).exists()
    english = EnglishHomePage.objects.get(slug="en")
    children = {(p.title, p.specific.language) for p in english.get_children()}
    assert children == {
        ("Organisation structure", "en"),
        ("Functions and tasks", "en"),
        ("Contact", "en"),
    }


def test_links_go_to_national_portals_and_to_the_province_portal_of_the_seeds(imported):
    urls = set(PortalLink.objects.values_list("url", flat=True))
    assert {"https://chinhphu.vn", "https://dichvucong.gov.vn", "https://hoaan.gov.vn"} <= urls


def test_the_agency_identity_comes_from_the_seeds(imported):
    identity = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    assert identity.name == "Sở Nông nghiệp Hòa An"
    assert identity.parent_agency == "Ủy ban nhân dân tỉnh Hòa An"
    assert identity.email == "vanthu@hoaan.gov.vn"


def test_a_signed_report_becomes_a_page_until_the_documents_library_exists(imported):
    page = StandardPage.objects.get(title__startswith="Báo cáo kết quả thực hiện nhiệm vụ năm 2021")
    assert page.get_parent().title == "Báo cáo"
    assert "Lê Thu Hà — Phó Giám đốc (KT. Giám đốc)" in page.intro
    assert "09:15 10/12/2021" in page.intro


def test_the_read_more_list_is_attached_to_its_article_in_the_seeds_order(imported):
    page = article("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa")
    assert [link.page.title for link in page.related_links.all()] == [
        "Hội nghị triển khai kế hoạch bầu cử ở xã Minh Châu",
        "Cử tri vùng cao sẵn sàng cho ngày bầu cử",
        "Tập huấn nghiệp vụ cho tổ bầu cử các khu vực bỏ phiếu",
    ]


def test_items_the_seeds_list_without_a_date_are_marked_date_unknown(imported):
    category = NewsIndexPage.objects.get(title="Bầu cử")
    undated = ArticlePage.objects.child_of(category)
    assert undated.count() == 3
    assert all(page.date_unknown and page.stated_date is None for page in undated)
    assert article("Một năm nhìn lại").date_unknown is False
    assert article("Một năm nhìn lại").stated_date is not None


def test_an_undated_item_says_date_unknown_on_its_page_list_and_feed(imported, client):
    import feedparser

    page = article("Hội nghị triển khai kế hoạch bầu cử")
    content = client.get(page.url).content.decode()
    assert "không rõ ngày" in content
    assert "<time" not in content.split('class="article__meta"')[1].split("</p>")[0]
    category = page.get_parent()
    listing = client.get(category.url).content.decode()
    assert listing.count("không rõ ngày") == 3
    feed = feedparser.parse(client.get(category.url + "rss/").content)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 3
    assert all("published" not in entry for entry in feed.entries)


def test_the_agency_gets_a_placeholder_logo_labelled_as_demo_data(imported, client):
    identity = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    assert identity.logo is not None and identity.logo.is_placeholder
    assert identity.logo.caption.startswith("Biểu trưng")
    # Pages without an image of their own now share it.
    home = HomePage.objects.get()
    assert 'property="og:image"' in client.get(home.url).content.decode()
