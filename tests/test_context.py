"""The document context: one index, one sentence split and one parse memo per document."""

from __future__ import annotations

import spacy
from extract_fixtures import make_doc

from analyzer.context import build_context
from analyzer.types import Classification, Clause, ClauseType, Document, FileFormat, SourceInfo


def _clause(cid: str, number: str, parent: str | None, text: str, start: int) -> Clause:
    return Clause(cid, number, None, False, 1 if parent is None else 2, parent, text, 1, 1,
                  start, start + len(text))


def _nested() -> Document:
    """1 (with 1.1 and 1.2 inside it), then 2 with 2.1; page 2 starts at clause 2."""
    parts = ["1. Services. ", "1.1 Supplier shall answer calls. ", "1.2 Reports monthly. ",
             "2. Fees. ", "2.1 Client shall pay."]
    text = "".join(parts)
    offsets = [sum(len(p) for p in parts[:i]) for i in range(len(parts))]
    one = Clause("c1", "1", "Services", True, 1, None, text[: offsets[3]], 1, 1, 0, offsets[3])
    two = Clause("c2", "2", "Fees", True, 1, None, text[offsets[3] :], 2, 2, offsets[3], len(text))
    clauses = (
        one,
        _clause("c11", "1.1", "c1", parts[1], offsets[1]),
        _clause("c12", "1.2", "c1", parts[2], offsets[2]),
        two,
        _clause("c21", "2.1", "c2", parts[4], offsets[4]),
    )
    source = SourceInfo("t.txt", "t.txt", "0" * 64, FileFormat.TXT, len(text), 2)
    return Document(source, text, clauses, page_offsets=(0, offsets[3]))


def test_context_lookups_by_id_and_children() -> None:
    doc = _nested()
    cls = (Classification("c11", ClauseType.SERVICE_LEVELS, 0.9),)
    ctx = build_context(doc, cls)
    assert ctx.clause("c12").number == "1.2"
    assert ctx.classification("c11") is cls[0]
    assert ctx.classification("c12") is None
    assert [c.id for c in ctx.children("c1")] == ["c11", "c12"]
    assert ctx.children("c11") == ()


def test_context_section_family_and_ancestors() -> None:
    ctx = build_context(_nested())
    assert [c.id for c in ctx.section("c12")] == ["c1", "c11", "c12"]
    assert [c.id for c in ctx.section("c2")] == ["c2", "c21"]
    assert ctx.family("c11") == {"c1", "c11", "c12"}
    assert ctx.family("c1") == {"c1", "c11", "c12"}
    assert ctx.family(None) == frozenset()
    assert [c.id for c in ctx.ancestors("c21")] == ["c21", "c2"]
    assert [c.id for c in ctx.sibling_group("c12")] == ["c1", "c11", "c12"]


def test_context_clause_at_and_page_at_at_boundaries() -> None:
    doc = _nested()
    ctx = build_context(doc)
    c11, c12, c2 = ctx.clause("c11"), ctx.clause("c12"), ctx.clause("c2")
    assert ctx.clause_at(0) == "c1"
    assert ctx.clause_at(c11.start) == "c11"  # the innermost clause wins
    assert ctx.clause_at(c11.end - 1) == "c11"
    assert ctx.clause_at(c12.start) == "c12"  # end is exclusive
    assert ctx.clause_at(c2.start) == "c2"
    assert ctx.clause_at(len(doc.text) + 5) is None
    for offset in (0, c2.start - 1, c2.start, len(doc.text) - 1):
        assert ctx.page_at(offset) == doc.page_at(offset)
    assert ctx.page_at(c2.start - 1) == 1
    assert ctx.page_at(c2.start) == 2


def test_context_clause_at_gives_a_sentence_its_clause_number_lead() -> None:
    text = "An introduction of some length.\n2.1 Vendor will deliver."
    number = text.index("2.1")
    start = number + 4
    clause = Clause("c1", "2.1", None, False, 1, None, text[start:], 1, 1, start, len(text))
    source = SourceInfo("t.txt", "t.txt", "0" * 64, FileFormat.TXT, len(text), 1)
    ctx = build_context(Document(source, text, (clause,), page_offsets=(0,)))
    assert ctx.clause_at(number) == "c1"  # "2.1 " opens the sentence just before the clause span
    assert ctx.clause_at(0) is None


def test_context_sentences_carry_their_clause_ids() -> None:
    doc = make_doc("1. Supplier shall answer calls. Client shall pay.\n2. Fees are fixed.")
    ctx = build_context(doc)
    got = [(s.text, s.clause_id) for s in ctx.sentences]
    assert got == [
        ("1. Supplier shall answer calls.", "c0000"),
        ("Client shall pay.", "c0000"),
        ("2. Fees are fixed.", "c0001"),
    ]
    for s in ctx.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_context_parse_is_memoised_on_the_instance() -> None:
    nlp = spacy.blank("en")
    calls: list[int] = []
    original = nlp.pipe

    def counting_pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        calls.append(len(texts))
        return original(texts, **kwargs)

    nlp.pipe = counting_pipe  # type: ignore[method-assign]
    doc = make_doc("1. Reports will be provided.")
    ctx = build_context(doc, (), nlp)
    first = ctx.parse(["Reports will be provided", "Fees are fixed"])
    again = ctx.parse(["Fees are fixed", "Reports will be provided"])
    assert calls == [2]  # each distinct window parsed once
    assert again[0] is first[1] and again[1] is first[0]
    other = build_context(doc, (), nlp)  # a new document context starts empty
    other.parse(["Fees are fixed"])
    assert calls == [2, 1]


def test_context_units_are_tokenised_once() -> None:
    nlp = spacy.blank("en")
    ctx = build_context(make_doc("1. Supplier shall answer calls. Client shall pay."), (), nlp)
    assert ctx.units is ctx.units
    assert [d.text for d in ctx.units.docs] == ["1. Supplier shall answer calls.", "Client shall pay."]
