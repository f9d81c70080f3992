"""Train the clause models, compare them in grouped cross-validation, save the chosen one.

Every CUAD example is used twice in training (with its own heading and without it), so the
shipped model uses a heading when a clause has one and still types a bare body. Hand-written
examples join every training fold and are never in a test fold. Cross-validation is
StratifiedGroupKFold by contract with a fixed seed; the headline is body-only.
"""

from __future__ import annotations

import json
import logging
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.classify.dataset import (
    LabelledClause,
    evaluable,
    grouped_folds,
    load_handwritten,
    read_corpus,
    usable,
)
from analyzer.classify.evaluate import TypeReport, type_report
from analyzer.classify.model import (
    CARD_FILE,
    DEFAULT_THRESHOLD,
    SKLEARN_STEM,
    SPACY_DIR,
    ClauseClassifier,
    SklearnBackend,
    prepare_body,
    prepare_heading,
)
from analyzer.classify.provisions import PROVISION_STEM, ProvisionParams
from analyzer.classify.sklearn_model import (
    LinearTextModel,
    SklearnParams,
    build_pipeline,
    fit_temperature,
    make_inputs,
    softmax,
)
from analyzer.classify.span_cv import TARGET_RECALL, SpanCV, cross_validated_span_check
from analyzer.errors import ModelError
from analyzer.types import Document

logger = logging.getLogger(__name__)

SEED = 13
MIN_SUPPORT = 30


@dataclass(frozen=True, slots=True)
class TrainRows:
    """Model-ready training rows (after heading/no-heading duplication)."""

    headings: list[str]
    bodies: list[str]
    labels: list[str]


def training_rows(examples: Sequence[LabelledClause]) -> TrainRows:
    """Return each example with its heading, heading alone, and body alone (when usable).

    The heading-alone row teaches the model to type heading-only clauses (an article
    title whose text sits in its sub-clauses).
    """
    headings, bodies, labels = [], [], []
    for e in examples:
        head, body = prepare_heading(e.heading), prepare_body(e.body)
        if head:
            headings.extend((head, head))
            bodies.extend((body, ""))
            labels.extend((str(e.label), str(e.label)))
        if usable(e):
            headings.append("")
            bodies.append(body)
            labels.append(str(e.label))
    return TrainRows(headings, bodies, labels)


def fit_sklearn(examples: Sequence[LabelledClause], params: SklearnParams, seed: int = SEED
                ) -> LinearTextModel:
    """Fit the scikit-learn pipeline on examples; return its shippable linear model."""
    rows = training_rows(examples)
    pipeline = build_pipeline(params, seed)
    pipeline.fit(make_inputs(rows.headings, rows.bodies, params), rows.labels)
    return LinearTextModel.from_pipeline(pipeline)


