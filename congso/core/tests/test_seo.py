"""Open Graph and JSON-LD of every page type, read the way outside tools read them (extruct)."""

from datetime import date

import extruct
import pytest
from wagtail.models import Site

from congso.core.models import OrganisationSettings
from congso.core.tests.factories import (
    make_article,
    make_category,
    make_home,
    make_image,
    make_standard_page,
)

pytestmark = pytest.mark.django_db

# Not the Host the test client sends ("testserver"): every absolute URL must come from the Site.
ADDRESS = "https://cong.example.gov.vn"
REQUIRED_OG = ("og:title", "og:type", "og:url", "og:site_name", "og:image", "og:locale")


@pytest.fixture
def pages():
    from congso.documents.models import DocumentType, IssuingAgency
    from congso.documents.tests.factories import make_document, make_index
    from congso.home.models import EnglishHomePage
    from congso.organisation.models import OrganisationPage

    home = make_home()
    Site.objects.filter(is_default_site=True).update(hostname="cong.example.gov.vn", port=443)
    site = Site.objects.get(is_default_site=True)
    settings = OrganisationSettings.for_site(site)
    settings.name = "Sở Thông tin và Truyền thông Hà Tĩnh"
    settings.name_en = "Ha Tinh Department of Information and Communications"
    settings.logo = make_image("Biểu trưng Sở", width=300, height=300)
    settings.address = "Số 1 đường Trần Phú, TP Hà Tĩnh"
    settings.save()
    category = make_category(home)
    with_hero = make_article(
        category, "Hà Tĩnh đẩy mạnh chuyển đổi số", hero_image=make_image("Ảnh hội nghị")
    )
    plain = make_article(category, "Tin không có ảnh", author="Hà An", author_position="PV")
    standard = make_standard_page(home, "Giới thiệu")
    english = EnglishHomePage(title="English")
    home.add_child(instance=english)
    english_page = make_standard_page(english, "Functions and tasks", language="en")
    organisation = OrganisationPage(title="Cơ cấu tổ chức")
    home.add_child(instance=organisation)
    index = make_index(home)
    agency, _ = IssuingAgency.objects.get_or_create(name="UBND tỉnh Hà Tĩnh", code="UBND")
    decision = make_document(
        index,
        title="Quyết định ban hành quy chế",
        number="12/2024/QĐ-UBND",
        doc_type=DocumentType.objects.get(slug="quyet-dinh"),
        agency=agency,
        issue_date=date(2024, 3, 1),
        effective_date=date(2024, 3, 15),
        filename="Quyết định 12.pdf",
    )
    report = make_document(index, title="Báo cáo tháng 10", number="273/BC-STTTT")
    for page in (standard, english, english_page, organisation):
        page.save_revision().publish()
    return {
        "home": home,
        "category": category,
        "article": with_hero,
        "article_without_image": plain,
        "standard": standard,
        "english_home": english,
        "english_page": english_page,
        "organisation": organisation,
        "document_index": index,
        "decision": decision,
        "report": report,
    }


def _read(client, page) -> tuple[dict, list[dict]]:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    data = extruct.extract(
        response.content.decode(),
        base_url=ADDRESS + page.url,
        syntaxes=["opengraph", "json-ld"],
    )
    (og,) = data["opengraph"]
    return dict(og["properties"]), data["json-ld"]


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "category",
        "article",
        "article_without_image",
        "standard",
        "english_home",
        "english_page",
        "organisation",
        "document_index",
        "decision",
        "report",
    ],
)
def test_every_page_type_has_the_open_graph_a_sharing_card_needs(client, pages, name):
    page = pages[name]
    og, _ = _read(client, page)
    for key in REQUIRED_OG:
        assert og.get(key), f"{name}: {key} missing"
    assert og["og:url"] == ADDRESS + page.url
    assert og["og:image"].startswith(ADDRESS + "/")
    assert og["og:title"] == page.title
    assert og["og:type"] == ("article" if name.startswith("article") else "website")
    english = name.startswith("english")
    assert og["og:locale"] == ("en_US" if english else "vi_VN")
    assert og["og:site_name"] == (
        "Ha Tinh Department of Information and Communications"
        if english
        else "Sở Thông tin và Truyền thông Hà Tĩnh"
    )


@pytest.mark.parametrize("listing", ["topics", "topic", "tag"])
def test_topic_and_tag_listings_have_their_own_open_graph_and_canonical(client, pages, listing):
    import re

    from congso.core.tests.factories import TopicFactory

    article = pages["article"]
    article.topic = TopicFactory(name="Bầu cử", slug="bau-cu")
    article.tags.add("chuyển đổi số")
    article.save_revision().publish()
    tag_slug = article.tags.get().slug
    path = {"topics": "/su-kien/", "topic": "/su-kien/bau-cu/", "tag": f"/the/{tag_slug}/"}[listing]
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    data = extruct.extract(html, base_url=ADDRESS + path, syntaxes=["opengraph"])
    og = dict(data["opengraph"][0]["properties"])
    for key in REQUIRED_OG:
        assert og.get(key), f"{path}: {key} missing"
    assert og["og:url"] == ADDRESS + path
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    assert og["og:title"] == heading
    assert f'<link rel="canonical" href="{ADDRESS}{path}">' in html


