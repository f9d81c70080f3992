"""Provisions inside a clause: sentence-level tags for the conditions CUAD's experts mark.

A clause has one job, so one type; but the conditions a reviewer hunts for often sit in a
clause doing another job: exclusivity inside a licence grant, a minimum purchase inside the
fee clause, a change-of-control trigger inside termination, a liability cap inside the
warranty. Typing the clause cannot place them (the clause-type-only CUAD-span recall is
about 0.62). This tagger reads every sentence of a clause and says which of the CUAD-mapped
types (``PROVISION_TYPES``) it states, so a clause keeps its type and also lists the
provisions it holds, each with the exact sentence.

Training data are CUAD's expert spans: a sentence is a positive example of a type when it
overlaps a span of a category mapped to that type (``dataset.CUAD_CATEGORY_TYPES``). The
model is one linear SVM per type over word 1-2-gram TF-IDF of the sentence plus the words
of the clause heading, stored like the clause model (JSON + npz, no pickle).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.classify.dataset import CUAD_CATEGORY_TYPES, ContractText, ExpertSpan, TextIndex
from analyzer.errors import ModelError
from analyzer.types import Classification, ClauseType, Document, Provision

logger = logging.getLogger(__name__)

PROVISION_STEM = "provision_model"  # provision_model.json + provision_model.npz
PROVISION_TYPES: tuple[ClauseType, ...] = tuple(sorted(
    {t for types in CUAD_CATEGORY_TYPES.values() for t in types}, key=str))
MIN_SENTENCE_WORDS = 3
SENTENCE_MAX_CHARS = 1500  # a longer run-on "sentence" is cut into windows of this size
MIN_OVERLAP = 0.5  # share of the sentence, or of the span, that must overlap to be positive

# the punctuation is part of the match (a look-behind made the scan twice as slow)
_SENTENCE_BREAK = re.compile(r"[.;:!?]\s+(?=[(\"“A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class ProvisionParams:
    """Feature and model settings; stored in the model card."""

    C: float = 0.5
    min_df: int = 2
    max_features: int = 200000
    heading_weight: float = 0.5  # the clause heading's block, relative to the sentence's
    max_iter: int = 2000
    drop_partial: bool = True  # leave out of a type's training the sentences a span grazes

    def to_json(self) -> dict[str, Any]:
        """Return the settings as plain JSON values."""
        return asdict(self)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text`` worth tagging.

    A cheap regex split (after . ; : ! ? before a capital, digit or bracket, and at blank
    lines): it runs on every clause at classification speed. Fragments under
    ``MIN_SENTENCE_WORDS`` words are dropped; over-long ones are cut at whitespace.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for match in [*_SENTENCE_BREAK.finditer(text), None]:
        if match is None:
            end = len(text)
        else:  # a sentence keeps its closing punctuation, not the blank line after it
            end = match.start() + (text[match.start()] != "\n")
        start = pos
        pos = match.end() if match else len(text)
        while end - start > SENTENCE_MAX_CHARS:
            cut = text.rfind(" ", start + SENTENCE_MAX_CHARS // 2, start + SENTENCE_MAX_CHARS)
            cut = cut if cut > start else start + SENTENCE_MAX_CHARS
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return [(s, e) for s, e in out if len(text[s:e].split()) >= MIN_SENTENCE_WORDS]


# -------------------------------------------------------------------- training rows


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One sentence of a corpus clause with the provision types its expert spans give it."""

    contract: str
    clause_index: int
    start: int  # offsets into the document text
    end: int
    heading: str
    text: str
    types: frozenset[ClauseType]
    partial: frozenset[ClauseType] = frozenset()  # overlapped by a span, too little to count


