"""Heavy libraries are imported only by the modules that own them (STYLE.md module map)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "analyzer"

# library -> path prefixes (relative to analyzer/) allowed to import it at any depth
OWNERS = {
    "pdfplumber": ("ingest/",),
    "pypdfium2": ("ingest/",),
    "docx": ("ingest/", "export/"),
    "streamlit": ("ui/",),
    "sklearn": ("classify/",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layering_heavy_imports_stay_in_their_modules(path: Path) -> None:
    relative = str(path.relative_to(PACKAGE))
    for library in _imports(path) & OWNERS.keys():
        assert relative.startswith(OWNERS[library]), f"{relative} imports {library}"


def test_layering_types_module_imports_only_stdlib() -> None:
    assert _imports(PACKAGE / "types.py") <= {"__future__", "dataclasses", "enum"}


LEXICON_ALLOWED = {"__future__", "re", "enum", "typing", "analyzer"}


@pytest.mark.parametrize("path", sorted((PACKAGE / "lexicon").glob("*.py")), ids=lambda p: p.name)
def test_layering_lexicon_imports_only_stdlib_and_types(path: Path) -> None:
    assert _imports(path) <= LEXICON_ALLOWED, f"lexicon/{path.name} imports {_imports(path) - LEXICON_ALLOWED}"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analyzer"):
            assert node.module == "analyzer.types" or node.module.startswith("analyzer.lexicon"), (
                f"lexicon/{path.name} imports {node.module}"
            )
        if isinstance(node, ast.Import):
            assert all(not a.name.startswith("analyzer") for a in node.names), f"lexicon/{path.name}"
