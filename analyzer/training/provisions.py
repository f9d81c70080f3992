"""Training the provision tagger (``analyzer.classify.provisions.ProvisionTagger``).

Training data are CUAD's expert spans: a sentence is a positive example of a type when it
overlaps a span of a category mapped to that type (``dataset.CUAD_CATEGORY_TYPES``). The
model is one linear SVM per type over word 1-2-gram TF-IDF of the sentence plus the words
of the clause heading, shipped as a ``LinearTextModel`` (JSON + npz, no pickle).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.classify.inputs import prepare_heading
from analyzer.classify.provisions import sentence_spans
from analyzer.classify.sklearn_model import LinearTextModel
from analyzer.errors import ModelError
from analyzer.training.config import ProvisionParams
from analyzer.training.dataset import CUAD_CATEGORY_TYPES, ContractText, ExpertSpan, TextIndex
from analyzer.types import ClauseType

logger = logging.getLogger(__name__)

# the types the tagger is trained for: every type a CUAD category is mapped to
PROVISION_TYPES: tuple[ClauseType, ...] = tuple(sorted(
    {t for types in CUAD_CATEGORY_TYPES.values() for t in types}, key=str))


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


def sentence_rows(contract: ContractText, spans: Sequence[ExpertSpan], min_overlap: float = 0.5
                  ) -> list[SentenceRow]:
    """Return every taggable sentence of a contract, labelled by the expert spans it overlaps.

    A sentence is positive for a span's types when the overlap is at least ``min_overlap``
    of the sentence or of the span (``TrainingConfig.sentence_min_overlap``); a smaller
    overlap marks it ``partial``.
    """
    document = contract.document
    index = TextIndex(document.text)
    located = []
    for span in spans:
        where = index.find(span.text)
        if where is not None:
            located.append((where[0], where[1], span.types))
    rows = []
    for k, clause in enumerate(document.clauses):
        heading = prepare_heading(clause.heading)
        for s, e in sentence_spans(clause.text):
            start, end = clause.start + s, clause.start + e
            types: set[ClauseType] = set()
            partial: set[ClauseType] = set()
            for a, b, span_types in located:
                overlap = min(b, end) - max(a, start)
                if overlap > 0 and (overlap >= min_overlap * (end - start)
                                    or overlap >= min_overlap * (b - a)):
                    types |= span_types
                elif overlap > 0:
                    partial |= span_types
            rows.append(SentenceRow(contract.name, k, start, end, heading,
                                    document.text[start:end], frozenset(types),
                                    frozenset(partial - types)))
    return rows


def fit_tagger(rows: Sequence[SentenceRow], params: ProvisionParams, seed: int,
               types: Sequence[ClauseType] = PROVISION_TYPES) -> LinearTextModel:
    """Fit one linear SVM per provision type; return the shippable ``LinearTextModel``.

    A type with no positive (or no negative) sentence in ``rows`` is left out: the tagger
    never tags it (a small corpus may lack some CUAD categories).

    Raises:
        ModelError: no type has both positive and negative sentences.
    """
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

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
