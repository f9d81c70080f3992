"""Build labelled clauses from a CUAD-layout folder, grouped by contract.

A CUAD-layout folder holds ``txt/`` or ``pdf/`` (one contract per file) and optionally
``master_clauses.csv`` (expert spans per category). Each contract is read through
``analyzer.ingest.load_document`` (the product's own ingest + segmentation), and every
clause whose *own* heading maps to a type (``heading_map.yaml``) becomes one example: the
label from the heading, the model input the body with the heading removed. Contracts are
the grouping unit of every split.
"""

from __future__ import annotations

import ast
import csv
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from analyzer.classify.inputs import normalise_heading
from analyzer.errors import AnalyzerError, ModelError
from analyzer.training.labels import HeadingMap, load_heading_map
from analyzer.types import ClauseType, Document

logger = logging.getLogger(__name__)

HANDWRITTEN_PATH = Path(__file__).resolve().parents[2] / "training" / "handwritten_examples.jsonl"
MIN_BODY_WORDS = 3
MAX_REPEATS = 4

# CUAD category -> the clause types that count as a hit (taxonomy.md, "Training data").
CUAD_CATEGORY_TYPES: dict[str, frozenset[ClauseType]] = {
    "Governing Law": frozenset({ClauseType.GOVERNING_LAW}),
    "Most Favored Nation": frozenset({ClauseType.PRICE_ADJUSTMENT}),
    "Non-Compete": frozenset({ClauseType.RESTRICTIVE_COVENANTS}),
    "Exclusivity": frozenset({ClauseType.RESTRICTIVE_COVENANTS}),
    "No-Solicit of Customers": frozenset({ClauseType.RESTRICTIVE_COVENANTS}),
    "No-Solicit of Employees": frozenset({ClauseType.RESTRICTIVE_COVENANTS}),
    "Non-Disparagement": frozenset({ClauseType.RESTRICTIVE_COVENANTS}),
    "Anti-Assignment": frozenset({ClauseType.ASSIGNMENT_SUBCONTRACTING}),
    "Change of Control": frozenset({ClauseType.ASSIGNMENT_SUBCONTRACTING}),
    "Minimum Commitment": frozenset({ClauseType.VOLUME_COMMITMENT}),
    "Volume Restriction": frozenset({ClauseType.VOLUME_COMMITMENT}),
    "Revenue/Profit Sharing": frozenset({ClauseType.FEES_PRICING, ClauseType.PRICE_ADJUSTMENT}),
    "Price Restrictions": frozenset({ClauseType.FEES_PRICING, ClauseType.PRICE_ADJUSTMENT}),
    "License Grant": frozenset({ClauseType.INTELLECTUAL_PROPERTY}),
    "IP Ownership Assignment": frozenset({ClauseType.INTELLECTUAL_PROPERTY}),
    "Joint IP Ownership": frozenset({ClauseType.INTELLECTUAL_PROPERTY}),
    "Non-Transferable License": frozenset({ClauseType.INTELLECTUAL_PROPERTY}),
    "Irrevocable or Perpetual License": frozenset({ClauseType.INTELLECTUAL_PROPERTY}),
    "Source Code Escrow": frozenset({ClauseType.INTELLECTUAL_PROPERTY}),
    "Post-Termination Services": frozenset({ClauseType.EXIT_TRANSITION}),
    "Audit Rights": frozenset({ClauseType.AUDIT_RECORDS}),
    "Cap on Liability": frozenset({ClauseType.LIMITATION_OF_LIABILITY}),
    "Uncapped Liability": frozenset({ClauseType.LIMITATION_OF_LIABILITY}),
    "Warranty Duration": frozenset({ClauseType.WARRANTIES}),
    "Insurance": frozenset({ClauseType.INSURANCE}),
    "Termination for Convenience": frozenset({ClauseType.TERMINATION}),
    "Renewal Term": frozenset({ClauseType.TERM_RENEWAL}),
    "Notice Period to Terminate Renewal": frozenset({ClauseType.TERM_RENEWAL}),
    "Expiration Date": frozenset({ClauseType.TERM_RENEWAL}),
}


@dataclass(frozen=True, slots=True)
class LabelledClause:
    """One training/evaluation example: a clause body, its own heading and a label."""

    contract: str
    clause_id: str
    heading: str
    body: str
    label: ClauseType
    source: str = "heading"  # heading | handwritten


@dataclass(frozen=True, slots=True)
class ContractText:
    """One contract of a corpus folder: its document and the labelled clauses in it."""

    name: str
    path: Path
    document: Document
    examples: tuple[LabelledClause, ...]


# ---------------------------------------------------------------------- folders