def test_the_hero_image_is_shared_before_the_logo(client, pages):
    with_hero, _ = _read(client, pages["article"])
    without, _ = _read(client, pages["article_without_image"])
    assert with_hero["og:image"] != without["og:image"]
    # A photo is cropped to the 1.91:1 card (never enlarged: the test image is 64 px wide).
    width, height = int(with_hero["og:image:width"]), int(with_hero["og:image:height"])
    assert abs(width / height - 1200 / 630) < 0.05
    home, _ = _read(client, pages["home"])
    assert without["og:image"] == home["og:image"]  # the agency's logo
    assert home["og:image:alt"] == "Sở Thông tin và Truyền thông Hà Tĩnh"


def test_without_a_logo_a_page_without_image_claims_none(client, pages):
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = None
    settings.save()
    og, _ = _read(client, pages["standard"])
    assert "og:image" not in og
    og, _ = _read(client, pages["article"])
    assert og["og:image"].startswith(ADDRESS + "/")


def _one(jsonld: list[dict], kind: str) -> dict:
    found = [item for item in jsonld if item.get("@type") == kind]
    assert len(found) == 1, [item.get("@type") for item in jsonld]
    return found[0]


def _check_organisation(org: dict):
    assert org["@type"] == "GovernmentOrganization"  # a schema.org Organization
    assert org["name"] == "Sở Thông tin và Truyền thông Hà Tĩnh"
    assert org["url"] == ADDRESS + "/"
    assert org["logo"]["@type"] == "ImageObject"
    assert org["logo"]["url"].startswith(ADDRESS + "/")
    assert org["logo"]["width"] == 300


def test_a_news_article_names_its_publisher_with_url_and_logo(client, pages):
    page = pages["article"]
    _, jsonld = _read(client, page)
    article = _one(jsonld, "NewsArticle")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == page.title
    assert article["mainEntityOfPage"]["@id"] == ADDRESS + page.url
    assert article["datePublished"].startswith(page.date.astimezone().date().isoformat()[:4])
    assert article["image"][0].startswith(ADDRESS + "/")
    _check_organisation(article["publisher"])


def test_an_article_of_unknown_date_publishes_no_date(client, pages):
    page = pages["article_without_image"]
    page.date_unknown = True
    page.save_revision().publish()
    og, jsonld = _read(client, page)
    assert "datePublished" not in _one(jsonld, "NewsArticle")
    assert "article:published_time" not in og


def test_the_home_page_describes_the_agency(client, pages):
    _, jsonld = _read(client, pages["home"])
    org = _one(jsonld, "GovernmentOrganization")
    _check_organisation(org)
    assert org["alternateName"] == "Ha Tinh Department of Information and Communications"
    assert org["address"]["streetAddress"] == "Số 1 đường Trần Phú, TP Hà Tĩnh"


def test_a_decision_is_legislation_with_number_dates_issuer_and_file(client, pages):
    page = pages["decision"]
    _, jsonld = _read(client, page)
    law = _one(jsonld, "Legislation")
    assert law["legislationIdentifier"] == "12/2024/QĐ-UBND"
    assert law["legislationType"] == "Quyết định"
    assert law["legislationDate"] == "2024-03-01"
    assert law["legislationDateOfApplicability"] == "2024-03-15"
    assert law["legislationPassedBy"] == {
        "@type": "GovernmentOrganization",
        "name": "UBND tỉnh Hà Tĩnh",
    }
    assert law["legislationLegalForce"] == "https://schema.org/InForce"
    assert law["url"] == ADDRESS + page.url
    (file,) = law["encoding"]
    assert file["contentUrl"] == ADDRESS + page.files[0].url
    assert file["encodingFormat"] == "application/pdf"


def test_a_report_is_a_digital_document_with_its_number_and_file(client, pages):
    page = pages["report"]
    _, jsonld = _read(client, page)
    doc = _one(jsonld, "DigitalDocument")
    assert doc["identifier"] == "273/BC-STTTT"
    assert doc["dateCreated"] == "2024-10-16"
    assert doc["genre"] == "Báo cáo"
    _check_organisation(doc["author"])
    assert doc["encoding"][0]["contentUrl"] == ADDRESS + page.files[0].url


def test_json_ld_cannot_be_closed_by_a_title(client, pages):
    page = pages["article"]
    page.title = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html


def test_the_logo_is_chosen_in_the_agency_settings(client, pages):
    from congso.core.tests.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/core/organisationsettings/{site.pk}/")
    assert response.status_code == 200
    assert 'name="logo"' in response.content.decode()


def test_an_editor_can_mark_an_article_date_unknown(client, pages):
    from congso.core.tests.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    page = pages["article"]
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert 'name="date_unknown"' in response.content.decode()
