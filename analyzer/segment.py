"""Turn ingested blocks into a document of numbered clauses over one text.

Three linear passes:

1. *Paragraphs*: PDF/TXT lines are joined into paragraphs (a gap, a line that starts with a
   clause number, a heading line, or a short line that ends a sentence starts a new one),
   with de-hyphenation; DOCX paragraphs and tables pass through.
2. *Structure*: a state machine walks the paragraphs with a stack of open numbering styles.
   Keyword and decimal numbers have an absolute rank ("4.2" is depth 2); letters, romans and
   bracketed digits take their level from the sequence ("(a)" under "4.2" is a child, "4.3"
   closes it). Numbers inside a long paragraph (text dumps put a whole page on one line)
   split it only when they continue the sequence exactly.
3. *Render*: clause headers and bodies are written into one text; every clause's ``text`` is
   the exact slice ``document.text[start:end]`` of its body (the printed number and own
   heading stay in the document text just before ``start``, so no word is lost).
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from dataclasses import dataclass, field

from analyzer.metadata import contract_profile, find_dates, find_party_definitions, find_title
from analyzer.numbering import (
    RANK_ATTACHMENT,
    NumberMatch,
    as_other_reading,
    decimal_follows,
    first_value,
    match_number,
)
from analyzer.types import Block, BlockKind, Clause, Document, RawDocument, Table

logger = logging.getLogger(__name__)

__all__ = ["segment_clauses"]

# --------------------------------------------------------------------------- patterns

_ENDS_SENTENCE_RE = re.compile(r"[.:;!?][\"”’')\]]*$")
_ATTACHMENT_RE = re.compile(
    r"(?P<kw>SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|ANNEXURE|Annexure|APPENDIX|Appendix"
    r"|ATTACHMENT|Attachment|ADDENDUM|Addendum|STATEMENT OF WORK|Statement [Oo]f Work|SOW)"
    r"\s*(?:NO\.|No\.|NUMBER|Number|#)?\s*"
    r"(?P<id>[A-Z]{1,2}(?:-\d{1,2})?|\d{1,3}(?:\.\d{1,2})?|[IVX]{1,5})(?P<dot>[.:]?)(?=\s|$)"
)
_SIGNATURE_RE = re.compile(
    r"(?:IN WITNESS (?:WHEREOF|THEREOF)|In Witness Whereof|In witness whereof|AGREED AND ACCEPTED"
    r"|ACCEPTED AND AGREED|Agreed and [Aa]ccepted|Accepted and [Aa]greed"
    r"|SIGNATURES?\s*$|Signatures?\s*$|By:\s*(?:_{3,}|/s/))"
)
_RECITALS_RE = re.compile(
    r"(?:RECITALS?|Recitals?|BACKGROUND|Background|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|"
    r"Witnesseth|PRELIMINARY STATEMENTS?)[\s:.\-–—]*$"
)
_PAGE_NUMBER_RE = re.compile(r"^\d{1,3}\s+(?=[A-Z])")
_WHEREAS_RE = re.compile(r"(?:WHEREAS|Whereas)\b")
_SEPARATORS = " \t-–—:."
_RUNIN_RE = re.compile(r"([^.:;!?\"“]{1,90}?)(\.|:|\s[-–—]\s)\s+(?=\S)")
_INLINE_RE = re.compile(
    r"\s(?=(?:\d{1,3}(?:\.\d{1,3})*\.?|\((?:[a-zA-Z]{1,4}|\d{1,2})\)|ARTICLE|IN WITNESS WHEREOF)\s)"
)
_WORD_RE = re.compile(r"[A-Za-z]+")
_ABBREVIATION_END_RE = re.compile(
    r"\b(?:Inc|Corp|Ltd|Co|Cos|LLC|L\.P|N\.A|S\.A|No|Nos|St|Mr|Ms|Mrs|Dr|Jr|Sr|U\.S|e\.g|i\.e|Sec|Art"
    r"|Para|Vol|approx|Fig|[A-Z])$"
)
_SMALL_WORDS = frozenset(
    "a an and the of to for in on or by with at from as its per vs via under upon into & - – — / "
    "not no non".split()
)
_VERBISH = frozenset(
    "shall will may must is are was were be been has have had agrees agree means mean does do can "
    "should would could hereby".split()
)
# Hyphenated line ends kept as compounds ("non-\ncompete" -> "non-compete").
_KEEP_HYPHEN_PREFIXES = frozenset(
    "non self co pre post sub third anti cross multi semi inter intra ex well long short full "
    "part out over under mid one two three four five six seven eight nine ten first second "
    "high low follow set start add opt roll pass up on off year month day end time".split()
)
_KEEP_HYPHEN_SUFFIXES = frozenset(
    "based party parties time term to of in up out free owned related specific wide level like "
    "type year month day week hour off on by the".split()
)


# --------------------------------------------------------------------------- spans


@dataclass(slots=True)
class _Span:
    """Text plus where each source line starts in it: ``marks`` = (offset, page, block)."""

    text: str
    marks: list[tuple[int, int, int]]

    def slice(self, start: int, end: int) -> _Span:
        """Return the sub-span ``text[start:end]`` with its marks."""
        idx = max(bisect.bisect_right([m[0] for m in self.marks], start) - 1, 0)
        first = self.marks[idx]
        marks = [(0, first[1], first[2])]
        for off, page, block in self.marks[idx + 1 :]:
            if off >= end:
                break
            marks.append((off - start, page, block))
        return _Span(self.text[start:end], marks)

    def append(self, sep: str, other: _Span) -> None:
        """Append ``sep`` and ``other`` in place."""
        base = len(self.text) + len(sep)
        self.text = self.text + sep + other.text
        self.marks.extend((off + base, page, block) for off, page, block in other.marks)


@dataclass(slots=True)
class _Para:
    """A paragraph before structure: text with line marks and what the source said of it."""

    span: _Span
    lines: int = 1
    soft: bool = False  # started at a number line whose previous line did not end a sentence
    table: Table | None = None
    style: str | None = None
    is_bold: bool = False
    numbering: str | None = None
    numbering_level: int | None = None
    from_docx: bool = False


@dataclass(slots=True)
class _Draft:
    """A clause being built."""

    number: str | None
    heading: str | None
    own_heading: bool
    level: int
    parent: int | None
    header: list[_Span] = field(default_factory=list)
    lead: _Span | None = None
    body: list[_Span] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Entry:
    """An open level on the numbering stack."""

    draft: int
    style: str
    rank: int | None
    match: NumberMatch | None


# --------------------------------------------------------------------------- text tests


def _collapse(text: str) -> str:
    """Return text with runs of whitespace made one space."""
    return " ".join(text.split())


def _ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE_RE.search(text))


def _caps_like(text: str, max_words: int = 14) -> bool:
    """Return True for a short ALL-CAPS heading line ("LIMITATION OF LIABILITY")."""
    if len(text) > 120 or text.endswith((",", ";")) or text[:1].islower():
        return False
    words = text.split()
    if not words or len(words) > max_words:
        return False
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    if upper < 3 or lower > 0.1 * (upper + lower):
        return False
    if len(words) > 4 and any(w.strip(".,:;()").lower() in _VERBISH for w in words):
        return False
    return True


def _title_like(text: str, max_words: int = 10) -> bool:
    """Return True for a short Title Case heading ("Limitation of Liability")."""
    if not text or len(text) > 100 or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = text.split()
    if len(words) > max_words:
        return False
    significant = capital = 0
    for word in words:
        core = word.strip("()[],.:;\"'“”’")
        if not core:
            continue
        low = core.lower()
        if low in _VERBISH:
            return False
        if low in _SMALL_WORDS:
            continue
        significant += 1
        if core[0].isupper() or core[0].isdigit():
            capital += 1
    return significant > 0 and capital >= 0.8 * significant and any(c.isalpha() for c in text)


def _heading_text(text: str) -> bool:
    """Return True if a whole (remaining) paragraph reads as a heading."""
    if not text or text.endswith((",", ";")) or len(text) > 110:
        return False
    if text[0] in "\"“'(":
        return False
    colon = text.find(": ")
    if 0 <= colon < len(text) - 2 and not (_caps_like(text, 8) and not any(c.isdigit() for c in text)):
        return False  # "SOW Effective Date: 1 June 2025" is a label and a value; "TERM: RENEWAL" a heading
    stripped = text.rstrip(".:")
    if text.endswith(".") and len(stripped.split()) > 8:
        return False
    return _caps_like(stripped, 12) or _title_like(stripped, 10)


def _trim_end(text: str, start: int, end: int) -> int:
    """Return ``end`` moved left over trailing spaces (an inline split leaves one)."""
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def _heading_line(text: str) -> bool:
    """Return True for a line that reads as a heading or a bare number ("ARTICLE IV", "5.")."""
    if _heading_text(text) or _caps_like(text):
        return True
    m = match_number(text + " X")
    return m is not None and m.end >= len(text.rstrip()) - 1


def _clean_heading(text: str) -> str:
    return text.strip(_SEPARATORS).strip()


# --------------------------------------------------------------------------- pass 1: paragraphs


def _line_threshold(blocks: tuple[Block, ...]) -> int:
    """Return the length under which a sentence-ending line is 'clearly short'."""
    lengths = sorted(len(b.text.strip()) for b in blocks if b.kind is BlockKind.LINE and b.text.strip())
    if not lengths:
        return 0
    typical = lengths[int(0.8 * (len(lengths) - 1))]
    return int(0.75 * typical)


def _vocabulary(blocks: tuple[Block, ...]) -> set[str]:
    """Return the lower-cased words of the document, to decide de-hyphenation."""
    text = "\n".join(b.text for b in blocks if b.kind is BlockKind.LINE)
    return {w.lower() for w in _WORD_RE.findall(text)}


def _join_hyphen(prev: str, nxt: str, vocab: set[str]) -> str | None:
    """Return the separator-free join of a hyphenated line end, or None to keep a space.

    "pay-" + "ment" -> "payment"; "non-" + "compete" -> "non-compete" (hyphen kept).
    """
    if not prev.endswith("-") or len(prev) < 2 or not prev[-2].isalpha():
        return None
    if not nxt or not nxt[0].islower():
        return None
    m = re.search(r"([A-Za-z]+)-$", prev)
    n = _WORD_RE.match(nxt)
    if not m or not n:
        return None
    prefix, suffix = m.group(1), n.group(0)
    joined = (prefix + suffix).lower()
    hyphened = f"{prefix}-{suffix}".lower()
    if joined in vocab and hyphened not in vocab:
        return prev[:-1] + nxt
    if prefix.lower() in _KEEP_HYPHEN_PREFIXES or suffix.lower() in _KEEP_HYPHEN_SUFFIXES:
        return prev + nxt
    if hyphened in vocab and joined not in vocab:
        return prev + nxt
    return prev[:-1] + nxt


def _starts_structure(text: str) -> NumberMatch | bool:
    """Return the number (or True for an attachment/signature) that opens this line."""
    m = match_number(text)
    if m is not None:
        return m
    if _ATTACHMENT_RE.match(text) or _SIGNATURE_RE.match(text) or _WHEREAS_RE.match(text):
        return True
    return False


_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_LAST_WORD_RE = re.compile(r"([A-Za-z-]+)\W*$")


_RUN_ON_WORDS = _SMALL_WORDS | {"any", "all", "not", "no", "such", "other", "each", "its", "their"}


def _runs_on(line: str) -> bool:
    """Return True if ``line`` stops mid-sentence ("... EXPRESS OR", "... WARRANTIES,")."""
    stripped = line.rstrip()
    if stripped.endswith((",", "-", "–")):
        return True
    words = stripped.split()
    return len(words) > 3 and words[-1].lower() in _RUN_ON_WORDS


def _spelled_numeral(prev_line: str, start: NumberMatch) -> bool:
    """Return True if a bracketed number repeats the number word ending the previous line."""
    if not start.style.startswith("paren") or not start.printed.strip("()").isdigit():
        return False
    m = _LAST_WORD_RE.search(prev_line)
    word = m.group(1).lower() if m else ""
    value = _NUMBER_WORDS.get(word)
    if value is None and "-" in word:  # "twenty-five (25)"
        tens, _, unit = word.partition("-")
        if tens in _NUMBER_WORDS and unit in _NUMBER_WORDS:
            value = _NUMBER_WORDS[tens] + _NUMBER_WORDS[unit]
    return value is not None and value == int(start.printed.strip("()"))


def _build_paragraphs(blocks: tuple[Block, ...]) -> list[_Para]:
    """Join LINE blocks into paragraphs; pass DOCX paragraphs and tables through."""
    threshold = _line_threshold(blocks)
    vocab: set[str] | None = None
    paras: list[_Para] = []
    cur: _Para | None = None
    prev_line = ""
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            cur = None
            if block.table is not None:
                text = _table_text(block.table)
                paras.append(_Para(_Span(text, [(0, block.page, block.index)]), table=block.table))
            continue
        text = _collapse(block.text)
        if not text:
            continue
        span = _Span(text, [(0, block.page, block.index)])
        if block.kind is BlockKind.PARAGRAPH:
            cur = None
            paras.append(
                _Para(
                    span,
                    style=block.style,
                    is_bold=block.is_bold,
                    numbering=block.numbering,
                    numbering_level=block.numbering_level,
                    from_docx=True,
                )
            )
            continue
        start = _starts_structure(text)
        if isinstance(start, NumberMatch) and _spelled_numeral(prev_line, start):
            start = False  # "for one\n(1) twelve month period": the numeral of a number word
        if cur is None or block.gap_before:
            new, soft = True, False
        elif start is not False:
            new = True
            soft = not _ends_sentence(prev_line) and not (cur.lines == 1 and _heading_line(prev_line)) and not (
                isinstance(start, NumberMatch) and prev_line.endswith((" and", " or"))
            )
        elif cur.lines == 1 and not _runs_on(prev_line) and (
            _caps_like(prev_line) or match_number(prev_line + " X") and len(prev_line) < 14
        ):
            new, soft = True, False  # the previous line is a heading or a bare number
        elif cur.lines == 1 and len(prev_line) < 0.6 * threshold and not _ends_sentence(prev_line) and _title_like(prev_line, 8):
            new, soft = True, False
        elif _caps_like(text) and _ends_sentence(prev_line):
            new, soft = True, False
        elif _ends_sentence(prev_line) and len(prev_line) < threshold:
            new, soft = True, False
        else:
            new, soft = False, False
        if new or cur is None:
            cur = _Para(span, soft=soft)
            paras.append(cur)
        else:
            if vocab is None:
                vocab = _vocabulary(blocks)
            joined = _join_hyphen(cur.span.text, text, vocab)
            if joined is not None:
                base = len(joined) - len(text)
                cur.span.text = joined
                cur.span.marks.append((base, block.page, block.index))
            else:
                cur.span.append(" ", span)
            cur.lines += 1
        prev_line = text
    return paras


_TOC_RE = re.compile(r"^(?:TABLE\s+OF\s+CONTENTS|CONTENTS|INDEX)\b[\s.:]*(?:PAGE)?\s*$", re.IGNORECASE)
_TOC_MIN_ENTRIES = 3
_TOC_MAX_ENTRY = 160  # characters; an entry is a heading with a page number, never a paragraph


def _table_of_contents(paras: list[_Para]) -> tuple[int, int] | None:
    """Return the paragraph range [start, end) of a table of contents, or None.

    It opens with "TABLE OF CONTENTS" and runs over short entries until the first
    paragraph of prose, or until its first entry's number comes again (the body starts).
    A title line just before the prose ("OUTSOURCING AGREEMENT") belongs to the body.
    """
    start = next((i for i, p in enumerate(paras[:400]) if p.table is None and _TOC_RE.match(p.span.text)), None)
    if start is None:
        return None
    first_label: str | None = None
    end = start + 1
    while end < len(paras):
        para = paras[end]
        text = para.span.text
        if para.table is not None or len(text) > _TOC_MAX_ENTRY:
            break
        m = match_number(text)
        if m is not None:
            if first_label is None:
                first_label = m.label
            elif m.label == first_label:
                break
        elif _ends_sentence(text) and len(text.split()) > 8:
            break
        end += 1
    before = paras[end - 1].span.text
    if (
        end < len(paras)
        and end - 1 > start
        and match_number(before) is None
        and _caps_like(before, 12)
        and not re.search(r"\d\s*$", before)
    ):
        end -= 1  # the title over the preamble
    if end - start - 1 < _TOC_MIN_ENTRIES:
        return None
    return start, end


def _table_text(table: Table) -> str:
    """Return a table as one line per row, cells joined by " | " (cell text kept verbatim)."""
    return "\n".join(" | ".join(_collapse(cell) for cell in row) for row in table.rows)


# --------------------------------------------------------------------------- pass 2: structure


class _Builder:
    """The structure state machine over paragraphs."""

    def __init__(self, paras: list[_Para]) -> None:
        self.paras = paras
        self.drafts: list[_Draft] = []
        self.stack: list[_Entry] = []
        self.mode = "preamble"
        self.current: int | None = None
        self.last_decimal: tuple[int, ...] | None = None
        self.prefix: str | None = None
        self.preamble_body = False  # a non-title paragraph has been seen in the preamble
        self.skip: set[int] = set()

    # ---- helpers

    def _new(self, number: str | None, heading: str | None, own: bool, parent: int | None) -> int:
        level = 1 if parent is None else self.drafts[parent].level + 1
        self.drafts.append(_Draft(number, heading, own, level, parent))
        self.current = len(self.drafts) - 1
        return self.current

    def _add_body(self, span: _Span) -> None:
        if self.current is None:
            self._new(None, "Preamble", False, None)
            self.stack = []
        assert self.current is not None
        self.drafts[self.current].body.append(span)

    def _merge_body(self, span: _Span) -> None:
        """Append a falsely broken line to the previous paragraph of the current clause."""
        if self.current is not None and self.drafts[self.current].body:
            self.drafts[self.current].body[-1].append(" ", span)
        else:
            self._add_body(span)

    def _leave_preamble(self) -> None:
        """Close the preamble/recitals so the first clause starts at the top level."""
        if self.mode in ("preamble", "signature"):
            self.stack = []
        self.mode = "body"

    def _top_draft(self) -> int | None:
        return self.stack[-1].draft if self.stack else None

    def _next_heading_para(self, i: int) -> _Span | None:
        """Return the next paragraph if it is a stand-alone heading line (and mark it used)."""
        j = i + 1
        if j >= len(self.paras):
            return None
        para = self.paras[j]
        text = para.span.text
        if para.table is not None or para.numbering or para.lines > 1:
            return None
        if match_number(text) or _ATTACHMENT_RE.match(text) or _SIGNATURE_RE.match(text):
            return None
        if _heading_text(text) and not text.endswith("."):
            self.skip.add(j)
            return para.span
        return None

    # ---- numbering

    def _resolve_ambiguous(self, m: NumberMatch) -> NumberMatch:
        """Decide "(i)" letter vs roman from the open styles ("(i)" after "(h)" is a letter)."""
        if not m.ambiguous:
            return m
        other = as_other_reading(m)
        for entry in reversed(self.stack):
            if entry.match is None:
                continue
            if entry.style == m.style and m.value == entry.match.value + 1:
                return m
            if entry.style == other.style and other.value == entry.match.value + 1:
                return other
        roman, alpha = (m, other) if "roman" in m.style else (other, m)
        if roman.value == 1:
            return roman  # "(i)" not following "(h)" opens a roman list
        open_styles = {e.style for e in self.stack}
        if roman.style in open_styles and alpha.style not in open_styles:
            return roman
        return alpha

    def _as_sublist(self, m: NumberMatch) -> NumberMatch:
        """Read "1." inside clause 19 (a numbered list restarting) as a list item, not clause 1."""
        if m.style != "dec" or m.keyword or len(m.parts) != 1 or self.last_decimal is None:
            return m
        if decimal_follows(self.last_decimal, m.parts):
            return m
        for entry in reversed(self.stack):
            if entry.style == "list:dec" and entry.match is not None:
                if m.value == entry.match.value + 1:
                    return dataclasses.replace(m, style="list:dec", rank=None, label=f"({m.value})")
                break
        if m.parts[0] == 1 and self.last_decimal[0] > 1:
            return dataclasses.replace(m, style="list:dec", rank=None, label="(1)")
        return m

    def _plausible(self, m: NumberMatch, strict: bool) -> bool:
        """Return True if ``m`` can open a clause here; ``strict`` demands the exact sequence."""
        if m.rank is not None:
            if m.style == "kw:article":
                if not strict:
                    return True
                return any(
                    e.style == "kw:article" and e.match and e.match.value + 1 == m.value
                    for e in self.stack
                ) or (m.value == 1 and not any(e.style == "kw:article" for e in self.stack))
            if decimal_follows(self.last_decimal, m.parts):
                return True
            if strict:
                return False
            top = self.last_decimal[0] if self.last_decimal else 0
            return m.parts[0] <= top + 50
        if m.complete and m.parts and self.last_decimal and m.parts != self.last_decimal[: len(m.parts)]:
            return not strict and decimal_follows(self.last_decimal, m.parts)
        for entry in self.stack:
            if entry.style == m.style and entry.match is not None:
                return m.value == entry.match.value + 1 or (not strict and m.value > entry.match.value)
        return first_value(m) or not strict

    def _place(self, m: NumberMatch) -> tuple[int | None, str]:
        """Pop the stack for ``m`` and return (parent draft, full number)."""
        if m.rank is not None:
            while self.stack:
                top = self.stack[-1]
                if top.rank is None or top.rank >= m.rank:
                    self.stack.pop()
                    continue
                if (
                    m.style == "dec"
                    and top.style == "dec"
                    and top.match is not None
                    and top.match.parts != m.parts[: len(top.match.parts)]
                ):
                    self.stack.pop()
                    continue
                break
            label = m.label
        else:
            for k in range(len(self.stack) - 1, -1, -1):
                if self.stack[k].style == m.style:
                    del self.stack[k:]
                    break
            if m.complete and m.parts:
                # "4.2(a)": close everything below its decimal parent
                while self.stack and (
                    self.stack[-1].rank is None
                    or (
                        self.stack[-1].style == "dec"
                        and self.stack[-1].match is not None
                        and self.stack[-1].match.parts != m.parts[: len(self.stack[-1].match.parts)]
                    )
                ):
                    self.stack.pop()
                label = m.label
            else:
                parent_number = self.drafts[self.stack[-1].draft].number if self.stack else None
                if parent_number and not parent_number.startswith(("Preamble",)):
                    token = m.label.strip("()")
                    if self.stack[-1].rank == RANK_ATTACHMENT:
                        label = f"{parent_number}, {m.label}"
                        return self._top_draft(), label
                    return self._top_draft(), f"{parent_number}({token})"
                label = m.label
        parent = self._top_draft()
        if self.prefix and not label.startswith(self.prefix):
            label = f"{self.prefix}, {label}"
        return parent, label

    def _open_number(self, m: NumberMatch) -> int:
        """Create the clause of number ``m`` and push it."""
        parent, label = self._place(m)
        idx = self._new(label, None, False, parent)
        rank = m.rank
        if rank is None and not self.stack:
            rank = 0 if self.prefix is None else None  # a top-level list ("I.", "A.") acts as an outline
        self.stack.append(_Entry(idx, m.style, rank, m))
        if m.style == "dec":
            self.last_decimal = m.parts
        elif m.style == "kw:article" and m.parts:
            self.last_decimal = m.parts  # "ARTICLE IV" is followed by "4.1" or "Section 4.01"
        elif m.complete and m.parts:
            self.last_decimal = m.parts
        return idx

    def _open_container(self, number: str | None, heading: str | None, rank: int, own: bool) -> int:
        """Open an unnumbered heading, an attachment or the signature block."""
        while self.stack and (self.stack[-1].rank is None or self.stack[-1].rank >= rank):
            self.stack.pop()
        idx = self._new(number, heading, own, self._top_draft())
        self.stack.append(_Entry(idx, f"container:{rank}", rank, None))
        return idx

    # ---- main loop

    def run(self) -> list[_Draft]:
        toc = _table_of_contents(self.paras)
        for i, para in enumerate(self.paras):
            if i in self.skip:
                continue
            if toc is not None and toc[0] <= i < toc[1]:
                self._toc_line(i, para, i == toc[1] - 1)
                continue
            if para.table is not None:
                self._add_body(para.span)
                assert self.current is not None
                self.drafts[self.current].tables.append(para.table.index)
                continue
            self._paragraph(i, para)
        self._inherit_headings()
        return self.drafts

    def _toc_line(self, i: int, para: _Para, last: bool) -> None:
        """Keep a table of contents as one clause: its entries are no clauses or attachments.

        The entries sit in the clause's header, so its text is empty: "8.11 Excluded Costs" in
        a contents list is no price and "6.1 Services to be Rendered" no duty.
        """
        if self.current is None or self.drafts[self.current].heading != "Table of Contents":
            self.stack = []
            idx = self._new(None, "Table of Contents", True, None)
            self.drafts[idx].header.append(para.span)
        else:  # entries go in the header: the clause has no text for rules to read
            self.drafts[self.current].header.append(para.span)
        if last:
            self.current = None  # the preamble after it is its own clause
            self.stack = []

    def _paragraph(self, i: int, para: _Para) -> None:
        span = para.span
        text = span.text
        docx_match = self._docx_number(para)
        if docx_match is not None:
            # Word's automatic number is not in the text: put it there so the reader sees it.
            printed = para.numbering.strip() if para.numbering else ""
            lead = _Span(printed + " ", [(0, span.marks[0][1], span.marks[0][2])])
            lead.append("", span)
            span, text = lead, lead.text
            docx_match = dataclasses.replace(docx_match, end=len(printed))
            self._numbered_piece(i, para, span, docx_match, 0)
            return
        if not para.soft and self._special_start(i, para, span):
            return
        m = match_number(text)
        if m is not None:
            m = self._as_sublist(self._resolve_ambiguous(m))
            if self.mode == "preamble" and (
                m.rank is None or not self.preamble_body and not m.printed.endswith(".") and not m.keyword
            ):
                m = None  # recital letters "A.", "(a)" and page numbers stay in the preamble
            elif self.mode == "signature" and not (m.style == "dec" and m.parts == (1,)):
                m = None
            elif not self._plausible(m, strict=para.soft):
                if para.soft:
                    self._merge_body(span)
                    return
                m = None
        if m is not None:
            self._leave_preamble()
            self._numbered_piece(i, para, span, m, 0)
            return
        if para.soft:
            self._merge_body(span)  # "described in\nAnnex B." is one sentence
            return
        if self._heading_para(i, para, span):
            return
        self._body_pieces(span, 0)

    def _docx_number(self, para: _Para) -> NumberMatch | None:
        """Parse Word's resolved auto-number ("4.2", "(a)", "Article 1") into a match."""
        if not para.numbering:
            return None
        printed = para.numbering.strip()
        if not any(c.isalnum() for c in printed):
            return None  # a bullet
        m = match_number(printed + " X")
        if m is None or m.end != len(printed):
            level = para.numbering_level or 0
            m = NumberMatch(printed, printed, f"docx:{level}", None, (), 0, len(printed))
        m = self._resolve_ambiguous(m)
        self._leave_preamble()
        return m

    def _special_start(self, i: int, para: _Para, span: _Span) -> bool:
        """Handle attachments, signature blocks and recitals at a paragraph start."""
        text = span.text
        att = _ATTACHMENT_RE.match(text)
        if att and self.mode != "preamble":
            rest = text[att.end() :].strip(_SEPARATORS)
            if not rest or (_heading_text(rest) and not rest[0].islower()):
                self._open_attachment(i, att, span, rest)
                return True
        if _SIGNATURE_RE.match(_PAGE_NUMBER_RE.sub("", text, 1)) and self.mode != "signature":
            if self.mode == "preamble" and not self.preamble_body:
                return False
            self.mode = "signature"
            self.prefix = None
            self.last_decimal = None
            if not self._absorb_signatory():
                self._open_container(None, "Signature", RANK_ATTACHMENT, False)
            self.stack = self.stack[-1:]
            self._body_pieces(span, 0)
            return True
        if self.mode == "preamble":
            if _RECITALS_RE.match(text) and len(text) < 40:
                self._open_container(None, _clean_heading(text), RANK_ATTACHMENT, True)
                self.drafts[-1].header.append(span)
                self.preamble_body = True
                return True
            if _WHEREAS_RE.match(text) and (
                self.current is None or self.drafts[self.current].heading == "Preamble"
            ):
                self._open_container(None, "Recitals", RANK_ATTACHMENT, False)
                self.preamble_body = True
                self._body_pieces(span, 0)
                return True
        return False

    def _absorb_signatory(self) -> bool:
        """Turn a just-opened caps heading ("ACME CORP.") into the signature clause it starts."""
        if self.current is None or self.current != len(self.drafts) - 1:
            return False
        draft = self.drafts[self.current]
        if draft.number is not None or draft.body or draft.lead is not None or len(draft.header) != 1:
            return False
        draft.body, draft.header = draft.header, []
        draft.heading, draft.own_heading, draft.parent, draft.level = "Signature", False, None, 1
        self.stack = [_Entry(self.current, f"container:{RANK_ATTACHMENT}", RANK_ATTACHMENT, None)]
        return True

    def _open_attachment(self, i: int, att: re.Match[str], span: _Span, rest: str) -> None:
        kw = att["kw"].lower()
        ident = att["id"]
        if kw in ("sow", "statement of work"):
            label = f"SOW {ident}"
        else:
            label = f"{kw.title()} {ident}"
        self.prefix = None
        self.mode = "body"
        idx = self._open_container(label, None, RANK_ATTACHMENT, True)
        self.stack = self.stack[-1:]
        self.prefix = label
        self.last_decimal = None
        draft = self.drafts[idx]
        draft.header.append(span)
        if rest:
            draft.heading = _clean_heading(rest)
        else:
            nxt = self._next_heading_para(i)
            if nxt is not None:
                draft.header.append(nxt)
                draft.heading = _clean_heading(nxt.text)
        if draft.heading is None:
            draft.own_heading = False

    def _heading_para(self, i: int, para: _Para, span: _Span) -> bool:
        """Open an unnumbered heading clause ("LIMITATION OF LIABILITY", a Word heading)."""
        text = span.text
        rank: int | None = None
        style = (para.style or "").lower()
        if para.from_docx:
            hm = re.match(r"heading\s*(\d)", style)
            if hm:
                rank = int(hm.group(1))
            elif style == "title":
                rank = 1
            elif para.is_bold and _heading_text(text):
                rank = 1
            elif _caps_like(text, 12) and not text.endswith("."):
                rank = 1
        elif para.lines == 1 and not text.endswith(".") and (
            _caps_like(text, 12) or (_title_like(text, 6) and not _ends_sentence(text))
        ):
            rank = 1 if _caps_like(text, 12) else 2
        if rank is None:
            return False
        if self.mode == "preamble":
            if not self.preamble_body:
                self._add_body(span)  # the title block
                return True
            if self.mode == "preamble" and rank > 1 and not para.from_docx:
                self._body_pieces(span, 0)
                return True
            self._leave_preamble()
        elif self.mode == "signature":
            nxt = self.paras[i + 1].span.text if i + 1 < len(self.paras) else ""
            if rank > 1 or not _caps_like(text, 12) or match_number(nxt) is None:
                self._add_body(span)
                return True
            self._leave_preamble()
        if self.stack and self.stack[-1].rank is None and not para.from_docx and rank > 1:
            return False  # a title-case line inside a list is body text
        self._open_container(None, _clean_heading(text), rank, True)
        self.drafts[-1].header.append(span)
        return True

    def _numbered_piece(self, i: int, para: _Para, span: _Span, m: NumberMatch, pos: int) -> None:
        """Open the clause of ``m`` at ``span.text[pos:]`` and take its heading and body."""
        idx = self._open_number(m)
        draft = self.drafts[idx]
        text = span.text
        body_pos = m.end
        while body_pos < len(text) and text[body_pos] in _SEPARATORS:
            body_pos += 1
        end = self._inline_end(text, body_pos, body_pos)
        rest = text[body_pos:end].rstrip()
        if not rest:
            # "ARTICLE IV" / "5." alone: the heading may be the next line
            draft.header.append(span.slice(0, _trim_end(text, 0, end)) if end < len(text) else span)
            if end >= len(text) and para.table is None:
                nxt = self._next_heading_para(i)
                if nxt is not None:
                    draft.header.append(nxt)
                    draft.heading = _clean_heading(nxt.text)
                    draft.own_heading = True
            if end < len(text):
                self._continue(span, end)
            return
        if _heading_text(rest) and not (
            m.rank is None and rest.endswith(".") and len(rest.split()) > 3
        ):
            draft.header.append(span if end >= len(text) else span.slice(0, _trim_end(text, 0, end)))
            draft.heading = _clean_heading(rest)
            draft.own_heading = True
            if end < len(text):
                self._continue(span, end)
            return
        head_end = body_pos
        run = _RUNIN_RE.match(text, body_pos, end)
        if run:
            cand = run.group(1).strip()
            after = text[run.end() : run.end() + 1]
            if (
                cand
                and not _ABBREVIATION_END_RE.search(cand)
                and (after.isupper() or after in "\"“(" or after.isdigit())
                and (_caps_like(cand, 10) or _title_like(cand, 8))
            ):
                draft.heading = _clean_heading(cand)
                draft.own_heading = True
                head_end = run.end()
                end = self._inline_end(text, head_end, head_end)
        draft.lead = span.slice(0, head_end)
        draft.body.append(span.slice(head_end, _trim_end(text, head_end, end)))
        if end < len(text):
            self._continue(span, end)

    def _continue(self, span: _Span, pos: int) -> None:
        """Process the rest of a paragraph after an inline split at ``pos``."""
        rest = span.slice(pos, len(span.text))
        if _SIGNATURE_RE.match(rest.text):
            self.mode = "signature"
            self.prefix = None
            self.last_decimal = None
            self._open_container(None, "Signature", RANK_ATTACHMENT, False)
            self.stack = self.stack[-1:]
            self._body_pieces(rest, 0)
            return
        m = match_number(rest.text)
        if m is None:  # should not happen: _inline_end accepted it
            self._body_pieces(rest, 0)
            return
        m = self._as_sublist(self._resolve_ambiguous(m))
        self._leave_preamble()
        self._numbered_piece(-1, _Para(rest), rest, m, 0)

    def _body_pieces(self, span: _Span, pos: int) -> None:
        """Add ``span`` as body, splitting at inline clause numbers that continue the sequence."""
        end = self._inline_end(span.text, pos, -1)
        if end >= len(span.text):
            self._add_body(span)
            if self.mode == "preamble" and not _heading_text(span.text):
                self.preamble_body = True
            return
        self._add_body(span.slice(0, _trim_end(span.text, 0, end)))
        if self.mode == "preamble":
            self.preamble_body = True
        self._continue(span, end)

    def _inline_end(self, text: str, pos: int, body_start: int) -> int:
        """Return where an inline clause number after ``pos`` splits the text (or len(text))."""
        if len(text) - pos < 40:
            return len(text)
        for cand in _INLINE_RE.finditer(text, max(pos - 1, 0)):
            q = cand.end()
            before = text[max(cand.start() - 1, 0) : cand.start()]
            if text.startswith("IN WITNESS WHEREOF", q):
                if self.mode != "signature" and (before in ".:;\"”)" ):
                    return q
                continue
            m = match_number(text, q)
            if m is None:
                continue
            after = text[m.end : m.end + 2].strip()[:1]
            if not after or not (after.isupper() or after in "\"“("):
                continue
            sentence_end = before in ".:;!?\"”)]"
            if not sentence_end:
                prev_word = text[: cand.start()].rsplit(" ", 1)[-1]
                if not (len(prev_word) >= 2 and prev_word.isupper() and prev_word.isalpha()):
                    continue
            m = self._as_sublist(self._resolve_ambiguous(m))
            if m.rank is not None:
                if m.style == "dec" and len(m.parts) == 1 and not m.printed.endswith("."):
                    continue
                if m.keyword and not m.printed.isupper():
                    continue
                if self.mode == "signature":
                    continue
                if self._plausible(m, strict=True):
                    return q
                continue
            in_stack = any(e.style == m.style for e in self.stack)
            if q == body_start and first_value(m) and not in_stack:
                return q  # "1.1 Provision. (a) Provider ..." or "(b) (i) Provider ..."
            if self.mode in ("preamble", "signature") or before != ".":
                continue
            if in_stack and self._plausible(m, strict=True):
                return q
        return len(text)

    # ---- headings

    def _inherit_headings(self) -> None:
        """Give a clause without its own heading the heading of its nearest headed ancestor."""
        for draft in self.drafts:
            if draft.heading is None and draft.parent is not None:
                draft.heading = self.drafts[draft.parent].heading
                draft.own_heading = False


