"""Fitting the clause models: training rows, the scikit-learn pipeline, spaCy's textcat.

Every CUAD example is used twice in training (with its own heading and without it), so the
shipped model uses a heading when a clause has one and still types a bare body. The fitted
pipeline is reduced to the run-time ``LinearTextModel``; the SVM's decision values become
probabilities by a softmax with one temperature, fitted on out-of-fold decision values of a
split grouped by contract (``fit_temperature``): a calibration that shuffles clauses would
see the same contract on both sides and come out over-confident.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from analyzer.classify.inputs import prepare_body, prepare_heading
from analyzer.classify.sklearn_model import (
    VECTORIZERS,
    LinearTextModel,
    SklearnParams,
    make_inputs,
    softmax,
)
from analyzer.training.dataset import LabelledClause, usable


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
    headings: list[str] = []
    bodies: list[str] = []
    labels: list[str] = []
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


def build_pipeline(params: SklearnParams, seed: int) -> Any:
    """Return an unfitted pipeline over an (n, 3) array: heading, body, body opening."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    features = ColumnTransformer(
        [
            (
                "heading",
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                                token_pattern=r"(?u)\b[a-z][a-z]+\b"),
                0,
            ),
            (
                "word",
                TfidfVectorizer(ngram_range=tuple(params.word_ngrams), sublinear_tf=True,
                                min_df=params.min_df, max_df=0.9, lowercase=True,
                                max_features=params.word_max_features),
                1,
            ),
            (
                "char",
                TfidfVectorizer(analyzer=params.char_analyzer, ngram_range=tuple(params.char_ngrams),
                                sublinear_tf=True, min_df=params.min_df, lowercase=True,
                                max_features=params.char_max_features),
                2,
            ),
        ]
        + ([("first", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=params.min_df,
                                      lowercase=True, max_features=20000), 3)]
           if params.first_sentence else []),
        sparse_threshold=1.0,
    )
    if params.classifier == "logreg":
        clf: Any = LogisticRegression(C=params.C, max_iter=params.max_iter,
                                      class_weight=params.class_weight, random_state=seed)
    else:
        clf = LinearSVC(C=params.C, class_weight=params.class_weight, random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def linear_model_from_pipeline(pipeline: Any) -> LinearTextModel:
    """Take the fitted vectorizers and weights out of a training pipeline."""
    fitted = {name: t for name, t, _ in pipeline.named_steps["features"].transformers_}
    clf = pipeline.named_steps["clf"]
    return LinearTextModel([fitted[name] for name in VECTORIZERS if name in fitted],
                           clf.coef_.astype(np.float32),
                           clf.intercept_.astype(np.float32), [str(c) for c in clf.classes_],
                           hasattr(clf, "predict_proba"))


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """Return the softmax temperature minimising log-loss of out-of-fold decision values.

    ``y`` holds column indices of the true class.
    """
    grid = np.exp(np.linspace(np.log(0.02), np.log(5.0), 80))
    rows = np.arange(len(y))
    losses = [-np.log(softmax(scores, t)[rows, y] + 1e-12).mean() for t in grid]
    return float(grid[int(np.argmin(losses))])


def fit_sklearn(examples: Sequence[LabelledClause], params: SklearnParams, seed: int
                ) -> LinearTextModel:
    """Fit the scikit-learn pipeline on examples; return its shippable linear model."""
    rows = training_rows(examples)
    pipeline = build_pipeline(params, seed)
    pipeline.fit(make_inputs(rows.headings, rows.bodies, params), rows.labels)
    return linear_model_from_pipeline(pipeline)


def fit_spacy(examples: Sequence[LabelledClause], labels: Sequence[str], seed: int,
              max_epochs: int | None = None) -> Any:
    """Train the spaCy textcat on examples (a 5% slice is spaCy's progress dev set)."""
    from analyzer.classify.spacy_textcat import spacy_text
    from analyzer.training.spacy_textcat import train_textcat

    rows = training_rows(examples)
    texts = [spacy_text(h, b) for h, b in zip(rows.headings, rows.bodies, strict=True)]
    rng = np.random.default_rng(seed)
    dev = rng.choice(len(texts), size=max(1, len(texts) // 20), replace=False)
    return train_textcat(texts, rows.labels, [texts[i] for i in dev],
                         [rows.labels[i] for i in dev], labels, seed, max_epochs)
