import pytest
from django.core.management import call_command

from congso.contact.models import ContactPage
from congso.contact.tests.sites import make_commune_site
from congso.core.tests.factories import make_standard_page
from congso.organisation.models import Unit

pytestmark = pytest.mark.django_db


def test_every_home_site_gets_a_contact_page_with_sample_topics_once(home):
    Unit.objects.create(name="Phòng Công nghệ thông tin", email="cntt@example.gov.vn")
    commune = make_commune_site()
    call_command("load_sample_contact", stdout=open("/dev/null", "w"))
    call_command("load_sample_contact", stdout=open("/dev/null", "w"))
    pages = ContactPage.objects.order_by("path")
    assert [p.get_parent().pk for p in pages] == [home.pk, commune.pk]
    department = pages[0]
    assert department.live and department.slug == "lien-he"
    assert department.spokesperson_position == "Phó Giám đốc Sở (dữ liệu mẫu)"
    assert department.spokesperson_name == ""
    names = list(department.topics.values_list("name", flat=True))
    assert len(names) == 4 and all(name.endswith("(dữ liệu mẫu)") for name in names)
    assert department.topics.get(unit__isnull=False).unit.name == "Phòng Công nghệ thông tin"
    assert pages[1].topics.count() == 1  # the commune has none of the department's divisions


def test_a_plain_page_at_the_contact_address_is_kept_aside_as_a_draft(home):
    old = make_standard_page(home, "Liên hệ", slug="lien-he")
    old.save_revision().publish()
    call_command("load_sample_contact", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert (old.slug, old.live) == ("lien-he-trang-cu", False)
    assert ContactPage.objects.get().url_path.endswith("/lien-he/")