# --------------------------------------------------------------------------- pass 3: render


def _render(
    raw: RawDocument, drafts: list[_Draft], tables: tuple[Table, ...]
) -> tuple[str, tuple[Clause, ...], tuple[int, ...], tuple[Table, ...]]:
    """Write headers and bodies into one text and build the clauses with exact offsets."""
    chunks: list[str] = []
    marks: list[tuple[int, int, int]] = []
    offset = 0

    def emit(span: _Span) -> None:
        nonlocal offset
        chunks.append(span.text)
        marks.extend((off + offset, page, block) for off, page, block in span.marks)
        offset += len(span.text)

    def emit_sep(sep: str) -> None:
        nonlocal offset
        chunks.append(sep)
        offset += len(sep)

    spans_info: list[tuple[int, int, int, set[int]]] = []
    for n, draft in enumerate(drafts):
        if n:
            emit_sep("\n\n")
        begin = offset
        mark_from = len(marks)
        for j, head in enumerate(draft.header):
            if j:
                emit_sep("\n")
            emit(head)
        if draft.header and (draft.lead is not None or draft.body):
            emit_sep("\n")
        if draft.lead is not None:
            emit(draft.lead)
        start = offset
        for j, body in enumerate(draft.body):
            if j:
                emit_sep("\n")
            emit(body)
        blocks = {b for _, _, b in marks[mark_from:]}
        spans_info.append((begin, start, offset, blocks))
    text = "".join(chunks)
    page_count = max([raw.source.page_count] + [p for _, p, _ in marks] + [1])
    first_offset: dict[int, int] = {}
    for off, page, _ in marks:
        if page not in first_offset or off < first_offset[page]:
            first_offset[page] = off
    page_offsets: list[int] = []
    nxt = len(text)
    for page in range(page_count, 0, -1):
        nxt = min(first_offset.get(page, nxt), nxt)
        page_offsets.append(nxt)
    page_offsets.reverse()
    page_offsets[0] = 0

    def page_at(off: int) -> int:
        return max(bisect.bisect_right(page_offsets, off), 1)

    clauses: list[Clause] = []
    table_owner: dict[int, str] = {}
    for n, (draft, (begin, start, end, blocks)) in enumerate(zip(drafts, spans_info, strict=True)):
        cid = f"c{n + 1:04d}"
        parent = f"c{draft.parent + 1:04d}" if draft.parent is not None else None
        page_start = page_at(begin)
        page_end = page_at(end - 1) if end > begin else page_start
        for t in draft.tables:
            table_owner[t] = cid
        clauses.append(
            Clause(
                id=cid,
                number=draft.number,
                heading=draft.heading,
                own_heading=draft.own_heading,
                level=draft.level,
                parent_id=parent,
                text=text[start:end],
                page_start=page_start,
                page_end=max(page_end, page_start),
                start=start,
                end=end,
                block_indices=tuple(sorted(blocks)),
                table_indices=tuple(draft.tables),
            )
        )
    out_tables = tuple(
        dataclasses.replace(t, clause_id=table_owner.get(t.index, t.clause_id)) for t in tables
    )
    return text, tuple(clauses), tuple(page_offsets), out_tables


