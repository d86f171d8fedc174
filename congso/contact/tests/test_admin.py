import pytest
from django.urls import reverse
from wagtail.models import Site

from congso.contact.models import ContactMessage
from congso.contact.tests.factories import make_contact_page, make_message
from congso.contact.tests.sites import make_commune_site, officer_of

pytestmark = pytest.mark.django_db

PERMS = ["contact.view_contactmessage", "contact.change_contactmessage"]


@pytest.fixture
def department_message(home):
    return make_message(make_contact_page(home), subject="Thư gửi Sở")


@pytest.fixture
def commune():
    return make_commune_site()


@pytest.fixture
def commune_message(commune):
    page = make_contact_page(commune)
    return make_message(page, subject="Thư gửi xã", email="dan-xa@example.vn")


@pytest.fixture
def commune_officer(client, commune, commune_message, department_message):
    user = officer_of(commune, PERMS)
    client.force_login(user)
    return user


def edit_url(message):
    return reverse("wagtailsnippets_contact_contactmessage:edit", args=[message.pk])


def test_the_listing_shows_only_the_messages_of_the_officers_own_site(
    client, commune_officer, commune_message
):
    response = client.get(reverse("wagtailsnippets_contact_contactmessage:list"))
    html = response.content.decode()
    assert "Thư gửi xã" in html
    assert "Thư gửi Sở" not in html


def test_another_sites_message_cannot_be_opened_or_changed(
    client, commune_officer, department_message
):
    assert client.get(edit_url(department_message)).status_code in (403, 302)
    response = client.post(edit_url(department_message), {"status": "handled", "staff_note": ""})
    assert response.status_code in (403, 302)
    department_message.refresh_from_db()
    assert department_message.status == "new"
    inspect = reverse(
        "wagtailsnippets_contact_contactmessage:inspect", args=[department_message.pk]
    )
    assert client.get(inspect).status_code in (403, 302)


def test_marking_a_message_handled_records_who_and_when(client, commune_officer, commune_message):
    response = client.post(
        edit_url(commune_message), {"status": "handled", "staff_note": "Đã trả lời qua thư."}
    )
    assert response.status_code == 302
    commune_message.refresh_from_db()
    assert commune_message.status == ContactMessage.Status.HANDLED
    assert commune_message.handled_by == commune_officer
    assert commune_message.handled_at is not None
    assert commune_message.staff_note == "Đã trả lời qua thư."


def test_staff_cannot_rewrite_what_the_citizen_sent(client, commune_officer, commune_message):
    client.post(
        edit_url(commune_message),
        {"status": "handled", "staff_note": "", "message": "Đã sửa", "email": "x@example.vn"},
    )
    commune_message.refresh_from_db()
    assert (commune_message.message, commune_message.email) == ("Nội dung", "dan-xa@example.vn")


def test_nobody_adds_a_message_in_the_admin(client, commune_officer):
    response = client.get(reverse("wagtailsnippets_contact_contactmessage:add"))
    assert response.status_code in (403, 302)


def test_an_officer_without_the_model_permission_sees_no_listing(client, commune):
    client.force_login(officer_of(commune, [], username="khac"))
    response = client.get(reverse("wagtailsnippets_contact_contactmessage:list"))
    assert response.status_code in (403, 302)


def test_the_default_sites_editors_group_handles_messages(department_message):
    from django.contrib.auth.models import Group

    from congso.users.roles import EDITOR, setup_roles

    setup_roles()
    codenames = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    assert {"view_contactmessage", "change_contactmessage"} <= codenames
    assert Site.objects.count() == 1
