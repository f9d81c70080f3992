"""Cut clauses into sentence-sized units and tokenise them once for every rule.

This is Presidio's NlpArtifacts idea: the text is annotated a single time and every rule
reads the same spaCy Docs. Annotation is deliberately cheap: spaCy's tokenizer plus a
lookup lemmatizer built from the model's own lemma tables (measured about 85,000 words/s
against about 15,000 with the tagger and rule lemmatizer), so LEMMA patterns work without
running the statistical pipeline.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analyzer.types import Clause, Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

# Sentence ends: ., ! or ? then space then something that opens a sentence.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(\[]?[A-Z0-9])")
_ABBREV = {
    "no", "nos", "inc", "ltd", "co", "corp", "llc", "pvt", "st", "mr", "mrs", "ms", "dr",
    "vs", "etc", "e.g", "i.e", "approx", "art", "sec", "para", "cl", "ex", "fig", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "n.a",
    "s.a", "s.a.s", "b.v", "n.v", "a.m", "p.m", "incl", "min", "max", "est", "dept", "ref",
}
_NUMBER_ONLY = re.compile(r"\(?(\d+(\.\d+)*|[a-z]{1,3}|[ivx]{1,5})[.)]?", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*(\(?[a-zA-Z0-9]{1,4}[.)]\s|\d+(\.\d+)+\s|[-•*–]\s)")
_TABLE_LINE = re.compile(r"\t|\s\|\s|\|\|")
_OPEN_END = re.compile(r"(\band|\bor|,)$")  # an inline list continues on the next line
_WRAP_MIN = 55  # a PDF line this long with no final punctuation probably wraps


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence (or table row) of one clause: ``Document.text[start:end]``."""

    index: int
    clause_id: str
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class TextArtifacts:
    """Units, their Docs and per-clause lookups shared by every rule."""

    document: Document
    units: list[Unit]
    docs: list[Doc]
    by_clause: dict[str, list[int]]
    headings: dict[str, str]
    heading_docs: dict[str, Doc] = field(default_factory=dict)
    words: list[set[str]] = field(default_factory=list)
    heading_words: dict[str, set[str]] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    memo: dict[object, object] = field(default_factory=dict)  # per-document predicate memo

    def text(self, unit: Unit) -> str:
        """Return the text of a unit."""
        return self.document.text[unit.start : unit.end]


class LookupLemmatizer:
    """POS-free lemmas from the model's rule tables: verb, then noun, adjective, adverb.

    Without a tagger a word is read as a verb first, so "training" gets "train": rules
    that need the noun should match on LOWER.
    """

    POS = ("verb", "noun", "adj", "adv")

    def __init__(self, nlp: Language) -> None:
        self._memo: dict[str, str] = {}
        self._tables: list[tuple[set[str], dict[str, list[str]], list[list[str]]]] = []
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                idx = lookups.get_table("lemma_index")
                exc = lookups.get_table("lemma_exc")
                rules = lookups.get_table("lemma_rules")
                for pos in self.POS:
                    self._tables.append(
                        (set(idx.get(pos, [])), dict(exc.get(pos, {})), list(rules.get(pos, [])))
                    )

    def __call__(self, lower: str) -> str:
        """Return the lemma of a lowercase word."""
        found = self._memo.get(lower)
        if found is None:
            found = self._lookup(lower)
            self._memo[lower] = found
        return found

    def _lookup(self, word: str) -> str:
        for index, exc, rules in self._tables:
            if word in exc:
                return exc[word][0]
            if word in index:
                return word
            for old, new in rules:
                if old and word.endswith(old):
                    cand = word[: len(word) - len(old)] + new
                    if cand in index:
                        return cand
        return word


def tokenize(
    nlp: Language,
    texts: list[str],
    lemma: LookupLemmatizer,
    words: list[set[str]] | None = None,
) -> list[Doc]:
    """Tokenise texts and set lookup lemmas (no tagger, parser or NER).

    ``lemma`` is the pipeline's lookup lemmatizer, built once by its owner (the compiled
    rule set). When ``words`` is given, the lowercase forms and lemmas of each Doc are
    appended to it, so the engine can skip the Matcher on sentences that cannot match.
    """
    docs = list(nlp.tokenizer.pipe(texts, batch_size=1000))
    for doc in docs:
        seen: set[str] = set()
        for tok in doc:
            low = tok.lower_
            lem = lemma(low)
            tok.lemma_ = lem
            seen.add(low)
            seen.add(lem)
        if words is not None:
            words.append(seen)
    return docs


