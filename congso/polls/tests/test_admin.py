import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from congso.contact.tests.sites import make_commune_site, officer_of
from congso.polls.models import Poll
from congso.polls.tests.factories import add_votes, make_poll, make_poll_index

pytestmark = pytest.mark.django_db

PERMS = ["polls.add_poll", "polls.change_poll", "polls.delete_poll", "polls.view_poll"]


@pytest.fixture
def department_index(home):
    return make_poll_index(home)


@pytest.fixture
def commune_index():
    return make_poll_index(make_commune_site())


@pytest.fixture
def officer(client, commune_index, department_index):
    user = officer_of(commune_index.get_parent(), PERMS)
    client.force_login(user)
    return user


def poll_data(index, **fields):
    data = {
        "index": index.pk,
        "question": "Bạn có hài lòng với dịch vụ công trực tuyến?",
        "description": "",
        "opens_at": "2026-01-01 08:00",
        "closes_at": "2026-02-01 08:00",
        "results_shown": "after_vote",
        "show_on_home": "on",
        "is_published": "on",
        "options": inline_formset([{"label": "Hài lòng"}, {"label": "Chưa hài lòng"}]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_an_officer_creates_a_poll_on_their_own_site(client, officer, commune_index):
    response = client.post(reverse("wagtailsnippets_polls_poll:add"), poll_data(commune_index))
    assert response.status_code == 302
    poll = Poll.objects.get()
    assert poll.index == commune_index
    assert list(poll.options.values_list("label", flat=True)) == ["Hài lòng", "Chưa hài lòng"]


def test_an_officer_cannot_create_a_poll_on_another_site(client, officer, department_index):
    response = client.post(reverse("wagtailsnippets_polls_poll:add"), poll_data(department_index))
    assert response.status_code == 200
    assert not Poll.objects.exists()


def test_the_listing_and_edit_form_keep_to_the_officers_site(
    client, officer, commune_index, department_index
):
    own = make_poll(commune_index, question="Cuộc của xã")
    other = make_poll(department_index, question="Cuộc của Sở")
    html = client.get(reverse("wagtailsnippets_polls_poll:list")).content.decode()
    assert "Cuộc của xã" in html and "Cuộc của Sở" not in html
    edit = reverse("wagtailsnippets_polls_poll:edit", args=[other.pk])
    assert client.get(edit).status_code in (302, 403)
    assert client.post(edit, poll_data(department_index, question="Đổi")).status_code in (302, 403)
    delete = reverse("wagtailsnippets_polls_poll:delete", args=[other.pk])
    assert client.post(delete).status_code in (302, 403)
    other.refresh_from_db()
    assert other.question == "Cuộc của Sở"
    assert client.get(reverse("wagtailsnippets_polls_poll:edit", args=[own.pk])).status_code == 200


def test_a_poll_closing_before_it_opens_is_refused(client, officer, commune_index):
    data = poll_data(commune_index, opens_at="2026-02-01 08:00", closes_at="2026-01-01 08:00")
    response = client.post(reverse("wagtailsnippets_polls_poll:add"), data)
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in response.content.decode()
    assert not Poll.objects.exists()


def test_a_poll_needs_two_options(client, officer, commune_index):
    data = poll_data(commune_index)
    data.update(nested_form_data({"options": inline_formset([{"label": "Một"}])}))
    client.post(reverse("wagtailsnippets_polls_poll:add"), data)
    assert not Poll.objects.exists()


def test_an_option_with_votes_cannot_be_deleted(client, officer, commune_index):
    poll = make_poll(commune_index)
    add_votes(poll, 3, 0)
    first, second = poll.options.all()
    data = poll_data(commune_index)
    data.update(
        nested_form_data(
            {
                "options": inline_formset(
                    [
                        {"id": first.pk, "label": first.label, "DELETE": "on"},
                        {"id": second.pk, "label": second.label},
                        {"label": "Mới"},
                    ],
                    initial=2,
                )
            }
        )
    )
    response = client.post(reverse("wagtailsnippets_polls_poll:edit", args=[poll.pk]), data)
    assert "vì đã có phiếu bình chọn" in response.content.decode()
    assert poll.options.count() == 2 and poll.votes.count() == 3


def test_the_editorial_groups_may_run_polls():
    from django.contrib.auth.models import Group

    from congso.users.roles import CHIEF_EDITOR, EDITOR, setup_roles

    setup_roles()
    for name in (EDITOR, CHIEF_EDITOR):
        perms = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_poll", "change_poll", "delete_poll"} <= perms
