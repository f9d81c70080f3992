"""Heavy libraries are imported only by the modules that own them (STYLE.md module map);
the run time never imports training, and no analyzer modules import each other in a cycle."""

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
    "sklearn": ("classify/", "training/"),
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


# ------------------------------------------------------------ imports between modules


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _module_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """Return the statements run on import: the body, into if/try blocks, not functions."""
    out: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If):
            if not _is_type_checking(node):
                out += _module_level(node.body) + _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            out += _module_level(node.body) + _module_level(node.orelse)
            out += _module_level(node.finalbody)
            for handler in node.handlers:
                out += _module_level(handler.body)
        else:
            out.append(node)
    return out


def _analyzer_imports(path: Path, module_level_only: bool) -> set[str]:
    """Return the analyzer modules a file imports (``from pkg import mod`` names ``pkg.mod``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module_name(path)
    nodes = _module_level(tree.body) if module_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = me.split(".")[: None if path.name == "__init__.py" else -1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([node.module] if node.module else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in MODULES else base)
    return {m for m in found if m in MODULES and m != me}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


RUNTIME_FILES = sorted(p for p in PACKAGE.rglob("*.py")
                       if p.relative_to(PACKAGE).parts[0] != "training")


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layering_runtime_never_imports_training(path: Path) -> None:
    """Training depends on the run time, never the reverse (imports inside functions count)."""
    imported = _analyzer_imports(path, module_level_only=False)
    assert not {m for m in imported if m.startswith("analyzer.training")}, (
        f"{path.relative_to(PACKAGE)} imports {sorted(imported)}")


def test_layering_no_import_cycles_between_analyzer_modules() -> None:
    graph = {m: _analyzer_imports(p, module_level_only=True) for m, p in MODULES.items()}
    assert _cycles(graph) == []


def test_layering_no_import_cycles_in_classify_and_training_even_inside_functions() -> None:
    owned = {m: p for m, p in MODULES.items()
             if m.startswith(("analyzer.classify", "analyzer.training"))}
    graph = {m: _analyzer_imports(p, module_level_only=False) & owned.keys()
             for m, p in owned.items()}
    assert _cycles(graph) == []


def test_layering_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
