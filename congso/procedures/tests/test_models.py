import pytest
from django.core.exceptions import ValidationError

from congso.procedures.models import Component, Procedure

from .factories import AgencyFactory, ComponentFactory, ProcedureFactory

pytestmark = pytest.mark.django_db


def test_time_limit_reads_as_published_with_two_digits():
    assert ProcedureFactory.build(time_limit=5).time_limit_text == "05 ngày làm việc"


def test_time_limit_in_working_hours_names_the_unit():
    assert ProcedureFactory.build(time_limit=12, time_unit="working_hour").time_limit_text == (
        "12 giờ làm việc"
    )


def test_a_zero_time_limit_means_the_same_day():
    assert "ngay" in ProcedureFactory.build(time_limit=0).time_limit_text


def test_channels_list_the_ways_to_file():
    procedure = ProcedureFactory.build(channel_online=True, channel_postal=False)
    assert procedure.channels == ["in_person", "online"]


def test_time_units_are_the_calendar_units():
    from congso.dossiers.calendar import Unit
    from congso.procedures.models import TimeUnit

    assert set(TimeUnit.values) == {u.value for u in Unit}


def test_submit_url_is_the_online_filing_page():
    procedure = ProcedureFactory.build(code="1.004494.000.00.00.H56")
    assert procedure.submit_url == "/dich-vu-cong/nop-ho-so/1.004494.000.00.00.H56/"


def test_published_leaves_out_inactive_and_future_procedures():
    from datetime import timedelta

    from django.utils import timezone

    shown = ProcedureFactory()
    ProcedureFactory(active=False)
    ProcedureFactory(published_at=timezone.now() + timedelta(days=2))
    ProcedureFactory(published_at=None)
    assert list(Procedure.objects.published()) == [shown]


def test_online_means_full_or_partial():
    full = ProcedureFactory(online_level="full")
    partial = ProcedureFactory(online_level="partial")
    ProcedureFactory(online_level="none")
    assert set(Procedure.objects.online()) == {full, partial}


def test_for_agency_accepts_the_agency_or_its_identifier():
    commune = AgencyFactory(identifier="000.23.12.H56", name="UBND xã Mẫu")
    mine = ProcedureFactory(agencies=[commune])
    ProcedureFactory()
    assert list(Procedure.objects.for_agency(commune)) == [mine]
    assert list(Procedure.objects.for_agency("000.23.12.H56")) == [mine]


def test_search_ignores_diacritics_and_case():
    found = ProcedureFactory(name="Cấp giấy phép bưu chính")
    other = ProcedureFactory(name="Đăng ký khai sinh")
    assert list(Procedure.objects.search("GIAY PHEP buu")) == [found]
    assert list(Procedure.objects.search("dang ky")) == [other]


def test_search_finds_a_procedure_by_its_code():
    found = ProcedureFactory(code="1.004494.000.00.00.H56")
    assert list(Procedure.objects.search("1.004494")) == [found]


def test_an_e_form_must_be_a_json_object():
    component = ComponentFactory.build(procedure=ProcedureFactory(), form_schema=["không"])
    with pytest.raises(ValidationError) as error:
        component.clean()
    assert "form_schema" in error.value.message_dict


def test_a_json_object_e_form_is_accepted():
    schema = {"type": "object", "properties": {"ho_ten": {"type": "string"}}}
    ComponentFactory.build(procedure=ProcedureFactory(), form_schema=schema).clean()


def test_component_knows_whether_it_has_a_form_and_a_template():
    component = ComponentFactory(form_schema={"type": "object"})
    assert component.has_form and component.template_url == ""
    assert isinstance(component, Component)