def _own_ranges(clauses: tuple[Clause, ...]) -> dict[str, list[tuple[int, int]]]:
    """Give each character to the innermost clause, so nested clauses never share units."""
    ordered = sorted(clauses, key=lambda c: (c.start, -c.end))
    starts = [c.start for c in ordered]
    out: dict[str, list[tuple[int, int]]] = {}
    for c in ordered:
        inner: list[tuple[int, int]] = []
        i = bisect.bisect_left(starts, c.start)
        while i < len(ordered) and ordered[i].start < c.end:
            o = ordered[i]
            if o is not c and o.end <= c.end and (o.start, o.end) != (c.start, c.end):
                inner.append((o.start, o.end))
            i += 1
        ranges: list[tuple[int, int]] = []
        pos = c.start
        for s, e in sorted(inner):
            if s > pos:
                ranges.append((pos, s))
            pos = max(pos, e)
        if pos < c.end:
            ranges.append((pos, c.end))
        out[c.id] = ranges
    return out


def _paragraphs(text: str, base: int) -> list[tuple[int, int]]:
    """Join wrapped lines into paragraphs; table rows and list items stay on their own."""
    out: list[tuple[int, int]] = []
    pos = 0
    cur: tuple[int, int] | None = None
    prev_line = ""
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            if cur:
                out.append(cur)
            cur, prev_line = None, ""
            continue
        joins = (
            cur is not None
            and len(prev_line) >= _WRAP_MIN
            and not prev_line.endswith((".", ":", ";", "!", "?"))
            and (not _LIST_MARKER.match(line) or _OPEN_END.search(prev_line) is not None)
            and not _TABLE_LINE.search(line)
            and not _TABLE_LINE.search(prev_line)
        )
        if joins and cur is not None:
            cur = (cur[0], end)
        else:
            if cur:
                out.append(cur)
            cur = (start, end)
        prev_line = stripped
    if cur:
        out.append(cur)
    return [(base + s, base + e) for s, e in out]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, guarding common abbreviations."""
    out: list[tuple[int, int]] = []
    piece = text[start:end]
    cut = 0
    for m in _SENT_END.finditer(piece):
        before = piece[cut : m.start()].rstrip("\"”’)")
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        word = last.rstrip(".").lower().lstrip("(\"“")
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        if before.strip() == last and _NUMBER_ONLY.fullmatch(last):  # "1." opening a clause
            continue
        out.append((start + cut, start + m.end()))
        cut = m.end()
    out.append((start + cut, end))
    return out


def split_units(document: Document) -> tuple[list[Unit], dict[str, list[int]]]:
    """Cut every clause into sentence units with exact document offsets."""
    text = document.text
    units: list[Unit] = []
    by_clause: dict[str, list[int]] = {}
    paragraph = 0
    for clause_id, ranges in _own_ranges(document.clauses).items():
        idxs: list[int] = []
        for r_start, r_end in ranges:
            for p_start, p_end in _paragraphs(text[r_start:r_end], r_start):
                paragraph += 1
                for s, e in _sentences(text, p_start, p_end):
                    while s < e and text[s].isspace():
                        s += 1
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]):
                        continue
                    idxs.append(len(units))
                    units.append(Unit(len(units), clause_id, s, e, paragraph))
        by_clause[clause_id] = idxs
    return units, by_clause


def heading_chain(document: Document) -> dict[str, str]:
    """Return each clause's heading joined with its ancestors' headings (inner first)."""
    by_id = {c.id: c for c in document.clauses}
    out: dict[str, str] = {}
    for c in document.clauses:
        parts: list[str] = []
        cur: Clause | None = c
        seen: set[str] = set()
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            if cur.heading:
                parts.append(cur.heading)
            cur = by_id.get(cur.parent_id) if cur.parent_id else None
        out[c.id] = " / ".join(parts)
    return out


def annotate(
    document: Document, nlp: Language, lemmatizer: LookupLemmatizer | None = None
) -> TextArtifacts:
    """Split and tokenise a document once for all rules (``DocumentContext.units``)."""
    units, by_clause = split_units(document)
    texts = [document.text[u.start : u.end] for u in units]
    headings = heading_chain(document)
    distinct = sorted({h for h in headings.values() if h})
    words: list[set[str]] = []
    docs = tokenize(nlp, texts + distinct, lemmatizer or LookupLemmatizer(nlp), words)
    n = len(texts)
    return TextArtifacts(
        document, units, docs[:n], by_clause, headings,
        heading_docs=dict(zip(distinct, docs[n:], strict=True)),
        words=words[:n],
        heading_words=dict(zip(distinct, words[n:], strict=True)),
        starts=[u.start for u in units],
    )
