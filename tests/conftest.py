"""Shared test settings: hypothesis profiles and the path to the shared seeds.

Profiles: ``default`` for development and CI (deterministic, modest budget),
``fuzz`` for long runs (``pytest --hypothesis-profile=fuzz``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS_DIR = SHARED / "corpus" / "seeds"
EXAMPLES_DIR = ROOT / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five shared seed articles; skips where ../shared is absent (a user's clone)."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(
            "../shared/corpus/seeds is absent: seed tests run only beside the shared folder"
        )
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seeds(seeds_dir: Path) -> dict[str, str]:
    """Seed texts by id (file name without extension), read exactly as stored."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (boilerplate-dev, tortured-phrases); skips where absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is absent: these tests run only beside the shared folder")
    return path


class _SharedCluster:
    """One local Dask cluster of two worker processes for a run of Dask tests.

    Starting a cluster costs seconds of CPU, and its idle workers keep using
    CPU while it is up; so consecutive tests that use it share it, and it is
    closed as soon as the next test does not (`pytest_runtest_teardown`)."""

    def __init__(self) -> None:
        self._context = None
        self.client = None

    def open(self):
        if self.client is None:
            from textclean.parallel.dask import dask_client

            self._context = dask_client("local:2")
            self.client = self._context.__enter__()
        return self.client

    def close(self) -> None:
        if self._context is not None:
            context, self._context, self.client = self._context, None, None
            context.__exit__(None, None, None)


_CLUSTER = _SharedCluster()


@pytest.fixture
def client():
    return _CLUSTER.open()


def pytest_runtest_teardown(item, nextitem):
    if nextitem is None or "client" not in getattr(nextitem, "fixturenames", ()):
        _CLUSTER.close()
