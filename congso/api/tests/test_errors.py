"""Errors every endpoint shares."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_parameter_refused_before_any_endpoint_runs_gets_a_vietnamese_detail(client):
    body = client.get("/api/v1/documents", {"page_size": 1000}).json()
    assert body["detail"] == "Tham số không hợp lệ: page_size."
    assert body["errors"][0]["loc"] == ["query", "page_size"]
