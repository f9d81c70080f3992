"""``ClauseClassifier``: the shipped clause-type model behind one small API.

A model folder holds ``model_card.json`` (kind, labels, threshold, version, settings and
measured numbers) plus the artefacts of its kind: ``clause_model.json`` + ``clause_model.npz`` (scikit-learn),
``spacy_textcat/`` (spaCy ``to_disk``) or both (ensemble: mean of the two probability
vectors). Nothing is unpickled. Loading is cached per folder, so a process loads a model
once however many documents it classifies.

The clause's own heading is a strong signal and is used when the clause has one
(``own_heading``); an inherited heading is not, because it names the parent's job. A top
probability below ``threshold`` gives ``other``: the clause is kept, but no rule treats it
as a typed clause.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from analyzer.classify.labels import normalise_heading
from analyzer.errors import ModelError
from analyzer.resources import models_dir
from analyzer.types import Classification, ClauseType, Document

logger = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = models_dir()
CARD_FILE = "model_card.json"
SKLEARN_STEM = "clause_model"  # clause_model.json + clause_model.npz
SPACY_DIR = "spacy_textcat"
KINDS = ("sklearn", "spacy", "ensemble")
DEFAULT_THRESHOLD = 0.25
N_ALTERNATIVES = 3
BODY_MAX_CHARS = 3000
# Weight of the parent clause's probabilities for a clause with no heading of its own.
# With 0.3 a confident body (p >= ~0.6) keeps its own type; a weak one takes the parent's.
PARENT_WEIGHT = 0.3  # the word features read at most this much of a clause

_SPACE = re.compile(r"\s+")


def prepare_body(text: str | None) -> str:
    """Return a clause body as the models read it: one-spaced and bounded in length."""
    # collapse only the opening: a long clause would otherwise cost a regex pass over all
    # of it; the opening grows only when whitespace runs (PDF text) leave it too short
    text = text or ""
    take = BODY_MAX_CHARS + 200
    while True:
        out = _SPACE.sub(" ", text[:take]).strip()
        if len(out) >= BODY_MAX_CHARS or take >= len(text):
            return out[:BODY_MAX_CHARS]
        take *= 4


def prepare_heading(heading: str | None) -> str:
    """Return a heading as the models read it: normalised words, no numbering."""
    return normalise_heading(heading) if heading else ""


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

    def __init__(self, model: Any, labels: Sequence[str], params: Any,
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
        from analyzer.classify.sklearn_model import make_inputs

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
        card: dict[str, Any] | None = None,
        provisions: Any | None = None,
    ) -> None:
        self.backend = backend
        self.provisions = provisions  # a provisions.ProvisionTagger, when the model has one
        self.labels = tuple(ClauseType(label) for label in labels)
        self.version = version
        self.threshold = threshold
        self.card = card or {}

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, model_dir: Path | None = None) -> ClauseClassifier:
        """Return the model in ``model_dir`` (default: the repo's ``models/``), loaded once.

        Raises:
            ModelError: the folder, its card or an artefact is missing or unreadable.
        """
        return _load_cached(str(Path(model_dir or DEFAULT_MODEL_DIR).resolve()))

    @classmethod
    def _load_uncached(cls, model_dir: Path) -> ClauseClassifier:
        card_path = model_dir / CARD_FILE
        try:
            card = json.loads(card_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelError("no clause model here (model_card.json missing); run "
                             "`contract-analyzer train --corpus DIR`", str(model_dir)) from exc
        except (OSError, ValueError) as exc:
            raise ModelError(f"unreadable model card: {exc}", str(card_path)) from exc
        try:
            kind = card["kind"]
            labels = list(card["labels"])
            version = str(card["version"])
        except (KeyError, TypeError) as exc:
            raise ModelError(f"model card lacks {exc}", str(card_path)) from exc
        if kind not in KINDS:
            raise ModelError(f"unknown model kind {kind!r}", str(card_path))
        members: list[Backend] = []
        if kind in ("sklearn", "ensemble"):
            from analyzer.classify.sklearn_model import LinearTextModel

            params = _params_from(card.get("sklearn_params", {}))
            members.append(SklearnBackend(LinearTextModel.load(model_dir / SKLEARN_STEM), labels, params,
                                          float(card.get("temperature", 1.0))))
        if kind in ("spacy", "ensemble"):
            from analyzer.classify.spacy_textcat import SpacyTextcat

            members.append(SpacyTextcat.load(model_dir / SPACY_DIR, labels))
        backend: Backend = members[0]
        if kind == "ensemble":
            backend = EnsembleBackend(members, card.get("ensemble_weights", [1.0] * len(members)))
        threshold = float(card.get("threshold", DEFAULT_THRESHOLD))
        from analyzer.classify.provisions import ProvisionTagger, read_card_entry

        entry = read_card_entry(card)
        tagger = (ProvisionTagger.load(model_dir, entry["thresholds"])
                  if entry is not None else None)
        logger.info("loaded clause model %s (%s) from %s", version, kind, model_dir)
        return cls(backend, labels, version, threshold, card, tagger)

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


def _params_from(data: dict[str, Any]) -> Any:
    from analyzer.classify.sklearn_model import LEGACY_DEFAULTS, SklearnParams

    # a card written before a setting existed was trained with that setting's old value
    merged = {**LEGACY_DEFAULTS, **data}
    known = {k: (tuple(v) if isinstance(v, list) else v) for k, v in merged.items()
             if k in SklearnParams.__dataclass_fields__}
    return SklearnParams(**known)


@functools.lru_cache(maxsize=8)
def _load_cached(model_dir: str) -> ClauseClassifier:
    return ClauseClassifier._load_uncached(Path(model_dir))
