"""The shipped model in models/: loads, runs, and types plain clauses sensibly."""

from __future__ import annotations

import json

import pytest

from analyzer.classify.card_schema import CARD_FILE
from analyzer.classify.model import DEFAULT_MODEL_DIR, ClauseClassifier
from analyzer.types import Clause, ClauseType, Document, FileFormat, SourceInfo

CLAUSES = [
    (None, "This Agreement shall be governed by and construed in accordance with the laws of "
           "the State of New York, without regard to its conflict of laws rules.",
     ClauseType.GOVERNING_LAW),
    (None, "Each party shall indemnify, defend and hold harmless the other party from and against "
           "any and all claims, losses and damages arising from its breach of this Agreement.",
     ClauseType.INDEMNIFICATION),
    (None, "All notices under this Agreement shall be in writing and shall be deemed given when "
           "delivered personally or sent by certified mail to the addresses set forth above.",
     ClauseType.NOTICES),
    (None, "Supplier shall answer eighty percent (80%) of calls within twenty (20) seconds each "
           "month; if it fails, Supplier shall credit Customer five percent of the monthly fees.",
     ClauseType.SERVICE_LEVELS),
    ("Insurance", "", ClauseType.INSURANCE),  # heading-only clause: typed by its heading
]


@pytest.fixture(scope="module")
def shipped() -> ClauseClassifier:
    if not (DEFAULT_MODEL_DIR / CARD_FILE).is_file():
        pytest.fail("no shipped model in models/")
    return ClauseClassifier.load()


def _document() -> Document:
    text, clauses = "", []
    for i, (heading, body, _) in enumerate(CLAUSES):
        start = len(text)
        text += body + "\n"
        clauses.append(Clause(f"c{i}", str(i + 1), heading, heading is not None, 1, None, body,
                              1, 1, start, start + len(body)))
    return Document(SourceInfo("s.txt", "s.txt", "0", FileFormat.TXT, len(text), 1), text,
                    tuple(clauses), page_offsets=(0,))


def test_shipped_model_types_plain_clauses(shipped: ClauseClassifier) -> None:
    result = shipped.classify(_document())
    assert [c.label for c in result] == [expected for _, _, expected in CLAUSES]
    assert all(c.model_version == shipped.version for c in result)


def test_shipped_model_scores_are_probabilities(shipped: ClauseClassifier) -> None:
    proba = shipped.predict_proba([None, "Term"], ["Lorem ipsum dolor sit amet.", ""])
    assert proba.shape == (2, len(shipped.labels))
    assert proba.sum(axis=1) == pytest.approx([1.0, 1.0])


def test_shipped_model_card_matches_artefacts(shipped: ClauseClassifier) -> None:
    card = json.loads((DEFAULT_MODEL_DIR / CARD_FILE).read_text(encoding="utf-8"))
    assert card["version"] == shipped.version
    assert 0.0 < card["threshold"] < 1.0
    assert ClauseType.OTHER not in shipped.labels
    assert (DEFAULT_MODEL_DIR / "MODEL_CARD.md").is_file()


def test_shipped_model_lists_provisions_inside_a_clause_of_another_job(
    shipped: ClauseClassifier,
) -> None:
    assert shipped.provisions is not None, "the shipped model has no provision tagger"
    body = ("Licensor hereby grants to Licensee a non-transferable licence to use the Software "
            "in the Territory. During the Term, Licensee shall not market, sell or distribute "
            "any product that competes with the Software anywhere in the Territory.")
    text = "License Grant\n" + body
    start = text.index(body)
    doc = Document(SourceInfo("p.txt", "p.txt", "0", FileFormat.TXT, len(text), 1), text,
                   (Clause("c0", "2", "License Grant", True, 1, None, body, 1, 1, start,
                           start + len(body)),), page_offsets=(0,))
    (result,) = shipped.classify(doc)
    assert result.label is ClauseType.INTELLECTUAL_PROPERTY
    found = {p.type: p for p in result.provisions}
    assert ClauseType.RESTRICTIVE_COVENANTS in found
    quote = text[found[ClauseType.RESTRICTIVE_COVENANTS].start:
                 found[ClauseType.RESTRICTIVE_COVENANTS].end]
    assert quote.startswith("During the Term, Licensee shall not market")
    assert ClauseType.INTELLECTUAL_PROPERTY not in found  # the label is not repeated
