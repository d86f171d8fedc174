from datetime import date

import pytest
from wagtail.test.utils import WagtailPageTestCase

from congso.documents.models import (
    DocumentField,
    DocumentIndexPage,
    IssuingAgency,
    OfficialDocumentPage,
)
from congso.documents.tests.factories import make_document, make_pdf, sign


@pytest.mark.django_db
def test_the_library_lists_published_documents_only(client, doc_index):
    shown = make_document(doc_index, title="Văn bản đã xuất bản")
    make_document(doc_index, title="Văn bản nháp", publish=False)
    make_document(doc_index, title="Văn bản nội bộ", visibility="internal")
    html = client.get(doc_index.url).content.decode()
    assert shown.title in html
    assert "Văn bản nháp" not in html and "Văn bản nội bộ" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["loai=quyet-dinh", "nam=2023", "nguoi-ky=Võ Trọng Hải", "tinh-trang=expired", "q=15/qđ-ubnd"],
)
def test_each_filter_narrows_the_list(client, doc_index, query):
    from congso.documents.models import DocumentType

    make_document(doc_index, title="Báo cáo năm 2024 khác")
    make_document(
        doc_index,
        title="Quyết định cần tìm",
        number="15/QĐ-UBND",
        doc_type=DocumentType.objects.get(slug="quyet-dinh"),
        issue_date=date(2023, 5, 1),
        signer_name="Võ Trọng Hải",
        legal_status="expired",
    )
    html = client.get(f"{doc_index.url}?{query}").content.decode()
    assert "Quyết định cần tìm" in html and "Báo cáo năm 2024 khác" not in html


@pytest.mark.django_db
def test_agency_and_field_filters_use_their_slugs(client, doc_index):
    agency = IssuingAgency.objects.create(name="Sở Nội vụ")
    field = DocumentField.objects.create(name="Cải cách hành chính")
    make_document(doc_index, title="Không thuộc sở")
    make_document(doc_index, title="Của Sở Nội vụ", agency=agency, field=field)
    html = client.get(
        f"{doc_index.url}?co-quan={agency.slug}&linh-vuc={field.slug}"
    ).content.decode()
    assert "Của Sở Nội vụ" in html and "Không thuộc sở" not in html


@pytest.mark.django_db
def test_sorting_oldest_first(client, doc_index):
    make_document(doc_index, title="Văn bản mới", issue_date=date(2025, 1, 1))
    make_document(doc_index, title="Văn bản cũ", issue_date=date(2020, 1, 1))
    html = client.get(f"{doc_index.url}?sap-xep=cu-nhat").content.decode()
    assert html.index("Văn bản cũ") < html.index("Văn bản mới")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["page=abc", "page=-1", "page=99999", "nam=abcd", "tinh-trang=<script>", "sap-xep=x"]
)
def test_bad_query_strings_still_give_the_list(client, doc_index, query):
    make_document(doc_index)
    response = client.get(f"{doc_index.url}?{query}")
    assert response.status_code == 200
    assert b"<script>" not in response.content


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, doc_index):
    DocumentIndexPage.per_page = 2
    try:
        for _ in range(3):
            make_document(doc_index, signer_name="Dương Văn Tuấn")
        html = client.get(f"{doc_index.url}?nguoi-ky=Dương Văn Tuấn").content.decode()
    finally:
        DocumentIndexPage.per_page = 20
    assert "page=2" in html and "nguoi-ky=" in html.split("page=2")[0].rsplit("href=", 1)[1]


