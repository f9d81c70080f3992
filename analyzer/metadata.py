"""Document metadata from the opening text: title, parties and dates.

Reviewers see the title and parties first; the dates of the preamble anchor terms such as
"the Effective Date". Everything here is a cheap regex pass over the first few thousand
characters, so a run-on text dump (one line per page) works as well as a clean DOCX.
"""

from __future__ import annotations

import re

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?:{_MONTHS}),?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b",
    re.IGNORECASE,
)
_TITLE_WORDS = (
    "AGREEMENT|CONTRACT|ORDER|STATEMENT OF WORK|AMENDMENT|ADDENDUM|PROPOSAL|RESPONSE|LICENSE"
    "|LICENCE|MEMORANDUM|TERMS|SCHEDULE|BID|QUOTATION|QUOTE|LEASE|PLAN|NOTE|DEED"
)
_CAPS_TITLE_RE = re.compile(
    rf"(?:[A-Z0-9][A-Z0-9&'’\-/]*,?\s+){{0,10}}(?:{_TITLE_WORDS})\b(?:\s+(?:NO\.?\s*\d+|\d+))?"
)
_NOT_TITLE_RE = re.compile(
    r"^(?:EXHIBIT|EX-)\s*[\d.]+|CONFIDENTIAL|REDACTED|\[\*|PAGE \d|EXECUTION (?:COPY|VERSION)",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"\b(?:by\s+and\s+)?between\s*:?\s+", re.IGNORECASE)
_PARTY_END_RE = re.compile(
    r",?\s+(?:a|an)\s+(?=[A-Z\w])|\s+\(|,\s+(?:having|with|whose|located|organized|organised"
    r"|incorporated|registered)\b|\s*[;:]|\.?\s+(?=(?:This|The|WHEREAS|Each|In|Witnesseth)\b)"
    r"|\s+and\s+|,\s*$|,\s+(?=[a-z])"
)
_SECOND_PARTY_RE = re.compile(r"(?:\)|\b)\s*,?\s*(?:and|&)\s+(?:also\s+)?(?=[A-Z\"“(\[])")
_LEADING_NOISE = re.compile(r"^(?:the\s+)?(?:[\"“(\[]+\s*)?", re.IGNORECASE)


def find_title(lines: list[str]) -> str | None:
    """Return the first ALL-CAPS title-like line (or run) among the opening lines.

    Args:
        lines: the first paragraphs of the document, in order.
    """
    for line in lines[:12]:
        text = line.strip()
        if not text:
            continue
        letters = [c for c in text if c.isalpha()]
        if (
            len(text) <= 120
            and len(letters) >= 4
            and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
            and not _NOT_TITLE_RE.search(text)
        ):
            return text.rstrip(".:")
        # a run-on dump: find an ALL-CAPS run ending in a title word
        for m in _CAPS_TITLE_RE.finditer(text[:3000]):
            cand = m.group(0).strip(" ,.-")
            cand = _NOT_TITLE_RE.sub("", cand).strip(" ,.-")
            if len(cand) >= 6 and len(cand.split()) >= 2:
                return cand
    return None


def find_parties(text: str) -> tuple[str, ...]:
    """Return party names from "between X and Y" in the preamble text."""
    m = _BETWEEN_RE.search(text[:6000])
    if not m:
        return ()
    rest = text[m.end() : m.end() + 1500]
    first = _party_name(rest)
    if not first:
        return ()
    parties = [first]
    sep = _SECOND_PARTY_RE.search(rest, len(first))
    if sep:
        second = _party_name(rest[sep.end() :])
        if second and second != first:
            parties.append(second)
    return tuple(parties)


def _party_name(text: str) -> str | None:
    """Return the name at the start of ``text``, cut before its description."""
    text = _LEADING_NOISE.sub("", text.strip())
    m = _PARTY_END_RE.search(text)
    name = text[: m.start()] if m else text[:100]
    name = name.strip(" ,\"”“'")
    if not name or len(name) > 120 or not name[0].isupper() and not name[0].isdigit():
        return None
    return name


def find_dates(text: str) -> tuple[str, ...]:
    """Return the dates written in ``text`` ("March 1, 2026", "1 March 2026", "2026-03-01")."""
    seen: list[str] = []
    for m in _DATE_RE.finditer(text):
        value = " ".join(m.group(0).split())
        if value not in seen:
            seen.append(value)
    return tuple(seen)
