"""Durations, escalators and caps: the figures around a price that change what it costs.

"Rates increase by 3.5% each year", "the greater of 4.5% or CPI" and "not to exceed
USD 10,000" decide whether a cost is hidden or bounded, so the rules read them here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.extract.money import Percent, find_money, find_percentages
from analyzer.extract.numbers import NUMBER_WORDS, parse_number
from analyzer.extract.text import sentences
from analyzer.types import Money

__all__ = ["Duration", "Escalator", "Cap", "find_durations", "find_escalators", "find_caps"]

_UNIT_NORMAL = {
    "sec": "second",
    "secs": "second",
    "second": "second",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "quarter": "quarter",
}
_DURATION_RE = re.compile(
    r"(?:(?P<words>" + NUMBER_WORDS + r")\s*(?:\(\s*(?P<paren>\d+(?:\.\d+)?)\s*\)\s*)?"
    r"|(?P<num>\d+(?:\.\d+)?)(?:\s?-\s?|\s?)"
    r")(?P<qual>(?:business|calendar|working|banking|consecutive|full)\s+)?"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|quarters?)\b",
    re.IGNORECASE,
)

_INDEX_RE = re.compile(
    r"\b(?:CPI(?:-[UW])?|consumer price index|retail price index|RPI|HICP|IPC|INPC|WPI|"
    r"employment cost index|ECI|inflation(?: rate)?|cost[- ]of[- ]living)\b",
    re.IGNORECASE,
)
_INCREASE_RE = re.compile(
    r"\b(?:increas|escalat|adjust|uplift|index(?:ed|ation)|rise|revis)\w*", re.IGNORECASE
)
_PERIOD_RE = re.compile(
    r"\b(?:per (?:year|annum|contract year)|annual(?:ly)?|each (?:contract |calendar )?year|"
    r"every (?:contract |calendar )?year|(?:on )?each anniversary|year[- ]over[- ]year|yearly|"
    r"each (?:march|january|april|july|october) 1)\b",
    re.IGNORECASE,
)
_GREATER_RE = re.compile(r"\b(?:greater|higher|larger) of\b", re.IGNORECASE)

_CAP_CUE_RE = re.compile(
    r"\b(?:(?:shall|will|must|may|does|do|to) not exceed|not to exceed|capped at|(?:a |the )?cap of|"
    r"(?:up to |subject to )?a maximum (?:amount )?of|maximum of|limited to|no more than|not more than|"
    r"in no event (?:more|greater) than|up to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Duration:
    """A period: "thirty (30) days", "5 business days", "12-month", "20 seconds"."""

    value: float
    unit: str  # second | minute | hour | day | week | month | year | quarter
    qualifier: str | None  # business | calendar | working ...
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Escalator:
    """An automatic price increase: a fixed percent, an index, or the greater of both."""

    percent: float | None
    index: str | None
    greater_of: bool
    period: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Cap:
    """A ceiling on an amount: "not to exceed USD 10,000", "capped at 10% of fees"."""

    cue: str
    money: Money | None
    percent: Percent | None
    start: int
    end: int
    text: str


def find_durations(text: str) -> list[Duration]:
    """Return every duration in ``text`` with its normalised unit."""
    out = []
    for m in _DURATION_RE.finditer(text):
        raw = m.group("paren") or m.group("num") or m.group("words")
        value = parse_number(raw) if raw else None
        if value is None:
            continue
        unit = m.group("unit").lower()
        unit = _UNIT_NORMAL.get(unit.rstrip("s") if unit not in ("hrs", "mins", "secs") else unit, unit)
        qual = (m.group("qual") or "").strip().lower() or None
        out.append(Duration(value, unit, qual, m.start(), m.end(), m.group(0)))
    return out


def find_escalators(text: str) -> list[Escalator]:
    """Return the sentences of ``text`` that raise prices automatically.

    A sentence counts when it speaks of an increase or adjustment and names either a
    percentage with a yearly period or a price index; "the greater of 4.5% or CPI" sets
    ``greater_of``. Offsets are relative to ``text``.
    """
    out = []
    for sent in sentences(text):
        s = sent.text
        if not _INCREASE_RE.search(s):
            continue
        index = _INDEX_RE.search(s)
        period = _PERIOD_RE.search(s)
        pcts = [p for p in find_percentages(s) if not _is_threshold(s, p.start)]
        if not index and not (pcts and period):
            continue
        if not re.search(r"\b(?:rate|price|fee|charge|amount|pricing|cost)s?\b", s, re.IGNORECASE):
            continue
        out.append(
            Escalator(
                percent=pcts[0].value if pcts else None,
                index=index.group(0) if index else None,
                greater_of=bool(_GREATER_RE.search(s)),
                period=period.group(0) if period else None,
                start=sent.start,
                end=sent.end,
                text=s,
            )
        )
    return out


def _is_threshold(text: str, pos: int) -> bool:
    """True when the number at ``pos`` is a trigger ("exceeds 4%") rather than a price."""
    before = text[max(0, pos - 30) : pos].lower()
    return bool(
        re.search(r"(?:exceed|exceeds|exceeding|more than|less than|above|below|beyond|"
                  r"in excess of|at least|differs?[^.]{0,30}by|\+/-)\s*$", before)
    )


def find_caps(text: str) -> list[Cap]:
    """Return each cap cue followed (within a few words) by an amount or a percentage."""
    money = find_money(text)
    pcts = find_percentages(text)
    out = []
    for m in _CAP_CUE_RE.finditer(text):
        window_end = m.end() + 25
        mon = next((x for x in money if m.end() <= x.start <= window_end), None)
        pct = next((x for x in pcts if m.end() <= x.start <= window_end), None)
        if mon is None and pct is None:
            continue
        first = min((x for x in (mon, pct) if x is not None), key=lambda x: x.start)
        end = first.end
        if pct is not None and first is pct:
            tail = re.match(r"\s+of\s+(?:the\s+)?[\w' -]{0,60}?(?:fees|charges|amount|invoice|price)s?", text[end:])
            if tail:
                end += tail.end()
        out.append(
            Cap(
                cue=m.group(0),
                money=mon if first is mon else None,
                percent=pct if first is pct else None,
                start=m.start(),
                end=end,
                text=text[m.start() : end],
            )
        )
    return out
