"""Fixture builders: small DOCX (python-docx + raw XML) and PDF (reportlab) files in tmp_path.

Tests import these directly (``from builders import make_docx, P``; tests/ is on sys.path) so every test
builds exactly the file it needs; nothing is read from ../shared.

DOCX: ``make_docx(tmp_path, [P("Fees", num=(1, 0)), P("Rates", num=(1, 1)), T([...])],
numbering=(LEGAL,))`` writes Word automatic numbering into numbering.xml, so "1.1" is
printed by Word but is not in the paragraph text.

PDF: ``make_pdf(tmp_path, [PdfPage(lines=[...], table=[[...]]), ...], header="ACME",
footer="Page {page} of {pages}")`` draws lines top-down with reportlab's canvas, ruled
tables as grids, two columns (optionally drawn interleaved row by row) and image-only pages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --------------------------------------------------------------------------- DOCX


@dataclass(frozen=True)
class Level:
    """One level of a Word list definition (w:lvl)."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    is_legal: bool = False


@dataclass(frozen=True)
class ListDef:
    """A Word abstract list (w:abstractNum) and the w:num ids that use it.

    ``nums`` maps a numId to its start overrides ({ilvl: start}); an empty dict means the
    num continues the abstract list's counters.
    """

    abstract_id: int
    levels: tuple[Level, ...]
    nums: dict[int, dict[int, int]] = field(default_factory=dict)


LEGAL = ListDef(
    abstract_id=10,
    levels=(
        Level("decimal", "%1."),
        Level("decimal", "%1.%2"),
        Level("lowerLetter", "(%3)"),
        Level("lowerRoman", "(%4)"),
        Level("upperLetter", "%5."),
        Level("upperRoman", "%6."),
    ),
    nums={1: {}},
)


@dataclass(frozen=True)
class P:
    """A DOCX paragraph.

    Attributes:
        text: the text (a plain run; may be empty when ``parts`` is used).
        style: paragraph style name, e.g. "Heading 1".
        num: (numId, ilvl) for Word automatic numbering.
        bold: make the text run bold.
        parts: extra runs after ``text`` as (text, kind) with kind "", "bold", "ins"
            (tracked insertion) or "del" (tracked deletion).
        page_break_after: add a hard page break run at the end.
        deleted_mark: mark the paragraph mark as deleted (tracked), joining the next.
    """

    text: str = ""
    style: str | None = None
    num: tuple[int, int] | None = None
    bold: bool = False
    parts: tuple[tuple[str, str], ...] = ()
    page_break_after: bool = False
    deleted_mark: bool = False


@dataclass(frozen=True)
class T:
    """A DOCX table; ``merges`` are ((row, col), (row, col)) corners merged by python-docx."""

    rows: tuple[tuple[str, ...], ...]
    merges: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _tracked_run(kind: str, text: str, rid: int):  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(rid))
    wrapper.set(qn("w:author"), "Reviewer")
    wrapper.set(qn("w:date"), "2026-01-05T10:00:00Z")
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:delText" if kind == "del" else "w:t")
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_el.text = text
    run.append(text_el)
    wrapper.append(run)
    return wrapper


