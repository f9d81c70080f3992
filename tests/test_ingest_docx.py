"""DOCX ingest: body order, Word auto-numbering, tables, tracked changes, headers."""

from __future__ import annotations

import docx
import pytest
from builders import LEGAL, Level, ListDef, P, T, make_docx

from analyzer.ingest import read_blocks
from analyzer.ingest.docx import format_number
from analyzer.types import BlockKind, FileFormat


def _texts(raw):  # type: ignore[no-untyped-def]
    return [(b.numbering, b.text) for b in raw.blocks if b.kind == BlockKind.PARAGRAPH]


def test_docx_numbering_recovers_nested_number_not_in_text(tmp_path):
    path = make_docx(
        tmp_path,
        [
            P("Definitions", num=(1, 0)),
            P("Services", num=(1, 0)),
            P("Term", num=(1, 0)),
            P("Fees", num=(1, 0)),
            P("The Supplier charges the rates in Schedule 3.", num=(1, 1)),
            P("Rates are fixed for the Initial Term.", num=(1, 1)),
        ],
        numbering=(LEGAL,),
    )
    raw = read_blocks(path)
    assert _texts(raw) == [
        ("1.", "Definitions"),
        ("2.", "Services"),
        ("3.", "Term"),
        ("4.", "Fees"),
        ("4.1", "The Supplier charges the rates in Schedule 3."),
        ("4.2", "Rates are fixed for the Initial Term."),
    ]
    assert [b.numbering_level for b in raw.blocks] == [0, 0, 0, 0, 1, 1]
    assert "4.2" not in raw.blocks[5].text


def test_docx_numbering_restarts_deeper_levels_and_formats(tmp_path):
    path = make_docx(
        tmp_path,
        [
            P("One", num=(1, 0)),
            P("One-one", num=(1, 1)),
            P("item", num=(1, 2)),
            P("item", num=(1, 2)),
            P("sub", num=(1, 3)),
            P("sub", num=(1, 3)),
            P("Two", num=(1, 0)),
            P("Two-one", num=(1, 1)),
            P("item", num=(1, 2)),
            P("upper letter", num=(1, 4)),
            P("upper roman", num=(1, 5)),
        ],
        numbering=(LEGAL,),
    )
    labels = [n for n, _ in _texts(read_blocks(path))]
    assert labels == ["1.", "1.1", "(a)", "(b)", "(i)", "(ii)", "2.", "2.1", "(a)", "A.", "I."]


def test_docx_numbering_start_override_restarts_a_list(tmp_path):
    lists = ListDef(
        abstract_id=3,
        levels=(Level("lowerLetter", "(%1)"),),
        nums={5: {}, 6: {0: 1}, 7: {}},
    )
    path = make_docx(
        tmp_path,
        [
            P("first", num=(5, 0)),
            P("second", num=(5, 0)),
            P("restarted", num=(6, 0)),
            P("continues", num=(6, 0)),
            P("same abstract list, no override: continues", num=(7, 0)),
        ],
        numbering=(lists,),
    )
    assert [n for n, _ in _texts(read_blocks(path))] == ["(a)", "(b)", "(a)", "(b)", "(c)"]


def test_docx_numbering_start_values_and_no_restart(tmp_path):
    lists = ListDef(
        abstract_id=4,
        levels=(Level("upperRoman", "Article %1", start=3), Level("decimal", "%2.", restart=0)),
        nums={9: {}},
    )
    path = make_docx(
        tmp_path,
        [P("A", num=(9, 0)), P("a", num=(9, 1)), P("B", num=(9, 0)), P("b", num=(9, 1))],
        numbering=(lists,),
    )
    assert [n for n, _ in _texts(read_blocks(path))] == ["Article III", "1.", "Article IV", "2."]


def test_docx_numbering_from_heading_style(tmp_path):
    path = make_docx(
        tmp_path,
        [
            P("Fees and Payment", style="Heading 1"),
            P("Invoices are due in 30 days.", style="Heading 2"),
            P("Plain body text.", style=None),
            P("Term", style="Heading 1"),
        ],
        numbering=(LEGAL,),
        style_numbering={"Heading 1": (1, 0), "Heading 2": (1, 1)},
    )
    raw = read_blocks(path)
    assert _texts(raw) == [
        ("1.", "Fees and Payment"),
        ("1.1", "Invoices are due in 30 days."),
        (None, "Plain body text."),
        ("2.", "Term"),
    ]
    assert raw.blocks[0].style == "Heading 1"
    assert raw.blocks[2].style == "Normal"


def test_docx_numbering_from_template_list_style(tmp_path):
    path = make_docx(tmp_path, [P("alpha", style="List Number"), P("beta", style="List Number")])
    assert [n for n, _ in _texts(read_blocks(path))] == ["1.", "2."]


