"""``ClauseClassifier``: the shipped clause-type model behind one small API.

A model folder holds ``model_card.json`` (kind, labels, threshold, version, settings and
measured numbers) plus the artefacts of its kind: ``clause_model.json`` + ``clause_model.npz`` (scikit-learn),
``spacy_textcat/`` (spaCy ``to_disk``) or both (ensemble: mean of the two probability
vectors). Nothing is unpickled. ``ClauseClassifier.load`` just loads: the caller
(``Analyzer.load``, the app's ``st.cache_resource``) holds the one instance. Training,
evaluation and the Markdown card live in ``analyzer.training``, which imports this module
and never the reverse.

The clause's own heading is a strong signal and is used when the clause has one
(``own_heading``); an inherited heading is not, because it names the parent's job. A top
probability below ``threshold`` gives ``other``: the clause is kept, but no rule treats it
as a typed clause.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from analyzer.classify.card_schema import DEFAULT_THRESHOLD, ModelCard, read_model_card
from analyzer.classify.inputs import prepare_body, prepare_heading
from analyzer.classify.provisions import ProvisionTagger
from analyzer.classify.sklearn_model import LinearTextModel, SklearnParams, make_inputs
from analyzer.errors import ModelError
from analyzer.resources import models_dir
from analyzer.types import Classification, ClauseType, Document

logger = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = models_dir()
SKLEARN_STEM = "clause_model"  # clause_model.json + clause_model.npz
SPACY_DIR = "spacy_textcat"
N_ALTERNATIVES = 3
# Weight of the parent clause's probabilities for a clause with no heading of its own.
# With 0.3 a confident body (p >= ~0.6) keeps its own type; a weak one takes the parent's.
PARENT_WEIGHT = 0.3


class Backend(Protocol):
    """Anything that scores (heading, body) pairs over a fixed label order."""

    def predict_proba(self, headings: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Return an (n, labels) array of probabilities."""


@dataclass(frozen=True, slots=True)
class Prediction:
    """The type of one (heading, body) pair, before it is tied to a clause id."""

    label: ClauseType
    score: float
    alternatives: tuple[tuple[ClauseType, float], ...]


