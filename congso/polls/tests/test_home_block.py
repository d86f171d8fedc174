import pytest
from django.template import Context, Template
from django.test import RequestFactory

from congso.contact.tests.sites import make_commune_site
from congso.polls.tests.factories import make_poll, make_poll_index

pytestmark = pytest.mark.django_db


def render_block(host="testserver"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    return Template("{% load polls_tags %}{% current_poll %}").render(Context({"request": request}))


def test_the_home_block_shows_the_sites_latest_open_poll_without_a_token(home):
    index = make_poll_index(home)
    make_poll(index, question="Cuộc đã kết thúc", state="closed")
    make_poll(index, question="Cuộc không lên trang chủ", show_on_home=False)
    poll = make_poll(index, question="Cuộc đang mở")
    html = render_block()
    assert "Cuộc đang mở" in html
    assert "Cuộc đã kết thúc" not in html and "Cuộc không lên trang chủ" not in html
    assert "csrfmiddlewaretoken" not in html  # the home page is cached and shared
    assert f'data-token-url="/binh-chon/{poll.pk}/ma-xac-thuc/"' in html


def test_the_home_block_of_one_site_never_shows_anothers_poll(home):
    make_poll(make_poll_index(home), question="Cuộc của Sở")
    commune = make_commune_site()
    make_poll(make_poll_index(commune), question="Cuộc của xã")
    assert "Cuộc của xã" in render_block("xa.localhost")
    assert "Cuộc của Sở" not in render_block("xa.localhost")


def test_the_home_block_is_empty_without_an_open_poll(home):
    make_poll(make_poll_index(home), state="upcoming")
    assert render_block().strip() == ""


def test_the_no_script_form_opens_the_poll_page_with_the_choice_made(client, home):
    index = make_poll_index(home)
    poll = make_poll(index)
    option = poll.options.last()
    html = client.get(index.poll_url(poll) + f"?phuong-an={option.pk}").content.decode()
    assert f'value="{option.pk}" required checked' in html
