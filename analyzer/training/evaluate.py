"""Evaluate a clause model on any CUAD-layout folder.

Two independent checks:

* heading labels: clauses whose own heading maps to a type are classified from their
  body alone (heading removed), then with the heading; per-type precision, recall, F1 and
  macro F1 over the types with at least ``min_support`` clauses in that folder;
* CUAD spans (when ``master_clauses.csv`` is present): the share of expert spans of a mapped
  category that lie in a clause the model labels with the mapped type, clauses classified
  as in use (own heading when there is one).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.classify.model import ClauseClassifier
from analyzer.training.dataset import (
    ExpertSpan,
    TextIndex,
    clauses_over,
    read_corpus,
    read_master_clauses,
    usable,
)
from analyzer.types import Classification, ClauseType, Document

logger = logging.getLogger(__name__)

MIN_SUPPORT = 30


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Precision, recall and F1 of one type."""

    label: str
    support: int
    predicted: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class TypeReport:
    """Per-type scores plus macro (over frequent types) and micro F1."""

    rows: tuple[TypeScore, ...]
    macro_f1: float
    macro_f1_all: float
    micro_f1: float
    min_support: int
    n: int

    def frequent(self) -> tuple[TypeScore, ...]:
        """Return the rows of types with at least ``min_support`` true clauses."""
        return tuple(r for r in self.rows if r.support >= self.min_support)


def type_report(y_true: Sequence[str], y_pred: Sequence[str], min_support: int = MIN_SUPPORT
                ) -> TypeReport:
    """Return per-type scores; ``other`` predictions count as misses, never as a type."""
    true_c, pred_c = Counter(y_true), Counter(p for p in y_pred if p != "other")
    hit_c = Counter(t for t, p in zip(y_true, y_pred, strict=True) if t == p)
    rows = []
    for label in sorted(set(true_c) | set(pred_c)):
        tp, sup, pred = hit_c[label], true_c[label], pred_c[label]
        p = tp / pred if pred else 0.0
        r = tp / sup if sup else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(TypeScore(label, sup, pred, p, r, f))
    freq = [r.f1 for r in rows if r.support >= min_support]
    present = [r.f1 for r in rows if r.support > 0]
    n = len(y_true)
    micro = sum(hit_c.values()) / n if n else 0.0
    return TypeReport(
        tuple(rows),
        sum(freq) / len(freq) if freq else 0.0,
        sum(present) / len(present) if present else 0.0,
        micro,
        min_support,
        n,
    )


def confusions(y_true: Sequence[str], y_pred: Sequence[str], top: int = 12
               ) -> list[tuple[str, str, int]]:
    """Return the most frequent (true, predicted) disagreements."""
    c = Counter((t, p) for t, p in zip(y_true, y_pred, strict=True) if t != p)
    return [(t, p, n) for (t, p), n in c.most_common(top)]


@dataclass
class SpanCheck:
    """CUAD-span recall per mapped category."""

    hits: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    unlocated: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        """Share of located spans that fall in a clause of a mapped type."""
        total = sum(self.total.values())
        return sum(self.hits.values()) / total if total else 0.0


@dataclass(frozen=True, slots=True)
class LocatedSpan:
    """An expert span found in a document, with the clauses it falls in."""

    category: str
    types: frozenset[ClauseType]
    clauses: tuple[int, ...]


def locate_spans(document: Document, spans: Sequence[ExpertSpan]
                 ) -> tuple[list[LocatedSpan], Counter[str]]:
    """Return the spans found in the document text, and the count per category not found."""
    index = TextIndex(document.text)
    located, unlocated = [], Counter[str]()
    for span in spans:
        where = index.find(span.text)
        if where is None:
            unlocated[span.category] += 1
        else:
            located.append(LocatedSpan(span.category, span.types,
                                       tuple(clauses_over(document, *where))))
    return located, unlocated


def covered_types(classification: Classification, provisions: bool = True) -> frozenset[ClauseType]:
    """Return the clause's type, plus the types of the provisions it holds."""
    return classification.covered_types if provisions else frozenset({classification.label})


def span_check(
    documents: Sequence[tuple[str, Document, Sequence[frozenset[ClauseType]]]],
    spans_by_contract: dict[str, list[ExpertSpan]],
) -> SpanCheck:
    """Check expert spans against the types each document's clauses cover.

    ``documents`` holds (contract key, document, the set of types per clause: its label
    alone, or with its provisions, see ``covered_types``).
    """
    check = SpanCheck()
    for key, document, covered in documents:
        located, unlocated = locate_spans(document, spans_by_contract.get(key, []))
        check.unlocated.update(unlocated)
        for span in located:
            check.total[span.category] += 1
            if any(covered[i] & span.types for i in span.clauses):
                check.hits[span.category] += 1
    return check


