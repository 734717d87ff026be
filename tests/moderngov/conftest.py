"""A fake ModernGov site per test, and client settings that keep the tests fast."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from scrutiny_tui.moderngov.client import ClientSettings, HttpFetcher, ModernGovSite
from tests.moderngov.fake_site import FakeSite

TODAY = date(2026, 5, 1)
FAST = ClientSettings(pause=0, timeout=1.0, retries=2, backoff=0, max_bytes=1024 * 1024)


@pytest.fixture
def site() -> Iterator[FakeSite]:
    fake = FakeSite("/democracy/", today=TODAY)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def fetcher(sleeps: list[float]) -> Iterator[HttpFetcher]:
    client = HttpFetcher(FAST, sleep=sleeps.append)
    yield client
    client.close()


@pytest.fixture
def mg(site: FakeSite, fetcher: HttpFetcher) -> ModernGovSite:
    return ModernGovSite(site.base_url, fetcher)
