"""DOCX → PARAGRAPH and TABLE blocks in body order, with Word's auto-numbers resolved.

python-docx opens the package, but paragraph text and numbering are read from the XML:
``Paragraph.text`` skips runs inside ``w:ins`` (tracked insertions), and Word prints
clause numbers such as "4.2" from ``numbering.xml`` without them being in the text at all.
Tracked changes are read as accepted; headers, footers, comments and text boxes are not
body text and are left out.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.errors import CorruptDocument, EmptyDocument, FileTooLarge, UnsupportedFileType
from analyzer.ingest.sniff import Limits, check_pages
from analyzer.types import Block, BlockKind, Table

logger = logging.getLogger(__name__)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC = _q("p"), _q("r"), _q("t"), _q("tbl"), _q("tr"), _q("tc")
_PPR, _RPR, _VAL = _q("pPr"), _q("rPr"), _q("val")
# containers whose content is (accepted) paragraph content
_TRANSPARENT = {_q(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "sdtContent", "dir", "bdo")}
# content that is not read: deletions, hidden alternatives, drawings and text boxes
_SKIPPED = {_q(t) for t in ("del", "moveFrom", "drawing", "pict", "object", "sdtPr", "sdtEndPr")} | {
    f"{{{_MC}}}AlternateContent"
}
_BULLET_FORMATS = {"bullet", "none"}
_FALSE = {"0", "false", "off", "none"}
# A document.xml this much larger than the file limit is a zip bomb, not a contract.
_MAX_INFLATION = 20


# --------------------------------------------------------------------------- numbering


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # None: restart after any shallower level; 0: never
    is_legal: bool = False
    style_id: str | None = None


@dataclass(slots=True)
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)


@dataclass(slots=True)
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * 9)
    pending_start: dict[int, int] = field(default_factory=dict)


def _on(element, default: bool = True) -> bool:  # type: ignore[no-untyped-def]
    """Return a toggle property's value (``<w:b/>`` is on, ``w:val="0"`` is off)."""
    if element is None:
        return False
    value = element.get(_VAL)
    return default if value is None else value.lower() not in _FALSE


def _int(element, default: int | None = None) -> int | None:  # type: ignore[no-untyped-def]
    if element is None:
        return default
    try:
        return int(element.get(_VAL))
    except (TypeError, ValueError):
        return default


def _parse_level(lvl) -> _Level:  # type: ignore[no-untyped-def]
    fmt = lvl.find(_q("numFmt"))
    text = lvl.find(_q("lvlText"))
    pstyle = lvl.find(_q("pStyle"))
    restart = lvl.find(_q("lvlRestart"))
    return _Level(
        start=_int(lvl.find(_q("start")), 1) or 0,
        fmt=(fmt.get(_VAL) if fmt is not None else "decimal") or "decimal",
        text=(text.get(_VAL) if text is not None else "") or "",
        restart=_int(restart) if restart is not None else None,
        is_legal=_on(lvl.find(_q("isLgl"))),
        style_id=pstyle.get(_VAL) if pstyle is not None else None,
    )


