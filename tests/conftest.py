"""The only conftest: paths to ../shared (skipping cleanly when absent) and shared fixtures.

Fixture *builders* (DOCX via python-docx, PDF via reportlab) live in ``tests/builders.py``
so test modules can import them directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Return ../shared, or skip when a user's clone has none."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (corpus tests run in CI only)")
    return SHARED


@pytest.fixture(scope="session")
def cuad_dir(shared_dir: Path) -> Path:
    """Return ../shared/cuad, or skip."""
    path = shared_dir / "cuad"
    if not (path / "master_clauses.csv").is_file():
        pytest.skip("../shared/cuad is absent")
    return path


@pytest.fixture(scope="session")
def samples_dir(shared_dir: Path) -> Path:
    """Return ../shared/samples, or skip."""
    path = shared_dir / "samples"
    if not (path / "labels.json").is_file():
        pytest.skip("../shared/samples is absent")
    return path
