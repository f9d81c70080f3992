"""Build small ``Document`` objects from plain text for the extractor tests.

Clauses start at lines that begin with a clause number ("4.", "4.2", "(a)" stays inside);
each clause runs to the next one, so every clause text is an exact span of the document.
Pages break at form feeds ("\f" is kept in the text).
"""

from __future__ import annotations

import hashlib
import re

from analyzer.types import Clause, Document, FileFormat, SourceInfo

_NUMBERED = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<rest>.*)$")


def make_doc(text: str, parties: tuple[str, ...] = (), name: str = "t.txt") -> Document:
    """Return a Document over ``text`` with naive numbered clauses and form-feed pages."""
    starts: list[tuple[int, str | None, str | None]] = [(0, None, None)]
    pos = 0
    for line in text.split("\n"):
        m = _NUMBERED.match(line)
        if m and pos > 0:
            heading = None
            hm = re.match(r"([A-Z][A-Za-z /&-]{2,40})\.\s", m.group("rest"))
            if hm:
                heading = hm.group(1)
            starts.append((pos, m.group("num"), heading))
        elif m and pos == 0:
            starts[0] = (0, m.group("num"), None)
        pos += len(line) + 1
    clauses = []
    for i, (start, number, heading) in enumerate(starts):
        end = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(text)
        end = max(end, start)
        clauses.append(
            Clause(
                id=f"c{i:04d}",
                number=number,
                heading=heading,
                own_heading=False,
                level=(number.count(".") + 1) if number else 1,
                parent_id=None,
                text=text[start:end],
                page_start=1,
                page_end=1,
                start=start,
                end=end,
            )
        )
    page_offsets = [0] + [m.end() for m in re.finditer("\f", text)]
    source = SourceInfo(name, f"/tmp/{name}", hashlib.sha256(text.encode()).hexdigest(), FileFormat.TXT, len(text), len(page_offsets))
    return Document(source=source, text=text, clauses=tuple(clauses), page_offsets=tuple(page_offsets), parties=parties)


def make_context(document: Document, classifications=(), nlp=None):  # type: ignore[no-untyped-def]
    """Return the ``DocumentContext`` the extractors and rules read (no spaCy by default)."""
    from analyzer.context import build_context

    return build_context(document, tuple(classifications), nlp)


_COMPILED: dict[tuple[int, int], tuple[object, object, object]] = {}


def compiled_rules(ruleset, nlp):  # type: ignore[no-untyped-def]
    """Compile a rule set once per test session (``Analyzer.load`` does it once per process)."""
    from analyzer.rules.engine import compile_ruleset

    key = (id(ruleset), id(nlp))
    hit = _COMPILED.get(key)
    if hit is None or hit[0] is not ruleset or hit[1] is not nlp:
        hit = (ruleset, nlp, compile_ruleset(ruleset, nlp))
        _COMPILED[key] = hit
    return hit[2]


def run_rules(document: Document, classifications, extraction, ruleset, nlp):  # type: ignore[no-untyped-def]
    """Apply a rule set to a hand-built document the way the pipeline does."""
    from analyzer.rules import apply_rules

    compiled = compiled_rules(ruleset, nlp)
    context = make_context(document, classifications, nlp)
    return apply_rules(context, extraction, compiled)