def sentence_rows(contract: ContractText, spans: Sequence[ExpertSpan]) -> list[SentenceRow]:
    """Return every taggable sentence of a contract, labelled by the expert spans it overlaps."""
    document = contract.document
    index = TextIndex(document.text)
    located = []
    for span in spans:
        where = index.find(span.text)
        if where is not None:
            located.append((where[0], where[1], span.types))
    rows = []
    for k, clause in enumerate(document.clauses):
        heading = _heading_text(clause.heading)
        for s, e in sentence_spans(clause.text):
            start, end = clause.start + s, clause.start + e
            types: set[ClauseType] = set()
            partial: set[ClauseType] = set()
            for a, b, span_types in located:
                overlap = min(b, end) - max(a, start)
                if overlap > 0 and (overlap >= MIN_OVERLAP * (end - start)
                                    or overlap >= MIN_OVERLAP * (b - a)):
                    types |= span_types
                elif overlap > 0:
                    partial |= span_types
            rows.append(SentenceRow(contract.name, k, start, end, heading,
                                    document.text[start:end], frozenset(types),
                                    frozenset(partial - types)))
    return rows


def _heading_text(heading: str | None) -> str:
    from analyzer.classify.model import prepare_heading

    return prepare_heading(heading)


def tagger_inputs(headings: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """Return the (n, 2) object array the tagger reads: clause heading, sentence."""
    rows = np.empty((len(texts), 2), dtype=object)
    rows[:, 0] = list(headings)
    rows[:, 1] = list(texts)
    return rows


def fit_tagger(rows: Sequence[SentenceRow], params: ProvisionParams | None = None,
               seed: int = 0, types: Sequence[ClauseType] = PROVISION_TYPES) -> Any:
    """Fit one linear SVM per provision type; return the shippable ``LinearTextModel``.

    A type with no positive (or no negative) sentence in ``rows`` is left out: the tagger
    never tags it (a small corpus may lack some CUAD categories).

    Raises:
        ModelError: no type has both positive and negative sentences.
    """
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from analyzer.classify.sklearn_model import LinearTextModel

    params = params or ProvisionParams()
    heading_vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=params.min_df,
                                  token_pattern=r"(?u)\b[a-z][a-z]+\b", dtype=np.float32)
    word_vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=params.min_df,
                               max_features=params.max_features, dtype=np.float32)
    headings = [r.heading for r in rows]
    # a corpus with no heading words still needs a (then unused) heading block
    heading_vec.fit(headings if any(headings) else ["none"] * params.min_df)
    x_head = heading_vec.transform(headings)
    x_word = word_vec.fit_transform([r.text for r in rows])
    x = hstack([params.heading_weight * x_head, x_word]).tocsr()
    coef, intercept, trained = [], [], []
    for clause_type in types:
        y = np.fromiter((clause_type in r.types for r in rows), dtype=bool, count=len(rows))
        if not y.any() or y.all():
            logger.warning("provision %s left out: no positive or no negative sentence",
                           clause_type)
            continue
        # a sentence a span only grazes is neither a clean positive nor a clean negative
        keep = np.fromiter((not (params.drop_partial and clause_type in r.partial)
                            for r in rows), dtype=bool, count=len(rows))
        svm = LinearSVC(C=params.C, class_weight="balanced", max_iter=params.max_iter,
                        random_state=seed).fit(x[keep], y[keep])
        coef.append(svm.coef_[0])
        intercept.append(svm.intercept_[0])
        trained.append(clause_type)
    if not trained:
        raise ModelError("no provision type has both positive and negative training sentences")
    weights = np.vstack(coef).astype(np.float32)
    # fold the heading block's weight into its coefficients so prediction needs no scaling
    weights[:, : x_head.shape[1]] *= params.heading_weight
    return LinearTextModel([heading_vec, word_vec], weights,
                           np.array(intercept, dtype=np.float32),
                           [str(t) for t in trained], probabilistic=False)


# ------------------------------------------------------------------------- tagging


