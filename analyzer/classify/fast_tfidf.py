"""TF-IDF transforms equal to a fitted ``TfidfVectorizer``'s, computed with numpy.

Classification time was almost all ``TfidfVectorizer.transform``: scikit-learn builds every
n-gram as a Python string and looks each one up in a dict. Here an n-gram is a packed
integer (character code points, or token ids), looked up by binary search in the sorted
codes of the vocabulary; counting, sublinear tf, idf and the l2 norm then follow the
vectorizer. Tests check equality with ``TfidfVectorizer.transform`` on random text.

``fast_index(vectorizer)`` returns the right index, or None for a setting it does not
reproduce (the caller then uses the vectorizer itself).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import numpy as np

_WHITESPACE = re.compile(r"\s\s+")
_CHAR_BITS = 16  # each character of an n-gram packs into 16 bits of a uint64 code
_TOKEN_BITS = 21  # each token id of a word n-gram packs into 21 bits (3 tokens fit)


def fast_index(vectorizer: Any) -> CharNgramIndex | WordNgramIndex | None:
    """Return a numpy index for a fitted vectorizer, or None when it is not supported."""
    if not _plain_tfidf(vectorizer):
        return None
    if vectorizer.analyzer == "char":
        return CharNgramIndex.from_vectorizer(vectorizer)
    if vectorizer.analyzer == "word":
        return WordNgramIndex.from_vectorizer(vectorizer)
    return None


def _plain_tfidf(v: Any) -> bool:
    """Tell whether a vectorizer uses only the settings these indexes reproduce."""
    return bool(v.sublinear_tf and not v.binary and v.norm == "l2" and v.use_idf
                and v.preprocessor is None and v.tokenizer is None and v.strip_accents is None
                and v.stop_words is None and v.ngram_range[0] >= 1)


class _PackedIndex:
    """Shared lookup: packed n-gram codes -> vocabulary columns -> TF-IDF rows."""

    def __init__(self, vectorizer: Any, tables: dict[int, tuple[np.ndarray, np.ndarray]]) -> None:
        self.vectorizer = vectorizer
        self.tables = tables  # n -> (sorted codes, column index)
        self.n_features = len(vectorizer.vocabulary_)

    @staticmethod
    def _tables(codes: dict[int, list[tuple[int, int]]]
                ) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        tables = {}
        for n, pairs in codes.items():
            pairs.sort()
            tables[n] = (np.array([c for c, _ in pairs], dtype=np.uint64),
                         np.array([col for _, col in pairs], dtype=np.int64))
        return tables

    def _matrix(self, units: np.ndarray, lengths: np.ndarray, bits: int) -> Any:
        """Return TF-IDF rows from the concatenated units (code points or token ids)."""
        from scipy.sparse import csr_matrix
        from sklearn.preprocessing import normalize

        n_docs = len(lengths)
        doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        ends = np.repeat(np.cumsum(lengths), lengths)  # end of each position's document
        positions = np.arange(len(units), dtype=np.int64)
        shift = np.uint64(bits)
        rows_out, cols_out = [], []
        for n, (codes, columns) in self.tables.items():
            starts = positions[positions + n <= ends]
            if not len(starts):
                continue
            code = np.zeros(len(starts), dtype=np.uint64)
            for k in range(n):
                code = (code << shift) | units[starts + k]
            at = np.searchsorted(codes, code)
            at[at == len(codes)] = 0
            hit = codes[at] == code
            rows_out.append(doc_of[starts[hit]])
            cols_out.append(columns[at[hit]])
        rows = np.concatenate(rows_out) if rows_out else np.zeros(0, dtype=np.int64)
        cols = np.concatenate(cols_out) if cols_out else np.zeros(0, dtype=np.int64)
        # one sort gives the CSR layout and the counts: key = row * n_features + column
        keys, tf = np.unique(rows * self.n_features + cols, return_counts=True)
        key_rows, key_cols = np.divmod(keys, self.n_features)
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(key_rows, minlength=n_docs), out=indptr[1:])
        data = (np.log(tf) + 1.0) * self.vectorizer.idf_[key_cols]
        counts = csr_matrix((data, key_cols, indptr), shape=(n_docs, self.n_features))
        return normalize(counts, norm="l2", copy=False)


class CharNgramIndex(_PackedIndex):
    """Character n-gram TF-IDF (``analyzer="char"``).

    An n-gram is its n code points packed into one 64-bit integer. Characters beyond
    U+FFFE are replaced by a sentinel that no vocabulary code contains.
    """

    @classmethod
    def from_vectorizer(cls, v: Any) -> CharNgramIndex | None:
        """Return an index for a fitted char vectorizer, or None if it is not supported."""
        hi = v.ngram_range[1]
        if v.analyzer != "char" or not _plain_tfidf(v) or hi > 64 // _CHAR_BITS:
            return None
        codes: dict[int, list[tuple[int, int]]] = {}
        for term, col in v.vocabulary_.items():
            points = [ord(ch) for ch in term]
            if any(p >= 0xFFFF for p in points):
                continue  # cannot occur in the packed text either
            code = 0
            for p in points:
                code = (code << _CHAR_BITS) | p
            codes.setdefault(len(points), []).append((code, col))
        return cls(v, cls._tables(codes))

    def transform(self, docs: Any) -> Any:
        """Return the TF-IDF matrix of ``docs`` (same as the vectorizer's ``transform``)."""
        v = self.vectorizer
        texts = [_WHITESPACE.sub(" ", d.lower() if v.lowercase else d) for d in docs]
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        points = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
        points = np.minimum(points, 0xFFFF).astype(np.uint64)
        return self._matrix(points, lengths, _CHAR_BITS)


class WordNgramIndex(_PackedIndex):
    """Word n-gram TF-IDF (``analyzer="word"``, up to trigrams).

    The vectorizer's own token pattern splits the text (one C-level ``findall``); each
    token becomes an id by one dict lookup (tokens in no vocabulary term get an id no code
    uses), and an n-gram is its n ids packed into one integer.
    """

    def __init__(self, vectorizer: Any, tables: dict[int, tuple[np.ndarray, np.ndarray]],
                 token_ids: dict[str, int], pattern: re.Pattern[str]) -> None:
        super().__init__(vectorizer, tables)
        self.token_ids = token_ids
        self.pattern = pattern
        self.unknown = (1 << _TOKEN_BITS) - 1  # no vocabulary code contains it

    @classmethod
    def from_vectorizer(cls, v: Any) -> WordNgramIndex | None:
        """Return an index for a fitted word vectorizer, or None if it is not supported."""
        hi = v.ngram_range[1]
        if v.analyzer != "word" or not _plain_tfidf(v) or hi > 64 // _TOKEN_BITS:
            return None
        pattern = re.compile(v.token_pattern)
        if pattern.groups > 1:
            return None
        token_ids: dict[str, int] = {}
        codes: dict[int, list[tuple[int, int]]] = {}
        for term, col in v.vocabulary_.items():
            code = 0
            tokens = term.split(" ")
            for token in tokens:
                code = (code << _TOKEN_BITS) | token_ids.setdefault(token, len(token_ids))
            codes.setdefault(len(tokens), []).append((code, col))
        if len(token_ids) >= (1 << _TOKEN_BITS) - 1:
            return None
        return cls(v, cls._tables(codes), token_ids, pattern)

    def transform(self, docs: Any) -> Any:
        """Return the TF-IDF matrix of ``docs`` (same as the vectorizer's ``transform``)."""
        lower = self.vectorizer.lowercase
        findall, get = self.pattern.findall, self.token_ids.get
        ids: list[int] = []
        lengths = np.zeros(len(docs), dtype=np.int64)
        unknown = itertools.repeat(self.unknown)
        for i, doc in enumerate(docs):
            tokens = findall(doc.lower() if lower else doc)
            lengths[i] = len(tokens)
            ids.extend(map(get, tokens, unknown))
        units = np.array(ids, dtype=np.uint64)
        return self._matrix(units, lengths, _TOKEN_BITS)
