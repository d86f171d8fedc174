"""The seeds import (make demo, a new installation) builds the Decree-42 sections."""

import pytest
from wagtail.models import Site

from congso.publications.models import DisclosurePage, RecruitmentIndexPage
from congso.seeds import services
from congso.seeds.services import import_seeds
from congso.seeds.tests.shared_import import NO_DOCUMENTS_DEMO

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_documents_library(monkeypatch):
    monkeypatch.setattr(services, "DOCUMENTS_DEMO_MODULE", NO_DOCUMENTS_DEMO)


def test_an_import_without_seeds_starts_with_the_sections_empty(tmp_path):
    report = import_seeds(tmp_path)
    home = Site.objects.get(is_default_site=True).root_page
    hub = DisclosurePage.objects.descendant_of(home).get()
    assert hub.slug == "cong-khai-thong-tin"
    assert not RecruitmentIndexPage.objects.get().get_children().exists()
    assert report.created["category"] >= 7


def test_a_second_import_adds_no_section(tmp_path):
    import_seeds(tmp_path)
    again = import_seeds(tmp_path)
    assert again.created["category"] == 0
    assert DisclosurePage.objects.count() == 1


def test_lien_he_stays_the_last_menu_entry_after_the_import(tmp_path):
    import_seeds(tmp_path)
    home = Site.objects.get(is_default_site=True).root_page
    slugs = list(home.get_children().in_menu().values_list("slug", flat=True))
    assert slugs[-1] == "lien-he"
    assert "cong-khai-thong-tin" in slugs
