"""Provisions inside a clause: sentence-level tags for the conditions CUAD's experts mark.

A clause has one job, so one type; but the conditions a reviewer hunts for often sit in a
clause doing another job: exclusivity inside a licence grant, a minimum purchase inside the
fee clause, a change-of-control trigger inside termination, a liability cap inside the
warranty. Typing the clause cannot place them (the clause-type-only CUAD-span recall is
about 0.62). ``ProvisionTagger`` reads every sentence of a clause and says which provision
types it states, so a clause keeps its type and also lists the provisions it holds, each
with the exact sentence.

The model is one linear SVM per type over word 1-2-gram TF-IDF of the sentence plus the
words of the clause heading, stored like the clause model (JSON + npz, no pickle). This
module is the run-time half; ``analyzer.training.provisions`` builds the labelled sentences
from CUAD's expert spans and fits the model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from analyzer.classify.inputs import prepare_heading
from analyzer.classify.sklearn_model import LinearTextModel
from analyzer.types import Classification, ClauseType, Document, Provision

PROVISION_STEM = "provision_model"  # provision_model.json + provision_model.npz
MIN_SENTENCE_WORDS = 3
SENTENCE_MAX_CHARS = 1500  # a longer run-on "sentence" is cut into windows of this size

# the punctuation is part of the match (a look-behind made the scan twice as slow)
_SENTENCE_BREAK = re.compile(r"[.;:!?]\s+(?=[(\"“A-Z0-9])|\n\s*\n")


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


def tagger_inputs(headings: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """Return the (n, 2) object array the tagger reads: clause heading, sentence."""
    rows = np.empty((len(texts), 2), dtype=object)
    rows[:, 0] = list(headings)
    rows[:, 1] = list(texts)
    return rows


class ProvisionTagger:
    """Tag the sentences of clauses with provision types, each above its own threshold."""

    def __init__(self, model: LinearTextModel, thresholds: Mapping[str, float | None]) -> None:
        self.model = model
        self.types = tuple(ClauseType(str(c)) for c in model.classes_)
        # a type without a threshold (None, or missing) is never tagged
        cuts = [thresholds.get(str(t)) for t in self.types]
        self.thresholds = np.array([np.inf if c is None else float(c) for c in cuts])

    @classmethod
    def load(cls, model_dir: Path, thresholds: Mapping[str, float | None]) -> ProvisionTagger:
        """Read ``provision_model.json`` / ``.npz`` from a model folder.

        Raises:
            ModelError: a file is missing or damaged.
        """
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
        heading_scores = self.model.block_scores(0, [prepare_heading(c.heading) for c in clauses])
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
