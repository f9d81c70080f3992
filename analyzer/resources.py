"""Where the data shipped with the analyzer lives: rule packs, trained models, heading map.

Installed from a wheel or with ``pip install .``, they are package data of ``analyzer``
(``pyproject.toml`` maps the top-level ``rules/`` to ``analyzer/rule_packs`` and ``models/``
to ``analyzer/models``) and are found with ``importlib.resources``. Run from a source
checkout, directly or through ``pip install -e .``, the checkout's own ``rules/`` and
``models/`` are used: that is what a developer edits, and an editable install made from
another checkout cannot hand this code that checkout's rules.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "analyzer"
# folder name inside the installed package -> folder name in the source checkout
RULE_PACKS = ("rule_packs", "rules")
MODELS = ("models", "models")


def rule_packs_dir() -> Path:
    """Return the folder of the shipped rule packs (``--rules DIR`` replaces it)."""
    return _shipped_dir(*RULE_PACKS)


def models_dir() -> Path:
    """Return the folder of the shipped clause model and provision tagger (``--model-dir``)."""
    return _shipped_dir(*MODELS)


def heading_map_path() -> Path:
    """Return the shipped heading -> clause type map (inside the package in both layouts)."""
    return _as_path(files(PACKAGE) / "training" / "heading_map.yaml")


def _shipped_dir(installed: str, checkout: str) -> Path:
    root = _checkout_root()
    if root is not None:
        return root / checkout
    return _as_path(files(PACKAGE) / installed)


def _checkout_root() -> Path | None:
    """Return the source checkout the running package sits in, or None when installed."""
    root = Path(__file__).resolve().parents[1]
    return root if (root / "pyproject.toml").is_file() else None


def _as_path(resource: Traversable) -> Path:
    """Return a resource as a file-system path.

    pip unpacks wheels, so an installed resource is a plain file and ``files()`` already
    gives a ``Path``. An import from a zip archive gives no real path: the returned path
    then does not exist and the loader's error names ``--rules`` / ``--model-dir``.
    """
    return resource if isinstance(resource, Path) else Path(str(resource))
