"""End-to-end quality on the labelled contact-center samples, scored by the shared scorer.

Runs ``../shared/tools/score_flags.py`` exactly as reviewers do (one CLI process per
document) and holds the goals of issue 4: macro F1 over the four core categories, hard
negatives flagged, pricing lines and KPIs found.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scores(samples_dir: Path, shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("scores") / "scores.json"
    done = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_flags.py"), str(samples_dir / "labels.json"),
         "--cmd", f"{sys.executable} -m analyzer analyze {{file}} --format json", "--json", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    print(done.stdout)
    return json.loads(out.read_text())


def test_samples_no_document_crashes(scores: dict) -> None:
    assert scores["errors"] == []


def test_samples_core_macro_f1(scores: dict) -> None:
    assert scores["macro_f1_core"] >= 0.85


def test_samples_hard_negatives_rarely_flagged(scores: dict) -> None:
    assert scores["clean_hits"] <= 0.10 * scores["clean_total"]


def test_samples_pricing_lines_found(scores: dict) -> None:
    found, total = scores["pricing"]
    assert found >= 0.90 * total


def test_samples_kpis_found(scores: dict) -> None:
    found, total = scores["kpis"]
    assert found >= 0.90 * total
