"""Fuzz every REST operation from /openapi.json, in process: never a server error.

Schemathesis generates valid and invalid requests for each operation; beyond
"no 500", every answer must be documented, typed as documented, and invalid
input must be refused. Schema-valid requests naming unknown ids are refused
too (422), so positive-data acceptance is deliberately not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from knotwork.config import Settings
from knotwork.web.app import create_app
from tests.web.api_client import local_client

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]

# Building the app opens nothing, so the schema can be read at collection;
# each test then calls a fresh app on its own temporary KNOTWORK_HOME.
schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi()).include(
    path_regex="^/api/v1/"
)


@pytest.fixture
def app() -> Iterator[FastAPI]:
    app = create_app(Settings())
    with local_client(app):  # runs the lifespan, so the journal is closed after
        yield app


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_operation_never_fails_and_matches_its_schema(
    case: schemathesis.Case, app: FastAPI
) -> None:
    case.call_and_validate(app=app, checks=CHECKS)
