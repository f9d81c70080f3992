"""The scikit-learn clause model at run time: TF-IDF blocks and linear weights, calibrated.

The model reads a three- or four-column input (normalised heading, clause body, body
opening, and optionally the body's first sentence; ``make_inputs``). Its decision values
become probabilities by a softmax with one temperature (fitted at training time on
out-of-fold scores, ``analyzer.training.fit``). Persistence is plain JSON plus ``.npz``
arrays (``LinearTextModel``): loading never runs code from the file. Fitting the pipeline
lives in ``analyzer.training``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import ModelError

logger = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class SklearnParams:
    """Feature and model settings; stored in the model card so a model can be rebuilt."""

    C: float = 0.5
    classifier: str = "linearsvc"  # linearsvc | logreg
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 4)
    char_max_chars: int = 200  # char n-grams read only the opening of a body (speed)
    word_max_chars: int = 1000  # word n-grams read at most this much of a body (speed)
    min_df: int = 2
    word_max_features: int = 40000
    char_max_features: int = 30000
    max_iter: int = 2000
    class_weight: str | None = "balanced"
    # round 2: plain "char" n-grams (as good as "char_wb" here, cheaper) and a separate
    # word 1-2-gram block for the body's first sentence, which usually states the clause's job
    char_analyzer: str = "char"
    first_sentence: bool = True
    first_sentence_max_chars: int = 300


    def to_json(self) -> dict[str, Any]:
        """Return the settings as plain JSON values."""
        return asdict(self)


# Values of settings added after the first shipped model, for cards that predate them.
LEGACY_DEFAULTS: dict[str, Any] = {"char_analyzer": "char_wb", "first_sentence": False,
                                   "char_max_chars": 100, "word_max_chars": 600}


def _head(texts: Any, limit: int) -> list[str]:
    return [t[:limit] for t in texts]


_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z(])")


def first_sentence(text: str, limit: int) -> str:
    """Return the opening sentence of a body (up to ``limit`` characters).

    A cheap regex split, not spaCy: this runs on every clause at classification speed.
    """
    return _SENTENCE_END.split(text[: limit + 50], maxsplit=1)[0][:limit]


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Return row-wise softmax(scores / temperature)."""
    z = scores / max(temperature, 1e-6)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def make_inputs(headings: list[str], bodies: list[str], params: SklearnParams) -> np.ndarray:
    """Return the (n, 3 or 4) object array the pipeline reads."""
    rows = np.empty((len(bodies), 4 if params.first_sentence else 3), dtype=object)
    rows[:, 0] = headings
    rows[:, 1] = _head(bodies, params.word_max_chars)
    rows[:, 2] = _head(bodies, params.char_max_chars)
    if params.first_sentence:
        limit = params.first_sentence_max_chars
        rows[:, 3] = [first_sentence(b, limit) for b in bodies]
    return rows


VECTORIZERS = ("heading", "word", "char", "first")  # column order of make_inputs


