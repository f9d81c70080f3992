"""PDF ingest: lines with positions, running headers/footers, tables, columns, scans."""

from __future__ import annotations

import pytest
from builders import PdfPage, make_pdf

from analyzer.ingest import read_blocks
from analyzer.types import BlockKind, FileFormat

BODY = [f"{i}. The Supplier shall perform the services described in clause {i}." for i in range(1, 9)]
SUBJECTS = ["Supplier", "Client", "Vendor", "Customer", "Provider", "Agent", "Manager", "Auditor"]
VERBS = ["staff", "report", "invoice", "train", "escalate", "monitor", "deliver", "secure"]


def body(page: int, count: int = 4) -> list[str]:
    """Distinct, realistic lines per page (running headers repeat, body text does not)."""
    return [
        f"The {SUBJECTS[(page + i) % 8]} shall {VERBS[(page * 3 + i) % 8]} the services under "
        f"item {page}.{i} within {page + i} days."
        for i in range(count)
    ]


RATES = [["Service", "Rate", "Unit"], ["Inbound voice", "27.40", "productive hour"], ["Chat", "19.00", "hour"]]


def _lines(raw):  # type: ignore[no-untyped-def]
    return [b.text for b in raw.blocks if b.kind == BlockKind.LINE]


def test_pdf_removes_running_headers_footers_and_page_numbers(tmp_path):
    pages = [PdfPage(lines=body(n)) for n in range(1, 5)]
    path = make_pdf(
        tmp_path, pages, header="ACME Contact Center Agreement - Confidential", footer="Page {page} of {pages}"
    )
    raw = read_blocks(path)
    lines = _lines(raw)
    assert len(lines) == 16
    assert not any("Confidential" in t or t.startswith("Page ") and " of " in t for t in lines)
    assert [b.page for b in raw.blocks] == [n for n in range(1, 5) for _ in range(4)]
    assert raw.source.page_count == 4 and raw.source.file_format == FileFormat.PDF


@pytest.mark.parametrize("number", ["{page}", "- {page} -", "Page {page}"])
def test_pdf_removes_bare_page_numbers(tmp_path, number):
    pages = [PdfPage(lines=body(n, 3)) for n in range(1, 4)]
    path = make_pdf(tmp_path, pages, footer=number)
    lines = _lines(read_blocks(path))
    assert lines == body(1, 3) + body(2, 3) + body(3, 3)


def test_pdf_keeps_one_block_per_line_without_joining(tmp_path):
    text = ["The Supplier will provide storm-", "readiness training to all agents.", "", "2. Next clause."]
    raw = read_blocks(make_pdf(tmp_path, [PdfPage(lines=text)]))
    assert _lines(raw) == ["The Supplier will provide storm-", "readiness training to all agents.", "2. Next clause."]
    assert [b.gap_before for b in raw.blocks] == [False, False, True]


def test_pdf_bold_and_font_size(tmp_path):
    raw = read_blocks(make_pdf(tmp_path, [PdfPage(lines=["**1. FEES", "Plain text line here."], font_size=11)]))
    assert [b.is_bold for b in raw.blocks] == [True, False]
    assert raw.blocks[0].font_size == pytest.approx(11, abs=0.5)


def test_pdf_table_is_one_block_in_reading_order(tmp_path):
    page = PdfPage(lines=BODY[:3] + ["", "The rates are:"], table=RATES, after=["", "4. Payment is due in 30 days."])
    raw = read_blocks(make_pdf(tmp_path, [page]))
    kinds = [b.kind for b in raw.blocks]
    table_at = kinds.index(BlockKind.TABLE)
    assert raw.blocks[table_at - 1].text == "The rates are:"
    assert raw.blocks[table_at + 1].text == "4. Payment is due in 30 days."
    table = raw.blocks[table_at].table
    assert table.rows == tuple(tuple(r) for r in RATES)
    assert (table.page, table.page_end, table.index) == (1, 1, 0)
    assert not any("27.40" in t for t in _lines(raw))  # table text is not repeated as lines


@pytest.mark.parametrize("repeat_header", [True, False])
def test_pdf_table_across_page_break_is_one_table(tmp_path, repeat_header):
    continued = ([RATES[0]] if repeat_header else []) + [["Email", "12.00", "item"], ["Back office", "21.00", "hour"]]
    pages = [
        PdfPage(lines=BODY[:5] + ["", "Schedule 3 rates:"], table=RATES),
        PdfPage(table=continued, after=["", "5. Invoices are issued monthly."]),
    ]
    raw = read_blocks(make_pdf(tmp_path, pages, header="ACME MSA", footer="Page {page} of {pages}"))
    tables = [b.table for b in raw.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    assert (tables[0].page, tables[0].page_end) == (1, 2)
    assert tables[0].rows == tuple(tuple(r) for r in RATES) + (
        ("Email", "12.00", "item"),
        ("Back office", "21.00", "hour"),
    )
    assert _lines(raw)[-1] == "5. Invoices are issued monthly."


def test_pdf_tables_separated_by_text_stay_apart(tmp_path):
    pages = [
        PdfPage(lines=BODY[:2], table=RATES),
        PdfPage(lines=["6. Service levels are:"], table=[["Metric", "Target", "Window"], ["ASA", "30 s", "month"]]),
    ]
    tables = [b.table for b in read_blocks(make_pdf(tmp_path, pages)).blocks if b.kind == BlockKind.TABLE]
    assert [(t.index, t.page, t.page_end) for t in tables] == [(0, 1, 1), (1, 2, 2)]


@pytest.mark.parametrize("interleave", [False, True])
def test_pdf_two_column_reading_order(tmp_path, interleave):
    left = [f"Left column line {i:02d} of the first column of text" for i in range(1, 16)]
    right = [f"Right column line {i:02d} of the second column text" for i in range(1, 16)]
    path = make_pdf(tmp_path, [PdfPage(lines=left, right=right, interleave=interleave, font_size=9)])
    assert _lines(read_blocks(path)) == left + right


@pytest.mark.parametrize("interleave", [False, True])
def test_pdf_side_by_side_short_cells_are_not_columns(tmp_path, interleave):
    left = ["ACME INC.", "By: J. Smith", "Title: CEO", "Date: 1 May"] * 2
    right = ["BETA LLC", "By: K. Jones", "Title: COO", "Date: 2 May"] * 2
    page = PdfPage(lines=BODY[:6] + left, right=[""] * 6 + right, interleave=interleave)
    lines = _lines(read_blocks(make_pdf(tmp_path, [page])))
    assert lines[:6] == BODY[:6]
    if interleave:  # drawn row by row: short cells are not prose columns, rows stay rows
        assert lines[6:] == [f"{a} {b}" for a, b in zip(left, right, strict=True)]
    else:  # drawn block by block (a Word table): each block stays together
        assert lines[6:] == left + right


def test_pdf_partly_scanned_document_warns_with_pages(tmp_path):
    pages = [PdfPage(lines=body(1, 3)), PdfPage(image_only=True), PdfPage(lines=body(3, 3))]
    raw = read_blocks(make_pdf(tmp_path, pages))
    assert _lines(raw) == body(1, 3) + body(3, 3)
    assert len(raw.warnings) == 1 and "page 2 " in raw.warnings[0] and "OCR" in raw.warnings[0]


def test_pdf_owner_password_only_opens_with_empty_password(tmp_path):
    path = make_pdf(tmp_path, [PdfPage(lines=BODY[:2])], owner_password="owner-only")
    assert _lines(read_blocks(path)) == BODY[:2]
