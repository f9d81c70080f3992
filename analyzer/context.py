"""One document's shared artefacts, built once after classification.

Presidio's ``NlpArtifacts`` is the model: the document is indexed, split and tokenised a
single time and every extractor and rule predicate reads the same ``DocumentContext``,
instead of each rebuilding a clause index, rescanning pages or caching by text at module
level. Built by ``build_context``; everything it memoises lives on the instance and dies
with the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from analyzer.extract.text import Span, sentences
from analyzer.rules.units import LookupLemmatizer, TextArtifacts, annotate
from analyzer.types import Classification, Clause, Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PARSE_PIPES", "DocumentContext", "Sentence", "build_context"]

# What the obligation windows need from the statistical pipeline: POS tags and the
# dependency parse. The attribute ruler and lemmatizer cost more than the parser there.
PARSE_PIPES = ("tok2vec", "tagger", "parser")
# A sentence that starts with its clause number ("2.1 Vendor will ...") begins just before
# the clause span: it belongs to the clause that starts this few characters later.
_NUMBER_LEAD = 16

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """A sentence or table row of ``Document.text`` with the innermost clause that holds it."""

    clause_id: str | None = None


class DocumentContext:
    """Lookups, the sentence split, the rule units and parses of one classified document.

    Read-only: properties and query methods only. The memo for parses and derived values
    is per instance, so nothing outlives the document or leaks into the next one.
    """

    __slots__ = (
        "_by_id",
        "_children",
        "_classification_of",
        "_classifications",
        "_document",
        "_lemmatizer",
        "_max_len",
        "_memo",
        "_nlp",
        "_ordered",
        "_page_starts",
        "_parses",
        "_position",
        "_sentences",
        "_starts",
        "_units",
    )

    def __init__(
        self,
        document: Document,
        classifications: tuple[Classification, ...],
        nlp: Language | None,
        lemmatizer: LookupLemmatizer | None,
    ) -> None:
        self._document = document
        self._classifications = classifications
        self._nlp = nlp
        self._lemmatizer = lemmatizer
        self._by_id = {c.id: c for c in document.clauses}
        self._position = {c.id: i for i, c in enumerate(document.clauses)}
        children: dict[str, list[Clause]] = {}
        for c in document.clauses:
            if c.parent_id is not None:
                children.setdefault(c.parent_id, []).append(c)
        self._children = {k: tuple(v) for k, v in children.items()}
        self._classification_of = {c.clause_id: c for c in classifications}
        self._ordered = sorted(document.clauses, key=lambda c: (c.start, -(c.end - c.start)))
        self._starts = [c.start for c in self._ordered]
        self._max_len = max((c.end - c.start for c in self._ordered), default=0)
        self._page_starts = list(document.page_offsets)
        self._sentences = tuple(
            Sentence(s.start, s.end, s.text, s.is_row, self.clause_at(s.start))
            for s in sentences(document.text)
        )
        self._units: TextArtifacts | None = None
        self._parses: dict[str, Doc] = {}
        self._memo: dict[object, object] = {}

    # ------------------------------------------------------------------ inputs

    @property
    def document(self) -> Document:
        return self._document

    @property
    def text(self) -> str:
        return self._document.text

    @property
    def classifications(self) -> tuple[Classification, ...]:
        return self._classifications

    @property
    def nlp(self) -> Language | None:
        """The loaded spaCy pipeline, or None when the caller runs without one."""
        return self._nlp

    # ------------------------------------------------------------------ lookups

    def clause(self, clause_id: str) -> Clause:
        """Return the clause with this id (KeyError when there is none)."""
        return self._by_id[clause_id]

    def has_clause(self, clause_id: str | None) -> bool:
        return clause_id is not None and clause_id in self._by_id

    @property
    def clauses_by_id(self) -> Mapping[str, Clause]:
        return MappingProxyType(self._by_id)

    def classification(self, clause_id: str | None) -> Classification | None:
        """Return the classification of a clause, None when it has none."""
        return self._classification_of.get(clause_id) if clause_id is not None else None

    @property
    def classifications_by_id(self) -> Mapping[str, Classification]:
        return MappingProxyType(self._classification_of)

    def children(self, clause_id: str) -> tuple[Clause, ...]:
        """Return the direct children of a clause, in document order."""
        return self._children.get(clause_id, ())

    def clause_at(self, offset: int) -> str | None:
        """Return the id of the smallest clause with ``start <= offset < end``.

        Falls forward to a clause starting within a few characters when none holds the
        offset (a sentence that opens with its own clause number).
        """
        ordered = self._ordered
        i = bisect.bisect_right(self._starts, offset)
        best: Clause | None = None
        while i > 0:
            i -= 1
            c = ordered[i]
            if offset - c.start > self._max_len:
                break
            if c.start <= offset < c.end and (best is None or c.end - c.start < best.end - best.start):
                best = c
        if best is not None:
            return best.id
        j = bisect.bisect_right(self._starts, offset)
        while j < len(ordered) and ordered[j].start <= offset + _NUMBER_LEAD:
            if ordered[j].end > ordered[j].start:
                return ordered[j].id
            j += 1
        return None

    def page_at(self, offset: int) -> int:
        """Return the 1-based page of a character offset (as ``Document.page_at``)."""
        return max(1, bisect.bisect_right(self._page_starts, offset))

    # ------------------------------------------------------------------ sections

    def section(self, clause_id: str) -> tuple[Clause, ...]:
        """The numbered section a clause belongs to: its top-level ancestor and every
        clause under it, in document order (how a reviewer reads an SLA table with its
        intro and its remedies clause)."""
        root = clause_id
        seen = {root}
        while root in self._by_id:
            parent = self._by_id[root].parent_id
            if not parent or parent in seen:
                break
            root = parent
            seen.add(root)
        members = {root}
        for c in self._document.clauses:  # document order: parents come before children
            if c.parent_id in members:
                members.add(c.id)
        return tuple(c for c in self._document.clauses if c.id in members)

    def family(self, clause_id: str | None) -> frozenset[str]:
        """A clause, its parent, its siblings and its children: what a reviewer reads
        together when one finding may stand for another (narrower than ``section``)."""
        if clause_id is None or clause_id not in self._by_id:
            return frozenset()
        parent = self._by_id[clause_id].parent_id
        out = {clause_id}
        if parent:
            out.add(parent)
            out.update(c.id for c in self._children.get(parent, ()))
        out.update(c.id for c in self._children.get(clause_id, ()))
        return frozenset(out)

    def sibling_group(self, clause_id: str | None) -> tuple[Clause, ...]:
        """A clause with its parent and siblings; with flat numbering ("3.2" without a
        parent) the clauses of the same top number; else its three neighbours each side.
        Where a KPI's window, remedy and data source may sit."""
        if clause_id is None or clause_id not in self._position:
            return ()
        clauses = self._document.clauses
        pos = self._position[clause_id]
        me = clauses[pos]
        if me.parent_id is not None:
            group = [c for c in clauses if c.parent_id == me.parent_id or c.id == me.parent_id]
        elif me.number and "." in me.number:
            top = me.number.split(".")[0]
            group = [c for c in clauses if c.number and (c.number == top or c.number.split(".")[0] == top)]
        else:
            group = list(clauses[max(0, pos - 3) : pos + 4])
        if me not in group:
            group.append(me)
        return tuple(group)

    def ancestors(self, clause_id: str) -> tuple[Clause, ...]:
        """The clause and its ancestors, innermost first (cycles cut)."""
        out: list[Clause] = []
        seen: set[str] = set()
        cur = self._by_id.get(clause_id)
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            out.append(cur)
            cur = self._by_id.get(cur.parent_id) if cur.parent_id else None
        return tuple(out)

    # ------------------------------------------------------------------ text units

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The extractors' sentence split of the whole text (``extract.text.sentences``),
        each with its clause id."""
        return self._sentences

    def clause_sentences(self, clause_id: str) -> tuple[Span, ...]:
        """The same split over one clause's own text (offsets relative to the clause)."""
        return self.memo(("clause_sentences", clause_id), lambda: tuple(sentences(self.clause(clause_id).text)))

    @property
    def units(self) -> TextArtifacts:
        """The rules' per-clause sentence units, tokenised once with lookup lemmas.

        A different split from ``sentences`` on purpose: units never cross a nested
        clause's boundary and follow paragraphs, which rule quotes and sentence-level
        conditions rely on.
        """
        if self._units is None:
            if self._nlp is None:
                raise ValueError("rule units need a spaCy pipeline: build the context with nlp")
            self._units = annotate(self._document, self._nlp, self._lemmatizer)
        return self._units

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Tag and parse short windows (``PARSE_PIPES`` only), each distinct text once.

        Raises:
            ValueError: the context was built without a spaCy pipeline.
        """
        nlp = self._nlp
        if nlp is None:
            raise ValueError("parsing needs a spaCy pipeline: build the context with nlp")
        todo = list(dict.fromkeys(t for t in texts if t not in self._parses))
        if todo:
            disable = [p for p in nlp.pipe_names if p not in PARSE_PIPES]
            with nlp.select_pipes(disable=disable):
                for text, doc in zip(todo, nlp.pipe(todo, batch_size=64), strict=True):
                    self._parses[text] = doc
        return [self._parses[t] for t in texts]

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """Return a value derived from this document, computed on first use."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]


def build_context(
    document: Document,
    classifications: tuple[Classification, ...] = (),
    nlp: Language | None = None,
    lemmatizer: LookupLemmatizer | None = None,
) -> DocumentContext:
    """Index, split and (when ``nlp`` is given) tokenise a classified document once.

    Args:
        document: the segmented contract.
        classifications: one per clause, from the classifier.
        nlp: the spaCy pipeline from ``Analyzer.load``; without it only the regex
            extractors can run (no rule units, no parses).
        lemmatizer: the pipeline's lookup lemmatizer (``Analyzer`` builds it once);
            a fresh one is made from ``nlp`` when omitted.
    """
    if nlp is not None and lemmatizer is None:
        lemmatizer = LookupLemmatizer(nlp)
    context = DocumentContext(document, classifications, nlp, lemmatizer)
    if nlp is not None:
        _ = context.units  # tokenise now, once, for every rule
    return context
