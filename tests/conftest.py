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
