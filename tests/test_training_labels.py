"""Heading -> clause type: normalisation, longest-match resolution, ambiguity, map validation."""

from __future__ import annotations

import pytest

from analyzer.classify.inputs import normalise_heading
from analyzer.errors import ModelError
from analyzer.training.labels import load_heading_map, parse_heading_map
from analyzer.types import ClauseType


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("12.3 Term.", "term"),
        ("ARTICLE IV TERMINATION", "termination"),
        ("Section 5.2 Service Levels", "service levels"),
        ("(a) Fees & Expenses", "fees and expenses"),
        ("Attorneys' Fees", "attorneys fees"),
        ("Civil Penalties", "civil penalties"),
    ],
)
def test_normalise_heading_strips_numbering_and_punctuation(heading: str, expected: str) -> None:
    assert normalise_heading(heading) == expected


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("Term", ClauseType.TERM_RENEWAL),
        ("Termination for Convenience", ClauseType.TERMINATION),
        ("Effect of Termination", ClauseType.EXIT_TRANSITION),
        ("Duties upon Termination", ClauseType.EXIT_TRANSITION),
        ("Governing Law", ClauseType.GOVERNING_LAW),
        ("Service Levels", ClauseType.SERVICE_LEVELS),
        ("Service Fees", ClauseType.FEES_PRICING),
        ("Payment of Expenses", ClauseType.EXPENSES),
        ("Most Favored Nation", ClauseType.PRICE_ADJUSTMENT),
        ("No Third-Party Beneficiaries", ClauseType.GENERAL_PROVISIONS),
        ("Indemnification by the Company", ClauseType.INDEMNIFICATION),
        ("Return of Confidential Information", ClauseType.CONFIDENTIALITY),
        ("Attorneys' Fees", ClauseType.DISPUTE_RESOLUTION),
        ("Key Personnel", ClauseType.PERSONNEL_TRAINING),
        ("Solicitation of Employees", ClauseType.RESTRICTIVE_COVENANTS),
        ("Scope of Services", ClauseType.SCOPE_OF_SERVICES),
        ("Data Security", ClauseType.DATA_PROTECTION),
    ],
)
def test_heading_label_maps_known_headings(heading: str, label: ClauseType) -> None:
    assert load_heading_map().label(heading) is label


@pytest.mark.parametrize(
    "heading",
    [
        "Term and Termination",  # two types: ambiguous
        "Governing Law; Jurisdiction",
        "Fees and Expenses",
        "Exhibit A",  # ignored
        "CONFIDENTIAL TREATMENT REQUESTED",
        "Supply of Product",  # unmapped
        "Security Interests",  # collateral, not data protection
        "Scope of Agreement",  # what the agreement covers, not services delivered
        "Equipment, Facilities and Staff",  # a capacity representation
        "",
        None,
    ],
)
def test_heading_label_gives_none_for_ambiguous_ignored_or_unknown(heading: str | None) -> None:
    assert load_heading_map().label(heading) is None


def test_parse_heading_map_resolves_longest_match_from_small_map() -> None:
    hmap = parse_heading_map(
        {"types": {"termination": ["termination"], "exit_transition": ["effect of termination"]},
         "ignore": ["exhibit [a-z]"]}
    )
    assert hmap.label("Effect of Termination") is ClauseType.EXIT_TRANSITION
    assert hmap.label("Termination") is ClauseType.TERMINATION
    assert hmap.label("Exhibit B") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"types": {"no_such_type": ["x"]}}, "unknown clause type"),
        ({"types": {"taxes": ["(unclosed"]}}, "bad pattern"),
        ({"types": {"other": ["misc"]}}, "below-threshold"),
        ({"types": {"taxes": "taxes"}}, "list of pattern"),
        ([], "expected a mapping"),
    ],
)
def test_parse_heading_map_rejects_bad_map(data: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        parse_heading_map(data)


def test_shipped_heading_map_covers_every_type_but_other() -> None:
    covered = set(load_heading_map().types)
    assert covered == set(ClauseType) - {ClauseType.OTHER}