def contract_files(corpus: Path) -> list[Path]:
    """Return the contracts of a CUAD-layout folder: ``txt/`` if present, else ``pdf/``.

    A folder with neither sub-folder is read directly (any .txt/.pdf/.docx in it).

    Raises:
        ModelError: no contract files are found.
    """
    for sub, patterns in (("txt", ("*.txt",)), ("pdf", ("*.pdf", "*.PDF"))):
        folder = corpus / sub
        if folder.is_dir():
            files = sorted({p for pat in patterns for p in folder.glob(pat) if p.is_file()})
            if files:
                return files
    files = sorted(p for p in corpus.iterdir() if p.is_file()
                   and p.suffix.lower() in (".txt", ".pdf", ".docx")) if corpus.is_dir() else []
    if not files:
        raise ModelError("no contracts found (expected txt/ or pdf/ with files)", str(corpus))
    return files


def contract_key(name: str) -> str:
    """Return the key a contract file and its master_clauses.csv row share."""
    stem = name.strip().strip("'\"")
    stem = re.sub(r"\.(pdf|txt|docx)$", "", stem, flags=re.IGNORECASE)
    return unicodedata.normalize("NFC", stem).casefold().strip()


def examples_from_document(
    document: Document, contract: str, heading_map: HeadingMap | None = None,
    inherited: bool = False,
) -> tuple[LabelledClause, ...]:
    """Return the clauses whose own heading (or segmenter-given name) names exactly one type.

    With ``inherited``, sub-clauses without a heading of their own are added with their
    parent's type (source ``inherited``): more training text, never evaluated.
    """
    heading_map = heading_map or load_heading_map()
    # a heading repeated on many clauses of one contract is a running page header
    seen = Counter(normalise_heading(c.heading) for c in document.clauses
                   if c.own_heading and c.heading)
    out = []
    for clause in document.clauses:
        if clause.own_heading and clause.heading and seen[normalise_heading(clause.heading)] > \
                MAX_REPEATS:
            continue
        # An unnumbered block the segmenter named ("Preamble", "Signature") is labelled by
        # that name; a numbered clause only by a heading its drafter wrote.
        named = clause.own_heading or clause.number is None
        if not clause.heading or not (named or inherited):
            continue
        label = heading_map.label(clause.heading)
        if label is None:
            continue
        if named:
            out.append(LabelledClause(contract, clause.id, clause.heading, clause.text, label))
        elif usable_text(clause.text):
            # a sub-clause under a typed heading: training-only, body only, never evaluated
            out.append(LabelledClause(contract, clause.id, "", clause.text, label, "inherited"))
    return tuple(out)


def default_loader() -> Callable[[Path], Document]:
    """Return the product's ``load_document`` (ingest + segmentation)."""
    from analyzer.ingest import load_document

    return load_document


def read_corpus(
    corpus: Path,
    heading_map: HeadingMap | None = None,
    loader: Callable[[Path], Document] | None = None,
    limit: int | None = None,
    inherited: bool = False,
) -> Iterator[ContractText]:
    """Yield every readable contract of a folder with its labelled clauses.

    Files the ingest layer rejects are logged and skipped, so one bad file does not stop
    a corpus run.
    """
    heading_map = heading_map or load_heading_map()
    loader = loader or default_loader()
    for path in contract_files(corpus)[:limit]:
        try:
            document = loader(path)
        except AnalyzerError as exc:
            logger.warning("skipped %s: %s", path.name, exc)
            continue
        name = contract_key(path.name)
        yield ContractText(name, path, document,
                           examples_from_document(document, name, heading_map, inherited))


def usable_text(text: str) -> bool:
    """Return True when a body has enough words to be classified without its heading."""
    return len(text.split()) >= MIN_BODY_WORDS


def usable(example: LabelledClause) -> bool:
    """Return True when an example's body has enough words to be classified alone."""
    return usable_text(example.body)


def evaluable(example: LabelledClause) -> bool:
    """Return True for examples that are scored: own-heading labels with a usable body."""
    return example.source == "heading" and usable(example)


# -------------------------------------------------------------------- handwritten


def load_handwritten(path: Path | None = None) -> tuple[LabelledClause, ...]:
    """Read the reviewed hand-written examples (training only, never evaluated).

    Each JSONL line: ``{"label": type, "heading": str|null, "text": str}``.
    """
    path = path or HANDWRITTEN_PATH
    if not path.is_file():
        return ()
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            label = ClauseType(row["label"])
            text = str(row["text"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"line {n}: {exc}", str(path)) from exc
        out.append(LabelledClause("handwritten", f"hw{n}", row.get("heading") or "", text,
                                  label, "handwritten"))
    return tuple(out)


# -------------------------------------------------------------------- CUAD spans


@dataclass(frozen=True, slots=True)
class ExpertSpan:
    """One expert-labelled CUAD span of a mapped category."""

    contract: str
    category: str
    text: str
    types: frozenset[ClauseType]


def read_master_clauses(csv_path: Path) -> dict[str, list[ExpertSpan]]:
    """Return the expert spans of the mapped categories, keyed by ``contract_key``."""
    out: dict[str, list[ExpertSpan]] = {}
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = contract_key(row.get("Filename", ""))
            for category, types in CUAD_CATEGORY_TYPES.items():
                for text in _span_list(row.get(category, "")):
                    out.setdefault(key, []).append(ExpertSpan(key, category, text, types))
    return out


def _span_list(cell: str) -> list[str]:
    cell = (cell or "").strip()
    if not cell or cell == "[]":
        return []
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        return [cell]
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if str(v).strip()]


