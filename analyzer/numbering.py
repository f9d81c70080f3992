"""Clause-number patterns: what a printed number is, its style, and its value.

Segmentation needs three answers about the start of a paragraph: is there a clause number,
what *style* is it (``4.2`` decimal of depth 2, ``(a)`` lower letter in brackets, ``ARTICLE IV``
a keyword), and what is its value, so that sequences ("(h)" then "(i)") and false numbers
("2019.", "1.5 million") can be told apart. Pure functions over strings, regexes compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Ranks of keyword and decimal styles: a smaller rank is an outer level. Decimal "4.2" has
# rank 2 (its depth); ARTICLE is outside any decimal; attachments are outside everything.
RANK_ATTACHMENT = -1
RANK_ARTICLE = 0

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_AMBIGUOUS_LETTERS = frozenset("ivxlcdm")

_DECIMAL_RE = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{1,3})*)(?P<suffix>(?:\((?:[a-zA-Z]{1,4}|\d{1,2})\))*)(?P<dot>\.?)"
    r"(?=\s|$)"
)
_KEYWORD_RE = re.compile(
    r"(?P<kw>ARTICLE|Article|SECTION|Section|CLAUSE|Clause|§)\s*"
    r"(?P<num>\d{1,3}(?:\.\d{1,3})*|[IVXLC][IVXLC1l]{0,6}|[ivxlc]{1,7})"
    r"(?P<suffix>(?:\((?:[a-zA-Z]{1,4}|\d{1,2})\))*)(?P<dot>\.?)(?=[\s:\-–—]|$|(?<=\.)[A-Z])"
)
_PAREN_RE = re.compile(r"\((?P<tok>[a-zA-Z]{1,5}|\d{1,2})\)(?=\s|$)")
_RPAREN_RE = re.compile(r"(?P<tok>[a-zA-Z]{1,5}|\d{1,2})\)(?=\s)")
_DOT_RE = re.compile(r"(?P<tok>[a-zA-Z]|[ivxIVX]{2,5})\.(?=\s)")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A clause number found at the start of a text.

    Attributes:
        printed: the number exactly as printed ("4.2.", "(a)", "ARTICLE IV").
        label: the number as stored on a clause ("4.2", "(a)", "Article IV").
        style: the style key used for hierarchy ("dec", "kw:article", "paren:alpha_lower").
        rank: an absolute outline rank for keyword/decimal styles, None for relative styles
            (letters, romans, bracketed digits) whose level comes from the sequence.
        parts: decimal components, e.g. (4, 2); empty for other styles.
        value: ordinal of a letter/roman/digit item (a=1, iv=4); 0 when not relevant.
        end: offset just after the printed number.
        keyword: True when a keyword (Article, Section, Clause) introduced it.
        ambiguous: True for a single letter that is also a roman numeral (i, v, x, ...).
        complete: True when the printed number already names its parents ("4.2(a)").
    """

    printed: str
    label: str
    style: str
    rank: int | None
    parts: tuple[int, ...]
    value: int
    end: int
    keyword: bool = False
    ambiguous: bool = False
    complete: bool = False


def roman_value(token: str) -> int | None:
    """Return the value of a roman numeral (any case), or None if it is not one."""
    low = token.lower()
    if not low or not _ROMAN_RE.match(low):
        return None
    total = 0
    prev = 0
    for ch in reversed(low):
        val = _ROMAN_VALUES[ch]
        if val < prev:
            total -= val
        else:
            total += val
            prev = val
    return total


def letter_value(token: str) -> int | None:
    """Return a=1 .. z=26, aa=27 .. for letter items, or None."""
    if not token.isalpha() or not token.isascii():
        return None
    low = token.lower()
    if len(low) == 1:
        return ord(low) - 96
    if len(set(low)) == 1:  # "aa", "bbb": doubled letters after "z"
        return 26 * (len(low) - 1) + ord(low[0]) - 96
    return None


def _relative(token: str, form: str, end: int, printed: str) -> NumberMatch | None:
    """Build a relative-style match for a letter, roman or digit token in a bracket form."""
    if token.isdigit():
        return NumberMatch(printed, _label(form, token), f"{form}:digit", None, (), int(token), end)
    case = "upper" if token.isupper() else "lower" if token.islower() else None
    if case is None:
        return None
    low = token.lower()
    rom = roman_value(low)
    let = letter_value(low)
    if len(low) == 1 and low in _AMBIGUOUS_LETTERS and rom is not None and let is not None:
        # Decided later from the sequence; default: "i" opens a roman list, others are letters.
        kind = "roman" if low == "i" else "alpha"
        value = rom if kind == "roman" else let
        return NumberMatch(
            printed, _label(form, token), f"{form}:{kind}_{case}", None, (), value, end, ambiguous=True
        )
    if rom is not None:
        return NumberMatch(printed, _label(form, token), f"{form}:roman_{case}", None, (), rom, end)
    if let is not None:
        return NumberMatch(printed, _label(form, token), f"{form}:alpha_{case}", None, (), let, end)
    return None


def _label(form: str, token: str) -> str:
    """Return the stored label of a relative item: always bracketed, as in "4.2(a)"."""
    return f"({token})"


def as_other_reading(match: NumberMatch) -> NumberMatch:
    """Return the alternative reading of an ambiguous letter/roman item ("(i)" as the letter i)."""
    form, kind = match.style.split(":")
    kind_name, case = kind.split("_")
    token = match.label[1:-1]
    if kind_name == "roman":
        other = f"{form}:alpha_{case}"
        value = letter_value(token) or 0
    else:
        other = f"{form}:roman_{case}"
        value = roman_value(token) or 0
    return NumberMatch(
        match.printed, match.label, other, None, (), value, match.end, ambiguous=True
    )


