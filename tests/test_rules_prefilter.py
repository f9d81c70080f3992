"""The literal-start prefilter must give exactly the matches of ``finditer``."""

from __future__ import annotations

import random
import re

from analyzer.rules.engine import _case_free, _lowered
from analyzer.rules.prefilter import DIGIT, literal_starts, scan

PATTERNS = [
    r"\b(shift|night|weekend)\s+(premium|uplift)s?\b",
    r"(?:\bthen[- ](current|prevailing)\s+(rates?|fees?))|(?:\bits\s+(standard|list)\s+rates?)",
    r"\b(early[- ])?terminat\w* fees?\b",
    r"(?<![\w-])(?:index\w*|cpi)\b",
    r"ab(?:ab)*",
    r"[+]?\d+(\.\d+)?\s*(%|percent\b)\s+(on|above)|\bsurcharges?\b",
    r"(?:\(\s*to (follow|come)\s*\)|[:|-]\s*to (follow|come)\b|[\d,]+\)?\s+hours?)",
]
WORDS = ["shift", "night", "premium", "uplift", "then-current", "then current", "rates", "fee",
         "its", "standard", "list", "early", "termination", "terminate", "index", "cpi", "ab",
         "abab", "x-index", "weekends", "-", ",", "\n", "12", "+5", "3.5%", "7 %", "percent",
         "on", "above", "surcharge", "(", ")", "to", "follow", ":", "|", "1,000", "hour",
         "hours", "٣"]


def test_prefilter_literal_starts_found_for_word_alternations() -> None:
    assert literal_starts(re.compile(PATTERNS[0])) == {"shift", "night", "weekend"}
    assert literal_starts(re.compile(PATTERNS[2])) == {"early", "terminat"}


def test_prefilter_literal_starts_digits_and_punctuation() -> None:
    assert literal_starts(re.compile(r"[+]?\d+%|\bsurcharges?")) == {DIGIT, "+", "surcharge"}
    assert literal_starts(re.compile(r"\(\s*to")) == {"("}


def test_prefilter_literal_starts_none_when_a_match_may_start_anywhere() -> None:
    assert literal_starts(re.compile(r"\b\w+ fees?")) is None
    assert literal_starts(re.compile(r"fee", re.IGNORECASE)) is None
    assert literal_starts(re.compile(r"(?i:fee)s")) is None
    assert literal_starts(re.compile(r"a|bc")) is None  # a one-letter start saves nothing


def test_prefilter_scan_equals_finditer_on_random_text() -> None:
    rng = random.Random(3)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
        for pattern in PATTERNS:
            regex = re.compile(pattern)
            starts = literal_starts(regex)
            assert starts is not None, pattern
            expected = [m.span() for m in regex.finditer(text)]
            assert [m.span() for m in scan(regex, starts, text)] == expected, (pattern, text)


def test_prefilter_case_free_patterns_only() -> None:
    assert _case_free(r"\b(fees?|charges?)\s+\w+\b")
    assert not _case_free(r"\b(TBD|fee)\b")
    assert not _case_free(r"(?-i:[A-Z]\w+) rates")
    assert not _case_free(r"\u00e9t\xe9")


def test_prefilter_lowered_text_refused_when_offsets_or_folding_differ() -> None:
    assert _lowered("Fees AND Charges") == "fees and charges"
    assert _lowered("İstanbul fee") is None  # lowercases to two characters
    assert _lowered("cuſtomer") is None  # long s folds to 's' only under IGNORECASE
