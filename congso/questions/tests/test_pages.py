import pytest
from wagtail.test.utils import WagtailPageTestCase

from congso.home.models import HomePage
from congso.questions.models import QuestionIndexPage
from congso.questions.tests.factories import make_page

pytestmark = pytest.mark.django_db


class TestQuestionIndexPage(WagtailPageTestCase):
    def test_lives_only_under_a_home_page_once_and_has_no_children(self):
        self.assertAllowedParentPageTypes(QuestionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(QuestionIndexPage, {})
        assert QuestionIndexPage.max_count_per_parent == 1


@pytest.mark.parametrize(
    "suffix",
    ["", "?page=x", "?page=-1", "?q=%00", "?q=" + "a" * 500 + "&page=abc", "tra-cuu/?ma=%00"],
)
def test_every_route_renders_with_bad_query_strings(client, home, suffix):
    page = make_page(home)
    assert client.get(page.url + suffix).status_code == 200


def test_an_unknown_topic_is_a_404(client, home):
    page = make_page(home)
    assert client.get(page.url + "chu-de/khong-co/").status_code == 404


def test_ensuring_the_page_twice_creates_one(home):
    from congso.questions.services import ensure_questions_page

    first, created = ensure_questions_page(home)
    again, created_again = ensure_questions_page(home)
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert first.slug == "hoi-dap"
