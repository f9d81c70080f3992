"""Run every rule's own ``examples`` (flag / pass) against the engine.

Used by ``tests/test_rule_examples.py`` (one parametrized case per example) and by
``rules check --examples``, so a pack author sees a broken example before a reviewer does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.rules.schema import Example, Rule, RuleSet
from analyzer.rules.units import LookupLemmatizer
from analyzer.types import (
    Classification,
    Clause,
    ClauseType,
    Document,
    FileFormat,
    SourceInfo,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One example of one rule."""

    rule_id: str
    expect_flag: bool
    example: Example


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """Whether the engine did what the example says."""

    case: ExampleCase
    ok: bool
    detail: str


def document_from_text(
    text: str,
    clause_type: ClauseType = ClauseType.OTHER,
    heading: str | None = None,
    per_line: bool = False,
) -> tuple[Document, tuple[Classification, ...]]:
    """Build a Document (one clause, or one clause per line) and its classifications."""
    body = f"{heading}. {text}" if heading else text
    pieces: list[tuple[int, int]] = []
    if per_line:
        pos = 0
        for line in body.split("\n"):
            if line.strip():
                pieces.append((pos, pos + len(line)))
            pos += len(line) + 1
    else:
        pieces.append((0, len(body)))
    clauses = tuple(
        Clause(
            id=f"c{i:04d}", number=str(i + 1), heading=heading, own_heading=bool(heading), level=1,
            parent_id=None, text=body[s:e], page_start=1, page_end=1, start=s, end=e,
        )
        for i, (s, e) in enumerate(pieces)
    )
    data = body.encode()
    source = SourceInfo("example.txt", "example.txt", hashlib.sha256(data).hexdigest(),
                        FileFormat.TXT, len(data), 1)
    doc = Document(source=source, text=body, clauses=clauses, page_offsets=(0,))
    cls = tuple(Classification(c.id, clause_type, 0.9) for c in clauses)
    return doc, cls


def example_cases(ruleset: RuleSet) -> list[ExampleCase]:
    """Return every example of every rule, flag examples first."""
    out: list[ExampleCase] = []
    for rule in ruleset.rules:
        ex = rule.model.examples
        for expect, items in ((True, ex.flag), (False, ex.pass_)):
            for item in items:
                example = Example(text=item) if isinstance(item, str) else item
                out.append(ExampleCase(rule.id, expect, example))
    return out


def _default_type(rule: Rule) -> ClauseType:
    types = rule.model.clause_types
    return types[0] if isinstance(types, list) and types else ClauseType.OTHER


def run_example(
    case: ExampleCase,
    ruleset: RuleSet,
    nlp: Language,
    lemmatizer: LookupLemmatizer | None = None,
) -> ExampleResult:
    """Apply one rule alone to its example, through the real extractors (``extract_all``)
    as in an analysis, so predicates read the same Extraction there as in a report."""
    from analyzer.context import build_context
    from analyzer.extract import extract_all
    from analyzer.rules.engine import apply_rules, compile_ruleset

    single = ruleset.only(case.rule_id)
    rule = single.rules[0]
    doc, cls = document_from_text(
        case.example.text,
        case.example.type or _default_type(rule),
        case.example.heading,
        per_line=rule.model.scope == "document",
    )
    compiled = compile_ruleset(single, nlp, lemmatizer)
    context = build_context(doc, cls, nlp, compiled.lemmatizer)
    findings = apply_rules(context, extract_all(context), compiled)
    hits = [f for f in findings if case.rule_id in (f.rule_id, *f.merged_rule_ids)]
    ok = bool(hits) == case.expect_flag
    detail = "; ".join(f"{f.rule_id}: {f.quote!r}" for f in hits) or "no finding"
    return ExampleResult(case, ok, detail)


def run_examples(ruleset: RuleSet, nlp: Language) -> list[ExampleResult]:
    """Run all examples of a RuleSet."""
    lemmatizer = LookupLemmatizer(nlp)
    return [run_example(case, ruleset, nlp, lemmatizer) for case in example_cases(ruleset)]