def _to_letters(value: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeats)."""
    if value <= 0:
        return ""
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _to_roman(value: int) -> str:
    if value <= 0:
        return ""
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )
    out = []
    for number, letters in numerals:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def format_number(value: int, fmt: str) -> str:
    """Render a counter in a Word ``numFmt`` (decimal, lowerLetter, upperRoman, ...)."""
    if fmt == "lowerLetter":
        return _to_letters(value)
    if fmt == "upperLetter":
        return _to_letters(value).upper()
    if fmt == "lowerRoman":
        return _to_roman(value)
    if fmt == "upperRoman":
        return _to_roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    if fmt == "none":
        return ""
    return str(value)


class _Numbering:
    """Word list numbering: definitions from numbering.xml plus running counters."""

    def __init__(self, numbering_root, styles: _Styles) -> None:  # type: ignore[no-untyped-def]
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self.nums: dict[str, _Num] = {}
        self.styles = styles
        self.counters: dict[str, _Counters] = {}
        self.seen_nums: set[str] = set()
        if numbering_root is None:
            return
        for abstract in numbering_root.findall(_q("abstractNum")):
            abstract_id = abstract.get(_q("abstractNumId"))
            levels = {}
            for lvl in abstract.findall(_q("lvl")):
                ilvl = int(lvl.get(_q("ilvl"), "0"))
                levels[ilvl] = _parse_level(lvl)
            self.abstract[abstract_id] = levels
            link = abstract.find(_q("numStyleLink"))
            if link is not None:
                self.style_links[abstract_id] = link.get(_VAL)
        for num in numbering_root.findall(_q("num")):
            num_id = num.get(_q("numId"))
            ref = num.find(_q("abstractNumId"))
            if ref is None:
                continue
            entry = _Num(abstract_id=ref.get(_VAL))
            for override in num.findall(_q("lvlOverride")):
                ilvl = int(override.get(_q("ilvl"), "0"))
                start = override.find(_q("startOverride"))
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start, 1) or 0
                lvl = override.find(_q("lvl"))
                if lvl is not None:
                    entry.level_overrides[ilvl] = _parse_level(lvl)
            self.nums[num_id] = entry

    def _resolve_abstract(self, abstract_id: str) -> str:
        """Follow ``numStyleLink`` to the abstractNum that holds the levels."""
        for _ in range(4):
            link = self.style_links.get(abstract_id)
            if link is None:
                break
            num_id = self.styles.num_id(link)
            if num_id is None or num_id not in self.nums:
                break
            abstract_id = self.nums[num_id].abstract_id
        return abstract_id

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        num = self.nums.get(num_id)
        if num is None or style_id is None:
            return 0
        for ilvl, level in self.abstract.get(self._resolve_abstract(num.abstract_id), {}).items():
            if level.style_id == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> tuple[str | None, int] | None:
        """Advance the list counter and return (printed label or None for bullets, level)."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        abstract_id = self._resolve_abstract(num.abstract_id)
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(num.level_overrides)
        if not levels:
            return None
        ilvl = max(0, min(ilvl, 8))
        state = self.counters.setdefault(abstract_id, _Counters())
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for level_index, start in num.start_overrides.items():
                if 0 <= level_index <= 8:
                    state.values[level_index] = None
                    state.pending_start[level_index] = start
        level = levels.get(ilvl, _Level())
        current = state.values[ilvl]
        if current is None:
            state.values[ilvl] = state.pending_start.pop(ilvl, level.start)
        else:
            state.values[ilvl] = current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                state.values[deeper] = None
        if level.fmt in _BULLET_FORMATS:
            return None, ilvl

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            if not 0 <= index <= 8:
                return ""
            other = levels.get(index, _Level())
            value = state.values[index]
            if value is None:
                value = other.start
            fmt = "decimal" if (level.is_legal and index < ilvl) else other.fmt
            return format_number(value, fmt)

        label = re.sub(r"%([1-9])", render, level.text).strip()
        return (label or None), ilvl


# --------------------------------------------------------------------------- styles


