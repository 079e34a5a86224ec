"""A throw-away PostgreSQL database for the tests that run on PostgreSQL, when one is configured.

Set REVIEWAPP_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres) to run
them; .ci/run starts a throw-away server and sets it. Under CI the server is required.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

URL_VARIABLE = "REVIEWAPP_TEST_POSTGRES_URL"


@contextmanager
def scratch_database(prefix: str, *, force_drop: bool = False) -> Iterator[str]:
    """The URL of a new, empty database named ``prefix`` plus a random suffix, dropped afterwards
    (``force_drop``: even while connections to it remain). Skips the test when no server is
    configured, and fails it under CI."""
    url = os.environ.get(URL_VARIABLE)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{URL_VARIABLE} is not set; .ci/run should have started PostgreSQL")
        pytest.skip(f"no PostgreSQL configured ({URL_VARIABLE} is not set)")
    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as connection:
            force = " WITH (FORCE)" if force_drop else ""
            connection.execute(text(f'DROP DATABASE "{name}"{force}'))
        admin.dispose()
