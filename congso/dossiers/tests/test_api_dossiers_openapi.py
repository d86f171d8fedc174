"""/api/v1/dossiers in the OpenAPI document, and the public tracking endpoint against it."""

import pytest
import schemathesis
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from congso.dossiers.api_dossiers import ACTIONS


@pytest.fixture
def openapi(client, db):
    return client.get("/api/v1/openapi.json").json()


def test_every_dossier_endpoint_is_in_the_openapi_document(openapi):
    paths = openapi["paths"]
    assert set(paths["/api/v1/dossiers"]) == {"get", "post"}
    assert "get" in paths["/api/v1/dossiers/{dossier_id}"]
    assert "post" in paths["/api/v1/dossiers/{dossier_id}/files"]
    assert "get" in paths["/api/v1/dossiers/{code}/tracking"]
    for action in ACTIONS:
        assert "post" in paths[f"/api/v1/dossiers/{{dossier_id}}/actions/{action}"], action


def test_every_dossier_endpoint_has_a_vietnamese_summary(openapi):
    for path, operations in openapi["paths"].items():
        if not path.startswith("/api/v1/dossiers"):
            continue
        for operation in operations.values():
            summary = operation["summary"]
            assert any(ch in summary for ch in "ăâđêôơưáàảãạếồộ"), (path, summary)


def test_the_dossier_endpoints_ask_for_a_bearer_token_and_tracking_does_not(openapi):
    paths = openapi["paths"]
    assert paths["/api/v1/dossiers/{dossier_id}"]["get"]["security"] == [{"BearerAuth": []}]
    assert "security" not in paths["/api/v1/dossiers/{code}/tracking"]["get"]
    assert openapi["components"]["securitySchemes"]["BearerAuth"]["scheme"] == "bearer"


def test_the_action_bodies_list_their_fields(openapi):
    body = openapi["paths"]["/api/v1/dossiers/{dossier_id}/actions/return-result"]["post"]
    schema = body["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["result_number"]
    assert {"result_date", "signer", "note"} <= set(schema["properties"])


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Schemathesis calls the WSGI handler directly, whose request signals would close the
    test's database connection (fatal on PostgreSQL); Django's test client unhooks them too."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _load_schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


schema = _load_schema()


@pytest.mark.django_db
@override_settings(DOSSIER_TRACKING_RATE_LIMIT="100000/60")
@schema.include(path_regex="/tracking$").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_tracking_conforms_to_the_openapi_schema(case, wsgi_keeps_the_test_connection):
    # Any code and any secret are valid input (an unknown one is a documented 404).
    case.call_and_validate(excluded_checks=[negative_data_rejection, positive_data_acceptance])
