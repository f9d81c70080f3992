"""Money and percentages in contract text, with exact offsets.

A reviewer must see the very characters a figure came from, so every match keeps its
span; "fifty thousand dollars (USD 50,000)" is one amount, not two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.extract.numbers import NUMBER_DIGITS, NUMBER_WORDS, parse_number, scale_of
from analyzer.lexicon.money import (
    CURRENCY_ADJECTIVE,
    CURRENCY_CODE,
    CURRENCY_NAME,
    CURRENCY_NAMES,
    CURRENCY_SYMBOL,
    CURRENCY_SYMBOLS,
    currency_of_adjective,
)
from analyzer.types import Money

__all__ = ["Percent", "find_money", "find_percentages"]

_SCALE = r"(?:\s?(?P<scale>million|thousand|billion|bn|mm|mn|m|k)\b)?"

# The currency vocabulary is analyzer.lexicon.money's, shared with the rules.
_PREFIX_RE = re.compile(
    r"(?<![A-Za-z])(?P<cur>" + CURRENCY_CODE + r"|" + CURRENCY_SYMBOL + r")\s?(?P<num>" + NUMBER_DIGITS + r")" + _SCALE
)
_SUFFIX_RE = re.compile(
    r"(?P<num>" + NUMBER_DIGITS + r")" + _SCALE + r"\s?(?:(?P<cur>" + CURRENCY_CODE + r"|€|£)|" + CURRENCY_ADJECTIVE + CURRENCY_NAME + r")"
)
_WORDS_RE = re.compile(
    r"(?P<words>" + NUMBER_WORDS + r")\s+" + CURRENCY_ADJECTIVE + CURRENCY_NAME, re.IGNORECASE
)
_PAREN_AFTER = re.compile(r"\s*\(\s*(?P<inner>[^()]{1,40}?)\s*\)")

_PERCENT_DIGITS_RE = re.compile(
    r"(?P<num>" + NUMBER_DIGITS + r")\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.IGNORECASE
)
_PERCENT_WORDS_RE = re.compile(
    r"(?P<words>" + NUMBER_WORDS + r")\s+(?:percent|per\s?cent)\b"
    r"(?:\s*\(\s*(?P<num>" + NUMBER_DIGITS + r")\s?%\s*\))?",
    re.IGNORECASE,
)
_PERCENT_WORDS_PAREN_RE = re.compile(
    r"(?P<words>" + NUMBER_WORDS + r")\s*\(\s*(?P<num>" + NUMBER_DIGITS + r")\s?%\s*\)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage found in text ("ten percent (10%)" is one)."""

    value: float
    start: int
    end: int
    text: str


def _currency(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    cur = groups.get("cur")
    if cur:
        return CURRENCY_SYMBOLS.get(cur, cur.upper())
    adj = currency_of_adjective(groups.get("adj") or "")
    if adj:
        return adj
    name = (groups.get("name") or "").lower()
    return CURRENCY_NAMES.get(name)


def _drop_overlaps(items: list, key_len=lambda x: x.end - x.start) -> list:
    """Keep the longest of overlapping matches, then sort by position."""
    kept: list = []
    for item in sorted(items, key=lambda x: (-key_len(x), x.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda x: x.start)


def find_money(text: str) -> list[Money]:
    """Return every amount of money in ``text`` with its currency and exact span.

    Handles "USD 27.40", "$0.95", "US$1,200", "27.40 USD", "EUR 1.250,00", "USD 2 million"
    and words ("fifty thousand dollars"); a following "(USD 50,000)" is merged into the
    worded amount and its digits win.
    """
    found: list[Money] = []
    for regex in (_PREFIX_RE, _SUFFIX_RE):
        for m in regex.finditer(text):
            value = parse_number(m.group("num"))
            if value is None:
                continue
            value *= scale_of(m.group("scale"))
            found.append(Money(value, _currency(m), m.start(), m.end(), m.group(0)))
    for m in _WORDS_RE.finditer(text):
        value = parse_number(m.group("words"))
        if value is None:
            continue
        end = m.end()
        currency = _currency(m)
        paren = _PAREN_AFTER.match(text, end)
        if paren:
            inner = paren.group("inner")
            inner_money = [x for x in find_money_digits(inner)]
            if inner_money:
                value = inner_money[0].amount
                currency = inner_money[0].currency or currency
                end = paren.end()
        found.append(Money(value, currency, m.start(), end, text[m.start() : end]))
    return _drop_overlaps(found)


def find_money_digits(text: str) -> list[Money]:
    """Return only digit amounts (used inside parentheses after worded amounts)."""
    out = []
    for regex in (_PREFIX_RE, _SUFFIX_RE):
        for m in regex.finditer(text):
            value = parse_number(m.group("num"))
            if value is not None:
                value *= scale_of(m.group("scale"))
                out.append(Money(value, _currency(m), m.start(), m.end(), m.group(0)))
    return _drop_overlaps(out)


def find_percentages(text: str) -> list[Percent]:
    """Return every percentage: "12%", "12.5 percent", "ten percent (10%)", "three and one-half percent"."""
    found: list[Percent] = []
    for m in _PERCENT_DIGITS_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            found.append(Percent(value, m.start(), m.end(), m.group(0)))
    for regex in (_PERCENT_WORDS_RE, _PERCENT_WORDS_PAREN_RE):
        for m in regex.finditer(text):
            num = m.groupdict().get("num")
            value = parse_number(num) if num else parse_number(m.group("words"))
            if value is not None:
                found.append(Percent(value, m.start(), m.end(), m.group(0)))
    return _drop_overlaps(found)
