"""Running `import_seeds`: idempotence, editors' changes, fallbacks, bad seeds, the command."""

import importlib.machinery
import io
import shutil
import sys
import types
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

import congso.seeds.management.commands.import_seeds as command_module
from congso.core.models import CongsoImage, OrganisationSettings, PortalLink
from congso.home.models import StandardPage
from congso.news.models import ArticlePage, Topic
from congso.organisation.models import Official, Unit
from congso.seeds import services
from congso.seeds.report import ImportReport
from congso.seeds.services import import_seeds
from congso.seeds.tests.shared_import import NO_DOCUMENTS_DEMO

FIXTURES = Path(__file__).parent / "fixtures"
PHOTO = "010_bai_co_anh.txt"
TICKER = "011_bai_co_tin_chay.txt"
DATED = "012_bai_co_ngay.txt"
REPORT = "013_bao_cao.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_documents_library(monkeypatch):
    """The documents app's own loader is tested on its side; here the fallback is the default."""
    monkeypatch.setattr(services, "DOCUMENTS_DEMO_MODULE", NO_DOCUMENTS_DEMO)


@pytest.fixture
def seeds(tmp_path):
    def make(*names: str) -> Path:
        for name in names:
            shutil.copy(FIXTURES / name, tmp_path / name)
        return tmp_path

    return make


def article(title_start: str) -> ArticlePage:
    return ArticlePage.objects.get(title__startswith=title_start)


def counts() -> dict[str, int]:
    models = [Page, CongsoImage, Unit, Official, PortalLink, Topic, OrganisationSettings, Site]
    return {model.__name__: model.objects.count() for model in models}


def test_the_documents_library_loads_the_report_when_it_exists(seeds, monkeypatch):
    calls = []
    module = types.ModuleType("fake_documents_demo")
    module.__spec__ = importlib.machinery.ModuleSpec("fake_documents_demo", None)
    module.load_demo_documents = lambda seeds_dir, stdout: calls.append(seeds_dir)
    monkeypatch.setitem(sys.modules, "fake_documents_demo", module)
    monkeypatch.setattr(services, "DOCUMENTS_DEMO_MODULE", "fake_documents_demo")
    directory = seeds(REPORT, DATED)
    import_seeds(directory)
    assert calls == [directory]
    assert not StandardPage.objects.filter(title__startswith="Báo cáo kết quả").exists()


def test_a_second_import_creates_nothing(seeds):
    directory = seeds(PHOTO, TICKER, DATED, REPORT)
    import_seeds(directory)
    before = counts()
    report = import_seeds(directory)
    assert report.total == 0
    assert counts() == before


def test_a_second_import_keeps_what_editors_changed(seeds):
    directory = seeds(DATED)
    import_seeds(directory)
    identity = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    identity.name = "Sở Nông nghiệp và Môi trường tỉnh Hòa An"
    identity.save()
    import_seeds(directory)
    identity.refresh_from_db()
    assert identity.name == "Sở Nông nghiệp và Môi trường tỉnh Hòa An"


def test_text_from_a_seed_is_escaped_in_the_body(tmp_path):
    (tmp_path / "x.txt").write_text(
        "Tin thử nghiệm có thẻ lạ trong nội dung bài\n\nĐoạn mở đầu của bài viết.\n\n"
        "Đoạn có <script>alert(1)</script> trong văn bản.\n",
        encoding="utf-8",
    )
    import_seeds(tmp_path)
    html = str(article("Tin thử nghiệm").body[0].value)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_missing_seeds_folder_loads_synthetic_content_marked_as_demo(tmp_path):
    report = import_seeds(tmp_path / "khong-co")
    assert report.used_fallback
    titles = list(ArticlePage.objects.values_list("title", flat=True))
    assert titles and all(title.startswith("[Dữ liệu mẫu]") for title in titles)
    assert not Official.objects.exists()


def test_an_unreadable_seed_is_skipped_with_a_note(seeds):
    directory = seeds(DATED)
    (directory / "hong.txt").write_bytes(b"\xff\xfe\x00 not utf-8 \xc3\x28")
    report = import_seeds(directory)
    assert any("hong.txt" in note for note in report.notes)
    assert article("Sở Nông nghiệp tỉnh Hòa An khen thưởng").live


def test_the_command_says_it_loaded_synthetic_content_when_the_folder_is_empty(
    tmp_path, monkeypatch
):
    # The fallback itself is tested above; here only what the command tells the operator.
    seen = []

    def fake_import(seeds_dir, stdout=None):
        seen.append(seeds_dir)
        return ImportReport(used_fallback=True)

    monkeypatch.setattr(command_module, "import_seeds", fake_import)
    out = io.StringIO()
    call_command("import_seeds", "--seeds-dir", str(tmp_path), stdout=out)
    assert seen == [tmp_path]
    assert "nội dung tổng hợp" in out.getvalue()


def test_the_command_prints_what_it_created(seeds):
    out = io.StringIO()
    call_command("import_seeds", "--seeds-dir", str(seeds(DATED)), stdout=out)
    assert "- bài viết: 1" in out.getvalue()
