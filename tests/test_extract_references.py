"""References to schedules and exhibits, and whether the document contains them."""

from __future__ import annotations

import pytest

from analyzer.extract import extract_references
from extract_fixtures import make_context, make_doc


def _refs(text: str):
    doc = make_doc(text)
    refs = extract_references(make_context(doc))
    for r in refs:
        assert doc.text[r.start : r.end] == r.quote
    return [(r.label, r.present) for r in refs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Agents follow the scripts in Schedule B.\n", [("Schedule B", False)]),
        ("1. The rates are in Schedule 3.\n\nSCHEDULE 3\nPRICING\n", [("Schedule 3", True)]),
        ("1. The SOW is attached as Exhibit A.\n\nEXHIBIT A\nSTATEMENT OF WORK\n", [("Exhibit A", True)]),
        ("1. See Annex A and Annex B.\n\nANNEX A\nRevised rates\n", [("Annex A", True), ("Annex B", False)]),
        ("1. See Appendix 2.\n\nAppendix 2 - Call Types\n", [("Appendix 2", True)]),
        ("1. Attachment 1 lists the sites.\n", [("Attachment 1", False)]),
    ],
)
def test_extract_references_presence(text, expected):
    assert _refs(text) == expected


def test_reference_into_the_parent_agreement_is_not_a_missing_schedule():
    assert _refs("1. Fees are payable under Schedule 4 of the Master Services Agreement.\n") == []


def test_a_wrapped_sentence_is_not_an_attachment_heading():
    text = "1. The tools are described in\n\nAnnex B.\n"
    assert _refs(text) == [("Annex B", False)]


def test_no_references_in_plain_text():
    assert _refs("1. Supplier shall provide the Services.\n") == []
