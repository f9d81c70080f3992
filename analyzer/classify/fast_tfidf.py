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
# scikit-learn's default token pattern and a faster one that finds the same tokens (a run of
# two or more word characters is exactly what both match)
_DEFAULT_PATTERN = r"(?u)\b\w\w+\b"
_EQUIVALENT_PATTERNS = {_DEFAULT_PATTERN: r"\w{2,}"}
# for ASCII text the default pattern's tokens are the runs of [A-Za-z0-9_] of length >= 2:
# str.translate + str.split find them faster than the regex
_ASCII_NON_WORD = str.maketrans({i: " " for i in range(128)
                                 if not (chr(i).isalnum() or chr(i) == "_")})


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


_EMPTY = np.uint64(0xFFFF_FFFF_FFFF_FFFF)  # no code: 4 sentinel chars / 3 unknown tokens
_MULTIPLIER = np.uint64(0x9E37_79B9_7F4A_7C15)  # Fibonacci hashing


class CodeTable:
    """An open-addressing hash table from n-gram codes to vocabulary columns, in numpy.

    Lookups are a few vectorised probes into a table twice the vocabulary's size, several
    times faster than a binary search over the sorted codes for millions of n-grams.
    """

    def __init__(self, codes: np.ndarray, columns: np.ndarray) -> None:
        self.codes, self.columns = codes, columns
        bits = max(4, int(np.ceil(np.log2(max(1, len(codes)) * 2))))
        self.mask = (1 << bits) - 1
        self.shift = np.uint64(64 - bits)
        self.keys = np.full(1 << bits, _EMPTY, dtype=np.uint64)
        self.values = np.full(1 << bits, -1, dtype=np.int64)
        slot = self._home(codes)
        todo = np.arange(len(codes))
        self.probes = 0
        while len(todo):  # place one code per free slot per round; the rest move on
            self.probes += 1
            free = self.keys[slot] == _EMPTY
            taken, first = np.unique(slot[free], return_index=True)
            winners = todo[free][first]
            self.keys[taken] = codes[winners]
            self.values[taken] = columns[winners]
            placed = np.zeros(len(codes), dtype=bool)
            placed[winners] = True
            keep = ~placed[todo]
            todo, slot = todo[keep], (slot[keep] + 1) & self.mask

    def _home(self, codes: np.ndarray) -> np.ndarray:
        return ((codes * _MULTIPLIER) >> self.shift).astype(np.int64)

    def lookup(self, codes: np.ndarray) -> np.ndarray:
        """Return the column of each code, or -1 for a code not in the vocabulary."""
        found = np.full(len(codes), -1, dtype=np.int64)
        active = np.arange(len(codes))
        slot = self._home(codes)
        for _ in range(self.probes):
            keys = self.keys[slot]
            hit = keys == codes[active]
            found[active[hit]] = self.values[slot[hit]]
            go_on = ~hit & (keys != _EMPTY)
            if not go_on.any():
                break
            active, slot = active[go_on], (slot[go_on] + 1) & self.mask
        return found


