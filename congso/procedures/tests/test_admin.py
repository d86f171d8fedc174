import pytest

from congso.core.tests.factories import SuperuserFactory

from .factories import AgencyFactory, ComponentFactory, ProcedureFactory

pytestmark = pytest.mark.django_db
LISTING = "/admin/snippets/procedures/procedure/"


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def test_the_admin_listing_filters_by_field_agency_and_online_level(admin_client):
    commune = AgencyFactory(identifier="000.23.12.H56", name="UBND xã Mẫu")
    wanted = ProcedureFactory(name="Đăng ký khai sinh", online_level="full", agencies=[commune])
    ProcedureFactory(name="Cấp giấy phép bưu chính", online_level="partial")
    response = admin_client.get(
        LISTING, {"field": wanted.field_id, "agencies": commune.pk, "online_level": "full"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Đăng ký khai sinh" in content
    assert "Cấp giấy phép bưu chính" not in content


def test_the_edit_form_shows_the_components_inline(admin_client):
    component = ComponentFactory(name="Tờ khai đăng ký khai sinh")
    response = admin_client.get(f"{LISTING}edit/{component.procedure.pk}/")
    assert response.status_code == 200
    assert "Tờ khai đăng ký khai sinh" in response.content.decode()
