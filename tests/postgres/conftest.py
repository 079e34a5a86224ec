"""A PostgreSQL database for the portability tests, when one is configured.

Set REVIEWAPP_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres) to run
them; .ci/run starts a throw-away server and sets it. Under CI the server is required.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from reviewapp.services.container import Services

URL_VARIABLE = "REVIEWAPP_TEST_POSTGRES_URL"


@pytest.fixture
def pg_services() -> Iterator[Services]:
    url = os.environ.get(URL_VARIABLE)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{URL_VARIABLE} is not set; .ci/run should have started PostgreSQL")
        pytest.skip(f"no PostgreSQL configured ({URL_VARIABLE} is not set)")
    name = f"reviewapp_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    services = Services.open(make_url(url).set(database=name).render_as_string(False))
    try:
        yield services
    finally:
        services.close()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}"'))
        admin.dispose()
