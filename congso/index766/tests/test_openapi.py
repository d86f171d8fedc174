# ruff: noqa: F811
"""Schemathesis over GET /api/v1/statistics/index-766 and /ranking: whatever the parameters, an
answer its OpenAPI schema describes and never a 500 (issue 10, part 9)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from congso.dossiers.tests.factories import make_agency
from congso.index766.tests.helpers import add_facts, d, load_766, procedure


def _load_schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


schema = _load_schema()


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Schemathesis calls the WSGI handler directly, whose request signals close "old" database
    connections — on PostgreSQL that closes the test's transaction."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def an_agency_with_a_dossier(db):
    load_766()
    agency = make_agency()
    add_facts(agency, [(procedure(agency, published=d(1, 1)), 2, d(5, 4), d(5, 11), d(5, 8),
                        "early", 5, d(5, 9), True, d(5, 5), True, True)])  # fmt: skip
    return agency


@pytest.mark.django_db
@schema.include(path_regex="^/api/v1/statistics/index-766").parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_766_endpoints_conform_to_their_openapi_schema(
    case, an_agency_with_a_dossier, wsgi_keeps_the_test_connection
):
    # Parameters are text checked by our code: a string the schema allows may still be a
    # nonsense period (a 400 it documents), so the acceptance checks do not apply.
    case.call_and_validate(excluded_checks=[negative_data_rejection, positive_data_acceptance])
