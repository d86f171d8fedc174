"""Workflows and staff in the admin: the form's checks of steps against transitions, and an
agency admin reaching only their own agency's rows (superuser: all)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from congso.core.tests.factories import SuperuserFactory
from congso.dossiers.forms import workflow_problems
from congso.dossiers.models import AgencyStaff, Workflow, WorkflowStep
from congso.dossiers.models.workflow import ensure_default_workflow
from congso.dossiers.status import Role
from congso.dossiers.tests.admin_setup import make_office, officer

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/dossiers/workflow/"


def edit_url(workflow):
    return f"{LIST}edit/{workflow.pk}/"


def workflow_post(workflow, *, steps=None, transitions=None):
    """The edit form's POST for `workflow` as it stands, with steps/transitions replaced."""
    steps = steps or [
        {
            "id": s.pk,
            "code": s.code,
            "name": s.name,
            "role": s.role,
            "allowance_percent": s.allowance_percent,
        }
        for s in workflow.steps.order_by("sort_order")
    ]
    transitions = transitions or [
        {
            "id": t.pk,
            "action": t.action,
            "from_step": t.from_step,
            "to_step": t.to_step,
            "role": t.role,
            "clock": t.clock,
        }
        for t in workflow.transitions.order_by("sort_order")
    ]
    return nested_form_data(
        {
            "name": workflow.name,
            "procedure": "",
            "agency": workflow.agency_id or "",
            "channel": "",
            "active": "on",
            "steps": inline_formset(steps, initial=workflow.steps.count()),
            "transitions": inline_formset(transitions, initial=workflow.transitions.count()),
        }
    )


@pytest.fixture
def office():
    return make_office()


@pytest.fixture
def agency_admin(office):
    return officer(office["agency"], Role.ADMIN, "quantri")


def agency_workflow(agency, name):
    workflow = Workflow.objects.create(name=name, agency=agency)
    WorkflowStep.objects.create(
        workflow=workflow, code="tiep-nhan", name="Tiếp nhận", role="one_stop"
    )
    return workflow


