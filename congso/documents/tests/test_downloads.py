"""The headers of a file download: type, name, and no encoding the body does not have."""

from urllib.parse import quote, unquote

import pytest

from congso.documents.tests.factories import make_document

pytestmark = pytest.mark.django_db

VIETNAMESE_NAME = "Quyết định số 12 về chuyển đổi số.pdf"


@pytest.fixture
def public_file(doc_index):
    return make_document(doc_index, filename=VIETNAMESE_NAME).files[0]


def _get(client, file, **headers):
    response = client.get(file.url, headers=headers)
    assert response.status_code == 200, file.url
    return response


def test_a_download_has_no_content_encoding_header(client, public_file):
    # Wagtail's sendfile writes "Content-Encoding: None" for every unencoded file: invalid.
    response = _get(client, public_file)
    assert "Content-Encoding" not in response.headers
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")


def test_a_download_has_the_right_type_and_length(client, public_file):
    response = _get(client, public_file)
    assert response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == public_file.file_size
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_vietnamese_file_name_is_sent_in_both_forms(client, public_file):
    disposition = _get(client, public_file)["Content-Disposition"]
    kind, *params = [part.strip() for part in disposition.split(";")]
    assert kind in ("inline", "attachment")
    values = dict(param.split("=", 1) for param in params)
    # RFC 6266: an ASCII fallback for old clients, the real name in RFC 5987 form.
    assert values["filename"].isascii()
    # (the storage may add a suffix to a name already taken: _AbC123.pdf)
    assert values["filename"].startswith('"Quyet_dinh_so_12_ve_chuyen_doi_so')
    assert values["filename"].endswith('.pdf"')
    assert values["filename*"] == "UTF-8''" + quote(public_file.filename)
    assert unquote(values["filename*"].removeprefix("UTF-8''")) == public_file.filename
    assert "Quyết_định_số_12" in public_file.filename
    # A header value is latin-1 on the wire: nothing outside ASCII may be in it raw.
    assert disposition.isascii()


def test_a_conditional_request_still_has_no_content_encoding(client, public_file):
    etag = _get(client, public_file)["ETag"]
    response = client.get(public_file.url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert "Content-Encoding" not in response.headers


def test_hidden_files_are_still_refused_through_the_wrapper(client, doc_index):
    file = make_document(doc_index, visibility="internal").files[0]
    assert client.get(file.url).status_code == 404
