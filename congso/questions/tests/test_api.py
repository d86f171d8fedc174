import pytest

from congso.questions.tests.factories import make_page, make_question, make_unit, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return make_page(home)


@pytest.fixture
def published(page):
    question = walk(
        make_question(page, title="Hỏi về cáp quang"), make_unit(), "assign", "submit", "publish"
    )
    question.public_question = "Câu hỏi đã biên tập"
    question.save()
    return question


def test_the_list_gives_published_questions_without_email_or_original_text(client, published, page):
    walk(make_question(page, title="Chưa đăng"), make_unit("Khác"), "assign", "submit")
    data = client.get("/api/v1/questions").json()
    assert data["count"] == 1
    assert (data["page"], data["page_size"]) == (1, 20)
    item = data["results"][0]
    assert item["title"] == "Hỏi về cáp quang"
    assert item["question"] == "Câu hỏi đã biên tập"
    assert "email" not in item and "nguoihoi@example.com" not in str(data)
    assert item["url"].endswith(f"/hoi-dap/cau-hoi/{published.pk}/")


def test_filters_by_site_topic_and_words(client, published, page):
    site = page.get_site()
    assert client.get(f"/api/v1/questions?site={site.hostname}").json()["count"] == 1
    topic = published.topic.slug
    assert client.get(f"/api/v1/questions?topic={topic}").json()["count"] == 1
    assert client.get("/api/v1/questions?topic=khong-co").json()["count"] == 0
    assert client.get("/api/v1/questions?q=cáp quang").json()["count"] == 1


@pytest.mark.parametrize(
    "query", ["page=0", "page=x", "page_size=101", "page_size=-1", "site=khong-co.example"]
)
def test_bad_parameters_get_a_400_in_vietnamese(client, published, query):
    response = client.get(f"/api/v1/questions?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_one_question_and_an_unpublished_one_is_404(client, published, page):
    assert client.get(f"/api/v1/questions/{published.pk}").json()["code"] == published.code
    hidden = make_question(page)
    assert client.get(f"/api/v1/questions/{hidden.pk}").status_code == 404


@pytest.mark.parametrize("query", ["q=a%00b", "site=x%00y", "topic=%00"])
def test_control_characters_in_parameters_never_break_the_list(client, published, query):
    response = client.get(f"/api/v1/questions?{query}")
    assert response.status_code in (200, 400)