def match_number(text: str, pos: int = 0) -> NumberMatch | None:
    """Return the clause number that starts ``text`` at ``pos``, or None.

    Guards against numbers that are not clause numbers: years ("2019."), amounts
    ("1.5 million", "12.5%"), and numbers with no text after them.
    """
    ch = text[pos : pos + 1]
    if not ch:
        return None
    if ch.isdigit():
        return _match_decimal(text, pos)
    if ch == "(":
        m = _PAREN_RE.match(text, pos)
        return _relative(m["tok"], "paren", m.end(), m.group(0)) if m else None
    if ch in "ASCasc§":
        m = _KEYWORD_RE.match(text, pos)
        if m:
            return _match_keyword(m)
    if ch.isalpha():
        m = _RPAREN_RE.match(text, pos)
        if m:
            return _relative(m["tok"], "rparen", m.end(), m.group(0))
        m = _DOT_RE.match(text, pos)
        if m:
            tok = m["tok"]
            if len(tok) > 1 and roman_value(tok) is None:
                return None
            return _relative(tok, "dot", m.end(), m.group(0))
    return None


def _match_decimal(text: str, pos: int) -> NumberMatch | None:
    """Match "1.", "1.1", "1.1.1", "4.2(a)" and reject years and amounts."""
    m = _DECIMAL_RE.match(text, pos)
    if not m:
        # "1)" style lists
        m2 = _RPAREN_RE.match(text, pos)
        if m2 and m2["tok"].isdigit():
            return _relative(m2["tok"], "rparen", m2.end(), m2.group(0))
        return None
    num, suffix, dot = m["num"], m["suffix"], m["dot"]
    parts = tuple(int(p) for p in num.split("."))
    if parts[0] > 300 or (len(parts) == 1 and not dot and not suffix and len(num) > 2):
        return None  # a year, an amount or a page number, not a clause number
    if len(parts) == 1 and not dot and not suffix:
        # "1 Definitions": undotted numbers only when a capitalised word follows
        nxt = text[m.end() :].lstrip()[:1]
        if not nxt.isupper():
            return None
    if any(p > 300 for p in parts[1:]):
        return None
    rest = text[m.end() :].lstrip()
    if not rest:
        if len(parts) == 1 and not dot:
            return None
    else:
        first = rest[0]
        if first.islower() or first in "%$€£,;)" or (first.isdigit() and not dot and len(parts) == 1):
            return None  # "1.5 million", "10 days", "30 %"
    printed = m.group(0)
    label = num + suffix
    if suffix:
        last = re.findall(r"\(([^)]*)\)", suffix)[-1]
        rel = _relative(last, "paren", m.end(), printed)
        if rel is None:
            return None
        return NumberMatch(
            printed, label, rel.style, None, parts, rel.value, m.end(), ambiguous=rel.ambiguous,
            complete=True,
        )
    return NumberMatch(printed, label, "dec", len(parts), parts, parts[-1], m.end())


def _match_keyword(m: re.Match[str]) -> NumberMatch | None:
    """Match "ARTICLE IV", "Section 4.2", "Clause 7" (keyword numbers)."""
    kw = m["kw"].lower()
    num = m["num"]
    printed = m.group(0)
    if num[0].isdigit():
        parts = tuple(int(p) for p in num.split("."))
        value = parts[-1]
    else:
        if kw == "article" and num[0].isupper():
            num = num.replace("1", "I").replace("l", "I")  # OCR: "ARTICLE I1" is Article II
        elif any(c in "1l" for c in num):
            return None
        rom = roman_value(num)
        if rom is None:
            return None
        parts = (rom,)
        value = rom
    if kw == "article":
        label = f"Article {num}"
        return NumberMatch(
            printed, label, "kw:article", RANK_ARTICLE, parts, value, m.end(), keyword=True
        )
    if kw == "§":
        kw = "section"
    if not num[0].isdigit():
        # "SECTION IV": roman section numbers act like articles
        label = f"{kw.title()} {num}"
        return NumberMatch(
            printed, label, "kw:article", RANK_ARTICLE, parts, value, m.end(), keyword=True
        )
    label = num + m["suffix"]
    return NumberMatch(printed, label, "dec", len(parts), parts, value, m.end(), keyword=True)


def is_successor(prev: NumberMatch, new: NumberMatch) -> bool:
    """Return True if ``new`` directly follows ``prev`` in the same style ("(h)" -> "(i)")."""
    return prev.style == new.style and new.value == prev.value + 1


def first_value(match: NumberMatch) -> bool:
    """Return True if the item opens a list: "(a)", "(i)", "(A)", "(1)", "1.", "1.1"."""
    if match.style == "dec":
        return match.parts[-1] in (0, 1)
    return match.value == 1


def decimal_follows(last: tuple[int, ...] | None, new: tuple[int, ...]) -> bool:
    """Return True if decimal ``new`` can follow ``last`` without a gap.

    Allowed: next sibling (4.2 -> 4.3), first child (4.2 -> 4.2.1), next sibling of an
    ancestor (4.2.3 -> 4.3, 4.2 -> 5.), or the first child of that ancestor sibling (4.2 -> 5.1).
    """
    if last is None:
        return new in ((1,), (1, 1), (1, 0), (0,)) or (len(new) == 2 and new[1] in (0, 1))
    if new == last + (1,) or new == last + (0,) or new == last + (1, 1):
        return True
    for k in range(len(last), 0, -1):
        nxt = last[: k - 1] + (last[k - 1] + 1,)
        if new == nxt or new == nxt + (1,) or new == nxt + (0,) or new == nxt + (1, 1):
            return True
    return False