def test_docx_bullets_have_level_but_no_number(tmp_path):
    bullets = ListDef(abstract_id=8, levels=(Level("bullet", "\u2022"),), nums={4: {}})
    path = make_docx(tmp_path, [P("point", num=(4, 0))], numbering=(bullets,))
    block = read_blocks(path).blocks[0]
    assert (block.numbering, block.numbering_level) == (None, 0)


def test_docx_body_order_tables_and_merged_cells(tmp_path):
    path = make_docx(
        tmp_path,
        [
            P("Pricing", num=(1, 0)),
            T((("Service", "Rate", "Unit"), ("Inbound voice", "27.40", "USD per hour"), ("Note", "x", "y")),
              merges=(((2, 0), (2, 2)),)),
            P("Payment terms follow.", num=(1, 0)),
            T((("Level", "Target"), ("Service level", "80/20"), ("", "90/30")), merges=(((1, 0), (2, 0)),)),
        ],
        numbering=(LEGAL,),
    )
    raw = read_blocks(path)
    kinds = [b.kind for b in raw.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH, BlockKind.TABLE]
    first, second = raw.blocks[1].table, raw.blocks[3].table
    assert first.index == 0 and second.index == 1
    assert first.rows[1] == ("Inbound voice", "27.40", "USD per hour")
    assert first.rows[2] == ("Note", "", "")  # horizontally merged: text once
    assert second.rows[1:] == (("Service level", "80/20"), ("", "90/30"))  # vertical merge
    assert raw.blocks[2].numbering == "2."


def test_docx_one_column_table_is_read_as_body_text(tmp_path):
    path = make_docx(tmp_path, [T((("Boxed clause: the Supplier must keep records.",),)), P("After.")])
    raw = read_blocks(path)
    assert [b.kind for b in raw.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert raw.blocks[0].text.startswith("Boxed clause")


def test_docx_tracked_changes_read_as_accepted(tmp_path):
    path = make_docx(
        tmp_path,
        [
            P("The rate is ", parts=(("USD 30.00", "del"), ("USD 27.40", "ins"), (" per hour.", ""))),
            P("Deleted paragraph mark joins ", deleted_mark=True),
            P("the next paragraph."),
        ],
    )
    texts = [b.text for b in read_blocks(path).blocks]
    assert texts == ["The rate is USD 27.40 per hour.", "Deleted paragraph mark joins the next paragraph."]


def test_docx_headers_and_footers_are_excluded(tmp_path):
    path = make_docx(tmp_path, [P("Body only.")], header="ACME CONFIDENTIAL", footer="Page 1")
    assert [b.text for b in read_blocks(path).blocks] == ["Body only."]


def test_docx_index_matches_python_docx_paragraphs(tmp_path):
    path = make_docx(
        tmp_path,
        [P("First"), P(""), T((("a", "b"), ("c", "d"))), P("Second", parts=(("added", "ins"),))],
    )
    raw = read_blocks(path)
    paragraphs = docx.Document(str(path)).paragraphs
    para_blocks = [b for b in raw.blocks if b.kind == BlockKind.PARAGRAPH]
    assert [paragraphs[b.docx_index].text for b in para_blocks[:1]] == ["First"]
    assert para_blocks[1].docx_index == 2 and para_blocks[1].text == "Secondadded"
    assert raw.blocks[1].kind == BlockKind.TABLE and raw.blocks[1].gap_before  # after ""
    assert para_blocks[1].gap_before is False
    assert raw.source.file_format == FileFormat.DOCX


def test_docx_bold_style_and_font_size(tmp_path):
    path = make_docx(
        tmp_path,
        [P("FEES", bold=True), P("Run-in ", parts=(("heading", "bold"),)), P("Title text", style="Title")],
    )
    blocks = read_blocks(path).blocks
    assert [b.is_bold for b in blocks[:2]] == [True, False]
    assert blocks[2].style == "Title"
    assert blocks[2].font_size and blocks[2].font_size > 11


def test_docx_page_breaks_give_pages(tmp_path):
    path = make_docx(tmp_path, [P("one", page_break_after=True), P("two", page_break_after=True), P("three")])
    raw = read_blocks(path)
    assert [b.page for b in raw.blocks] == [1, 2, 3]
    assert raw.source.page_count == 3


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "decimal", "4"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (7, "decimalZero", "07"),
        (2, "ordinal", "2nd"),
    ],
)
def test_docx_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_docx_load_document_keeps_word_numbers(tmp_path):
    pytest.importorskip("analyzer.segment")
    from analyzer.ingest import load_document

    path = make_docx(
        tmp_path,
        [P("FEES", num=(1, 0)), P("The Client pays the rates in Schedule 3.", num=(1, 1))],
        numbering=(LEGAL,),
    )
    document = load_document(path)
    assert "1.1" in [c.number for c in document.clauses]
    assert "The Client pays the rates in Schedule 3." in document.text