@dataclass
class Evaluation:
    """Everything ``evaluate`` prints."""

    contracts: int
    body: TypeReport
    heading: TypeReport
    body_confusions: list[tuple[str, str, int]]
    spans: SpanCheck | None  # clause type or a provision inside it
    spans_type_only: SpanCheck | None  # clause type alone
    clauses_total: int
    seconds: float


def evaluate_folder(
    corpus: Path,
    model_dir: Path | None = None,
    loader: Callable[[Path], Document] | None = None,
    min_support: int = MIN_SUPPORT,
) -> Evaluation:
    """Run the shipped (or given) model over a CUAD-layout folder."""
    import time

    t0 = time.perf_counter()
    model = ClauseClassifier.load(model_dir)
    y_true: list[str] = []
    bodies: list[str] = []
    heads: list[str] = []
    docs: list[tuple[str, Document, list[Classification]]] = []
    n_contracts = n_clauses = 0
    for contract in read_corpus(corpus, loader=loader):
        n_contracts += 1
        n_clauses += len(contract.document.clauses)
        docs.append((contract.name, contract.document, list(model.classify(contract.document))))
        for e in contract.examples:
            if usable(e):
                y_true.append(str(e.label))
                bodies.append(e.body)
                heads.append(e.heading)
    body_pred = [str(p.label) for p in model.predict([None] * len(bodies), bodies)]
    head_pred = [str(p.label) for p in model.predict(heads, bodies)]
    csv_path = corpus / "master_clauses.csv"
    spans = type_only = None
    if csv_path.is_file():
        expert = read_master_clauses(csv_path)
        spans = span_check([(k, d, [covered_types(c) for c in cls]) for k, d, cls in docs], expert)
        type_only = span_check([(k, d, [covered_types(c, False) for c in cls])
                                for k, d, cls in docs], expert)
    return Evaluation(
        n_contracts,
        type_report(y_true, body_pred, min_support),
        type_report(y_true, head_pred, min_support),
        confusions(y_true, body_pred),
        spans,
        type_only,
        n_clauses,
        time.perf_counter() - t0,
    )


def format_report(ev: Evaluation) -> str:
    """Return the evaluation as text; the last line is ``macro F1: X.XXX``."""
    lines = [
        f"contracts: {ev.contracts}  clauses: {ev.clauses_total}  "
        f"heading-labelled clauses: {ev.body.n}",
        "body only (own heading removed):",
        f"{'type':<28}{'n':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for r in ev.body.rows:
        mark = "" if r.support >= ev.body.min_support else "  (<%d)" % ev.body.min_support
        lines.append(f"{r.label:<28}{r.support:>6}{r.predicted:>6}{r.precision:>7.3f}"
                     f"{r.recall:>7.3f}{r.f1:>7.3f}{mark}")
    lines.append(f"micro F1 (accuracy): {ev.body.micro_f1:.3f}   "
                 f"with heading: macro F1 {headline_macro(ev.heading):.3f}, "
                 f"micro F1 {ev.heading.micro_f1:.3f}")
    if ev.body_confusions:
        lines.append("top confusions (true -> predicted): " + "; ".join(
            f"{t}->{p} {n}" for t, p, n in ev.body_confusions[:8]))
    if ev.spans is not None and not ev.spans.total:
        lines.append("CUAD-span check: master_clauses.csv has no located spans for these "
                     "contracts")
    elif ev.spans is not None:
        only = ev.spans_type_only
        lines.append("CUAD-span check (share of expert spans in a clause of the mapped type, "
                     "or holding a provision of it; clause type alone beside it):")
        for cat in sorted(ev.spans.total):
            tot = ev.spans.total[cat]
            alone = f"   type alone {only.hits[cat]:>4}/{tot}" if only is not None else ""
            lines.append(f"  {cat:<36}{ev.spans.hits[cat]:>5}/{tot:<5}"
                         f"{ev.spans.hits[cat] / tot:.3f}{alone}")
        if only is not None:
            lines.append(f"CUAD-span recall, clause type alone: {only.recall:.3f}")
        lines.append(f"CUAD-span recall: {ev.spans.recall:.3f} "
                     f"({sum(ev.spans.hits.values())}/{sum(ev.spans.total.values())}; "
                     f"{sum(ev.spans.unlocated.values())} spans not located in the text)")
    frequent = len(ev.body.frequent())
    if frequent:
        lines.append(f"macro F1 over the {frequent} types with >= {ev.body.min_support} "
                     "clauses, body only:")
    else:
        present = sum(1 for r in ev.body.rows if r.support)
        lines.append(f"no type has >= {ev.body.min_support} clauses in this folder: macro F1 "
                     f"over all {present} types present, body only:")
    lines.append(f"macro F1: {headline_macro(ev.body):.3f}")
    return "\n".join(lines)


def headline_macro(report: TypeReport) -> float:
    """Return macro F1 over frequent types, or over all present types when none is frequent."""
    return report.macro_f1 if report.frequent() else report.macro_f1_all