class _Styles:
    """Paragraph/character style lookups with ``basedOn`` inheritance."""

    def __init__(self, styles_root) -> None:  # type: ignore[no-untyped-def]
        self.by_id: dict[str, object] = {}
        self.default_paragraph: str | None = None
        self.default_bold = False
        self.default_size: float | None = None
        if styles_root is None:
            return
        for style in styles_root.findall(_q("style")):
            style_id = style.get(_q("styleId"))
            self.by_id[style_id] = style
            is_default = style.get(_q("default")) in ("1", "true", "on")
            if style.get(_q("type")) == "paragraph" and is_default:
                self.default_paragraph = style_id
        defaults = styles_root.find(f"{_q('docDefaults')}/{_q('rPrDefault')}/{_RPR}")
        if defaults is not None:
            self.default_bold = _on(defaults.find(_q("b")))
            size = _int(defaults.find(_q("sz")))
            self.default_size = size / 2 if size else None

    def _chain(self, style_id: str | None):  # type: ignore[no-untyped-def]
        seen = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(_q("basedOn"))  # type: ignore[attr-defined]
            style_id = based.get(_VAL) if based is not None else None

    def name(self, style_id: str | None) -> str | None:
        style = self.by_id.get(style_id or self.default_paragraph or "")
        if style is None:
            return None
        from docx.styles import BabelFish

        name = style.find(_q("name"))  # type: ignore[attr-defined]
        # styles.xml stores built-in names in lower case ("heading 1"); Word shows "Heading 1"
        return BabelFish.internal2ui(name.get(_VAL)) if name is not None else style_id

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self._chain(style_id):
            num_pr = style.find(f"{_PPR}/{_q('numPr')}")  # type: ignore[attr-defined]
            if num_pr is not None:
                num_id = num_pr.find(_q("numId"))
                return (
                    num_id.get(_VAL) if num_id is not None else None,
                    _int(num_pr.find(_q("ilvl"))),
                )
        return None, None

    def num_id(self, style_id: str) -> str | None:
        return self.num_pr(style_id)[0]

    def run_property(self, style_id: str | None, tag: str):  # type: ignore[no-untyped-def]
        for style in self._chain(style_id):
            found = style.find(f"{_RPR}/{_q(tag)}")  # type: ignore[attr-defined]
            if found is not None:
                return found
        return None


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _ParagraphText:
    text: str
    bold_runs: int
    plain_runs: int
    font_size: float | None
    breaks_before_text: int
    breaks_after_text: int
    deleted_mark: bool


