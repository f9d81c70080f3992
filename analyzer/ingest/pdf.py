"""PDF → LINE and TABLE blocks: pypdfium2 for text, pdfplumber only for ruled tables.

pdfplumber reads about 9 pages/s; pypdfium2 gives characters with boxes at hundreds of
pages/s. So every page goes through pdfium (lines with positions, reading order, two-column
detection, font size and weight), and pdfplumber is opened only for pages whose vector
graphics could form a table grid. Running headers, footers and page numbers are removed
across the whole document afterwards; lines are neither joined nor de-hyphenated here
(``analyzer.segment`` does that).
"""

from __future__ import annotations

import ctypes
import logging
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.errors import CorruptDocument, EmptyDocument, EncryptedDocument, NoTextLayer
from analyzer.ingest.sniff import Limits, check_pages
from analyzer.types import Block, BlockKind, Table

logger = logging.getLogger(__name__)

# A horizontal gap wider than this (points, or multiples of the line height) splits a line
# into segments: column gutters and table cells, never an ordinary word space.
_SEGMENT_GAP_PT = 14.0
_SEGMENT_GAP_HEIGHTS = 1.8
# Lines among the first/last few of a page that may be running headers or footers.
_EDGE_LINES = 3
_EDGE_ZONE = 0.2
_PAGE_NUMBER = re.compile(
    r"""^(?:
        (?:page|pg\.?|p\.)?\s*[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?   # 3, - 3 -, (3), Page 3
      | (?:page\s*)?\d{1,4}\s*(?:of|/)\s*\d{1,4}                # Page 3 of 9, 3/9
      | [A-Z]{1,2}\s*[-–—.]\s*\d{1,3}                           # A-3, B.2 (exhibit pages)
      | [ivxlc]{1,7}                                            # ii, xiv (front matter)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# pdfplumber time allowed per document; pages beyond it keep their table text as lines.
_TABLE_BUDGET_S = 20.0
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Segment:
    """A run of characters of one pdfium line without a wide horizontal gap."""

    start: int
    end: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class _Line:
    """One visual line of a page, in display coordinates (y grows downwards)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font_size: float | None = None
    is_bold: bool = False
    column: int = 0  # 0 full width or single column, 1 left, 2 right
    gap_before: bool = False


@dataclass(slots=True)
class _PageTable:
    """A table found by pdfplumber on one page, with its display bbox."""

    rows: tuple[tuple[str, ...], ...]
    x0: float
    top: float
    x1: float
    bottom: float
    page: int
    page_end: int


@dataclass(slots=True)
class _Page:
    """What one page yields before document-wide clean-up."""

    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    # reading order: a _Line or a _PageTable
    items: list[_Line | _PageTable] = field(default_factory=list)


def read_pdf(
    path: Path, limits: Limits, *, keep_running_lines: bool = False
) -> tuple[tuple[Block, ...], int, tuple[str, ...]]:
    """Read a PDF into LINE and TABLE blocks in reading order.

    Args:
        path: the PDF file.
        limits: page limit to enforce.
        keep_running_lines: keep running headers, footers and page numbers (for
            diagnostics: corpus tests use it to explain text a reference TXT keeps).

    Returns:
        The blocks, the page count and warnings (pages without a text layer, tables that
        could not be read).

    Raises:
        EncryptedDocument: a password other than the empty one is needed.
        CorruptDocument: pdfium cannot open or render the file.
        FileTooLarge: more pages than ``limits.max_pages``.
        NoTextLayer: no page has text but some have images (a scan, OCR needed).
        EmptyDocument: no page has text or images.
    """
    import pypdfium2 as pdfium

    document = _open_document(path)
    warnings: list[str] = []
    try:
        page_count = len(document)
        if page_count == 0:
            raise CorruptDocument("the PDF has no pages; export it again", str(path))
        check_pages(path, page_count, limits)
        pages: list[_Page] = []
        scanned: list[int] = []
        broken: list[int] = []
        table_pages: list[int] = []
        for index in range(page_count):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                broken.append(index + 1)
                continue
            try:
                parsed, has_images, may_have_table = _read_page(page, index + 1)
            finally:
                page.close()
            if not parsed.lines and has_images:
                scanned.append(index + 1)
            if may_have_table and parsed.lines:
                table_pages.append(index)
            pages.append(parsed)
    finally:
        document.close()

    if broken and len(broken) == page_count:
        raise CorruptDocument("no page of the PDF can be read; export it again", str(path))
    if broken:
        warnings.append(f"{_pages(broken)} could not be read (damaged) and are skipped")
    if not any(p.lines for p in pages):
        if scanned:
            raise NoTextLayer(
                f"no text layer on {_pages(scanned)} (a scanned PDF); run OCR "
                "first (e.g. ocrmypdf) and retry",
                str(path),
                pages=tuple(scanned),
            )
        raise EmptyDocument("the PDF contains no text; check that it is the right file", str(path))
    if scanned:
        warnings.append(
            f"no text layer on {_pages(scanned)} (scanned images): their text is missing; "
            "run OCR on the file to include it"
        )

    by_number = {p.number: p for p in pages}
    if table_pages:
        _add_tables(path, [by_number[i + 1] for i in table_pages], warnings)
    for page in pages:
        if not page.items:
            page.items = list(page.lines)
    if not keep_running_lines:
        _remove_running_lines(pages)
    _mark_gaps(pages)
    blocks = _to_blocks(pages)
    return blocks, page_count, tuple(warnings)


# --------------------------------------------------------------------------- open


def _open_document(path: Path):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    last_error: Exception | None = None
    for password in (None, ""):
        try:
            return pdfium.PdfDocument(str(path), password=password)
        except pdfium.PdfiumError as exc:
            last_error = exc
            if getattr(exc, "err_code", None) not in (raw.FPDF_ERR_PASSWORD,):
                break
    code = getattr(last_error, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        raise EncryptedDocument(
            "the PDF is password-protected; open it with the password and save an "
            "unprotected copy",
            str(path),
        ) from None
    if code == raw.FPDF_ERR_SECURITY:
        raise EncryptedDocument(
            "the PDF uses an unsupported security handler; print it to a new PDF and retry",
            str(path),
        ) from None
    raise CorruptDocument(
        "the PDF is damaged or truncated and cannot be opened; export or download it again",
        str(path),
    ) from None


# --------------------------------------------------------------------------- page


def _read_page(page, number: int) -> tuple[_Page, bool, bool]:  # type: ignore[no-untyped-def]
    """Return the page's lines, whether it has images, and whether it may hold a table."""
    import pypdfium2.raw as raw

    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation() % 360
    width, height = (right - left, top - bottom)
    if rotation in (90, 270):
        width, height = height, width
    transform = _display_transform(rotation, left, bottom, right, top)

    textpage = page.get_textpage()
    try:
        segments_by_line, text, fonts = _page_segments(textpage, transform)
        lines = _build_lines(segments_by_line, text, fonts, width)
    finally:
        textpage.close()

    has_images, may_have_table = _scan_objects(page.raw, raw, width * height, transform, lines)
    parsed = _Page(number=number, height=height, lines=lines)
    return parsed, has_images, may_have_table


def _display_transform(rotation: int, left: float, bottom: float, right: float, top: float):  # type: ignore[no-untyped-def]
    """Return a function mapping a PDF box to (x0, top, x1, bottom) as displayed."""

    def rot0(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        return l, top - t, r, top - b

    def rot90(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        return b - bottom, l - left, t - bottom, r - left

    def rot180(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        return right - r, b - bottom, right - l, t - bottom

    def rot270(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        return top - t, right - r, top - b, right - l

    return {0: rot0, 90: rot90, 180: rot180, 270: rot270}.get(rotation, rot0)


_WORD = re.compile(r"[^\s\ufffe]+\ufffe?|\ufffe")  # a line-end hyphen closes its word
_LINE_SPAN = re.compile(r"[^\r\n]+")


def _page_segments(textpage, transform):  # type: ignore[no-untyped-def]
    """Split the page text into visual lines, each a list of gap-free segments.

    Boxes are fetched for the first and last character of each word only (not every
    character): that is enough for line extents, column gutters and table cells, and it
    keeps the per-page cost to a few hundred pdfium calls.
    """
    import pypdfium2.raw as raw

    handle = textpage.raw
    count = textpage.count_chars()
    if count <= 0:
        return [], "", {}
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: rebuild index by index
        text = "".join(
            chr(raw.FPDFText_GetUnicode(handle, i) or 32) for i in range(count)
        ).replace("\x00", " ")
    rect = raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    lines: list[list[_Segment]] = []
    for span in _LINE_SPAN.finditer(text):
        current: list[_Segment] = []
        seg: _Segment | None = None
        for word in _WORD.finditer(text, span.start(), span.end()):
            first, last = word.start(), word.end() - 1
            if not get_box(handle, first, rect):
                if seg is not None:
                    seg.end = word.end()
                continue
            x0, y0, x1, y1 = transform(rect.left, rect.bottom, rect.right, rect.top)
            if last != first and get_box(handle, last, rect):
                lx0, ly0, lx1, ly1 = transform(rect.left, rect.bottom, rect.right, rect.top)
                x0, x1 = min(x0, lx0), max(x1, lx1)
                y0, y1 = min(y0, ly0), max(y1, ly1)
            if seg is None:
                seg = _Segment(first, word.end(), x0, y0, x1, y1)
                continue
            if y1 <= seg.top or y0 >= seg.bottom:  # a new row inside one pdfium line
                current.append(seg)
                lines.append(current)
                current = []
                seg = _Segment(first, word.end(), x0, y0, x1, y1)
                continue
            gap = x0 - seg.x1
            limit = max(_SEGMENT_GAP_PT, _SEGMENT_GAP_HEIGHTS * (y1 - y0))
            if gap > limit or x1 < seg.x0 - 1.0:
                current.append(seg)
                seg = _Segment(first, word.end(), x0, y0, x1, y1)
            else:
                seg.end = word.end()
                if x1 > seg.x1:
                    seg.x1 = x1
                if x0 < seg.x0:
                    seg.x0 = x0
                if y0 < seg.top:
                    seg.top = y0
                if y1 > seg.bottom:
                    seg.bottom = y1
        if seg is not None:
            current.append(seg)
        if current:
            lines.append(current)
    # pdfium marks a hyphen at a line end with U+FFFE and does not break the line there
    # (the next word starts a new row above); restore the hyphen, keeping indices.
    return lines, text.replace("\ufffe", "-"), {"handle": handle}


def _font_of(handle, start: int, end: int, text: str) -> tuple[float | None, bool]:  # type: ignore[no-untyped-def]
    """Return font size and boldness from the first and last visible characters."""
    import pypdfium2.raw as raw

    probes = [start, end - 1]
    sizes: list[float] = []
    bold = True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for index in probes:
        if text[index].isspace():
            continue
        size = raw.FPDFText_GetFontSize(handle, index)
        if size > 0:
            sizes.append(size)
        weight = raw.FPDFText_GetFontWeight(handle, index)
        if weight >= 600:
            continue
        raw.FPDFText_GetFontInfo(handle, index, buffer, 128, ctypes.byref(flags))
        name = buffer.value.decode("latin-1", errors="replace")
        if not (_BOLD_NAME.search(name) or flags.value & (1 << 18)):
            bold = False
    return (round(max(sizes), 1) if sizes else None), bold


def _line_from(segments: list[_Segment], text: str, handle, column: int = 0) -> _Line | None:  # type: ignore[no-untyped-def]
    start, end = segments[0].start, segments[-1].end
    content = _SPACES.sub(" ", text[start:end]).strip()
    if not content:
        return None
    size, bold = _font_of(handle, start, end, text)
    return _Line(
        text=content,
        x0=min(s.x0 for s in segments),
        top=min(s.top for s in segments),
        x1=max(s.x1 for s in segments),
        bottom=max(s.bottom for s in segments),
        font_size=size,
        is_bold=bold,
        column=column,
    )


def _build_lines(segments_by_line, text: str, fonts, width: float) -> list[_Line]:  # type: ignore[no-untyped-def]
    """Turn pdfium lines into visual lines in reading order (two columns if detected)."""
    if not segments_by_line:
        return []
    handle = fonts["handle"]
    gutter = _find_gutter([s for line in segments_by_line for s in line], width)
    if gutter is None:
        lines = [_line_from(line, text, handle) for line in segments_by_line]
        return _merge_same_row([ln for ln in lines if ln is not None])

    parts: list[_Line] = []
    for line in segments_by_line:
        left = [s for s in line if s.x1 <= gutter]
        right = [s for s in line if s.x0 >= gutter]
        if len(left) + len(right) < len(line) or not (left or right):
            made = _line_from(line, text, handle, 0)
            if made:
                parts.append(made)
            continue
        for side, column in ((left, 1), (right, 2)):
            if side:
                made = _line_from(side, text, handle, column)
                if made:
                    parts.append(made)
    parts.sort(key=lambda ln: (ln.top, ln.x0))
    ordered: list[_Line] = []
    band: list[_Line] = []

    def flush() -> None:
        band.sort(key=lambda ln: (ln.column, ln.top, ln.x0))
        ordered.extend(_merge_same_row(band))
        band.clear()

    for part in parts:
        if part.column == 0:
            flush()
            ordered.append(part)
        else:
            band.append(part)
    flush()
    return ordered


def _find_gutter(segments: list[_Segment], width: float) -> float | None:
    """Return the x of a two-column gutter, or None for a single-column page.

    Prose columns: many segments on each side of one vertical strip that almost no
    segment crosses, and most of them nearly as wide as their column (a table or a
    signature block has short cells and is left in row order).
    """
    if len(segments) < 16:
        return None
    xmin = min(s.x0 for s in segments)
    xmax = max(s.x1 for s in segments)
    span = xmax - xmin
    if span < width * 0.4:
        return None
    narrow = sorted(
        ((s.x0, s.x1) for s in segments if s.x1 - s.x0 < span * 0.6), key=lambda iv: iv[0]
    )
    low, high = xmin + span * 0.3, xmin + span * 0.7
    best: tuple[float, float] | None = None
    reach = xmin
    for x0, x1 in narrow:
        if x0 > reach:
            hole_lo, hole_hi = max(reach, low), min(x0, high)
            if hole_hi - hole_lo >= 6.0 and (best is None or hole_hi - hole_lo > best[1] - best[0]):
                best = (hole_lo, hole_hi)
        reach = max(reach, x1)
    if best is None:
        return None
    gutter = (best[0] + best[1]) / 2
    left = [s for s in segments if s.x1 <= gutter]
    right = [s for s in segments if s.x0 >= gutter]
    crossing = len(segments) - len(left) - len(right)
    if len(left) < 8 or len(right) < 8 or crossing > 0.25 * len(segments):
        return None
    left_width = statistics.median(s.x1 - s.x0 for s in left)
    right_width = statistics.median(s.x1 - s.x0 for s in right)
    if left_width < 0.6 * (gutter - xmin) or right_width < 0.6 * (xmax - gutter):
        return None
    return gutter


def _merge_same_row(lines: list[_Line]) -> list[_Line]:
    """Join consecutive pieces that sit on one visual row (drawn out of order)."""
    merged: list[_Line] = []
    for line in lines:
        if merged:
            prev = merged[-1]
            overlap = min(prev.bottom, line.bottom) - max(prev.top, line.top)
            height = min(prev.bottom - prev.top, line.bottom - line.top)
            side_by_side = line.x0 >= prev.x1 - 1.0 or line.x1 <= prev.x0 + 1.0
            if height > 0 and overlap > 0.6 * height and side_by_side and prev.column == line.column:
                first, second = (prev, line) if line.x0 >= prev.x1 - 1.0 else (line, prev)
                merged[-1] = _Line(
                    text=f"{first.text} {second.text}",
                    x0=min(prev.x0, line.x0),
                    top=min(prev.top, line.top),
                    x1=max(prev.x1, line.x1),
                    bottom=max(prev.bottom, line.bottom),
                    font_size=first.font_size,
                    is_bold=prev.is_bold and line.is_bold,
                    column=prev.column,
                )
                continue
        merged.append(line)
    return merged


def _scan_objects(page_handle, raw, page_area: float, transform, lines: list[_Line]) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    """Return (has images, may hold a ruled table) from the page's top-level objects.

    A table grid needs at least two horizontal and two vertical rules (or cell boxes);
    a page frame, underlines and signature lines alone do not count.
    """
    count = raw.FPDFPage_CountObjects(page_handle)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    has_images = False
    horizontal = vertical = 0
    box = [float("inf"), float("inf"), float("-inf"), float("-inf")]  # union of the rules
    for index in range(count):
        obj = raw.FPDFPage_GetObject(page_handle, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE or kind == raw.FPDF_PAGEOBJ_FORM:
            if not lines:
                has_images = True
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH or not lines:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, y0, x1, y1 = transform(left.value, bottom.value, right.value, top.value)
        w, h = x1 - x0, y1 - y0
        if h <= 3.0 and w >= 15.0:
            horizontal += 1
        elif w <= 3.0 and h >= 8.0:
            vertical += 1
        elif w >= 15.0 and h >= 8.0 and w * h < 0.8 * page_area and not _white_fill(raw, obj):
            horizontal += 2
            vertical += 2
        else:
            continue
        box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
    if horizontal < 2 or vertical < 2 or horizontal + vertical < 5:
        return has_images, False
    # the rules must enclose text: boxes around nothing (signature panels, logos) are skipped
    inside = sum(
        1
        for ln in lines
        if box[1] <= (ln.top + ln.bottom) / 2 <= box[3] and ln.x0 < box[2] and ln.x1 > box[0]
    )
    return has_images, inside >= 2


def _white_fill(raw, obj) -> bool:  # type: ignore[no-untyped-def]
    """Return True for a filled, unstroked white box (a background, not a cell border)."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)) or stroke.value:
        return False
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
        return False
    return min(red.value, green.value, blue.value) >= 245 or alpha.value == 0


# --------------------------------------------------------------------------- tables


def _add_tables(path: Path, pages: list[_Page], warnings: list[str]) -> None:
    """Find ruled tables with pdfplumber on candidate pages and splice them in.

    Each pdfplumber page is closed right after use so memory stays bounded on long files.
    """
    import pdfplumber

    failed: list[int] = []
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many types; tables are optional here
        logger.warning("pdfplumber cannot open %s: %s", path, exc)
        warnings.append("tables could not be read (pdfplumber failed); their text is kept as lines")
        return
    started = time.perf_counter()
    skipped: list[int] = []
    with pdf:
        for page in pages:
            if time.perf_counter() - started > _TABLE_BUDGET_S:
                skipped.append(page.number)  # a pathological file must not stall a batch
                continue
            try:
                plumber_page = pdf.pages[page.number - 1]
            except Exception:  # noqa: BLE001 - pdfminer fails in many ways on a damaged page tree
                failed.append(page.number)
                continue
            try:
                tables = _page_tables(plumber_page, page.number)
            except Exception as exc:  # noqa: BLE001 - keep the text when a table fails
                logger.warning("table extraction failed on %s page %d: %s", path, page.number, exc)
                failed.append(page.number)
                tables = []
            finally:
                plumber_page.close()
            if tables:
                page.items = _splice_tables(page.lines, tables)
    if failed:
        warnings.append(
            f"tables on {_pages(failed)} could not be read; their text is kept as lines"
        )
    if skipped:
        warnings.append(
            f"table detection stopped after {_TABLE_BUDGET_S:.0f} s; tables on {_pages(skipped)} "
            "are kept as text lines"
        )


def _page_tables(plumber_page, number: int) -> list[_PageTable]:  # type: ignore[no-untyped-def]
    found: list[_PageTable] = []
    for table in plumber_page.find_tables():
        rows = []
        for row in table.extract():
            cells = tuple(_SPACES.sub(" ", cell or "").strip() for cell in row)
            if any(cells):
                rows.append(cells)
        columns = max((len(r) for r in rows), default=0)
        filled = sum(1 for r in rows for c in r if c)
        used_columns = sum(1 for i in range(columns) if any(i < len(r) and r[i] for r in rows))
        # a grid of background boxes behind prose (EDGAR HTML printouts) is not a table:
        # its cells are mostly empty and the text sits in one column
        if not rows or used_columns < 2 or filled < 2 or filled < 0.5 * len(rows) * columns:
            continue
        x0, top, x1, bottom = table.bbox
        found.append(_PageTable(tuple(rows), x0, top, x1, bottom, number, number))
    found.sort(key=lambda t: (t.top, t.x0))
    return found


def _splice_tables(lines: list[_Line], tables: list[_PageTable]) -> list[_Line | _PageTable]:
    """Drop the lines a table covers and put the table where it sits in reading order."""

    def inside(line: _Line, table: _PageTable) -> bool:
        middle = (line.top + line.bottom) / 2
        if not (table.top - 2.0 <= middle <= table.bottom + 2.0):
            return False
        overlap = min(line.x1, table.x1) - max(line.x0, table.x0)
        return overlap > 0.5 * max(1.0, line.x1 - line.x0)

    kept = [ln for ln in lines if not any(inside(ln, t) for t in tables)]
    items: list[_Line | _PageTable] = list(kept)
    for table in tables:
        items.insert(_table_position(items, table), table)
    return items


def _table_position(items: list[_Line | _PageTable], table: _PageTable) -> int:
    """Index right after the closest item above the table in its column, else before the
    closest one below (stream order can put a footer first, so positions decide)."""

    def overlaps(item: _Line | _PageTable) -> bool:
        return min(item.x1, table.x1) - max(item.x0, table.x0) > 0

    above = [
        (item.bottom, i)
        for i, item in enumerate(items)
        if overlaps(item) and item.bottom <= table.top + 2.0
    ]
    if above:
        return max(above)[1] + 1
    below = [(item.top, i) for i, item in enumerate(items) if overlaps(item) and item.top >= table.bottom - 2.0]
    if below:
        return min(below)[1]
    return len(items)


# --------------------------------------------------------------------------- clean-up


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower())).strip()


def _edge_lines(page: _Page) -> tuple[list[_Line], list[_Line]]:
    """Return the candidate header lines (top) and footer lines (bottom) of a page."""
    lines = [it for it in page.items if isinstance(it, _Line)]
    if not lines:
        return [], []
    by_position = sorted(lines, key=lambda ln: ln.top)
    tables = [it for it in page.items if isinstance(it, _PageTable)]
    top_limit = page.height * _EDGE_ZONE
    bottom_limit = page.height * (1 - _EDGE_ZONE)
    first_table = min((t.top for t in tables), default=page.height)
    last_table = max((t.bottom for t in tables), default=0.0)
    head = [ln for ln in by_position[:_EDGE_LINES] if ln.bottom <= min(top_limit, first_table + 1)]
    foot = [
        ln for ln in by_position[-_EDGE_LINES:] if ln.top >= max(bottom_limit, last_table - 1)
    ]
    return head, foot


def _lowest_line(page: _Page) -> _Line | None:
    lines = [it for it in page.items if isinstance(it, _Line)]
    return max(lines, key=lambda ln: ln.bottom) if lines else None


def _remove_running_lines(pages: list[_Page]) -> None:
    """Remove running headers/footers (repeated edge lines) and bare page numbers."""
    edges = {p.number: _edge_lines(p) for p in pages}
    counts: Counter[tuple[str, str]] = Counter()
    for head, foot in edges.values():
        counts.update({("head", _normalise(ln.text)) for ln in head})
        counts.update({("foot", _normalise(ln.text)) for ln in foot})
    texted = sum(1 for p in pages if p.lines)
    needed = 2 if texted <= 4 else 3
    # Some printouts put the page number right under the text, mid-page: when most pages
    # end with a bare number, the lowest line of each page is a page number wherever it is.
    lowest = {p.number: _lowest_line(p) for p in pages}
    numbered = [ln for ln in lowest.values() if ln is not None and _PAGE_NUMBER.match(ln.text)]
    if texted >= 3 and len(numbered) >= 0.5 * texted:
        for page in pages:
            line = lowest[page.number]
            if line is not None and _PAGE_NUMBER.match(line.text):
                page.items = [it for it in page.items if it is not line]
    for page in pages:
        head, foot = edges[page.number]
        drop: set[int] = set()
        for zone, group in (("head", head), ("foot", foot)):
            # only the outermost lines can be page numbers (a "3." in the body is a clause)
            outer = group[:1] if zone == "head" else group[-1:]
            for line in group:
                repeated = counts[(zone, _normalise(line.text))] >= needed
                bare_number = line in outer and _PAGE_NUMBER.match(line.text.strip()) is not None
                if repeated or bare_number:
                    drop.add(id(line))
        if drop:
            page.items = [it for it in page.items if id(it) not in drop]


def _mark_gaps(pages: list[_Page]) -> None:
    """Set ``gap_before`` where the distance to the previous line exceeds normal spacing."""
    deltas: list[float] = []
    for page in pages:
        previous: _Line | None = None
        for item in page.items:
            if not isinstance(item, _Line):
                previous = None
                continue
            if previous is not None and previous.column == item.column:
                delta = item.top - previous.top
                if delta > 0:
                    deltas.append(delta)
            previous = item
    if not deltas:
        return
    deltas.sort()
    typical = deltas[len(deltas) // 4]  # lower quartile: line spacing, not paragraph gaps
    for page in pages:
        previous = None
        for item in page.items:
            if not isinstance(item, _Line):
                previous = None
                continue
            if previous is not None and previous.column == item.column:
                height = max(1.0, previous.bottom - previous.top)
                delta = item.top - previous.top
                item.gap_before = delta > max(typical * 1.3, height * 1.25)
            previous = item


def _merge_continued_tables(items: list[tuple[int, _Line | _PageTable]]) -> list[tuple[int, _Line | _PageTable]]:
    """Join a table that ends a page with one that starts the next (same columns)."""
    merged: list[tuple[int, _Line | _PageTable]] = []
    for page_number, item in items:
        if isinstance(item, _PageTable) and merged:
            prev_page, prev = merged[-1]
            if (
                isinstance(prev, _PageTable)
                and page_number == prev.page_end + 1
                and _columns(prev) == _columns(item)
                and abs(prev.x0 - item.x0) < 40
                and abs(prev.x1 - item.x1) < 40
            ):
                rows = item.rows
                if rows and _norm_row(rows[0]) == _norm_row(prev.rows[0]):
                    rows = rows[1:]  # the header repeated on the new page
                merged[-1] = (
                    prev_page,
                    _PageTable(
                        prev.rows + rows, prev.x0, prev.top, prev.x1, prev.bottom,
                        prev.page, page_number,
                    ),
                )
                continue
        merged.append((page_number, item))
    return merged


def _columns(table: _PageTable) -> int:
    return max(len(r) for r in table.rows)


def _norm_row(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_SPACES.sub(" ", c).strip().lower() for c in row)


def _to_blocks(pages: list[_Page]) -> tuple[Block, ...]:
    sequence = [(page.number, item) for page in pages for item in page.items]
    sequence = _merge_continued_tables(sequence)
    blocks: list[Block] = []
    table_index = 0
    for page_number, item in sequence:
        if isinstance(item, _PageTable):
            table = Table(
                index=table_index, rows=item.rows, page=item.page, page_end=item.page_end
            )
            table_index += 1
            text = "\n".join(" | ".join(row) for row in item.rows)
            blocks.append(
                Block(index=len(blocks), text=text, page=item.page, kind=BlockKind.TABLE, table=table)
            )
            continue
        blocks.append(
            Block(
                index=len(blocks),
                text=item.text,
                page=page_number,
                kind=BlockKind.LINE,
                is_bold=item.is_bold,
                font_size=item.font_size,
                gap_before=item.gap_before,
            )
        )
    return tuple(blocks)


def _pages(pages: list[int]) -> str:
    """Return "page 3" or "pages 1-3, 7"."""
    return ("page " if len(set(pages)) == 1 else "pages ") + _page_list(pages)


def _page_list(pages: list[int]) -> str:
    """Format page numbers compactly: 1-3, 7."""
    ranges: list[str] = []
    start = prev = None
    for number in sorted(set(pages)):
        if start is None:
            start = prev = number
        elif number == prev + 1:  # type: ignore[operator]
            prev = number
        else:
            ranges.append(f"{start}-{prev}" if start != prev else f"{start}")
            start = prev = number
    if start is not None:
        ranges.append(f"{start}-{prev}" if start != prev else f"{start}")
    return ", ".join(ranges)

