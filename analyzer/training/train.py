"""Train the clause models, compare them in grouped cross-validation, save the chosen one.

Hand-written examples join every training fold and are never in a test fold.
Cross-validation is StratifiedGroupKFold by contract with a fixed seed; the headline is
body-only. Every setting comes from one ``TrainingConfig``.
"""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.classify.card_schema import ModelCard, ProvisionsEntry, TrainingData, read_model_card
from analyzer.classify.inputs import prepare_body, prepare_heading
from analyzer.classify.model import (
    SKLEARN_STEM,
    SPACY_DIR,
    Backend,
    ClauseClassifier,
    SklearnBackend,
)
from analyzer.classify.provisions import PROVISION_STEM, ProvisionTagger
from analyzer.classify.sklearn_model import LinearTextModel, make_inputs, softmax
from analyzer.errors import ModelError
from analyzer.training.config import TrainingConfig
from analyzer.training.dataset import (
    ContractText,
    LabelledClause,
    evaluable,
    grouped_folds,
    load_handwritten,
    read_corpus,
    read_master_clauses,
)
from analyzer.training.evaluate import MIN_SUPPORT, TypeReport, type_report
from analyzer.training.fit import fit_sklearn, fit_spacy, fit_temperature
from analyzer.training.provisions import SentenceRow, fit_tagger, sentence_rows
from analyzer.training.span_cv import SpanCV, cross_validated_span_check
from analyzer.types import ClauseType, Document

logger = logging.getLogger(__name__)


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
    kinds: Sequence[str],
    n_folds: int,
    config: TrainingConfig,
) -> CVResult:
    """Run grouped ``n_folds``-fold CV of each model kind on the same folds.

    Only usable examples (enough body words) are evaluated; all go to training folds.
    """
    params, seed = config.sklearn, config.seed
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
                backend: Backend = _RawScores(fit_sklearn(train, params, seed), labels, params)
            else:
                from analyzer.classify.spacy_textcat import SpacyTextcat

                backend = SpacyTextcat(fit_spacy(train, labels, seed, config.spacy_epochs),
                                       labels)
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
    config: TrainingConfig,
    labels: Sequence[str],
    sklearn_model: LinearTextModel | None,
    spacy_nlp: Any | None,
    temperature: float = 1.0,
    data: TrainingData | None = None,
    provisions: ProvisionsEntry | None = None,
) -> ClauseClassifier:
    """Write artefacts and ``model_card.json``; return the model loaded back from disk."""
    out.mkdir(parents=True, exist_ok=True)
    if sklearn_model is not None:
        sklearn_model.save(out / SKLEARN_STEM)
    if spacy_nlp is not None:
        spacy_nlp.to_disk(out / SPACY_DIR)
    now = datetime.now(UTC)
    card = ModelCard(
        kind=config.kind,
        version=f"clause-{config.kind}-{now.strftime('%Y%m%d%H%M')}",
        labels=[ClauseType(label) for label in labels],
        threshold=config.threshold,
        sklearn_params=config.sklearn,
        created=now.isoformat(timespec="seconds"),
        python=platform.python_version(),
        data=data,
        temperature=temperature,
        provisions=provisions,
        ensemble_weights=[1.0, 1.0] if config.kind == "ensemble" else None,
    )
    card.write(out)
    return ClauseClassifier.load(out)


