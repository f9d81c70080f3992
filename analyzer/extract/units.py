"""The unit a price is quoted in, read from the words around it.

"per productive agent hour", "/call", "per FTE-month", "per reserved agent per month" and
", one-time" each map to one ``RateUnit``; order matters ("per agent per month" is an
FTE-month, not a month).
"""

from __future__ import annotations

import re

from analyzer.types import RateUnit

__all__ = ["unit_after", "unit_in"]

_PER = r"(?:per|/|an?|each|for each|every)\s*"
_MONTH = r"(?:calendar\s+)?month\b"
_PATTERNS: tuple[tuple[RateUnit, str], ...] = (
    (
        RateUnit.FTE_MONTH,
        _PER + r"(?:full[- ]time[- ]equivalent|FTEs?|(?:dedicated |reserved |retained |standby |committed )?"
        r"(?:agent|seat|workstation|head(?:count)?|position|resource|team leader|supervisor|"
        r"staff member|person|employee)s?)\s*(?:[-/]\s*|per\s+|a\s+|each\s+|/\s*)" + _MONTH,
    ),
    (RateUnit.FTE_MONTH, _PER + _MONTH + r"\s*(?:per|/|for each|each)\s*(?:FTE|agent|seat|head|position)s?\b"),
    (
        RateUnit.PRODUCTIVE_HOUR,
        _PER + r"(?:(?:productive|logged[- ]in|billable|billed|staffed|paid|available|production|"
        r"scheduled|worked|labou?r|man|person|resource|FTE|activated|on[- ]call)[\s-]+)*"
        r"(?:agent[\s-]+)?(?:hour|hr)s?\b",
    ),
    (RateUnit.PRODUCTIVE_HOUR, r"hourly\b"),
    (
        RateUnit.MINUTE,
        _PER + r"(?:(?:handled|billable|billed|talk|handle|connected|productive|agent|call|usage|"
        r"conversation)[\s-]+)*min(?:ute)?s?\b",
    ),
    (
        RateUnit.CALL,
        _PER + r"(?:(?:handled|answered|inbound|outbound|completed|connected|offered|billable|"
        r"resolved|voice)[\s-]+)*(?:call|contact|interaction|dial)s?\b",
    ),
    (
        RateUnit.TRANSACTION,
        _PER + r"(?:(?:handled|closed|processed|completed|resolved|successful|billable|qualified|"
        r"inbound|outbound)[\s-]+)*(?:transaction|case|e-?mail|chat(?: session)?|session|sale|ticket|"
        r"order|claim|application|record|document|item|account|letter|message|survey|appointment|"
        r"booking|reservation|enrol?ment|lead|payment|form|page|image|verification|collection|"
        r"interaction|conversation|web[- ]form|SMS|text)s?\b"
        r"(?:\s+(?:closed|handled|processed|completed|resolved|sold|booked))?\b",
    ),
    (RateUnit.MONTH, _PER + _MONTH),
    (RateUnit.MONTH, r"(?:monthly|a month|per mensem)\b"),
    (
        RateUnit.ONE_TIME,
        r"(?:one[- ]time|one[- ]off|once[- ]off|non[- ]recurring|lump[- ]sum|payable once|"
        r"fixed (?:one[- ]time )?fee)\b",
    ),
)
_COMPILED = tuple((unit, re.compile(p, re.IGNORECASE)) for unit, p in _PATTERNS)
# What may sit between an amount and its unit: ",", "(excl. VAT)", "plus tax", "(USD)".
_GAP = re.compile(r"[\s,:;-]*(?:\([^()]{0,40}\)\s*)?(?:(?:plus|excl\.?|excluding|exclusive of) (?:VAT|GST|taxes|tax)\s*)?[\s,-]*")


def unit_after(text: str) -> tuple[RateUnit, int] | None:
    """Return the unit that directly follows an amount and the length it spans.

    ``text`` starts right after the amount. The unit must come first (after at most a
    parenthetical or a tax note), so "USD 500 for training per month" is not read as
    a monthly rate of the training.
    """
    gap = _GAP.match(text)
    skip = gap.end() if gap else 0
    for unit, regex in _COMPILED:
        m = regex.match(text, skip)
        if m:
            return unit, m.end()
    return None


def unit_in(text: str) -> RateUnit | None:
    """Return the first unit named anywhere in ``text`` (a header cell or a unit column)."""
    best: tuple[int, RateUnit] | None = None
    for unit, regex in _COMPILED:
        m = regex.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), unit)
    return best[1] if best else None
