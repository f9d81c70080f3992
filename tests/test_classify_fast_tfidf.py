"""The numpy TF-IDF indexes must equal scikit-learn's ``TfidfVectorizer.transform``."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from analyzer.classify.fast_tfidf import CharNgramIndex, WordNgramIndex, fast_index

WORDS = ("supplier shall provide the services fees payable within thirty days invoice "
         "customer may terminate agreement notice data breach audit records 30 % "
         "Über café naïve x y").split()


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 40))]
        seps = [rng.choice((" ", "  ", ", ", ".\n", " (a) ", "-")) for _ in words]
        out.append("".join(w + s for w, s in zip(words, seps, strict=True)))
    out.append("")  # an empty body must give an empty row
    return out


@pytest.mark.parametrize("ngrams", [(1, 1), (1, 2), (2, 3)])
@pytest.mark.parametrize("pattern", [r"(?u)\b\w\w+\b", r"(?u)\b[a-z][a-z]+\b"])
def test_word_index_matches_sklearn(ngrams: tuple[int, int], pattern: str) -> None:
    v = TfidfVectorizer(ngram_range=ngrams, sublinear_tf=True, min_df=2, token_pattern=pattern)
    v.fit(_texts(1, 200))
    index = WordNgramIndex.from_vectorizer(v)
    assert index is not None
    docs = _texts(2, 150)
    expected = v.transform(docs).toarray()
    got = index.transform(docs).toarray()
    assert np.abs(expected).sum() > 0
    np.testing.assert_allclose(got, expected, atol=1e-12)


def test_char_index_matches_sklearn() -> None:
    v = TfidfVectorizer(analyzer="char", ngram_range=(3, 4), sublinear_tf=True, min_df=2)
    v.fit(_texts(3, 200))
    docs = _texts(4, 150)
    np.testing.assert_allclose(CharNgramIndex.from_vectorizer(v).transform(docs).toarray(),
                               v.transform(docs).toarray(), atol=1e-12)


def test_fast_index_declines_settings_it_cannot_reproduce() -> None:
    texts = _texts(5, 50)
    assert fast_index(TfidfVectorizer(sublinear_tf=False).fit(texts)) is None
    assert fast_index(TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts)) is None
    assert fast_index(TfidfVectorizer(sublinear_tf=True, analyzer="char_wb").fit(texts)) is None
    assert isinstance(fast_index(TfidfVectorizer(sublinear_tf=True).fit(texts)), WordNgramIndex)


def test_code_table_finds_every_code_and_only_those() -> None:
    from analyzer.classify.fast_tfidf import CodeTable

    rng = np.random.default_rng(0)
    codes = np.unique(rng.integers(0, 2**62, 5000, dtype=np.uint64))
    table = CodeTable(codes, np.arange(len(codes), dtype=np.int64) * 3)
    np.testing.assert_array_equal(table.lookup(codes), np.arange(len(codes)) * 3)
    absent = np.setdiff1d(rng.integers(0, 2**62, 5000, dtype=np.uint64), codes)
    assert (table.lookup(absent) == -1).all()
    assert (CodeTable(codes[:0], codes[:0].astype(np.int64)).lookup(codes) == -1).all()