class ProvisionTagger:
    """Tag the sentences of clauses with provision types, each above its own threshold."""

    def __init__(self, model: Any, thresholds: dict[str, float | None]) -> None:
        self.model = model
        self.types = tuple(ClauseType(str(c)) for c in model.classes_)
        # a type without a threshold (None, or missing) is never tagged
        cuts = [thresholds.get(str(t)) for t in self.types]
        self.thresholds = np.array([np.inf if c is None else float(c) for c in cuts])

    @classmethod
    def load(cls, model_dir: Path, thresholds: dict[str, float | None]) -> ProvisionTagger:
        """Read ``provision_model.json`` / ``.npz`` from a model folder."""
        from analyzer.classify.sklearn_model import LinearTextModel

        return cls(LinearTextModel.load(model_dir / PROVISION_STEM), thresholds)

    def save(self, model_dir: Path) -> None:
        """Write the tagger's arrays (the thresholds live in the model card)."""
        self.model.save(model_dir / PROVISION_STEM)

    def sentence_scores(self, headings: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        """Return decision values (n, provision types) for sentences and their headings."""
        if not texts:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        return self.model.decision_function(tagger_inputs(headings, texts))

    def sentence_table(self, document: Document
                       ) -> tuple[list[int], list[int], list[int], np.ndarray]:
        """Return every taggable sentence as (clause index, start, end) and its scores.

        Scores are decision values (sentences, ``types``) before any threshold.
        """
        clauses = document.clauses
        owner, starts, ends = [], [], []
        for k, clause in enumerate(clauses):
            for s, e in sentence_spans(clause.text):
                owner.append(k)
                starts.append(clause.start + s)
                ends.append(clause.start + e)
        if not owner:
            return owner, starts, ends, np.zeros((0, len(self.types)))
        # linear model: the heading block is scored once per clause, not once per sentence
        heading_scores = self.model.block_scores(0, [_heading_text(c.heading) for c in clauses])
        sentences = [document.text[s:e] for s, e in zip(starts, ends, strict=True)]
        scores = (self.model.block_scores(1, sentences) + heading_scores[owner]
                  + self.model.intercept)
        return owner, starts, ends, scores

    def best_per_clause(self, document: Document) -> np.ndarray:
        """Return the best sentence score per (clause, type), -inf for a clause without one."""
        owner, _, _, scores = self.sentence_table(document)
        best = np.full((len(document.clauses), len(self.types)), -np.inf)
        if owner:
            np.maximum.at(best, np.array(owner), scores)
        return best

    def tag(self, document: Document, labels: Sequence[Classification]
            ) -> tuple[tuple[Provision, ...], ...]:
        """Return, per clause, its best sentence for each provision type above threshold.

        The clause's own type is left out (it is already said by the label).
        """
        clauses = document.clauses
        owner, starts, ends, scores = self.sentence_table(document)
        found: list[dict[ClauseType, Provision]] = [{} for _ in clauses]
        for row, col in zip(*np.nonzero(scores >= self.thresholds), strict=True):
            k = owner[row]
            clause_type = self.types[col]
            if clause_type is labels[k].label:
                continue
            score = float(scores[row, col])
            best = found[k].get(clause_type)
            if best is None or score > best.score:
                found[k][clause_type] = Provision(clause_type, starts[row], ends[row],
                                                  round(score, 4))
        return tuple(tuple(sorted(f.values(), key=lambda p: -p.score)) for f in found)


def card_entry(thresholds: dict[str, float], params: ProvisionParams, measured: dict[str, Any]
               ) -> dict[str, Any]:
    """Return the model card's ``provisions`` entry (JSON: an untagged type's threshold is null)."""
    return {"thresholds": {t: (None if not np.isfinite(c) else round(c, 4))
                           for t, c in thresholds.items()},
            "params": params.to_json(), **measured}


def read_card_entry(card: dict[str, Any]) -> dict[str, Any] | None:
    """Return the card's ``provisions`` entry, or None when the model has no tagger.

    Raises:
        ModelError: the entry is not a mapping with per-type ``thresholds``.
    """
    entry = card.get("provisions")
    if entry is None:
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("thresholds"), dict):
        raise ModelError(f"bad provisions entry in model card: {json.dumps(entry)[:80]}")
    return entry
