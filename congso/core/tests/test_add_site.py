"""`manage.py add_site` and `manage.py load_sample_sites`: a new site with everything of its
own, refused input in Vietnamese with nothing saved, and a second run that adds nothing."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupPagePermission, Site, WorkflowPage

from congso.core.models import OrganisationSettings
from congso.core.tests.factories import make_home
from congso.users.roles import site_group_names

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_portal_sections(monkeypatch):
    """The Decree-42 sections belong to their apps' tests; here only the call is checked."""
    calls = []
    monkeypatch.setattr(
        "congso.core.sites._ensure_portal_sections",
        lambda home, result: calls.append(home.pk),
    )
    return calls


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def add(hostname="xa-moi.example.gov.vn", name="UBND xã Mới", *extra) -> str:
    return run("add_site", f"--hostname={hostname}", f"--name={name}", *extra)


def test_add_site_creates_a_site_with_its_own_home_identity_and_sections(db, _no_portal_sections):
    make_home()
    output = add("xa-moi.example.gov.vn", "UBND xã Mới", "--port", "8080")
    site = Site.objects.get(hostname="xa-moi.example.gov.vn")
    assert site.port == 8080 and not site.is_default_site
    assert site.root_url == "http://xa-moi.example.gov.vn:8080"
    home = site.root_page.specific
    assert type(home).__name__ == "HomePage" and home.live
    assert OrganisationSettings.for_site(site).name == "UBND xã Mới"
    assert OrganisationSettings.for_site(site).name_en == ""
    slugs = set(home.get_children().values_list("slug", flat=True))
    assert {"tin-tuc", "en"} <= slugs
    assert _no_portal_sections == [home.pk]
    assert "http://xa-moi.example.gov.vn:8080/" in output


def test_add_site_gives_the_site_its_own_groups_collection_and_workflow(db):
    make_home()
    add()
    site = Site.objects.get(hostname="xa-moi.example.gov.vn")
    editors, chiefs = site_group_names("UBND xã Mới")
    assert editors == "Biên tập viên – UBND xã Mới"
    for name in (editors, chiefs):
        pages = set(
            GroupPagePermission.objects.filter(group__name=name).values_list("page_id", flat=True)
        )
        assert pages == {site.root_page_id}
        collections = set(
            Group.objects.get(name=name).collection_permissions.values_list(
                "collection__name", flat=True
            )
        )
        assert collections == {"UBND xã Mới"}
    assert Collection.objects.filter(name="UBND xã Mới").count() == 1
    workflow = WorkflowPage.objects.get(page=site.root_page).workflow
    assert workflow.name == "Duyệt tin bài – UBND xã Mới"


def test_add_site_twice_creates_nothing_new(db):
    make_home()
    add()
    counts = (Site.objects.count(), Group.objects.count(), Collection.objects.count())
    pages = site_pages = Site.objects.get(hostname="xa-moi.example.gov.vn").root_page
    before = pages.get_descendants().count()
    output = add()
    assert "không có gì mới" in output
    assert (Site.objects.count(), Group.objects.count(), Collection.objects.count()) == counts
    assert site_pages.get_descendants().count() == before


def test_add_site_moves_the_site_to_a_new_port(db):
    make_home()
    add()
    add("xa-moi.example.gov.vn", "UBND xã Mới", "--port", "8001")
    assert Site.objects.get(hostname="xa-moi.example.gov.vn").port == 8001
    assert Site.objects.filter(hostname="xa-moi.example.gov.vn").count() == 1


def test_an_editor_s_change_to_the_identity_is_kept_on_a_second_run(db):
    make_home()
    add()
    settings = OrganisationSettings.for_site(Site.objects.get(hostname="xa-moi.example.gov.vn"))
    settings.name = "Ủy ban nhân dân xã Mới"
    settings.save()
    add()
    settings.refresh_from_db()
    assert settings.name == "Ủy ban nhân dân xã Mới"


@pytest.mark.parametrize(
    "hostname, message",
    [
        ("http://xa-moi.example.gov.vn", "chỉ ghi tên miền"),
        ("xa-moi.example.gov.vn:8000", "chỉ ghi tên miền"),
        ("xã-mới.vn", "không phải tên miền hợp lệ"),
        ("-xa.vn", "không phải tên miền hợp lệ"),
        ("", "Chưa nhập tên miền"),
    ],
)
def test_a_bad_hostname_is_refused_in_vietnamese_and_nothing_is_saved(db, hostname, message):
    make_home()
    before = Site.objects.count()
    with pytest.raises(CommandError, match=message):
        add(hostname)
    assert Site.objects.count() == before
    assert not Group.objects.filter(name__endswith="UBND xã Mới").exists()