def _write_numbering(document, lists: Sequence[ListDef]) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    root = document.part.numbering_part.element
    for child in list(root):
        root.remove(child)

    def val(tag: str, value: object):  # type: ignore[no-untyped-def]
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        return el

    for definition in lists:
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(definition.abstract_id))
        abstract.append(val("w:multiLevelType", "multilevel"))
        for ilvl, level in enumerate(definition.levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            lvl.append(val("w:start", level.start))
            lvl.append(val("w:numFmt", level.fmt))
            if level.restart is not None:
                lvl.append(val("w:lvlRestart", level.restart))
            if level.is_legal:
                lvl.append(OxmlElement("w:isLgl"))
            lvl.append(val("w:lvlText", level.text))
            abstract.append(lvl)
        root.append(abstract)
    for definition in lists:
        for num_id, overrides in definition.nums.items():
            num = OxmlElement("w:num")
            num.set(qn("w:numId"), str(num_id))
            num.append(val("w:abstractNumId", definition.abstract_id))
            for ilvl, start in overrides.items():
                override = OxmlElement("w:lvlOverride")
                override.set(qn("w:ilvl"), str(ilvl))
                override.append(val("w:startOverride", start))
                num.append(override)
            root.append(num)


def _set_num_pr(ppr, num_id: int, ilvl: int | None) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num_pr = OxmlElement("w:numPr")
    if ilvl is not None:
        el = OxmlElement("w:ilvl")
        el.set(qn("w:val"), str(ilvl))
        num_pr.append(el)
    el = OxmlElement("w:numId")
    el.set(qn("w:val"), str(num_id))
    num_pr.append(el)
    ppr.append(num_pr)


def make_docx(
    tmp_path: Path,
    items: Sequence[P | T | str],
    *,
    name: str = "fixture.docx",
    numbering: Sequence[ListDef] = (),
    style_numbering: dict[str, tuple[int, int | None]] | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """Build a DOCX in ``tmp_path`` and return its path.

    Args:
        items: paragraphs (``P`` or plain strings) and tables (``T``) in body order.
        numbering: list definitions written to numbering.xml (replacing the template's).
        style_numbering: style name → (numId, ilvl) written into the style's numPr, as
            Word does for numbered heading styles.
        header, footer: text of the default section header/footer (must not be read).
    """
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    if numbering:
        _write_numbering(document, numbering)
    for style_name, (num_id, ilvl) in (style_numbering or {}).items():
        style = document.styles[style_name]
        _set_num_pr(style.element.get_or_add_pPr(), num_id, ilvl)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    revision = 1
    for item in items:
        if isinstance(item, str):
            item = P(item)
        if isinstance(item, T):
            columns = max(len(r) for r in item.rows)
            table = document.add_table(rows=len(item.rows), cols=columns)
            table.style = "Table Grid"
            for r, row in enumerate(item.rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            for (r0, c0), (r1, c1) in item.merges:
                keep = table.cell(r0, c0).text
                merged = table.cell(r0, c0).merge(table.cell(r1, c1))
                merged.text = keep
            continue
        paragraph = document.add_paragraph(style=item.style)
        if item.text:
            run = paragraph.add_run(item.text)
            run.bold = item.bold or None
        for text, kind in item.parts:
            if kind in ("ins", "del"):
                paragraph._p.append(_tracked_run(kind, text, revision))
                revision += 1
            else:
                run = paragraph.add_run(text)
                run.bold = kind == "bold" or None
        if item.num is not None:
            _set_num_pr(paragraph._p.get_or_add_pPr(), *item.num)
        if item.deleted_mark:
            ppr = paragraph._p.get_or_add_pPr()
            rpr = OxmlElement("w:rPr")
            mark = OxmlElement("w:del")
            mark.set(qn("w:id"), str(revision))
            mark.set(qn("w:author"), "Reviewer")
            revision += 1
            rpr.append(mark)
            ppr.append(rpr)
        if item.page_break_after:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    path = tmp_path / name
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- PDF


@dataclass(frozen=True)
class PdfPage:
    """One PDF page, drawn top-down from the top margin.

    Attributes:
        lines: text lines; "" leaves a blank line (a paragraph gap); a line starting
            with "**" is drawn in Helvetica-Bold.
        table: rows of a ruled table drawn after ``lines``.
        after: lines drawn after the table.
        right: when given, ``lines`` is the left column and ``right`` the right column.
        interleave: draw two columns row by row (left 1, right 1, left 2, ...), so the
            content stream order is not the reading order.
        image_only: draw only a grey image (a scanned page without a text layer).
        font_size: body font size.
    """

    lines: Sequence[str] = ()
    table: Sequence[Sequence[str]] | None = None
    after: Sequence[str] = ()
    right: Sequence[str] | None = None
    interleave: bool = False
    image_only: bool = False
    font_size: float = 10.0


def _grey_image():  # type: ignore[no-untyped-def]
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    buffer = io.BytesIO()
    Image.new("L", (200, 260), color=200).save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def make_pdf(
    tmp_path: Path,
    pages: Sequence[PdfPage],
    *,
    name: str = "fixture.pdf",
    header: str | None = None,
    footer: str | None = None,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> Path:
    """Build a PDF in ``tmp_path`` and return its path.

    Args:
        pages: page specifications.
        header, footer: running text drawn on every page; ``{page}`` and ``{pages}`` are
            replaced by the page number and count.
        user_password: encrypt so that this password is needed to open the file.
        owner_password: encrypt with this owner password (empty user password when
            ``user_password`` is None: the file opens without a password).
    """
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    encrypt = None
    if user_password is not None or owner_password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(
            userPassword=user_password or "", ownerPassword=owner_password or "owner-secret"
        )
    path = tmp_path / name
    pdf = canvas.Canvas(str(path), pagesize=LETTER, encrypt=encrypt)
    width, height = LETTER
    margin = 72.0
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        if header:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(margin, height - 40, header.format(page=number, pages=total))
        if footer:
            pdf.setFont("Helvetica", 8)
            pdf.drawCentredString(width / 2, 36, footer.format(page=number, pages=total))
        if page.image_only:
            pdf.drawImage(_grey_image(), margin, margin, width - 2 * margin, height - 2 * margin)
            pdf.showPage()
            continue
        leading = page.font_size * 1.3
        y = height - margin

        def draw(text: str, x: float, y: float, size: float = page.font_size) -> None:
            if text.startswith("**"):
                pdf.setFont("Helvetica-Bold", size)
                text = text[2:]
            else:
                pdf.setFont("Helvetica", size)
            pdf.drawString(x, y, text)

        if page.right is not None:
            gutter = 24.0
            column = (width - 2 * margin - gutter) / 2
            right_x = margin + column + gutter
            if page.interleave:
                for i in range(max(len(page.lines), len(page.right))):
                    if i < len(page.lines) and page.lines[i]:
                        draw(page.lines[i], margin, y - i * leading)
                    if i < len(page.right) and page.right[i]:
                        draw(page.right[i], right_x, y - i * leading)
            else:
                for i, text in enumerate(page.lines):
                    if text:
                        draw(text, margin, y - i * leading)
                for i, text in enumerate(page.right):
                    if text:
                        draw(text, right_x, y - i * leading)
            y -= max(len(page.lines), len(page.right)) * leading
        else:
            for text in page.lines:
                if text:
                    draw(text, margin, y)
                y -= leading
        if page.table:
            y = _draw_table(pdf, page.table, margin, y, width - 2 * margin, page.font_size)
            y -= leading
        for text in page.after:
            if text:
                draw(text, margin, y)
            y -= leading
        pdf.showPage()
    pdf.save()
    return path


def _draw_table(pdf, rows: Sequence[Sequence[str]], x: float, y: float, width: float, size: float) -> float:  # type: ignore[no-untyped-def]
    """Draw a ruled grid with one text line per cell; return the y below it."""
    columns = max(len(r) for r in rows)
    row_height = size * 1.9
    col_width = width / columns
    top = y + size  # the grid starts just above the current baseline
    pdf.setLineWidth(0.6)
    for r in range(len(rows) + 1):
        pdf.line(x, top - r * row_height, x + width, top - r * row_height)
    for c in range(columns + 1):
        pdf.line(x + c * col_width, top, x + c * col_width, top - len(rows) * row_height)
    pdf.setFont("Helvetica", size)
    for r, row in enumerate(rows):
        baseline = top - r * row_height - row_height + size * 0.6
        for c, text in enumerate(row):
            pdf.drawString(x + c * col_width + 4, baseline, text)
    return top - len(rows) * row_height - size * 1.3
