"""Fixtures and a small client for the /api/v1/dossiers tests: an agency with its three officers,
two citizens, tokens made by `manage.py create_api_token` (its last line parsed as JSON)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from congso.dossiers.status import Role
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
)

API = "/api/v1/dossiers"


def token_for(username: str) -> str:
    out = StringIO()
    call_command("create_api_token", username, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue().strip().splitlines()[-1])["token"]


class ApiClient:
    """The Django test client with a bearer token; bodies as JSON unless told otherwise."""

    def __init__(self, client, token: str | None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path, params=None, **headers):
        return self.client.get(path, params or {}, headers={**self.headers, **headers})

    def post(self, path, body=None, *, raw=None, **headers):
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return self.client.post(
            path, data, content_type="application/json", headers={**self.headers, **headers}
        )

    def upload(self, dossier_id, uploaded, component=None):
        data = {"file": uploaded}
        if component is not None:
            data["component"] = str(component)
        return self.client.post(f"{API}/{dossier_id}/files", data, headers=self.headers)

    def act(self, dossier_id, action, body=None):
        return self.post(f"{API}/{dossier_id}/actions/{action}", body)


@pytest.fixture
def office(db, holidays_2026):
    agency = make_agency()
    return {
        "agency": agency,
        "one_stop": make_staff(agency, Role.ONE_STOP, "motcua"),
        "specialist": make_staff(agency, Role.SPECIALIST, "chuyenvien"),
        "leader": make_staff(agency, Role.LEADER, "lanhdao"),
        "citizen": make_user("congdan1", first_name="Nguyễn Văn A (mẫu)"),
        "other_citizen": make_user("congdan2"),
        "procedure": make_procedure(agency, time_limit=5),
    }


@pytest.fixture
def api(client, office):
    """ApiClient per login, with a token each: api("congdan1").get(...)."""
    tokens = {}

    def for_user(username):
        if username not in tokens:
            tokens[username] = token_for(username)
        return ApiClient(client, tokens[username])

    return for_user


def new_body(procedure, **extra):
    from congso.dossiers.tests.factories import APPLICANT

    return {
        "procedure": procedure.code,
        "applicant": APPLICANT,
        "summary": "Xin cấp phép (mẫu)",
        **extra,
    }