class _PackedIndex:
    """Shared lookup: packed n-gram codes -> vocabulary columns -> TF-IDF rows."""

    unknown: int | None = None  # a unit value that no vocabulary n-gram contains
    unigram_columns: np.ndarray | None = None  # unit value -> column of that unigram, or -1

    def __init__(self, vectorizer: Any, tables: dict[int, CodeTable]) -> None:
        self.vectorizer = vectorizer
        self.tables = tables  # n -> the vocabulary's n-gram codes and their columns
        self.n_features = len(vectorizer.vocabulary_)

    @staticmethod
    def _tables(codes: dict[int, list[tuple[int, int]]]) -> dict[int, CodeTable]:
        return {n: CodeTable(np.array([c for c, _ in pairs], dtype=np.uint64),
                             np.array([col for _, col in pairs], dtype=np.int64))
                for n, pairs in codes.items()}

    def _matrix(self, units: np.ndarray, lengths: np.ndarray, bits: int) -> Any:
        """Return TF-IDF rows from the concatenated units (code points or token ids)."""
        from scipy.sparse import csr_matrix

        n_docs = len(lengths)
        doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        ends = np.repeat(np.cumsum(lengths), lengths)  # end of each position's document
        positions = np.arange(len(units), dtype=np.int64)
        shift = np.uint64(bits)
        # a unit no vocabulary code contains (an unknown token, a sentinel character) rules
        # out every n-gram over it before the search
        bad = units == self.unknown if self.unknown is not None else None
        rows_out, cols_out = [], []
        for n, table in self.tables.items():
            valid = positions + n <= ends
            if bad is not None:
                for k in range(n):
                    valid[: len(valid) - k] &= ~bad[k:]
            starts = positions[valid]
            if not len(starts):
                continue
            if n == 1 and self.unigram_columns is not None:
                # unigrams: the unit is an index into a column table, no search at all
                found = self.unigram_columns[units[starts].astype(np.int64)]
                hit = found >= 0
                rows_out.append(doc_of[starts[hit]])
                cols_out.append(found[hit])
                continue
            code = np.zeros(len(starts), dtype=np.uint64)
            for k in range(n):
                code = (code << shift) | units[starts + k]
            found = table.lookup(code)
            hit = found >= 0
            rows_out.append(doc_of[starts[hit]])
            cols_out.append(found[hit])
        rows = np.concatenate(rows_out) if rows_out else np.zeros(0, dtype=np.int64)
        cols = np.concatenate(cols_out) if cols_out else np.zeros(0, dtype=np.int64)
        # one sort gives the CSR layout and the counts: key = row * n_features + column
        keys, tf = np.unique(rows * self.n_features + cols, return_counts=True)
        key_rows, key_cols = np.divmod(keys, self.n_features)
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(key_rows, minlength=n_docs), out=indptr[1:])
        data = (np.log(tf) + 1.0) * self.vectorizer.idf_[key_cols]
        # l2 row norms by hand: sklearn's normalize() validates its arguments on every call,
        # which cost more than the arithmetic for a document's worth of clauses
        norms = np.sqrt(np.bincount(key_rows, weights=data * data, minlength=n_docs))
        data /= np.where(norms > 0, norms, 1.0)[key_rows]
        return csr_matrix((data, key_cols, indptr), shape=(n_docs, self.n_features))


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
        index = cls(v, cls._tables(codes))
        index.unknown = 0xFFFF
        return index

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

    def __init__(self, vectorizer: Any, tables: dict[int, CodeTable],
                 token_ids: dict[str, int], pattern: re.Pattern[str]) -> None:
        super().__init__(vectorizer, tables)
        self.token_ids = token_ids
        self.pattern = pattern
        self.unknown = (1 << _TOKEN_BITS) - 1  # no vocabulary code contains it
        if 1 in tables:
            self.unigram_columns = np.full(len(token_ids), -1, dtype=np.int64)
            self.unigram_columns[tables[1].codes.astype(np.int64)] = tables[1].columns

    @classmethod
    def from_vectorizer(cls, v: Any) -> WordNgramIndex | None:
        """Return an index for a fitted word vectorizer, or None if it is not supported."""
        hi = v.ngram_range[1]
        if v.analyzer != "word" or not _plain_tfidf(v) or hi > 64 // _TOKEN_BITS:
            return None
        pattern = re.compile(_EQUIVALENT_PATTERNS.get(v.token_pattern, v.token_pattern))
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
        ascii_split = self.vectorizer.token_pattern == _DEFAULT_PATTERN
        ids: list[int] = []
        lengths = np.zeros(len(docs), dtype=np.int64)
        unknown = itertools.repeat(self.unknown)
        for i, doc in enumerate(docs):
            text = doc.lower() if lower else doc
            if ascii_split and text.isascii():
                tokens = [t for t in text.translate(_ASCII_NON_WORD).split() if len(t) > 1]
            else:
                tokens = findall(text)
            lengths[i] = len(tokens)
            ids.extend(map(get, tokens, unknown))
        units = np.array(ids, dtype=np.uint64)
        return self._matrix(units, lengths, _TOKEN_BITS)