@pytest.mark.django_db
def test_the_detail_page_shows_metadata_files_and_the_valid_badge(client, doc_index, trusted_ca):
    page = make_document(doc_index, file_data=sign(make_pdf()), number="273/BC-STTTT")
    html = client.get(page.url).content.decode()
    for text in ("273/BC-STTTT", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC Dương Văn Tuấn", "16/10/2024"):
        assert text in html
    assert "Đã ký số — hợp lệ" in html
    assert page.files[0].url in html


@pytest.mark.django_db
def test_the_detail_page_warns_about_untrusted_signatures(client, doc_index):
    page = make_document(doc_index, file_data=sign(make_pdf()))
    assert "Chữ ký không xác định được nguồn tin cậy" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_the_detail_page_warns_about_a_document_changed_after_signing(
    client, doc_index, trusted_ca
):
    from congso.documents.tests.factories import tamper

    page = make_document(doc_index, file_data=tamper(sign(make_pdf())))
    assert "Văn bản đã bị thay đổi sau khi ký" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_page_views_never_verify(client, doc_index, trusted_ca, monkeypatch):
    page = make_document(doc_index, file_data=sign(make_pdf()))

    def forbidden(*args, **kwargs):
        raise AssertionError("verification during a page view")

    monkeypatch.setattr("congso.documents.signatures.verify_pdf", forbidden)
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_the_pdf_preview_is_a_png_of_the_page(client, doc_index):
    page = make_document(doc_index)
    response = client.get(f"{page.url}xem-truoc/{page.files[0].pk}/1/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
def test_a_preview_of_a_page_beyond_the_end_is_a_404(client, doc_index):
    page = make_document(doc_index)
    assert client.get(f"{page.url}xem-truoc/{page.files[0].pk}/2/").status_code == 404


@pytest.mark.django_db
def test_related_documents_show_both_directions(client, doc_index):
    old = make_document(doc_index, title="Quyết định cũ", legal_status="replaced")
    new = make_document(doc_index, title="Quyết định mới", publish=False)
    new.relations.create(kind="replaces", target=old)
    new.save_revision().publish()
    assert "Thay thế: " in client.get(new.url).content.decode()
    assert "Bị thay thế bởi: " in client.get(old.url).content.decode()


@pytest.mark.django_db
def test_the_rss_feed_lists_new_documents(client, doc_index):
    make_document(doc_index, number="99/TB-STTTT")
    response = client.get(f"{doc_index.url}rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "99/TB-STTTT" in response.content.decode()


@pytest.mark.django_db
def test_the_sitemap_lists_public_documents_but_not_internal_ones(client, doc_index):
    public = make_document(doc_index)
    internal = make_document(doc_index, visibility="internal")
    xml = client.get("/sitemap.xml").content.decode()
    assert public.url in xml and internal.url not in xml


class TestPageTypes(WagtailPageTestCase):
    def setUp(self):
        from congso.core.tests.factories import SuperuserFactory, make_home
        from congso.documents.tests.factories import make_index

        self.index = make_index(make_home())
        self.document = make_document(self.index, number="1/BC-STTTT")
        self.client.force_login(SuperuserFactory())

    def test_both_page_types_are_routable_renderable_editable_and_previewable(self):
        for page in (self.index, self.document):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
            self.assertPageIsEditable(page)
            self.assertPageIsPreviewable(page)

    def test_documents_live_only_under_the_library(self):
        self.assertAllowedParentPageTypes(OfficialDocumentPage, {DocumentIndexPage})
        self.assertAllowedSubpageTypes(DocumentIndexPage, {OfficialDocumentPage})
        self.assertAllowedSubpageTypes(OfficialDocumentPage, set())


def _queries_for(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congso.core import pagecache

    pagecache.purge_all()  # measure a rendered page, not the page cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_detail_page_reads_attachments_once_however_many_there_are(client, doc_index):
    from congso.documents.models import DocumentAttachment
    from congso.documents.services import store_file

    page = make_document(doc_index)
    _queries_for(client, page.url)  # warm the per-process caches (site, content types)
    one = _queries_for(client, page.url)
    for n in (2, 3):
        file = store_file(f"phu-luc-{n}.pdf", make_pdf())
        DocumentAttachment.objects.create(page=page, file=file, sort_order=n)
    assert _queries_for(client, page.url) == one