def train_and_save(
    corpus: Path,
    out: Path,
    config: TrainingConfig,
    loader: Callable[[Path], Document] | None = None,
    handwritten_path: Path | None = None,
) -> tuple[ClauseClassifier, CVResult | None]:
    """Build the data, optionally cross-validate, fit ``config.kind`` on everything, save it.

    With CUAD's ``master_clauses.csv`` in the corpus the provision tagger is trained too;
    its threshold comes from a grouped cross-validated span check (``config.span_folds``).
    """
    params, seed = config.sklearn, config.seed
    contracts = list(read_corpus(corpus, loader=loader, inherited=config.inherited))
    examples = [e for c in contracts for e in c.examples]
    handwritten = list(load_handwritten(handwritten_path))
    labels = sorted({str(e.label) for e in examples} | {str(e.label) for e in handwritten})
    logger.info("%d labelled clauses from %d contracts (+%d hand-written)",
                len(examples), len(contracts), len(handwritten))
    cv = None
    if config.folds > 1:
        cv = cross_validate(examples, handwritten, config.kinds, config.folds, config)
    elif "sklearn" in config.kinds and params.classifier == "linearsvc":
        # the softmax temperature needs out-of-fold scores: a quick grouped run
        cv = cross_validate(examples, handwritten, ("sklearn",), config.temperature_folds,
                            config)
    everything = examples + handwritten
    pipeline = fit_sklearn(everything, params, seed) if "sklearn" in config.kinds else None
    nlp = (fit_spacy(everything, labels, seed, config.spacy_epochs)
           if "spacy" in config.kinds else None)
    temperature = cv.temperature if cv is not None else 1.0
    data = TrainingData(
        corpus=corpus.name,
        contracts_read=len(contracts),
        contracts_with_labels=len({e.contract for e in examples if e.source == "heading"}),
        labelled_clauses=sum(1 for e in examples if e.source == "heading"),
        inherited_clauses=sum(1 for e in examples if e.source == "inherited"),
        evaluable_clauses=sum(1 for e in examples if evaluable(e)),
        handwritten_examples=len(handwritten),
        seed=seed,
    )
    span_cv = provisions = None
    csv_path = corpus / "master_clauses.csv"
    if config.kind == "sklearn" and csv_path.is_file():
        span_cv, provisions = _train_provisions(corpus, out, config, contracts,
                                                read_master_clauses(csv_path), temperature,
                                                handwritten_path)
    if provisions is None:
        # no expert spans, no tagger: a tagger left from an earlier training must not load
        for suffix in (".json", ".npz"):
            (out / PROVISION_STEM).with_suffix(suffix).unlink(missing_ok=True)
    model = save_model(out, config, labels, pipeline, nlp, temperature, data, provisions)
    if cv is not None and config.kind in cv.proba:
        measured = (_span_measured(span_cv) if span_cv is not None and config.folds > 1
                    else None)
        write_model_card(out, cv, comparison=cv if len(cv.proba) > 1 else None,
                         measured=measured)
    return model, cv


def _train_provisions(
    corpus: Path, out: Path, config: TrainingConfig, contracts: Sequence[ContractText],
    expert: dict[str, list[Any]], temperature: float, handwritten_path: Path | None,
) -> tuple[SpanCV | None, ProvisionsEntry | None]:
    """Choose the tagger's thresholds by the span check, fit it on everything and save it.

    Returns (None, None) when no provision type has training sentences of both kinds.
    """
    rows_of: dict[str, list[SentenceRow]] = {
        c.name: sentence_rows(c, expert.get(c.name, []), config.sentence_min_overlap)
        for c in contracts}
    span_cv = cross_validated_span_check(corpus, config, handwritten_path, temperature,
                                         contracts=contracts, expert=expert, rows_of=rows_of)
    rows = [r for rows in rows_of.values() for r in rows]
    logger.info("provision tagger: %d sentences, %d with an expert span", len(rows),
                sum(1 for r in rows if r.types))
    try:
        tagger = ProvisionTagger(fit_tagger(rows, config.provisions, config.seed),
                                 span_cv.thresholds)
    except ModelError as exc:
        logger.warning("no provision tagger: %s", exc)
        return None, None
    out.mkdir(parents=True, exist_ok=True)
    tagger.save(out)
    return span_cv, _provision_card(span_cv, config)


def _provision_card(span_cv: SpanCV, config: TrainingConfig) -> ProvisionsEntry:
    """Return the model card's ``provisions`` entry (an untagged type's threshold is null)."""
    return ProvisionsEntry(
        thresholds={ClauseType(t): (None if not np.isfinite(c) else round(c, 4))
                    for t, c in span_cv.thresholds.items()},
        params=config.provisions.to_json(),
        target_recall=config.target_recall,
        cv_contracts=span_cv.contracts,
        cv_span_recall=round(span_cv.with_provisions.recall, 4),
        cv_span_recall_type_only=round(span_cv.type_only.recall, 4),
        cv_split_span_recall=round(span_cv.split_recall, 4),
        cv_split_confirmed_share=round(span_cv.split_confirmed, 4),
        cv_tags={ClauseType(t): n for t, n in span_cv.tags.items()},
        cv_tags_confirmed={ClauseType(t): n for t, n in span_cv.confirmed.items()},
    )


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
    from analyzer.training.card import render_model_card

    card = read_model_card(out)
    path = out / "MODEL_CARD.md"
    path.write_text(render_model_card(card, cv, comparison, measured), encoding="utf-8")
    return path