class TextIndex:
    """Find a span in a document's text despite spacing, case and punctuation drift.

    Both texts are reduced to lower-case letters and digits; positions map back to the
    original offsets.
    """

    def __init__(self, text: str) -> None:
        chars, offsets = [], []
        for i, ch in enumerate(text):
            if ch.isalnum():
                chars.append(ch.lower())
                offsets.append(i)
        self.norm = "".join(chars)
        self.offsets = offsets

    @staticmethod
    def normalise(text: str) -> str:
        """Return the letters and digits of a text, lower case."""
        return "".join(ch.lower() for ch in text if ch.isalnum())

    def find(self, span: str, anchor: int = 40) -> tuple[int, int] | None:
        """Return (start, end) offsets of ``span`` in the original text, or None."""
        needle = self.normalise(span)
        if len(needle) < 8:
            return None
        pos = self.norm.find(needle)
        if pos >= 0:
            return self._orig(pos, pos + len(needle))
        head, tail = needle[:anchor], needle[-anchor:]
        start = self.norm.find(head)
        if start >= 0:
            end = self.norm.find(tail, start)
            if 0 <= end - start <= 2 * len(needle):
                return self._orig(start, end + len(tail))
            return self._orig(start, min(len(self.norm), start + len(needle)))
        end = self.norm.find(tail)
        if end >= 0:
            return self._orig(max(0, end + len(tail) - len(needle)), end + len(tail))
        for i in range(anchor, len(needle) - anchor, anchor):
            pos = self.norm.find(needle[i:i + anchor])
            if pos >= 0:
                return self._orig(max(0, pos - i), min(len(self.norm), pos - i + len(needle)))
        return None

    def _orig(self, start: int, end: int) -> tuple[int, int]:
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start + 1, min(end, len(self.offsets)))
        return self.offsets[start], self.offsets[end - 1] + 1


def clauses_over(document: Document, start: int, end: int, share: float = 0.25) -> list[int]:
    """Return indices of clauses covering at least ``share`` of [start, end) (or all of a clause)."""
    length = max(1, end - start)
    out = []
    for i, c in enumerate(document.clauses):
        overlap = min(end, c.end) - max(start, c.start)
        if overlap > 0 and (overlap >= share * length or overlap >= 0.5 * (c.end - c.start)):
            out.append(i)
    return out


def grouped_folds(groups: Sequence[str], labels: Sequence[str], n_splits: int = 5,
                  seed: int = 0) -> list[tuple[list[int], list[int]]]:
    """Return (train, test) index lists of a stratified split that never splits a contract."""
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    idx = np.arange(len(labels))
    return [(list(tr), list(te)) for tr, te in splitter.split(idx, list(labels), list(groups))]


def iter_labels(examples: Iterable[LabelledClause]) -> list[str]:
    """Return the label strings of examples."""
    return [str(e.label) for e in examples]


# ------------------------------------------------------------- fallback segmenter

_FALLBACK_HEADING = re.compile(
    r"(?:(?<=\s)|^)(?:(?:Section|SECTION|Article|ARTICLE)\s+)?"
    r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+"
    r"(?P<heading>[A-Z][A-Za-z\-'’/&,; ]{2,70}?)(?:\.|:)(?=\s)"
)


def fallback_load_txt(path: Path) -> Document:
    """Segment a plain-text contract on "12.3 Heading." patterns only.

    A minimal stand-in used when the product segmenter is unavailable (and by tests that
    must not depend on it): every numbered, capitalised heading followed by a period
    starts a clause that runs to the next one.
    """
    import hashlib

    from analyzer.types import Clause, FileFormat, SourceInfo

    text = path.read_text(encoding="utf-8", errors="replace")
    matches = [m for m in _FALLBACK_HEADING.finditer(text) if len(m["heading"].split()) <= 8]
    clauses = []
    for i, m in enumerate(matches):
        body_start = m.end() + 1
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        while body_start < end and text[body_start].isspace():
            body_start += 1
        stop = end
        while stop > body_start and text[stop - 1].isspace():
            stop -= 1
        clauses.append(Clause(
            id=f"c{i + 1}", number=m["number"], heading=m["heading"].strip(), own_heading=True,
            level=m["number"].count(".") + 1, parent_id=None, text=text[body_start:stop],
            page_start=1, page_end=1, start=body_start, end=stop,
        ))
    source = SourceInfo(path.name, str(path), hashlib.sha256(text.encode()).hexdigest(),
                        FileFormat.TXT, path.stat().st_size, 1)
    return Document(source, text, tuple(clauses), page_offsets=(0,))