def fit_spacy(examples: Sequence[LabelledClause], labels: Sequence[str], seed: int = SEED,
              max_epochs: int | None = None) -> Any:
    """Train the spaCy textcat on examples (a 5% slice is spaCy's progress dev set)."""
    from analyzer.classify.spacy_textcat import spacy_text, train_textcat

    rows = training_rows(examples)
    texts = [spacy_text(h, b) for h, b in zip(rows.headings, rows.bodies, strict=True)]
    rng = np.random.default_rng(seed)
    dev = rng.choice(len(texts), size=max(1, len(texts) // 20), replace=False)
    return train_textcat(texts, rows.labels, [texts[i] for i in dev],
                         [rows.labels[i] for i in dev], labels, seed, max_epochs)


# ------------------------------------------------------------------ cross-validation


@dataclass
class CVResult:
    """Out-of-fold predictions of every compared model, and what the folds looked like."""

    labels: list[str]
    y_true: list[str]
    contracts: list[str]
    proba: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # kind -> mode -> P
    folds: list[dict[str, int]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    temperature: float = 1.0

    def predictions(self, kind: str, mode: str, threshold: float = 0.0) -> list[str]:
        """Return out-of-fold labels for a model and mode ("body" or "heading")."""
        p = self.proba[kind][mode]
        best = p.argmax(axis=1)
        return [self.labels[i] if p[r, i] >= threshold else "other" for r, i in enumerate(best)]

    def report(self, kind: str, mode: str, threshold: float = 0.0) -> TypeReport:
        """Return per-type precision/recall/F1 of out-of-fold predictions."""
        return type_report(self.y_true, self.predictions(kind, mode, threshold), MIN_SUPPORT)


def cross_validate(
    examples: Sequence[LabelledClause],
    handwritten: Sequence[LabelledClause],
    kinds: Sequence[str] = ("sklearn", "spacy"),
    n_folds: int = 5,
    seed: int = SEED,
    params: SklearnParams | None = None,
    spacy_epochs: int | None = None,
) -> CVResult:
    """Run grouped k-fold CV of each model kind on the same folds.

    Only usable examples (enough body words) are evaluated; all go to training folds.
    """
    params = params or SklearnParams()
    scored = [i for i, e in enumerate(examples) if evaluable(e)]
    labels = sorted({str(e.label) for e in examples} | {str(e.label) for e in handwritten})
    ev = [examples[i] for i in scored]
    result = CVResult(labels, [str(e.label) for e in ev], [e.contract for e in ev])
    n = len(ev)
    for kind in [*kinds, *(["ensemble"] if {"sklearn", "spacy"} <= set(kinds) else [])]:
        result.proba[kind] = {"body": np.zeros((n, len(labels))),
                              "heading": np.zeros((n, len(labels)))}
    folds = grouped_folds([e.contract for e in ev], [str(e.label) for e in ev], n_folds, seed)
    for k, (_, test_idx) in enumerate(folds):
        test_contracts = {ev[i].contract for i in test_idx}
        train = [e for e in examples if e.contract not in test_contracts] + list(handwritten)
        test = [ev[i] for i in test_idx]
        train_contracts = {e.contract for e in train if e.source != "handwritten"}
        result.folds.append({"fold": k + 1, "train_contracts": len(train_contracts),
                             "test_contracts": len(test_contracts),
                             "train_clauses": len(train), "test_clauses": len(test)})
        assert not train_contracts & test_contracts
        bodies = [prepare_body(e.body) for e in test]
        heads = [prepare_heading(e.heading) for e in test]
        blanks = [""] * len(test)
        for kind in kinds:
            t0 = time.perf_counter()
            if kind == "sklearn":
                # temperature 1 here; the fitted temperature is applied after all folds
                backend = _RawScores(fit_sklearn(train, params, seed), labels, params)
            else:
                from analyzer.classify.spacy_textcat import SpacyTextcat

                backend = SpacyTextcat(fit_spacy(train, labels, seed, spacy_epochs), labels)
            result.seconds[kind] = result.seconds.get(kind, 0.0) + time.perf_counter() - t0
            result.proba[kind]["body"][test_idx] = backend.predict_proba(blanks, bodies)
            result.proba[kind]["heading"][test_idx] = backend.predict_proba(heads, bodies)
            logger.info("fold %d/%d %s done (%.0f s so far)", k + 1, n_folds, kind,
                        result.seconds[kind])
    if "sklearn" in kinds:
        _calibrate(result)
    if "ensemble" in result.proba:
        for _, test_idx in folds:
            for mode in ("body", "heading"):
                result.proba["ensemble"][mode][test_idx] = (
                    result.proba["sklearn"][mode][test_idx] + result.proba["spacy"][mode][test_idx]
                ) / 2
    return result


class _RawScores(SklearnBackend):
    """The SVM's decision values per label, before the softmax temperature is known."""

    def predict_proba(self, headings: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Return decision values (n, labels) in label order."""
        rows = make_inputs(list(headings), list(bodies), self.params)
        if self.model.probabilistic:
            return self.model.predict_proba(rows)[:, self._order]
        return self.model.decision_function(rows)[:, self._order]


def _calibrate(result: CVResult) -> None:
    """Fit one softmax temperature on the out-of-fold SVM scores and apply it."""
    scores = result.proba["sklearn"]
    if np.allclose(scores["body"].sum(axis=1), 1.0):  # already probabilities (logreg)
        return
    y = np.array([result.labels.index(t) for t in result.y_true])
    both = np.vstack([scores["body"], scores["heading"]])
    result.temperature = fit_temperature(both, np.concatenate([y, y]))
    for mode in ("body", "heading"):
        scores[mode] = softmax(scores[mode], result.temperature)


# ------------------------------------------------------------------------- saving


def save_model(
    out: Path,
    kind: str,
    labels: Sequence[str],
    sklearn_model: LinearTextModel | None,
    spacy_nlp: Any | None,
    params: SklearnParams,
    card_extra: dict[str, Any],
    threshold: float = DEFAULT_THRESHOLD,
) -> ClauseClassifier:
    """Write artefacts and ``model_card.json``; return the model loaded back from disk."""
    out.mkdir(parents=True, exist_ok=True)
    if sklearn_model is not None:
        sklearn_model.save(out / SKLEARN_STEM)
    if spacy_nlp is not None:
        spacy_nlp.to_disk(out / SPACY_DIR)
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M")
    card = {
        "kind": kind,
        "version": f"clause-{kind}-{stamp}",
        "labels": list(labels),
        "threshold": threshold,
        "sklearn_params": params.to_json(),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        **card_extra,
    }
    if kind == "ensemble":
        card.setdefault("ensemble_weights", [1.0, 1.0])
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    from analyzer.classify.model import _load_cached

    _load_cached.cache_clear()
    return ClauseClassifier.load(out)


def train_and_save(
    corpus: Path,
    out: Path,
    kind: str = "sklearn",
    n_folds: int = 0,
    loader: Callable[[Path], Document] | None = None,
    handwritten_path: Path | None = None,
    seed: int = SEED,
    params: SklearnParams | None = None,
    spacy_epochs: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    inherited: bool = False,
    provision_params: ProvisionParams | None = None,
) -> tuple[ClauseClassifier, CVResult | None]:
    """Build the data, optionally cross-validate, fit ``kind`` on everything and save it.

    With CUAD's ``master_clauses.csv`` in the corpus the provision tagger is trained too;
    its threshold comes from a grouped cross-validated span check (``n_folds``, at least 3).
    """
    params = params or SklearnParams()
    contracts = list(read_corpus(corpus, loader=loader, inherited=inherited))
    examples = [e for c in contracts for e in c.examples]
    n_contracts = len(contracts)
    handwritten = list(load_handwritten(handwritten_path))
    labels = sorted({str(e.label) for e in examples} | {str(e.label) for e in handwritten})
    logger.info("%d labelled clauses from %d contracts (+%d hand-written)",
                len(examples), n_contracts, len(handwritten))
    cv = None
    kinds = ("sklearn", "spacy") if kind == "ensemble" else (kind,)
    if n_folds > 1:
        cv = cross_validate(examples, handwritten, kinds, n_folds, seed, params, spacy_epochs)
    elif "sklearn" in kinds and params.classifier == "linearsvc":
        # the softmax temperature needs out-of-fold scores: a quick grouped 3-fold run
        cv = cross_validate(examples, handwritten, ("sklearn",), 3, seed, params)
    everything = examples + handwritten
    pipeline = fit_sklearn(everything, params, seed) if kind in ("sklearn", "ensemble") else None
    nlp = fit_spacy(everything, labels, seed, spacy_epochs) if kind in ("spacy", "ensemble") else None
    temperature = cv.temperature if cv is not None else 1.0
    extra: dict[str, Any] = {
        "data": {
            "corpus": corpus.name,
            "contracts_read": n_contracts,
            "contracts_with_labels": len({e.contract for e in examples if e.source == "heading"}),
            "labelled_clauses": sum(1 for e in examples if e.source == "heading"),
            "inherited_clauses": sum(1 for e in examples if e.source == "inherited"),
            "evaluable_clauses": sum(1 for e in examples if evaluable(e)),
            "handwritten_examples": len(handwritten),
            "seed": seed,
        },
        "temperature": temperature,
    }
    span_cv = None
    csv_path = corpus / "master_clauses.csv"
    if kind == "sklearn" and csv_path.is_file():
        from analyzer.classify.dataset import read_master_clauses
        from analyzer.classify.provisions import sentence_rows

        expert = read_master_clauses(csv_path)
        rows_of = {c.name: sentence_rows(c, expert.get(c.name, [])) for c in contracts}
        span_cv = cross_validated_span_check(corpus, max(n_folds, 3), seed, params, threshold,
                                             handwritten_path, temperature, provision_params,
                                             contracts=contracts, expert=expert,
                                             rows_of=rows_of)
        try:
            tagger = _fit_provisions([r for rows in rows_of.values() for r in rows],
                                     provision_params, seed, span_cv.thresholds)
        except ModelError as exc:
            logger.warning("no provision tagger: %s", exc)
            span_cv = None
        else:
            out.mkdir(parents=True, exist_ok=True)
            tagger.save(out)
            extra["provisions"] = _provision_card(span_cv, provision_params or ProvisionParams())
    if "provisions" not in extra:
        # no expert spans, no tagger: a tagger left from an earlier training must not load
        for suffix in (".json", ".npz"):
            (out / PROVISION_STEM).with_suffix(suffix).unlink(missing_ok=True)
    model = save_model(out, kind, labels, pipeline, nlp, params, extra, threshold)
    if cv is not None and kind in cv.proba:
        measured = _span_measured(span_cv) if span_cv is not None and n_folds > 1 else None
        write_model_card(out, cv, comparison=cv if len(cv.proba) > 1 else None,
                         measured=measured)
    return model, cv


def _fit_provisions(rows: Sequence[Any], params: ProvisionParams | None, seed: int,
                    thresholds: dict[str, float]) -> Any:
    """Fit the provision tagger on every contract's labelled sentences."""
    from analyzer.classify.provisions import ProvisionTagger, fit_tagger

    logger.info("provision tagger: %d sentences, %d with an expert span", len(rows),
                sum(1 for r in rows if r.types))
    return ProvisionTagger(fit_tagger(rows, params, seed), thresholds)


def _provision_card(span_cv: SpanCV, params: ProvisionParams) -> dict[str, Any]:
    from analyzer.classify.provisions import card_entry

    return card_entry(span_cv.thresholds, params, {
        "target_recall": TARGET_RECALL,
        "cv_contracts": span_cv.contracts,
        "cv_span_recall": round(span_cv.with_provisions.recall, 4),
        "cv_span_recall_type_only": round(span_cv.type_only.recall, 4),
        "cv_split_span_recall": round(span_cv.split_recall, 4),
        "cv_split_confirmed_share": round(span_cv.split_confirmed, 4),
        "cv_tags": dict(span_cv.tags),
        "cv_tags_confirmed": dict(span_cv.confirmed),
    })


def _span_measured(sc: SpanCV) -> dict[str, Any]:
    """Return the span check's lines for the model card."""
    both, alone = sc.with_provisions, sc.type_only
    tags = sum(sc.tags.values())
    return {
        "CUAD-span recall, cross-validated, clause type or a provision inside the clause "
        "(span_cv.cross_validated_span_check)":
            f"{both.recall:.3f} ({sum(both.hits.values())}/{sum(both.total.values())} located "
            f"spans; {sum(both.unlocated.values())} not located)",
        "CUAD-span recall, cross-validated, clause type alone":
            f"{alone.recall:.3f} ({sum(alone.hits.values())}/{sum(alone.total.values())})",
        "Same, provision thresholds chosen on every other contract and recall measured on "
        "the rest (the optimism of choosing thresholds on the scored data)":
            f"{sc.split_recall:.3f}, tags confirmed {sc.split_confirmed:.3f}",
        "Provision tags on clauses of another type, out of fold":
            f"{tags} on {sc.contracts} contracts ({tags / max(1, sc.contracts):.1f} per "
            f"contract); {sc.confirmed_share():.3f} of them are in a clause holding an expert "
            "span of a category of that type",
        **{f"  {cat}": f"{both.hits[cat]}/{both.total[cat]} (type alone {alone.hits[cat]})"
           for cat in sorted(both.total)},
    }


def write_model_card(out: Path, cv: CVResult, comparison: CVResult | None = None,
                     measured: dict[str, Any] | None = None) -> Path:
    """Render ``MODEL_CARD.md`` next to the model from its card and measured numbers."""
    from analyzer.classify.card import render_model_card

    card = json.loads((out / CARD_FILE).read_text(encoding="utf-8"))
    path = out / "MODEL_CARD.md"
    path.write_text(render_model_card(card, cv, comparison, measured), encoding="utf-8")
    return path
