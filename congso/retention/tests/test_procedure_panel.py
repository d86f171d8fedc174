import pytest

from congso.core.tests.factories import SuperuserFactory
from congso.dossiers.tests.factories import make_agency, make_procedure

pytestmark = pytest.mark.django_db


def test_the_procedure_edit_form_offers_the_retention_period(client):
    procedure = make_procedure(make_agency())
    client.force_login(SuperuserFactory())
    html = client.get(f"/admin/snippets/procedures/procedure/edit/{procedure.pk}/").content
    assert b'name="retention_years"' in html and "lưu dữ liệu cá nhân".encode() in html
