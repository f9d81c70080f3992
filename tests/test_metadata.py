"""Title, parties and dates from the opening text."""

from __future__ import annotations

import pytest

from analyzer.metadata import find_dates, find_parties, find_title


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["CARD SERVICES CONTACT CENTER AGREEMENT", "This Agreement ..."], "CARD SERVICES CONTACT CENTER AGREEMENT"),
        (["Exhibit 10.2", "CO-HOSTING AGREEMENT", "This Co-Hosting Agreement"], "CO-HOSTING AGREEMENT"),
        (
            ["EXHIBIT 4.25 INFORMATION IN THIS EXHIBIT IS REDACTED. SERVICES AGREEMENT This Services Agreement is made"],
            "SERVICES AGREEMENT",
        ),
        (["This agreement is made between two parties."], None),
    ],
)
def test_metadata_finds_title(lines: list[str], title: str | None) -> None:
    assert find_title(lines) == title


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            'This Agreement is entered into by and between Harbourline Bank, N.A., a national banking association '
            '("Bank"), and Corvalis Customer Care, LLC, a Texas limited liability company ("Supplier").',
            ("Harbourline Bank, N.A.", "Corvalis Customer Care, LLC"),
        ),
        (
            "This Agreement is made between Acme Corp. (the \"Client\") and Beta Services LLC (\"Supplier\").",
            ("Acme Corp.", "Beta Services LLC"),
        ),
        ("This Agreement has no parties named.", ()),
    ],
)
def test_metadata_finds_parties(text: str, parties: tuple[str, ...]) -> None:
    assert find_parties(text) == parties


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("made as of March 1, 2026 (the Effective Date)", ("March 1, 2026",)),
        ("dated 1 March 2026 and amended 2026-04-01", ("1 March 2026", "2026-04-01")),
        ("made this 1st day of October, 2008", ("1st day of October, 2008",)),
        ("signed in 2019 for 30 days", ()),
    ],
)
def test_metadata_finds_dates(text: str, dates: tuple[str, ...]) -> None:
    assert find_dates(text) == dates