class _Reader:
    """Walks the body once, keeping numbering counters and the page counter."""

    def __init__(self, document, path: Path) -> None:  # type: ignore[no-untyped-def]
        self.path = path
        body = document.element.body
        self.body = body
        self.styles = _Styles(_part_root(document, "styles"))
        self.numbering = _Numbering(_part_root(document, "numbering"), self.styles)
        self.rendered_breaks = next(body.iter(_q("lastRenderedPageBreak")), None) is not None
        self.page = 1
        self.blocks: list[Block] = []
        self.table_count = 0
        self.gap = False
        self.carry = ""  # text of a paragraph whose mark was deleted (joins the next one)
        self.docx_index = 0  # index among document.paragraphs (top-level w:p only)

    # ---- paragraphs

    def paragraph_text(self, p) -> _ParagraphText:  # type: ignore[no-untyped-def]
        pieces: list[str] = []
        bold_runs = plain_runs = 0
        size: float | None = None
        breaks_before = breaks_after = 0
        ppr = p.find(_PPR)
        style_id = None
        deleted_mark = False
        if ppr is not None:
            pstyle = ppr.find(_q("pStyle"))
            style_id = pstyle.get(_VAL) if pstyle is not None else None
            deleted_mark = ppr.find(f"{_RPR}/{_q('del')}") is not None
            if not self.rendered_breaks and _on(ppr.find(_q("pageBreakBefore"))):
                breaks_before += 1

        def walk(element) -> None:  # type: ignore[no-untyped-def]
            nonlocal bold_runs, plain_runs, size, breaks_before, breaks_after
            for child in element:
                tag = child.tag
                if tag == _R:
                    text, breaks = self.run_text(child)
                    if breaks:
                        if any(s.strip() for s in pieces):
                            breaks_after += breaks
                        else:
                            breaks_before += breaks
                    if text:
                        pieces.append(text)
                        if text.strip():
                            if self.run_bold(child, style_id):
                                bold_runs += 1
                            else:
                                plain_runs += 1
                            if size is None:
                                size = self.run_size(child, style_id)
                elif tag in _SKIPPED or tag == _PPR:
                    continue
                elif tag in _TRANSPARENT or tag == _q("sdt"):
                    walk(child)

        walk(p)
        if ppr is not None and not self.rendered_breaks:
            sect = ppr.find(_q("sectPr"))
            if sect is not None:
                kind = sect.find(_q("type"))
                if kind is None or kind.get(_VAL) in ("nextPage", "oddPage", "evenPage"):
                    breaks_after += 1
        return _ParagraphText(
            "".join(pieces), bold_runs, plain_runs, size, breaks_before, breaks_after, deleted_mark
        )

    def run_text(self, run) -> tuple[str, int]:  # type: ignore[no-untyped-def]
        """Return a run's text as python-docx reads it, and the page breaks it holds."""
        out: list[str] = []
        breaks = 0
        for child in run:
            tag = child.tag
            if tag == _T:
                out.append(child.text or "")
            elif tag == _q("tab") or tag == _q("ptab"):
                out.append("\t")
            elif tag == _q("br"):
                kind = child.get(_q("type"))
                if kind == "page":
                    breaks += 0 if self.rendered_breaks else 1
                elif kind != "column":
                    out.append("\n")
            elif tag == _q("cr"):
                out.append("\n")
            elif tag == _q("noBreakHyphen"):
                out.append("-")
            elif tag == _q("lastRenderedPageBreak") and self.rendered_breaks:
                breaks += 1
        return "".join(out), breaks

    def run_bold(self, run, paragraph_style: str | None) -> bool:  # type: ignore[no-untyped-def]
        rpr = run.find(_RPR)
        if rpr is not None:
            direct = rpr.find(_q("b"))
            if direct is not None:
                return _on(direct)
            rstyle = rpr.find(_q("rStyle"))
            if rstyle is not None:
                found = self.styles.run_property(rstyle.get(_VAL), "b")
                if found is not None:
                    return _on(found)
        found = self.styles.run_property(paragraph_style or self.styles.default_paragraph, "b")
        if found is not None:
            return _on(found)
        return self.styles.default_bold

    def run_size(self, run, paragraph_style: str | None) -> float | None:  # type: ignore[no-untyped-def]
        rpr = run.find(_RPR)
        if rpr is not None:
            size = _int(rpr.find(_q("sz")))
            if size:
                return size / 2
        found = self.styles.run_property(paragraph_style or self.styles.default_paragraph, "sz")
        size = _int(found)
        return size / 2 if size else self.styles.default_size

    def numbering_of(self, p) -> tuple[str | None, int] | None:  # type: ignore[no-untyped-def]
        ppr = p.find(_PPR)
        style_id = None
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            pstyle = ppr.find(_q("pStyle"))
            style_id = pstyle.get(_VAL) if pstyle is not None else None
            num_pr = ppr.find(_q("numPr"))
            if num_pr is not None:
                found = num_pr.find(_q("numId"))
                num_id = found.get(_VAL) if found is not None else None
                ilvl = _int(num_pr.find(_q("ilvl")))
        style_num, style_ilvl = self.styles.num_pr(style_id or self.styles.default_paragraph)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, style_id)
        return self.numbering.next_label(num_id, ilvl)

    def add_paragraph(self, p, docx_index: int | None) -> None:  # type: ignore[no-untyped-def]
        content = self.paragraph_text(p)
        numbered = self.numbering_of(p)
        self.page += content.breaks_before_text
        text = self.carry + content.text
        if content.deleted_mark:  # accepted deletion of the paragraph mark: join the next
            self.carry = text
            self.page += content.breaks_after_text
            return
        self.carry = ""
        if not text.strip():
            self.gap = True
            self.page += content.breaks_after_text
            return
        ppr = p.find(_PPR)
        pstyle = ppr.find(_q("pStyle")) if ppr is not None else None
        style_id = pstyle.get(_VAL) if pstyle is not None else None
        label, level = (numbered if numbered else (None, None))
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                page=self.page,
                kind=BlockKind.PARAGRAPH,
                style=self.styles.name(style_id),
                is_bold=content.bold_runs > 0 and content.plain_runs == 0,
                font_size=content.font_size,
                numbering=label,
                numbering_level=level,
                docx_index=docx_index,
                gap_before=self.gap and bool(self.blocks),
            )
        )
        self.gap = False
        self.page += content.breaks_after_text

    # ---- tables

    def cell_text(self, tc) -> str:  # type: ignore[no-untyped-def]
        parts: list[str] = []
        for child in _content_children(tc):
            if child.tag == _P:
                content = self.paragraph_text(child)
                numbered = self.numbering_of(child)
                self.page += content.breaks_before_text + content.breaks_after_text
                text = content.text
                if numbered and numbered[0] and text.strip():
                    text = f"{numbered[0]} {text}"
                parts.append(text)
            elif child.tag == _TBL:
                for row in self.table_rows(child):
                    parts.append(" | ".join(c for c in row if c))
        return "\n".join(parts).strip()

    def table_rows(self, tbl) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
        rows: list[list[str]] = []
        for tr in _content_children(tbl):
            if tr.tag != _TR:
                continue
            trpr = tr.find(_q("trPr"))
            if trpr is not None and trpr.find(_q("del")) is not None:
                continue  # a deleted row, read as accepted
            cells: list[str] = []
            if trpr is not None:
                cells.extend([""] * (_int(trpr.find(_q("gridBefore")), 0) or 0))
            for tc in _content_children(tr):
                if tc.tag != _TC:
                    continue
                tcpr = tc.find(_q("tcPr"))
                span = 1
                continuation = False
                if tcpr is not None:
                    span = max(1, _int(tcpr.find(_q("gridSpan")), 1) or 1)
                    vmerge = tcpr.find(_q("vMerge"))
                    continuation = vmerge is not None and vmerge.get(_VAL) in (None, "continue")
                text = self.cell_text(tc)
                # merged cells are read once: the text in the first grid cell only
                cells.append("" if continuation else text)
                cells.extend([""] * (span - 1))
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        return [tuple(r + [""] * (width - len(r))) for r in rows if any(c.strip() for c in r)]

    def add_table(self, tbl) -> None:  # type: ignore[no-untyped-def]
        if _grid_columns(tbl) <= 1:
            # a one-column table is a layout box (boxed clause, notice panel): body text
            for tr in _content_children(tbl):
                for tc in _content_children(tr) if tr.tag == _TR else ():
                    if tc.tag == _TC:
                        self.visit(tc, top_level=False)
            return
        first_page = self.page
        rows = self.table_rows(tbl)
        if not rows:
            return
        table = Table(index=self.table_count, rows=tuple(rows), page=first_page, page_end=self.page)
        self.table_count += 1
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text="\n".join(" | ".join(r) for r in rows),
                page=first_page,
                kind=BlockKind.TABLE,
                table=table,
                gap_before=self.gap and bool(self.blocks),
            )
        )
        self.gap = False

    # ---- body

    def visit(self, element, top_level: bool) -> None:  # type: ignore[no-untyped-def]
        """Read paragraphs and tables in document order; count top-level paragraphs."""
        for child in element:
            tag = child.tag
            if tag == _P:
                self.add_paragraph(child, self.docx_index if top_level else None)
                if top_level:
                    self.docx_index += 1
            elif tag == _TBL:
                self.add_table(child)
            elif tag == _q("sdt"):
                content = child.find(_q("sdtContent"))
                if content is not None:
                    self.visit(content, False)
            elif tag in (_q("customXml"), _q("ins"), _q("moveTo")):
                self.visit(child, False)

    def read(self) -> None:
        self.visit(self.body, True)
        if self.carry.strip():
            self.blocks.append(
                Block(index=len(self.blocks), text=self.carry, page=self.page, kind=BlockKind.PARAGRAPH)
            )


