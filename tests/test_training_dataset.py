"""Labelled examples from documents, grouped folds, CUAD span location, hand-written file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.errors import ModelError
from analyzer.training.dataset import (
    TextIndex,
    clauses_over,
    contract_files,
    contract_key,
    examples_from_document,
    grouped_folds,
    load_handwritten,
    read_master_clauses,
)
from analyzer.types import Clause, ClauseType, Document, FileFormat, SourceInfo


def _document(parts: list[tuple[str | None, str | None, bool, str]]) -> Document:
    """Build a Document from (number, heading, own_heading, body) tuples."""
    text, clauses = "", []
    for i, (number, heading, own, body) in enumerate(parts):
        prefix = f"{number or ''} {heading or ''} ".lstrip()
        start = len(text) + len(prefix)
        text += prefix + body + "\n"
        clauses.append(Clause(f"c{i}", number, heading, own, 1, None, body, 1, 1,
                              start, start + len(body)))
    source = SourceInfo("x.txt", "x.txt", "0", FileFormat.TXT, len(text), 1)
    return Document(source, text, tuple(clauses), page_offsets=(0,))


def test_examples_from_document_labels_own_and_segmenter_named_headings_only() -> None:
    doc = _document([
        (None, "Preamble", False, "This Agreement is made between A and B."),
        ("1", "Term", True, "This Agreement lasts three years from the Effective Date."),
        ("1.1", "Term", False, "Inherited heading, so this clause is not labelled."),
        ("2", "Term and Termination", True, "Ambiguous heading gives no label at all."),
        ("3", "Supply of Product", True, "Unmapped heading gives no label."),
        ("4", "Governing Law", True, "The laws of Delaware govern this Agreement."),
    ])
    examples = examples_from_document(doc, "k")
    assert [(e.clause_id, e.label) for e in examples] == [
        ("c0", ClauseType.PREAMBLE),
        ("c1", ClauseType.TERM_RENEWAL),
        ("c5", ClauseType.GOVERNING_LAW),
    ]
    assert examples[1].body == "This Agreement lasts three years from the Effective Date."


def test_grouped_folds_never_put_a_contract_on_both_sides() -> None:
    groups = [f"contract{i // 7}" for i in range(140)]
    labels = [("a", "b", "c", "d")[i % 4] for i in range(140)]
    folds = grouped_folds(groups, labels, n_splits=5, seed=3)
    assert len(folds) == 5
    seen_test: set[int] = set()
    for train, test in folds:
        assert not {groups[i] for i in train} & {groups[i] for i in test}
        seen_test |= set(test)
    assert seen_test == set(range(140))  # every clause is tested exactly once overall


def test_grouped_folds_are_reproducible_with_a_fixed_seed() -> None:
    groups = [f"g{i // 5}" for i in range(100)]
    labels = [str(i % 3) for i in range(100)]
    assert grouped_folds(groups, labels, 5, 1) == grouped_folds(groups, labels, 5, 1)


@pytest.mark.parametrize(
    ("span", "found"),
    [
        ("governed by the laws of the State of New York", "governed by  the laws of the\nState of New York"),
        ("GOVERNED BY THE LAWS OF THE STATE OF NEW YORK.", "governed by  the laws of the\nState of New York"),
    ],
)
def test_text_index_finds_span_despite_spacing_and_case(span: str, found: str) -> None:
    text = "Preamble. This Agreement shall be governed by  the laws of the\nState of New York. End."
    start, end = TextIndex(text).find(span)
    assert text[start:end] == found


def test_text_index_returns_none_for_absent_span() -> None:
    assert TextIndex("nothing relevant here at all").find("governed by the laws of Texas") is None


def test_clauses_over_picks_clauses_holding_most_of_a_span() -> None:
    doc = _document([("1", "Term", True, "a" * 100), ("2", "Law", True, "b" * 100)])
    first, second = doc.clauses
    assert clauses_over(doc, first.start + 10, first.start + 60) == [0]
    assert clauses_over(doc, first.end - 5, second.start + 80) == [1]


def test_read_master_clauses_keeps_mapped_categories(tmp_path: Path) -> None:
    csv_path = tmp_path / "master_clauses.csv"
    csv_path.write_text(
        "Filename,Governing Law,Governing Law-Answer,Parties\n"
        "\"Alpha Deal.PDF\",\"['This Agreement is governed by Ohio law.']\",Ohio,\"['A']\"\n",
        encoding="utf-8",
    )
    spans = read_master_clauses(csv_path)
    assert list(spans) == [contract_key("alpha deal.txt")]
    (span,) = spans[contract_key("Alpha Deal.txt")]
    assert span.category == "Governing Law"
    assert span.types == frozenset({ClauseType.GOVERNING_LAW})


def test_contract_files_prefers_txt_then_pdf(tmp_path: Path) -> None:
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "a.pdf").write_bytes(b"%PDF-1.4")
    assert contract_files(tmp_path) == [tmp_path / "pdf" / "a.pdf"]
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "a.txt").write_text("x", encoding="utf-8")
    assert contract_files(tmp_path) == [tmp_path / "txt" / "a.txt"]


def test_contract_files_raises_on_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no contracts"):
        contract_files(tmp_path)


def test_load_handwritten_reads_jsonl_and_rejects_bad_label(tmp_path: Path) -> None:
    good = tmp_path / "hw.jsonl"
    good.write_text(json.dumps({"label": "taxes", "heading": "Taxes", "text": "Buyer pays VAT."})
                    + "\n\n", encoding="utf-8")
    (example,) = load_handwritten(good)
    assert (example.label, example.source, example.contract) == (
        ClauseType.TAXES, "handwritten", "handwritten")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"label": "nope", "text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(ModelError, match="line 1"):
        load_handwritten(bad)


def test_shipped_handwritten_examples_are_valid_and_cover_rare_types() -> None:
    examples = load_handwritten()
    labels = {e.label for e in examples}
    assert {ClauseType.SERVICE_LEVELS, ClauseType.PRICE_ADJUSTMENT} <= labels
    assert all(len(e.body.split()) >= 10 for e in examples)


def test_examples_from_document_skips_running_headers() -> None:
    header = ("9", "Services", True, "Page header text repeated on every page of the filing.")
    doc = _document([header] * 6 + [("10", "Notices", True, "Notices go to the addresses above.")])
    assert [e.label for e in examples_from_document(doc, "k")] == [ClauseType.NOTICES]
