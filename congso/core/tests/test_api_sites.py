"""GET /api/v1/sites (issue 11, part 6)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congso.core.models import OrganisationSettings
from congso.core.tests.second_site import make_second_site
from congso.home.models import EnglishHomePage


@pytest.mark.django_db
def test_each_site_has_its_name_hostname_port_root_url_and_default_flag(client, home):
    site, commune_home = make_second_site("xa-thach-ha.localhost", 8000, "UBND xã Thạch Hà")
    body = client.get("/api/v1/sites").json()
    assert (body["count"], body["page"], body["page_size"]) == (2, 1, 20)
    department, commune = body["results"]
    assert {k: department[k] for k in ("hostname", "port", "root_url", "is_default")} == {
        "hostname": "testserver",
        "port": 80,
        "root_url": "http://testserver",
        "is_default": True,
    }
    assert commune["name"] == "UBND xã Thạch Hà"
    assert (commune["hostname"], commune["port"]) == ("xa-thach-ha.localhost", 8000)
    assert commune["root_url"] == "http://xa-thach-ha.localhost:8000"
    assert commune["is_default"] is False
    assert commune["home_page"] == commune_home.pk
    assert commune["sitemap_url"] == "http://xa-thach-ha.localhost:8000/sitemap.xml"


@pytest.mark.django_db
def test_a_site_lists_its_agency_and_its_english_section(client, home):
    site, commune_home = make_second_site()
    OrganisationSettings.objects.create(site=site, name="Ủy ban nhân dân xã Thạch Hà")
    commune_home.add_child(instance=EnglishHomePage(title="English", slug="en"))
    department, commune = client.get("/api/v1/sites").json()["results"]
    assert commune["agency"] == "Ủy ban nhân dân xã Thạch Hà"
    assert department["agency"] == "Sở Thông tin và Truyền thông"
    assert commune["sections"] == [
        {
            "language": "vi",
            "title": "UBND xã Thạch Hà",
            "url": "http://xa-thach-ha.localhost:8000/",
        },
        {"language": "en", "title": "English", "url": "http://xa-thach-ha.localhost:8000/en/"},
    ]
    assert [s["language"] for s in department["sections"]] == ["vi"]


@pytest.mark.django_db
def test_a_bad_page_size_is_a_400_in_vietnamese(client, home):
    response = client.get("/api/v1/sites", {"page_size": "1000"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Tham số page_size phải là số nguyên từ 1 đến 100."


@pytest.mark.django_db
def test_listing_sites_costs_the_same_queries_however_many_there_are(client, home):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/sites").status_code == 200
        return len(captured)

    make_second_site("xa-mot.localhost")
    queries()
    one = queries()
    make_second_site("xa-hai.localhost", title="UBND xã Hai")
    make_second_site("xa-ba.localhost", title="UBND xã Ba")
    assert queries() == one