def _grid_columns(tbl) -> int:  # type: ignore[no-untyped-def]
    """Return the table's column count from its grid, else from its widest row."""
    grid = tbl.find(_q("tblGrid"))
    if grid is not None and len(grid.findall(_q("gridCol"))):
        return len(grid.findall(_q("gridCol")))
    widths = [
        sum(
            max(1, _int(tc.find(f"{_q('tcPr')}/{_q('gridSpan')}"), 1) or 1)
            for tc in _content_children(tr)
            if tc.tag == _TC
        )
        for tr in _content_children(tbl)
        if tr.tag == _TR
    ]
    return max(widths, default=0)


def _content_children(element):  # type: ignore[no-untyped-def]
    """Yield children, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == _q("sdt"):
            content = child.find(_q("sdtContent"))
            if content is not None:
                yield from _content_children(content)
        elif child.tag in (_q("customXml"), _q("ins"), _q("moveTo")):
            yield from _content_children(child)
        elif child.tag in (_q("del"), _q("moveFrom")):
            continue
        else:
            yield child


def _part_root(document, name: str):  # type: ignore[no-untyped-def]
    """Return the XML root of the styles or numbering part, without creating one."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    reltype = {"styles": RT.STYLES, "numbering": RT.NUMBERING}[name]
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            if element is not None:
                return element
            from docx.oxml.parser import parse_xml

            return parse_xml(part.blob)
    return None


