"""ensure_portal_sections: the Decree-42 structure under a home page, empty, complete, once."""

import pytest
from django.apps import apps
from wagtail.models import Page

from congso.core.tests.factories import make_home, make_standard_page
from congso.home.models import HomePage
from congso.publications.models import DisclosurePage, RecruitmentIndexPage
from congso.publications.structure import ensure_portal_sections, expected_sections

pytestmark = pytest.mark.django_db

# Decree 42/2022 art. 4 (and long practice, see ../shared/design/VN-RULES.md), written out
# independently of structure.SECTIONS: (what the decree asks, slug, page type).
ARTICLE_4 = [
    ("a. văn bản do cơ quan ban hành", "van-ban", "documents.DocumentIndexPage"),
    ("đ. chiến lược, chương trình, kế hoạch", "chien-luoc-ke-hoach", "publications.PlanIndexPage"),
    ("e. chức năng, nhiệm vụ, cơ cấu tổ chức", "gioi-thieu", "home.StandardPage"),
    ("e. địa chỉ, điện thoại, thư điện tử", "lien-he", "contact.ContactPage"),
    ("báo cáo tài chính năm", "cong-khai-ngan-sach", "publications.BudgetIndexPage"),
    ("thống kê chuyên ngành", "thong-ke-chuyen-nganh", "publications.StatisticsIndexPage"),
    ("dự án đầu tư", "du-an-dau-tu", "publications.ProjectIndexPage"),
    ("đấu thầu", "thong-tin-dau-thau", "publications.BiddingIndexPage"),
    ("tuyển dụng", "tuyen-dung", "publications.RecruitmentIndexPage"),
    ("tin tức, sự kiện", "tin-tuc", "news.NewsIndexPage"),
    ("lịch công tác", "lich-cong-tac", "schedule.SchedulePage"),
    ("dự thảo lấy ý kiến", "lay-y-kien-du-thao", "drafts.DraftIndexPage"),
    ("hỏi đáp", "hoi-dap", "questions.QuestionIndexPage"),
    ("bình chọn", "binh-chon", "polls.PollIndexPage"),
]


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


@pytest.mark.parametrize("what,slug,label", ARTICLE_4, ids=[row[1] for row in ARTICLE_4])
def test_a_new_home_gets_every_decree_42_section(home, what, slug, label):
    found = ensure_portal_sections(home)
    model = _model(label)
    if model is None:
        pytest.skip(f"{label} chưa có trong bản cài đặt này")
    page = found[slug]
    assert isinstance(page, model), what
    assert page.live
    assert Page.objects.descendant_of(home).filter(slug=slug, content_type=page.content_type)


def test_every_section_of_the_structure_is_listed_in_article_4():
    grouping = {"cong-khai-thong-tin"}  # a menu entry, not something the decree names
    slugs = {section.slug for section in expected_sections()} - grouping
    assert slugs == {row[1] for row in ARTICLE_4}


def test_a_second_run_creates_nothing_and_returns_the_same_pages(home):
    first = ensure_portal_sections(home)
    count = Page.objects.count()
    created = []
    second = ensure_portal_sections(home, created=created)
    assert created == []
    assert Page.objects.count() == count
    assert {slug: page.pk for slug, page in first.items()} == {
        slug: page.pk for slug, page in second.items()
    }


def test_the_publication_sections_are_grouped_under_cong_khai_thong_tin(home):
    found = ensure_portal_sections(home)
    hub = found["cong-khai-thong-tin"]
    assert isinstance(hub, DisclosurePage)
    assert hub.get_parent().pk == home.pk
    for slug in ("chien-luoc-ke-hoach", "cong-khai-ngan-sach", "tuyen-dung"):
        assert found[slug].get_parent().pk == hub.pk


def test_the_sections_start_empty_with_a_note_for_editors(home):
    found = ensure_portal_sections(home)
    recruitment = found["tuyen-dung"]
    assert not recruitment.get_children().exists()
    assert "hạn nộp hồ sơ" in recruitment.editor_note
    assert "Thêm trang con" in recruitment.editor_note


def test_a_page_already_using_a_slug_is_kept_and_not_duplicated(home):
    contact = make_standard_page(home, "Liên hệ", slug="lien-he")
    found = ensure_portal_sections(home)
    assert home.get_children().filter(slug="lien-he").count() == 1
    assert found["lien-he"].pk == contact.pk


def test_a_section_the_editor_moved_elsewhere_is_found_not_recreated(home):
    found = ensure_portal_sections(home)
    recruitment = found["tuyen-dung"]
    recruitment.move(home, pos="last-child")
    again = ensure_portal_sections(home)
    assert RecruitmentIndexPage.objects.count() == 1
    assert again["tuyen-dung"].pk == recruitment.pk


def test_new_sections_go_before_lien_he_in_the_menu(home):
    make_standard_page(home, "Liên hệ", slug="lien-he", show_in_menus=True)
    ensure_portal_sections(home)
    slugs = list(home.get_children().in_menu().values_list("slug", flat=True))
    assert slugs[-1] == "lien-he"
    assert slugs.index("cong-khai-thong-tin") < slugs.index("lien-he")


def test_another_site_gets_its_own_sections(home):
    ensure_portal_sections(home)
    root = Page.get_first_root_node()
    commune = HomePage(title="Xã Thử Nghiệm", slug="xa-thu-nghiem")
    root.add_child(instance=commune)
    found = ensure_portal_sections(commune)
    assert found["tuyen-dung"].get_ancestors().filter(pk=commune.pk).exists()
    assert RecruitmentIndexPage.objects.count() == 2


def test_an_empty_section_tells_readers_it_is_being_updated_and_hides_the_note(client, home):
    found = ensure_portal_sections(home)
    response = client.get(found["tuyen-dung"].url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Chuyên mục đang được cập nhật." in text
    assert "Ghi chú cho biên tập viên" not in text


def test_the_preview_shows_the_note_to_the_editor(admin_client, home):
    found = ensure_portal_sections(home)
    page = found["tuyen-dung"]
    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert "Ghi chú cho biên tập viên" in response.content.decode()


def test_a_home_made_by_the_factory_is_the_site_root():
    assert make_home().get_site() is not None
