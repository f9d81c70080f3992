"""The scikit-learn clause model: TF-IDF word and character n-grams, logistic regression.

One ``Pipeline`` over a two-column input (normalised heading, clause body) so it is fitted,
saved and loaded as a unit. Logistic regression gives probabilities that are close to
calibrated without a wrapper (checked in cross-validation, see models/MODEL_CARD.md).
Persistence is ``skops`` with an explicit list of trusted types: loading never runs code
from the file.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import ModelError

logger = logging.getLogger(__name__)

# Every type a saved pipeline may contain; anything else in a file is refused.
TRUSTED_TYPES = (
    "builtins.slice",
    "numpy.dtype",
    "numpy.ndarray",
    "numpy.float64",
    "numpy.int64",
    "numpy.int32",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
    "collections.OrderedDict",
    "sklearn.utils._bunch.Bunch",
)


@dataclass(frozen=True, slots=True)
class SklearnParams:
    """Feature and model settings; stored in the model card so a model can be rebuilt."""

    C: float = 8.0
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 5)
    char_max_chars: int = 160  # char n-grams read only the opening of a body (speed)
    min_df: int = 2
    max_iter: int = 2000
    class_weight: str | None = "balanced"

    def to_json(self) -> dict[str, Any]:
        """Return the settings as plain JSON values."""
        return asdict(self)


def _head(texts: Any, limit: int) -> list[str]:
    return [t[:limit] for t in texts]


def build_pipeline(params: SklearnParams, seed: int = 0) -> Any:
    """Return an unfitted pipeline over an (n, 3) array: heading, body, body opening."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

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
                                min_df=params.min_df, max_df=0.9, lowercase=True),
                1,
            ),
            (
                "char",
                TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(params.char_ngrams),
                                sublinear_tf=True, min_df=params.min_df, lowercase=True),
                2,
            ),
        ],
        sparse_threshold=1.0,
    )
    clf = LogisticRegression(C=params.C, max_iter=params.max_iter,
                             class_weight=params.class_weight, random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def make_inputs(headings: list[str], bodies: list[str], params: SklearnParams) -> np.ndarray:
    """Return the (n, 3) object array the pipeline reads."""
    rows = np.empty((len(bodies), 3), dtype=object)
    rows[:, 0] = headings
    rows[:, 1] = bodies
    rows[:, 2] = _head(bodies, params.char_max_chars)
    return rows


def save_pipeline(pipeline: Any, path: Path) -> None:
    """Write a fitted pipeline with skops (no pickle)."""
    import skops.io as sio

    sio.dump(pipeline, path)


def load_pipeline(path: Path) -> Any:
    """Load a pipeline, refusing any type outside ``TRUSTED_TYPES``.

    Raises:
        ModelError: the file is missing, unreadable or holds an untrusted type.
    """
    import skops.io as sio

    if not path.is_file():
        raise ModelError("classifier file not found", str(path))
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # skops raises several types on a damaged archive
        raise ModelError(f"cannot read classifier: {exc}", str(path)) from exc
    unknown = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unknown:
        raise ModelError(f"classifier holds untrusted types {unknown}", str(path))
    return sio.load(path, trusted=sorted(set(untrusted)))