def test_a_bad_port_is_refused(db):
    make_home()
    with pytest.raises(CommandError, match="Cổng 70000 không hợp lệ"):
        add("xa-moi.example.gov.vn", "UBND xã Mới", "--port", "70000")
    assert not Site.objects.filter(hostname="xa-moi.example.gov.vn").exists()


def test_the_address_of_another_site_is_refused(db):
    make_home()  # the default site at testserver:80
    with pytest.raises(CommandError, match="Địa chỉ testserver:80 đã dùng cho trang"):
        add("testserver", "UBND xã Mới")
    add()
    with pytest.raises(CommandError, match="đã dùng cho trang “UBND xã Mới”"):
        add("xa-moi.example.gov.vn", "UBND xã Khác")
    assert Site.objects.count() == 2


def test_a_name_already_used_by_another_site_is_refused(db):
    make_home()
    add()
    with pytest.raises(CommandError, match="Đã có trang tên “UBND xã Mới”"):
        add("xa-khac.example.gov.vn", "UBND xã Mới")
    assert not Site.objects.filter(hostname="xa-khac.example.gov.vn").exists()


def test_an_unknown_agency_is_refused_and_nothing_is_saved(db):
    make_home()
    with pytest.raises(CommandError, match="Không có cơ quan mã định danh “000.99.99.H56”"):
        add("xa-moi.example.gov.vn", "UBND xã Mới", "--agency", "000.99.99.H56")
    assert not Site.objects.filter(hostname="xa-moi.example.gov.vn").exists()


def test_the_agency_named_is_linked_to_its_site(db):
    from congso.organisation.models import Agency, AgencyLevel

    make_home()
    agency = Agency.objects.create(
        identifier="000.24.12.H56", name="UBND xã Mới (dữ liệu mẫu)", level=AgencyLevel.COMMUNE
    )
    add("xa-moi.example.gov.vn", "UBND xã Mới", "--agency", "000.24.12.H56")
    agency.refresh_from_db()
    assert agency.site.hostname == "xa-moi.example.gov.vn"


def test_load_sample_sites_serves_the_commune_on_the_demo_port_with_sample_news(db, settings):
    from congso.news.querysets import published_articles
    from congso.organisation.models import Agency

    make_home()
    settings.BASE_URL = "http://127.0.0.1:8765"
    run("load_sample_sites")
    site = Site.objects.get(hostname="xa-mau.localhost")
    assert (site.port, site.site_name) == (8765, "UBND xã Mẫu (dữ liệu mẫu)")
    titles = list(published_articles(site.root_page).values_list("title", flat=True))
    assert len(titles) == 3 and all("(dữ liệu mẫu)" in title for title in titles)
    assert Agency.objects.get(identifier="000.23.12.H56").site == site


def test_load_sample_sites_again_adds_nothing_and_follows_a_new_port(db, settings):
    from wagtail.models import Page

    make_home()
    settings.BASE_URL = "http://127.0.0.1:8765"
    run("load_sample_sites")
    pages = Page.objects.count()
    output = run("load_sample_sites", "--port", "9001")
    assert Page.objects.count() == pages
    assert "tin mẫu mới: 0" in output
    assert Site.objects.get(hostname="xa-mau.localhost").port == 9001


def test_the_commune_demo_accounts_join_the_commune_groups(db, settings, tmp_path):
    from congso.users.models import User

    make_home()
    settings.BASE_URL = "http://127.0.0.1:8765"
    settings.VAR_DIR = tmp_path
    run("load_sample_sites")
    output = run("ensure_demo_admin")
    assert "bientap-xa" in output
    editor = User.objects.get(username="bientap-xa")
    assert [g.name for g in editor.groups.all()] == ["Biên tập viên – UBND xã Mẫu (dữ liệu mẫu)"]
    home = Site.objects.get(hostname="xa-mau.localhost").root_page
    department = Site.objects.get(is_default_site=True).root_page
    assert home.permissions_for_user(editor).can_edit()
    assert not department.permissions_for_user(editor).can_edit()
