import pytest
from django.core.management import call_command

from congso.organisation.models import Agency
from congso.procedures.models import Component, Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    call_command("load_sample_procedures")


def test_the_demo_catalogue_has_thirty_sample_procedures_ten_fully_online(loaded):
    assert Procedure.objects.count() >= 30
    assert Procedure.objects.filter(online_level="full").count() >= 10
    assert not Procedure.objects.filter(is_sample=False).exists()
    assert all("(dữ liệu mẫu)" in name for name in Procedure.objects.values_list("name", flat=True))


def test_the_sample_agencies_are_a_department_and_its_commune(loaded):
    commune = Agency.objects.get(identifier="000.23.12.H56")
    assert commune.level == "commune"
    assert commune.parent.identifier == "000.00.12.H56"
    assert "(dữ liệu mẫu)" in commune.parent.name


def test_every_sample_procedure_has_components_and_fees(loaded):
    assert not Procedure.objects.filter(components__isnull=True).exists()
    assert not Procedure.objects.filter(fees__isnull=True).exists()


def test_a_fully_online_sample_procedure_has_an_e_form(loaded):
    assert Component.objects.filter(
        procedure__online_level="full", form_schema__isnull=False
    ).exists()


def test_sample_forms_are_downloadable(loaded, client):
    component = Component.objects.exclude(template="").first()
    response = client.get(component.template_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_loading_the_sample_again_changes_nothing(loaded, capsys):
    capsys.readouterr()
    call_command("load_sample_procedures")
    assert "thêm mới 0, thay đổi 0" in capsys.readouterr().out