class SklearnBackend:
    """Adapter from the scikit-learn pipeline to ``Backend``."""

    def __init__(self, model: LinearTextModel, labels: Sequence[str], params: SklearnParams,
                 temperature: float = 1.0) -> None:
        self.model = model
        self.params = params
        self.temperature = temperature
        classes = [str(c) for c in model.classes_]
        missing = set(labels) - set(classes)
        if missing:
            raise ModelError(f"scikit-learn model lacks labels {sorted(missing)}")
        self._order = [classes.index(label) for label in labels]

    def predict_proba(self, headings: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Return an (n, labels) array of probabilities."""
        rows = make_inputs(list(headings), list(bodies), self.params)
        return self.model.predict_proba(rows, self.temperature)[:, self._order]


class EnsembleBackend:
    """Weighted mean of several backends' probabilities."""

    def __init__(self, members: Sequence[Backend], weights: Sequence[float]) -> None:
        self.members = tuple(members)
        total = float(sum(weights))
        self.weights = tuple(w / total for w in weights)

    def predict_proba(self, headings: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Return the weighted mean of the members' probabilities."""
        out = None
        for member, weight in zip(self.members, self.weights, strict=True):
            p = member.predict_proba(headings, bodies) * weight
            out = p if out is None else out + p
        assert out is not None
        return out


class ClauseClassifier:
    """Label clauses with a ``ClauseType`` and a calibrated confidence."""

    def __init__(
        self,
        backend: Backend,
        labels: Sequence[str],
        version: str,
        threshold: float = DEFAULT_THRESHOLD,
        card: ModelCard | None = None,
        provisions: ProvisionTagger | None = None,
    ) -> None:
        self.backend = backend
        self.provisions = provisions  # the sentence-level tagger, when the model has one
        self.labels = tuple(ClauseType(label) for label in labels)
        self.version = version
        self.threshold = threshold
        self.card = card

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, model_dir: Path | None = None) -> ClauseClassifier:
        """Read the model in ``model_dir`` (default: the repo's ``models/``).

        Not cached: each call reads the folder again, so hold the instance.

        Raises:
            ModelError: the folder, its card or an artefact is missing or unreadable, or
                a field of the card is wrong (the message names it).
        """
        model_dir = Path(model_dir or DEFAULT_MODEL_DIR).resolve()
        card = read_model_card(model_dir)
        labels = [str(label) for label in card.labels]
        members: list[Backend] = []
        if card.kind in ("sklearn", "ensemble"):
            members.append(SklearnBackend(LinearTextModel.load(model_dir / SKLEARN_STEM), labels,
                                          card.sklearn_params, card.temperature))
        if card.kind in ("spacy", "ensemble"):
            from analyzer.classify.spacy_textcat import SpacyTextcat  # spaCy only for this kind

            members.append(SpacyTextcat.load(model_dir / SPACY_DIR, labels))
        backend: Backend = members[0]
        if card.kind == "ensemble":
            backend = EnsembleBackend(members, card.ensemble_weights or [1.0] * len(members))
        tagger = (ProvisionTagger.load(model_dir, {str(t): cut for t, cut
                                                   in card.provisions.thresholds.items()})
                  if card.provisions is not None else None)
        logger.info("loaded clause model %s (%s) from %s", card.version, card.kind, model_dir)
        return cls(backend, labels, card.version, card.threshold, card, tagger)

    # --------------------------------------------------------------- predicting

    def predict_proba(self, headings: Sequence[str | None], bodies: Sequence[str]) -> np.ndarray:
        """Return an (n, labels) probability array for raw headings and bodies."""
        if len(headings) != len(bodies):
            raise ValueError("headings and bodies differ in length")
        if not bodies:
            return np.zeros((0, len(self.labels)))
        return self.backend.predict_proba(
            [prepare_heading(h) for h in headings], [prepare_body(b) for b in bodies]
        )

    def predict(self, headings: Sequence[str | None], bodies: Sequence[str]) -> list[Prediction]:
        """Return one ``Prediction`` per (heading, body); ``None`` heading = body only."""
        return self._decide(self.predict_proba(headings, bodies))

    def _decide(self, proba: np.ndarray) -> list[Prediction]:
        """Turn probability rows into labels (``other`` below the threshold)."""
        out: list[Prediction] = []
        top = np.argsort(-proba, axis=1)[:, : N_ALTERNATIVES + 1]
        # rounded in numpy and turned into Python numbers once: per-item round() was slow
        top_proba = np.take_along_axis(proba, top, axis=1)
        passes = (top_proba[:, 0] >= self.threshold).tolist()  # on the unrounded score
        labels = self.labels
        for order, scores, ok in zip(top.tolist(), np.round(top_proba, 4).tolist(), passes,
                                     strict=True):
            score = scores[0]
            label = labels[order[0]] if ok else ClauseType.OTHER
            start = 0 if label is ClauseType.OTHER else 1
            alternatives = tuple(
                (labels[i], s) for i, s in zip(order[start : start + N_ALTERNATIVES],
                                               scores[start : start + N_ALTERNATIVES],
                                               strict=True))
            out.append(Prediction(label, score, alternatives))
        return out

    def classify(self, document: Document) -> tuple[Classification, ...]:
        """Return one ``Classification`` per clause, in clause order.

        A clause without its own heading also leans on its parent: its probabilities are
        ``(1 - PARENT_WEIGHT) * own + PARENT_WEIGHT * parent's`` (the parent's already
        blended ones), so "(c) ..." under "Service Levels" stays a service-level clause
        unless its own text clearly says otherwise.
        """
        clauses = document.clauses
        headings = [c.heading if c.own_heading else None for c in clauses]
        proba = self.predict_proba(headings, [c.text for c in clauses])
        row_of = {c.id: i for i, c in enumerate(clauses)}
        for i, clause in enumerate(clauses):
            parent = row_of.get(clause.parent_id) if clause.parent_id else None
            if not clause.own_heading and parent is not None and parent < i:
                proba[i] = (1 - PARENT_WEIGHT) * proba[i] + PARENT_WEIGHT * proba[parent]
        out = tuple(
            Classification(c.id, p.label, p.score, p.alternatives, self.version)
            for c, p in zip(clauses, self._decide(proba), strict=True)
        )
        if self.provisions is None:
            return out
        return tuple(dataclasses.replace(c, provisions=found) if found else c
                     for c, found in zip(out, self.provisions.tag(document, out), strict=True))
