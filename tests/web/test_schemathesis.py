"""Fuzz every REST operation of a LIVE server: never a server error.

knotwork runs on real uvicorn (in a thread, on its own data folder) and
schemathesis sends generated requests (valid and invalid) over HTTP with
the access token, as a script would. Beyond "no 500", every answer must be
documented, typed as documented, and invalid input must be refused.
Schema-valid requests naming unknown ids are refused too (422), so
positive-data acceptance is not checked.
At least 2,000 cases run; the count is asserted, not assumed.
"""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from knotwork.config import Settings
from knotwork.web.app import access_token, create_app


@schemathesis.check
def negative_data_refused(ctx: Any, response: Any, case: schemathesis.Case) -> None:
    """Invalid data must be refused; a 413 refuses it before it is even read."""
    if response.status_code == 413:
        return None
    return negative_data_rejection(ctx, response, case)  # type: ignore[no-any-return]


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_refused,
]
# Per operation, once with valid and once with invalid data.
EXAMPLES_PER_OPERATION = 65
MINIMUM_CASES = 2000


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Serve knotwork on uvicorn; yield its base URL and access token."""
    home: Path = tmp_path_factory.mktemp("live") / "home"
    settings_ = Settings(home=home)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(settings_, port=port)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, ws="none")
    )

    def run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            server.run(sockets=[sock])

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server not up"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", access_token(settings_)
    server.should_exit = True
    thread.join(10)
    sock.close()


def test_every_operation_of_the_live_server(live: tuple[str, str]) -> None:
    base_url, token = live
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json").include(
        path_regex="^/api/v1/"
    )
    auth = {"Authorization": f"Bearer {token}"}
    cases = 0
    failures: list[str] = []
    with requests.Session() as session:
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation, mode in product(operations, GenerationMode):

            @given(case=operation.as_strategy(mode))
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: schemathesis.Case) -> None:
                nonlocal cases
                cases += 1
                case.call_and_validate(
                    base_url=base_url, session=session, headers=auth, checks=CHECKS
                )

            try:
                run()
            except Unsatisfiable:  # nothing invalid to send (no parameters)
                continue
            except Exception as error:  # collect, so one report names them all
                failures.append(f"{operation.label} ({mode}): {str(error)[:600]}")
    assert not failures, "\n\n".join(failures)
    assert cases >= MINIMUM_CASES, f"only {cases} cases ran"
    print(f"schemathesis: {cases} cases against the live server, 0 failures")