def test_a_superuser_changes_a_steps_allowance(client):
    client.force_login(SuperuserFactory())
    workflow = ensure_default_workflow()
    data = workflow_post(workflow)
    data["steps-1-allowance_percent"] = "60"
    response = client.post(edit_url(workflow), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert workflow.steps.get(code="xu-ly").allowance_percent == 60


def test_a_transition_to_a_step_that_does_not_exist_is_refused(client):
    client.force_login(SuperuserFactory())
    workflow = ensure_default_workflow()
    data = workflow_post(workflow)
    data["transitions-4-to_step"] = "khong-co"
    response = client.post(edit_url(workflow), data)
    assert response.status_code == 200
    assert "không có bước mã “khong-co”" in response.content.decode()
    assert workflow.transitions.filter(to_step="khong-co").count() == 0


def test_a_step_no_transition_reaches_is_refused():
    steps = [{"code": "a"}, {"code": "b"}, {"code": "c"}]
    transitions = [{"action": "receive", "from_step": "a", "to_step": "b"}]
    assert workflow_problems(steps, transitions) == [
        "Bước “c” không đến được từ bước đầu tiên “a”."
    ]


def test_two_steps_with_the_same_code_are_refused_before_the_database_does():
    problems = workflow_problems([{"code": "a"}, {"code": "a"}], [])
    assert problems == ["Mã bước “a” bị trùng."]


def test_the_default_workflow_passes_the_checks():
    workflow = ensure_default_workflow()
    steps = list(workflow.steps.order_by("sort_order").values())
    transitions = list(workflow.transitions.values())
    assert workflow_problems(steps, transitions) == []


def test_an_agency_admin_lists_only_their_agencys_workflows(client, office, agency_admin):
    agency_workflow(office["agency"], "Quy trình của sở")
    agency_workflow(office["other"], "Quy trình của xã")
    ensure_default_workflow()
    client.force_login(agency_admin)
    html = client.get(LIST).content.decode()
    assert "Quy trình của sở" in html
    assert "Quy trình của xã" not in html and "Quy trình mặc định" not in html


def test_an_agency_admin_gets_404_on_another_agencys_workflow(client, office, agency_admin):
    theirs = agency_workflow(office["other"], "Quy trình của xã")
    client.force_login(agency_admin)
    assert client.get(edit_url(theirs)).status_code == 404
    assert client.get(edit_url(ensure_default_workflow())).status_code == 404
    assert client.post(f"{LIST}delete/{theirs.pk}/").status_code == 404


def test_an_agency_admin_gets_404_on_another_agencys_workflow_history_and_usage(
    client, office, agency_admin
):
    theirs = agency_workflow(office["other"], "Quy trình của xã")
    client.force_login(agency_admin)
    for view in ("history", "usage"):
        assert client.get(f"{LIST}{view}/{theirs.pk}/").status_code == 404, view


def test_the_history_and_usage_of_a_workflow_open_for_its_agency_admin(
    client, office, agency_admin
):
    # They crashed (500): the views' listing was replaced by the workflows themselves.
    mine = agency_workflow(office["agency"], "Quy trình của sở")
    client.force_login(agency_admin)
    for view in ("history", "usage"):
        assert client.get(f"{LIST}{view}/{mine.pk}/").status_code == 200, view


def test_an_agency_admin_edits_their_own_workflow(client, office, agency_admin):
    mine = agency_workflow(office["agency"], "Quy trình của sở")
    client.force_login(agency_admin)
    response = client.post(edit_url(mine), {**workflow_post(mine), "name": "Quy trình mới"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Workflow.objects.get(pk=mine.pk).name == "Quy trình mới"


def test_an_agency_admin_may_only_pick_their_own_agency(client, office, agency_admin):
    client.force_login(agency_admin)
    html = client.get(f"{LIST}add/").content.decode()
    assert office["agency"].name in html
    assert office["other"].name not in html


def test_an_agency_admin_sees_only_their_agencys_staff(client, office, agency_admin):
    office["other_one_stop"].first_name = "Cán bộ của xã"
    office["other_one_stop"].save()
    client.force_login(agency_admin)
    html = client.get("/admin/snippets/dossiers/agencystaff/").content.decode()
    assert "Cán bộ one_stop" in html and "Cán bộ của xã" not in html
    other_row = AgencyStaff.objects.get(user=office["other_one_stop"])
    url = f"/admin/snippets/dossiers/agencystaff/edit/{other_row.pk}/"
    assert client.get(url).status_code == 404


def test_an_officer_without_the_admin_group_cannot_open_workflows(client, office):
    client.force_login(office["one_stop"])
    response = client.get(LIST)
    assert response.status_code in (302, 403)


def test_setup_roles_gives_the_dossier_groups_their_permissions_and_runs_twice():
    from congso.users.roles import PROCEDURE_ADMIN, setup_roles

    setup_roles()
    setup_roles()
    codenames = set(
        Group.objects.get(name=PROCEDURE_ADMIN).permissions.values_list("codename", flat=True)
    )
    assert {"access_admin", "process_dossier", "change_workflow", "add_agencystaff"} <= codenames
    assert Group.objects.filter(name__in=["Cán bộ một cửa", "Chuyên viên", "Lãnh đạo"]).count() == 3


def test_an_agency_admin_sees_only_their_agencys_calendar_days(client, office, agency_admin):
    import datetime as dt

    from congso.dossiers.models import CalendarDay

    mine = CalendarDay.objects.create(
        agency=office["agency"], date=dt.date(2026, 6, 1), kind="off", name="Nghỉ của sở"
    )
    theirs = CalendarDay.objects.create(
        agency=office["other"], date=dt.date(2026, 6, 2), kind="off", name="Nghỉ của xã"
    )
    client.force_login(agency_admin)
    html = client.get("/admin/snippets/dossiers/calendarday/").content.decode()
    assert "Nghỉ của sở" in html and "Nghỉ của xã" not in html
    base = "/admin/snippets/dossiers/calendarday/edit/"
    assert client.get(f"{base}{mine.pk}/").status_code == 200
    assert client.get(f"{base}{theirs.pk}/").status_code == 404
