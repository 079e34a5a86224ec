"""A PostgreSQL database for the portability tests, when one is configured (see pg_helpers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_helpers import scratch_database

from reviewapp.services.container import Services


@pytest.fixture
def pg_services() -> Iterator[Services]:
    with scratch_database("reviewapp_") as url:
        services = Services.open(url)
        try:
            yield services
        finally:
            services.close()