def read_docx(path: Path, limits: Limits) -> tuple[tuple[Block, ...], int, tuple[str, ...]]:
    """Read a DOCX into PARAGRAPH and TABLE blocks in body order.

    Returns:
        The blocks, the page count (from page breaks; 1 when there are none) and warnings.

    Raises:
        CorruptDocument: the package or its XML is damaged.
        UnsupportedFileType: a macro-enabled document or template that python-docx refuses.
        FileTooLarge: the inflated document is implausibly large, or too many pages.
        EmptyDocument: the body holds no text.
    """
    import docx

    _check_inflated_size(path, limits)
    try:
        document = docx.Document(str(path))
    except ValueError as exc:
        if "content type" in str(exc):
            raise UnsupportedFileType(
                "a macro-enabled document or a template, not a plain DOCX; save it as .docx",
                str(path),
            ) from None
        raise CorruptDocument(f"the DOCX cannot be read ({exc}); save it again", str(path)) from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many types on bad packages
        raise CorruptDocument(
            f"the DOCX is damaged ({type(exc).__name__}); open and save it again in Word",
            str(path),
        ) from None
    reader = _Reader(document, path)
    try:
        reader.read()
    except (AttributeError, TypeError, ValueError, KeyError) as exc:
        raise CorruptDocument(
            f"the DOCX has malformed content ({type(exc).__name__}: {exc}); save it again",
            str(path),
        ) from None
    if not reader.blocks:
        raise EmptyDocument("the DOCX body contains no text; check that it is the right file", str(path))
    check_pages(path, reader.page, limits)
    warnings: list[str] = []
    if _has_alt_chunks(reader.body):
        warnings.append("embedded documents (altChunk) are not read; paste their text into the DOCX")
    return tuple(reader.blocks), reader.page, tuple(warnings)


def _has_alt_chunks(body) -> bool:  # type: ignore[no-untyped-def]
    return body.find(_q("altChunk")) is not None


def _check_inflated_size(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return  # python-docx reports the damage with its own message
    if info.file_size > limits.max_bytes * _MAX_INFLATION:
        raise FileTooLarge(
            f"word/document.xml inflates to {info.file_size / 2**20:.0f} MiB; "
            "this is not a normal contract, check the file",
            str(path),
        )
