"""Scan a rule regex only where one of its possible first words occurs.

Python's ``re`` tries a pattern such as ``\\b(shift|night|weekend)\\s+...`` at every character
of a long contract. When every match must *start* with one of a few literal strings, the
same matches come from trying the pattern only where those strings occur (found with fast
``str.find``), in order, skipping what a previous match consumed: that is exactly what
``finditer`` does, minus the positions where no match can start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C
from re import _parser

_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
MIN_LITERAL = 2  # shorter first words occur too often to save anything (punctuation may)
DIGIT = "\x00digit"  # a start meaning "any character \\d matches"
_DIGIT = re.compile(r"\d")


def _first(items: list[tuple]) -> set[str] | None:
    """Strings one of which every match of a parsed sequence starts with (None: unknown)."""
    i = 0
    while i < len(items) and items[i][0] in _ZERO_WIDTH:  # \b, lookarounds consume nothing
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    if op is C.LITERAL:
        run = []
        while i < len(items) and items[i][0] is C.LITERAL:
            run.append(chr(items[i][1]))
            i += 1
        return {"".join(run)}
    if op is C.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is C.LITERAL:
                chars.add(chr(item_av))
            elif item_op is C.CATEGORY and item_av is C.CATEGORY_DIGIT:
                chars.add(DIGIT)
            else:  # ranges, negation, other classes: too open to list
                return None
        return chars
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags or del_flags:
            return None
        return _first(list(body))
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            starts = _first(list(alt))
            if starts is None:
                return None
            out |= starts
        return out
    if op in _REPEATS:
        low, _high, body = av
        starts = _first(list(body))
        if starts is None:
            return None
        if low >= 1:
            return starts
        rest = _first(items[i + 1 :])  # the optional part may be skipped
        return None if rest is None else starts | rest
    if op is C.ATOMIC_GROUP:
        return _first(list(av))
    return None


def literal_starts(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Return the literal strings every match of a case-sensitive regex starts with.

    A start may be ``DIGIT`` (any character ``\\d`` matches) or one punctuation character.
    None when the pattern may start otherwise (a wide class, an optional prefix that cannot
    be resolved), when it uses IGNORECASE or inline flags, or when a start is a word
    shorter than ``MIN_LITERAL``.
    """
    if regex.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII) or "\x00" in regex.pattern:
        return None
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None
    if tree.state.flags & re.IGNORECASE:
        return None
    starts = _first(list(tree))
    if not starts or any(_too_common(s) for s in starts):
        return None
    return frozenset(starts)


def _too_common(start: str) -> bool:
    """A one-letter, one-digit or whitespace start would be tried almost everywhere."""
    if start == DIGIT:
        return False
    return len(start) < MIN_LITERAL and (start.isalnum() or start.isspace() or start == "_")


def scan(regex: re.Pattern[str], starts: frozenset[str], text: str) -> Iterator[re.Match[str]]:
    """Yield the matches ``regex.finditer(text)`` would, trying only where a start occurs."""
    positions: set[int] = set()
    for literal in starts:
        if literal == DIGIT:
            positions.update(m.start() for m in _DIGIT.finditer(text))
            continue
        i = text.find(literal)
        while i >= 0:
            positions.add(i)
            i = text.find(literal, i + 1)
    pos = 0
    for at in sorted(positions):
        if at < pos:
            continue
        m = regex.match(text, at)
        if m is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