# --------------------------------------------------------------------------- public


def segment_clauses(raw: RawDocument) -> Document:
    """Turn ingested blocks into a document of numbered clauses.

    Args:
        raw: the blocks of one file (LINE blocks from PDF/TXT, PARAGRAPH blocks from DOCX,
            TABLE blocks carrying a ``Table``).

    Returns:
        The ``Document``: one text, clauses in document order with exact offsets
        (``clause.text == document.text[clause.start:clause.end]``), tables linked to the
        clause they sit in, page offsets, and title / parties / dates found in the preamble.
    """
    paras = _build_paragraphs(raw.blocks)
    drafts = _Builder(paras).run()
    tables = tuple(b.table for b in raw.blocks if b.kind is BlockKind.TABLE and b.table is not None)
    text, clauses, page_offsets, tables = _render(raw, drafts, tables)
    head_lines = [p.span.text for p in paras[:12] if p.table is None]
    opening = _preamble_text(text, clauses)
    warnings = list(raw.warnings)
    if not clauses:
        warnings.append("no text to segment")
    logger.debug("%s: %d blocks -> %d clauses", raw.source.name, len(raw.blocks), len(clauses))
    title = find_title(head_lines)
    parties = find_party_definitions(text, opening)
    return Document(
        source=raw.source,
        text=text,
        clauses=clauses,
        tables=tables,
        page_offsets=page_offsets,
        title=title,
        parties=tuple(p.name for p in parties),
        dates=find_dates(opening[:4000]),
        warnings=tuple(warnings),
        profile=contract_profile(title, text, parties),
    )


def _preamble_text(text: str, clauses: tuple[Clause, ...]) -> str:
    """Return the text before the first numbered clause (or the opening 3,000 characters)."""
    for clause in clauses:
        if clause.number is not None and clause.start > 0:
            return text[: clause.start] if clause.start < 6000 else text[:3000]
    return text[:3000]
