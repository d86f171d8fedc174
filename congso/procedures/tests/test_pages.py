import pytest
from django.core.files.base import ContentFile

from congso.procedures.models import Component

from .factories import (
    AgencyFactory,
    ComponentFactory,
    FeeFactory,
    LegalBasisFactory,
    ProcedureFactory,
    ProcedureFieldFactory,
)

pytestmark = pytest.mark.django_db
LIST = "/thu-tuc-hanh-chinh/"


def names(response) -> list[str]:
    return [p.name for p in response.context["procedures"]]


def test_the_list_counts_the_published_procedures(client):
    ProcedureFactory.create_batch(3)
    ProcedureFactory(active=False)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "Tìm thấy 3 thủ tục." in response.content.decode()


def test_the_count_uses_vietnamese_thousands_separators(client, monkeypatch):
    from django.core.paginator import Paginator

    monkeypatch.setattr(Paginator, "count", 1234)
    assert "Tìm thấy 1.234 thủ tục." in client.get(LIST).content.decode()


def test_the_list_filters_by_field(client):
    ProcedureFactory(name="Bưu chính A")
    ProcedureFactory(name="Hộ tịch B", field=ProcedureFieldFactory(code="HT", name="Hộ tịch"))
    assert names(client.get(LIST, {"linh-vuc": "HT"})) == ["Hộ tịch B"]


def test_the_list_filters_by_agency(client):
    commune = AgencyFactory(identifier="000.23.12.H56", name="UBND xã Mẫu")
    ProcedureFactory(name="Của sở")
    ProcedureFactory(name="Của xã", agencies=[commune])
    assert names(client.get(LIST, {"co-quan": "000.23.12.H56"})) == ["Của xã"]


def test_the_list_filters_by_online_level(client):
    ProcedureFactory(name="Toàn trình", online_level="full")
    ProcedureFactory(name="Trực tiếp", online_level="none")
    assert names(client.get(LIST, {"muc-do": "full"})) == ["Toàn trình"]


def test_the_search_box_matches_without_diacritics(client):
    ProcedureFactory(name="Cấp giấy phép bưu chính")
    ProcedureFactory(name="Đăng ký khai sinh")
    assert names(client.get(LIST, {"q": "khai sinh"})) == ["Đăng ký khai sinh"]


@pytest.mark.parametrize("query", ["page=abc", "page=-3", "muc-do=<script>", "q=" + "x" * 5000])
def test_bad_query_strings_still_give_the_list(client, query):
    ProcedureFactory()
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_pagination_links_keep_the_filters(client):
    ProcedureFactory.create_batch(21, online_level="full")
    content = client.get(LIST, {"muc-do": "full"}).content.decode()
    assert 'href="?muc-do=full&amp;page=2"' in content


def test_the_detail_page_explains_the_procedure(client):
    procedure = ProcedureFactory(name="Cấp giấy phép bưu chính", time_limit=5)
    ComponentFactory(procedure=procedure, name="Đơn đề nghị cấp giấy phép", copies="01 bản chính")
    ComponentFactory(procedure=procedure, name="Giấy ủy quyền", required=False)
    FeeFactory(procedure=procedure, amount=27664046)
    LegalBasisFactory(procedure=procedure)
    content = client.get(procedure.get_absolute_url()).content.decode()
    for text in [
        "Cấp giấy phép bưu chính",
        "05 ngày làm việc",
        "Đơn đề nghị cấp giấy phép",
        "01 bản chính",
        "Không bắt buộc",
        "27.664.046 đồng",
        "49/2010/QH12",
        "17/06/2010",
        "Sở Thông tin và Truyền thông (dữ liệu mẫu)",
        "Bước 1: Nộp hồ sơ.",
    ]:
        assert text in content, text


def test_a_sample_procedure_says_it_is_sample_data(client):
    procedure = ProcedureFactory(is_sample=True)
    assert "Dữ liệu mẫu:" in client.get(procedure.get_absolute_url()).content.decode()


@pytest.mark.parametrize("level", ["full", "partial"])
def test_an_online_procedure_offers_online_filing(client, level):
    procedure = ProcedureFactory(online_level=level, code="1.004494.000.00.00.H56")
    content = client.get(procedure.get_absolute_url()).content.decode()
    assert 'href="/dich-vu-cong/nop-ho-so/1.004494.000.00.00.H56/"' in content
    assert "Nộp hồ sơ trực tuyến" in content


def test_a_procedure_not_offered_online_has_no_filing_button(client):
    procedure = ProcedureFactory(online_level="none")
    assert "Nộp hồ sơ trực tuyến" not in client.get(procedure.get_absolute_url()).content.decode()


def test_an_inactive_procedure_is_not_found(client):
    procedure = ProcedureFactory(active=False)
    assert client.get(procedure.get_absolute_url()).status_code == 404


def test_an_unknown_code_is_not_found(client):
    assert client.get("/thu-tuc-hanh-chinh/khong-co/").status_code == 404


def with_template(procedure) -> Component:
    component = ComponentFactory(procedure=procedure)
    component.template.save("mau-don.pdf", ContentFile(b"%PDF-1.4 mau don"))
    return component


def test_a_sample_form_downloads_as_an_attachment(client):
    component = with_template(ProcedureFactory())
    response = client.get(component.template_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 mau don"


def test_the_detail_page_links_the_sample_form(client):
    component = with_template(ProcedureFactory())
    content = client.get(component.procedure.get_absolute_url()).content.decode()
    assert f'href="{component.template_url}"' in content


def test_a_sample_form_of_an_unpublished_procedure_is_not_served(client):
    component = with_template(ProcedureFactory(active=False))
    assert client.get(component.template_url).status_code == 404


def test_a_component_without_a_form_has_nothing_to_download(client):
    component = ComponentFactory()
    url = f"/thu-tuc-hanh-chinh/{component.procedure.code}/mau/{component.pk}/"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/thu-tuc-hanh-chinh/?q=a%00b",
        "/thu-tuc-hanh-chinh/?co-quan=a%00b",
        "/thu-tuc-hanh-chinh/a%00b/",
    ],
)
def test_a_nul_character_in_the_address_is_never_a_500(client, url):
    assert client.get(url).status_code in (200, 404)