class LinearTextModel:
    """The fitted pipeline reduced to what prediction needs, stored as JSON + arrays.

    Saving: ``<stem>.json`` (vectorizer settings, vocabularies as term lists, classes) and
    ``<stem>.npz`` (idf vectors, weights), read back with ``allow_pickle=False`` so a model
    file can never run code. Prediction is the same sparse algebra as the pipeline's.
    """

    def __init__(self, vectorizers: list[Any], coef: np.ndarray, intercept: np.ndarray,
                 classes: list[str], probabilistic: bool) -> None:
        if len(vectorizers) > len(VECTORIZERS):
            raise ModelError(f"classifier has {len(vectorizers)} feature blocks, "
                             f"at most {len(VECTORIZERS)} are known")
        self.vectorizers = vectorizers
        self.coef = coef
        self.intercept = intercept
        self._weights = np.ascontiguousarray(coef.T, dtype=np.float64)  # once, not per call
        self.classes_ = np.array(classes)
        self.probabilistic = probabilistic
        self._index: dict[int, Any] = {}  # block -> fast_tfidf index (or None)

    def decision_function(self, rows: np.ndarray) -> np.ndarray:
        """Return the linear scores (n, classes)."""
        from scipy.sparse import hstack

        x = hstack([self._transform(i, v, rows[:, i])
                    for i, v in enumerate(self.vectorizers)]).tocsr()
        return np.asarray(x @ self._weights) + self.intercept

    def block_scores(self, i: int, docs: Any) -> np.ndarray:
        """Return feature block ``i``'s share of the scores (n, classes), no intercept.

        The model is linear, so a caller that repeats one block's input for many rows
        (the clause heading of every sentence) can score it once and add it per row.
        """
        sizes = [len(v.vocabulary_) for v in self.vectorizers]
        lo = sum(sizes[:i])
        x = self._transform(i, self.vectorizers[i], docs)
        return np.asarray(x @ self._weights[lo : lo + sizes[i]])

    def _transform(self, i: int, vectorizer: Any, docs: Any) -> Any:
        """Return ``vectorizer.transform(docs)``, by the numpy index when it reproduces it.

        scikit-learn builds and looks up every n-gram in Python, which was most of the
        cost of classification; ``fast_tfidf`` computes the same matrix with array
        arithmetic (tests check equality with ``TfidfVectorizer.transform``).
        """
        if i not in self._index:
            from analyzer.classify.fast_tfidf import fast_index

            self._index[i] = fast_index(vectorizer)
        index = self._index[i]
        if index is None:
            return vectorizer.transform(docs)
        return index.transform(docs)

    def predict_proba(self, rows: np.ndarray, temperature: float = 1.0) -> np.ndarray:
        """Return class probabilities in ``classes_`` order."""
        scores = self.decision_function(rows)
        return softmax(scores, 1.0 if self.probabilistic else temperature)

    def save(self, stem: Path) -> None:
        """Write ``stem.json`` and ``stem.npz``."""
        meta: dict[str, Any] = {"classes": self.classes_.tolist(),
                                "probabilistic": self.probabilistic, "vectorizers": []}
        arrays = {"coef": self.coef, "intercept": self.intercept}
        for name, v in zip(VECTORIZERS, self.vectorizers, strict=False):
            params = {k: (list(val) if isinstance(val, tuple) else val)
                      for k, val in v.get_params().items() if k in _VECTORIZER_PARAMS}
            terms = sorted(v.vocabulary_, key=v.vocabulary_.__getitem__)
            meta["vectorizers"].append({"name": name, "params": params, "terms": terms})
            arrays[f"idf_{name}"] = v.idf_.astype(np.float64)
        stem.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
        with stem.with_suffix(".npz").open("wb") as handle:
            np.savez_compressed(handle, **arrays)

    @classmethod
    def load(cls, stem: Path) -> LinearTextModel:
        """Read a model written by ``save``.

        Raises:
            ModelError: a file is missing, damaged or holds pickled objects.
        """
        from sklearn.feature_extraction.text import TfidfVectorizer

        json_path, npz_path = stem.with_suffix(".json"), stem.with_suffix(".npz")
        try:
            meta = json.loads(json_path.read_text(encoding="utf-8"))
            with np.load(npz_path, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
            vectorizers = []
            for spec in meta["vectorizers"]:
                params = {k: (tuple(v) if isinstance(v, list) else v)
                          for k, v in spec["params"].items() if k in _VECTORIZER_PARAMS}
                v = TfidfVectorizer(**params)
                v.vocabulary_ = {term: i for i, term in enumerate(spec["terms"])}
                v.idf_ = arrays[f"idf_{spec['name']}"]
                vectorizers.append(v)
            return cls(vectorizers, arrays["coef"], arrays["intercept"], list(meta["classes"]),
                       bool(meta["probabilistic"]))
        except FileNotFoundError as exc:
            raise ModelError("classifier file not found", str(exc.filename)) from exc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot read classifier: {exc}", str(stem)) from exc


_VECTORIZER_PARAMS = frozenset({
    "analyzer", "ngram_range", "lowercase", "token_pattern", "sublinear_tf", "norm", "use_idf",
    "smooth_idf", "strip_accents", "binary", "min_df", "max_df", "max_features",
})
