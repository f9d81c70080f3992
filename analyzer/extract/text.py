"""Spans of a document: lines, table rows and sentences.

Extractors work on small spans (a sentence or a table row) so that quotes stay short and
exact, and so the dependency parser only sees what it must. Tables reach the text as one
line per row with cells joined by " | ". The split of a whole document is made once, in
``analyzer.context.DocumentContext.sentences``, with the clause of every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CELL_SEP = " | "

# A sentence ends at . ; ! ? followed by space and an upper-case letter, a quote, or an
# enumerator, unless the dot belongs to a common abbreviation or a number ("No. 1").
_ABBREV = re.compile(
    r"(?:\b(?:No|Nos|Inc|Ltd|Co|Corp|Pvt|S\.A|L\.L\.C|LLC|e\.g|i\.e|etc|vs|Mr|Ms|Mrs|Dr|St|"
    r"Sec|Art|para|approx|U\.S|a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"[A-Z])\.)$"
)
_ITEM = re.compile(r"\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,3})\)\s|\d+(?:\.\d+)+\.?\s|\d{1,3}\.\s|[-•*▪]\s)")
# A numbered heading line ("3. Service Levels", "4.2 Fees and Charges"): short, no
# closing punctuation, so the text after it starts a new sentence of its own clause.
_HEADING_LINE = re.compile(
    r"\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|(?:Section|Article|Clause|Schedule|Annex|Exhibit|Appendix|Part)\s+[\w.]+[.:]?)"
    r"\s+[A-Z][\w'’&/,()-]*(?:\s+[\w'’&/,()-]+){0,6}\s*$"
)
_HEADING_TAIL = re.compile(r"\b(?:and|or|of|the|a|an|to|for|in|on|by|with|per|at)\s*$|[,;:(-]\s*$", re.IGNORECASE)
_BOUNDARY = re.compile(r"(?<=[.;!?])[\"”’)]?\s+(?=[\"“(A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document text: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str
    is_row: bool = False


def lines(text: str, offset: int = 0) -> list[Span]:
    """Return the non-empty lines of ``text``, offsets shifted by ``offset``."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group(0).rstrip()
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        if stripped.strip():
            out.append(Span(offset + m.start() + lead, offset + m.start() + len(stripped), stripped[lead:]))
    return out


def split_cells(row: str) -> list[tuple[int, str]]:
    """Split a table-row line into (relative offset, cell text) pairs."""
    cells = []
    pos = 0
    for part in row.split(CELL_SEP):
        lead = len(part) - len(part.lstrip())
        cells.append((pos + lead, part.strip()))
        pos += len(part) + len(CELL_SEP)
    return cells


def sentences(text: str, offset: int = 0) -> list[Span]:
    """Split ``text`` into sentences and table rows with exact offsets.

    A table row (a line with " | ") is its own unit; a blank line always ends a
    sentence; a single line break does not (PDF lines wrap mid-sentence) unless the next
    line starts with an enumerator or the line ends with a colon.
    """
    out: list[Span] = []
    for block in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        btext = block.group(0)
        bstart = block.start()
        # break the block further into paragraphs at rows and enumerated lines
        para_start = 0
        pieces: list[tuple[int, int, bool]] = []
        prev_line: str | None = None
        for line in re.finditer(r"[^\n]+", btext):
            ltext = line.group(0)
            is_row = CELL_SEP in ltext
            starts_item = bool(_ITEM.match(ltext))
            prev_colon = btext[: line.start()].rstrip().endswith(":")
            prev_heading = prev_line is not None and _is_heading_line(prev_line) and ltext[:1].isupper()
            prev_line = ltext
            if is_row or starts_item or prev_colon or prev_heading:
                if line.start() > para_start:
                    pieces.append((para_start, line.start(), False))
                if is_row:
                    pieces.append((line.start(), line.end(), True))
                    para_start = line.end()
                else:
                    para_start = line.start()
        if para_start < len(btext):
            pieces.append((para_start, len(btext), False))
        for pstart, pend, is_row in pieces:
            chunk = btext[pstart:pend]
            if is_row:
                _add(out, chunk, offset + bstart + pstart, True)
                continue
            last = 0
            for m in _BOUNDARY.finditer(chunk):
                head = chunk[last : m.start()]
                if (
                    _ABBREV.search(head.rstrip("\"”’)"))
                    or (re.search(r"\d\.$", head) and re.match(r"\d", chunk[m.end() :]))
                    or re.fullmatch(r"\s*(?:\(?[A-Za-z0-9]{1,4}\)|\d+(?:\.\d+)*\.?|[A-Z]\.)\s*", head)
                ):
                    continue
                _add(out, chunk[last : m.start() + (len(m.group(0)) - len(m.group(0).lstrip('"”’)')))], offset + bstart + pstart + last, False)
                last = m.end()
            _add(out, chunk[last:], offset + bstart + pstart + last, False)
    return out


_VERB = re.compile(r"\b(?:shall|will|must|may|is|are|was|were|be|has|have|does|do|can)\b", re.IGNORECASE)


def _is_heading_line(line: str) -> bool:
    """Short, verbless, and in Title Case unless it has at most four words."""
    if CELL_SEP in line or not _HEADING_LINE.fullmatch(line) or _HEADING_TAIL.search(line) or _VERB.search(line):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) <= 4 or all(w[0].isupper() for w in words if len(w) >= 4)


def _add(out: list[Span], chunk: str, start: int, is_row: bool) -> None:
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if body:
        out.append(Span(start + lead, start + lead + len(body), body, is_row))
