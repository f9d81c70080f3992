"""Segmentation: numbering, hierarchy, headings, attachments, tables, offsets and pages."""

from __future__ import annotations

import pytest

from analyzer.segment import segment_clauses
from analyzer.types import (
    Block,
    BlockKind,
    Clause,
    Document,
    FileFormat,
    RawDocument,
    SourceInfo,
    Table,
)


def _source(pages: int = 1) -> SourceInfo:
    return SourceInfo("t.txt", "t.txt", "0" * 64, FileFormat.TXT, 0, pages)


def lines_doc(*pages: str) -> RawDocument:
    """Build LINE blocks as a PDF/TXT reader would: one per line, gap_before on blank lines."""
    blocks: list[Block] = []
    for number, page in enumerate(pages, start=1):
        gap = False
        for line in page.split("\n"):
            if not line.strip():
                gap = True
                continue
            blocks.append(Block(len(blocks), line, number, gap_before=gap and bool(blocks)))
            gap = False
    return RawDocument(_source(len(pages)), tuple(blocks))


def paragraphs_doc(*items: Block | tuple) -> RawDocument:
    """Build PARAGRAPH blocks (DOCX): items are Blocks or (text, kwargs) tuples."""
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, Block):
            blocks.append(
                Block(len(blocks), item.text, item.page, item.kind, table=item.table)
                if item.kind is BlockKind.TABLE
                else item
            )
            continue
        text, kwargs = item
        blocks.append(Block(len(blocks), text, 1, BlockKind.PARAGRAPH, **kwargs))
    return RawDocument(_source(), tuple(blocks))


def by_number(doc: Document) -> dict[str | None, Clause]:
    return {c.number: c for c in doc.clauses}


def assert_offsets(doc: Document) -> None:
    for clause in doc.clauses:
        assert doc.text[clause.start : clause.end] == clause.text


NESTED = """MASTER SERVICES AGREEMENT
This Agreement is made on March 1, 2026 by and between Acme Corp., a Delaware corporation ("Client"), and Beta Services LLC, a Texas limited liability company ("Supplier").

1. DEFINITIONS
1.1 Definitions. In this Agreement the following terms apply.
2. SERVICES
2.1 Scope. Supplier shall provide the services.
(a) Supplier shall answer calls.
(b) Supplier shall answer emails.
(i) within one business day;
(ii) in English.
2.2 Standards. Supplier shall comply with the standards.
3. FEES
3.1 Rates. Client shall pay the rates.
"""


@pytest.mark.parametrize(
    ("number", "parent", "level"),
    [
        ("1", None, 1),
        ("1.1", "1", 2),
        ("2.1", "2", 2),
        ("2.1(a)", "2.1", 3),
        ("2.1(b)(i)", "2.1(b)", 4),
        ("2.1(b)(ii)", "2.1(b)", 4),
        ("2.2", "2", 2),
        ("3.1", "3", 2),
    ],
)
def test_segment_keeps_nested_numbering(number: str, parent: str | None, level: int) -> None:
    doc = segment_clauses(lines_doc(NESTED))
    clauses = by_number(doc)
    clause = clauses[number]
    assert clause.level == level
    if parent is None:
        assert clause.parent_id is None
    else:
        assert clause.parent_id == clauses[parent].id


def test_segment_child_closed_by_next_sibling() -> None:
    doc = segment_clauses(lines_doc(NESTED))
    clauses = by_number(doc)
    assert "2.2" in clauses and clauses["2.2"].parent_id == clauses["2"].id
    assert "Supplier shall comply" not in clauses["2.1(b)(ii)"].text
    assert clauses["2.1"].text == "Supplier shall provide the services."


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)"], "1(i)"),
        (["(a)", "(i)", "(ii)", "(iii)", "(iv)", "(v)"], "1(a)(v)"),
        (["(a)", "(i)", "(ii)", "(b)"], "1(b)"),
    ],
)
def test_segment_tells_roman_from_letter(items: list[str], expected: str) -> None:
    body = "\n".join(f"{item} Item text number {n}." for n, item in enumerate(items))
    doc = segment_clauses(lines_doc(f"1. SCOPE\n{body}\n"))
    numbers = [c.number for c in doc.clauses]
    assert expected in numbers
    if items[-1] == "(j)":
        assert by_number(doc)["1(i)"].level == by_number(doc)["1(h)"].level


@pytest.mark.parametrize(
    ("line", "heading", "body"),
    [
        ("2.1 FEES. HPS will pay the fees monthly.", "FEES", "HPS will pay the fees monthly."),
        ("2.1 Payment Terms. Client shall pay within 30 days.", "Payment Terms", "Client shall pay within 30 days."),
        ("2.1 Fees: Client shall pay within 30 days.", "Fees", "Client shall pay within 30 days."),
    ],
)
def test_segment_splits_run_in_heading(line: str, heading: str, body: str) -> None:
    doc = segment_clauses(lines_doc(f"1. GENERAL\n{line}\n"))
    clause = by_number(doc)["2.1"]
    assert (clause.heading, clause.own_heading, clause.text) == (heading, True, body)


@pytest.mark.parametrize(
    "line",
    [
        "2.1 Supplier shall pay the fees. Client shall pay too.",
        '2.1 "Agent" means a person. Another sentence.',
    ],
)
def test_segment_does_not_take_a_sentence_for_a_heading(line: str) -> None:
    doc = segment_clauses(lines_doc(f"1. GENERAL\n{line}\n"))
    clause = by_number(doc)["2.1"]
    assert clause.own_heading is False
    assert clause.text == line[4:]


def test_segment_all_caps_heading_line_opens_clause() -> None:
    doc = segment_clauses(
        lines_doc("1. Scope. The services are described here.\n\nLIMITATION OF LIABILITY\n\nNeither party is liable for indirect loss.\n")
    )
    clause = next(c for c in doc.clauses if c.heading == "LIMITATION OF LIABILITY")
    assert clause.own_heading and clause.number is None and clause.level == 1
    assert clause.text == "Neither party is liable for indirect loss."


@pytest.mark.parametrize(
    ("text", "number", "heading"),
    [
        ("ARTICLE IV\nFEES\nSection 4.1 Rates. Client shall pay.\n", "Article IV", "FEES"),
        ("ARTICLE IV – FEES\n4.1 Rates. Client shall pay.\n", "Article IV", "FEES"),
        ("Article 4. Fees\n4.1 Rates. Client shall pay.\n", "Article 4", "Fees"),
        ("SECTION 4. FEES\n4.1 Rates. Client shall pay.\n", "4", "FEES"),
    ],
)
def test_segment_article_keyword_numbers(text: str, number: str, heading: str) -> None:
    doc = segment_clauses(lines_doc("1. Scope. Supplier shall perform.\n" + text))
    clauses = by_number(doc)
    article = clauses[number]
    assert article.heading == heading and article.text == ""
    assert clauses["4.1"].parent_id == article.id


@pytest.mark.parametrize(
    ("heading_line", "prefix"),
    [
        ("SCHEDULE B", "Schedule B"),
        ("Schedule 3 – Pricing", "Schedule 3"),
        ("EXHIBIT A", "Exhibit A"),
        ("Annex A", "Annex A"),
        ("APPENDIX 1", "Appendix 1"),
        ("STATEMENT OF WORK NO. 1", "SOW 1"),
    ],
)
def test_segment_prefixes_clauses_inside_attachments(heading_line: str, prefix: str) -> None:
    text = (
        "1. Services. Supplier shall perform the services.\n"
        f"{heading_line}\n"
        "1. Rates. Client shall pay USD 10 per hour.\n"
        "5.3 Credits. Supplier shall credit 5%.\n"
        "(a) first credit item applies.\n"
    )
    doc = segment_clauses(lines_doc(text))
    clauses = by_number(doc)
    assert clauses[prefix].level == 1
    assert clauses[f"{prefix}, 1"].parent_id == clauses[prefix].id
    assert f"{prefix}, 5.3" in clauses
    assert f"{prefix}, 5.3(a)" in clauses
    assert clauses["1"].text == "Supplier shall perform the services."


def test_segment_reference_to_schedule_is_not_an_attachment() -> None:
    doc = segment_clauses(lines_doc("1. Fees. Client shall pay.\nSchedule 3 applies during any extension.\n"))
    assert [c.number for c in doc.clauses] == ["1"]


def test_segment_signature_block_is_its_own_clause() -> None:
    text = (
        "1. Term. This Agreement lasts one year.\n"
        "IN WITNESS WHEREOF, the parties have signed this Agreement.\n"
        "ACME CORP. BETA LLC\n"
        "By: ____________ By: ____________\n"
        "Name: Jane Doe Name: John Roe\n"
        "Title: CEO Title: CFO\n"
    )
    doc = segment_clauses(lines_doc(text))
    signature = doc.clauses[-1]
    assert signature.heading == "Signature" and signature.level == 1
    assert "By: ____________" in signature.text and "Title: CFO" in signature.text
    assert "IN WITNESS" not in by_number(doc)["1"].text


def test_segment_preamble_and_recitals() -> None:
    text = (
        "SERVICES AGREEMENT\n"
        "This Agreement is made between Acme Corp. and Beta LLC.\n"
        "RECITALS\n"
        "A. Acme wishes to buy services.\n"
        "B. Beta wishes to provide them.\n"
        "NOW, THEREFORE, the parties agree as follows:\n"
        "1. Services. Beta shall provide the services.\n"
    )
    doc = segment_clauses(lines_doc(text))
    headings = [(c.heading, c.level) for c in doc.clauses]
    assert headings[:2] == [("Preamble", 1), ("RECITALS", 1)]
    assert "B. Beta wishes" in doc.clauses[1].text
    assert by_number(doc)["1"].level == 1


@pytest.mark.parametrize(
    ("number", "heading", "own"),
    [("4", "FEES", True), ("4.1", "FEES", False), ("4.1(a)", "FEES", False), ("4.2", "Invoices", True)],
)
def test_segment_inherits_parent_heading(number: str, heading: str, own: bool) -> None:
    text = (
        "4. FEES\n"
        "4.1 Client shall pay the rates below.\n"
        "(a) the first rate applies.\n"
        "4.2 Invoices. Supplier shall invoice monthly.\n"
    )
    clause = by_number(segment_clauses(lines_doc(text)))[number]
    assert (clause.heading, clause.own_heading) == (heading, own)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("Supplier shall receive pay-\nment within thirty days of receipt of the invoice.", "payment within"),
        ("Supplier agrees to a non-\ncompete covenant for the term of this Agreement here.", "non-compete covenant"),
        ("Supplier shall give notice to each self-\ninsured affiliate of the Client in due course.", "self-insured"),
        ("Supplier shall give notice to each third-\nparty vendor of the Client in due course and here.", "third-party vendor"),
        ("Supplier shall provide an end-\nto-end service to the Client in all of the regions listed.", "end-to-end"),
    ],
)
def test_segment_dehyphenates_line_breaks(lines: str, expected: str) -> None:
    doc = segment_clauses(lines_doc("1. Scope. " + lines + "\n"))
    assert expected in doc.text


def test_segment_joins_wrapped_lines_and_breaks_short_sentence_lines() -> None:
    text = (
        "1. Scope. Supplier shall provide the services described in this Agreement to the\n"
        "Client at the locations listed in the schedule and in accordance with the law.\n"
        "A new paragraph starts here after the short line above, also with more words.\n"
    )
    doc = segment_clauses(lines_doc(text))
    assert by_number(doc)["1"].text.count("\n") == 0 or "the\nClient" not in doc.text
    assert "to the Client at" in doc.text


def test_segment_table_attaches_to_clause_as_rows() -> None:
    table = Table(index=0, rows=(("Service", "Rate"), ("Voice", "USD 27.40 per hour")), page=1, page_end=1)
    raw = paragraphs_doc(
        ("Rates", {"numbering": "8.1", "numbering_level": 1}),
        Block(0, "", 1, BlockKind.TABLE, table=table),
        ("Holiday Premium. Premium applies.", {"numbering": "8.2", "numbering_level": 1}),
    )
    doc = segment_clauses(raw)
    clause = by_number(doc)["8.1"]
    assert clause.table_indices == (0,)
    assert doc.tables[0].clause_id == clause.id
    assert "Voice | USD 27.40 per hour" in clause.text
    assert "USD 27.40 per hour" in doc.text
    assert_offsets(doc)


def test_segment_uses_word_auto_numbering_and_heading_styles() -> None:
    raw = paragraphs_doc(
        ("SERVICES AGREEMENT", {"style": "Title"}),
        ("This Agreement is made between Acme Corp. and Beta LLC.", {}),
        ("Fees and Payment", {"style": "Heading 1", "numbering": "4", "numbering_level": 0}),
        ("Rates. Client shall pay the rates.", {"numbering": "4.2", "numbering_level": 1}),
        ("Client shall pay on time.", {"numbering": "(a)", "numbering_level": 2}),
        ("Governing Law", {"style": "Heading 1"}),
        ("This Agreement is governed by the laws of New York.", {}),
    )
    doc = segment_clauses(raw)
    clauses = by_number(doc)
    assert clauses["4"].heading == "Fees and Payment"
    assert clauses["4.2"].heading == "Rates" and clauses["4.2"].parent_id == clauses["4"].id
    assert clauses["4.2(a)"].parent_id == clauses["4.2"].id
    law = next(c for c in doc.clauses if c.heading == "Governing Law")
    assert law.level == 1 and law.text.startswith("This Agreement is governed")
    assert "4.2 Rates." in doc.text  # the auto-number is visible in the document text
    assert_offsets(doc)


@pytest.mark.parametrize(
    "false_line",
    [
        "2019. The parties met again.",
        "1.5 million calls are expected each year.",
        "2019, 2020 and 2021 are the contract years.",
        "12.5% of the fees are at risk.",
        "30 days after notice the agreement ends.",
        "200 Commerce Plaza, Charlotte",
    ],
)
def test_segment_guards_against_false_numbers(false_line: str) -> None:
    text = f"1. Scope. Supplier shall provide the services described here in full and\n{false_line}\n"
    doc = segment_clauses(lines_doc(text))
    assert [c.number for c in doc.clauses] == ["1"]
    assert false_line in doc.text


def test_segment_wrapped_cross_reference_is_not_a_clause() -> None:
    text = "1. Scope. Supplier shall perform as set out in clause\n12. The services start soon.\n2. Fees. Client pays.\n"
    doc = segment_clauses(lines_doc(text))
    assert [c.number for c in doc.clauses] == ["1", "2"]


def test_segment_splits_inline_numbers_in_run_on_text() -> None:
    text = (
        "AGREEMENT The parties agree as follows: 1. Services. 1.1 Provision. (a) Provider shall provide "
        "the services. (b) Recipient may assign its rights. 1.2 Standard. Provider shall use care as set "
        "out in Section 4.2 of the policy. 2. Fees. Recipient shall pay the fees."
    )
    doc = segment_clauses(lines_doc(text))
    assert [c.number for c in doc.clauses if c.number] == ["1", "1.1", "1.1(a)", "1.1(b)", "1.2", "2"]
    assert by_number(doc)["1.2"].text == "Provider shall use care as set out in Section 4.2 of the policy."


@pytest.mark.parametrize("fixture", [NESTED, "1. A.\n\n2. B.\nSCHEDULE 1\n1. C.\n", "plain text with no numbers"])
def test_segment_offsets_are_exact(fixture: str) -> None:
    doc = segment_clauses(lines_doc(fixture))
    assert doc.clauses
    assert_offsets(doc)
    assert [c.id for c in doc.clauses] == [f"c{n:04d}" for n in range(1, len(doc.clauses) + 1)]


def test_segment_keeps_every_word() -> None:
    doc = segment_clauses(lines_doc(NESTED))
    for word in NESTED.split():
        assert word in doc.text


def test_segment_empty_page_gets_the_next_offset() -> None:
    doc = segment_clauses(lines_doc("1. Scope. Supplier shall perform.\n", "", "2. Fees. Client pays.\n"))
    assert len(doc.page_offsets) == 3
    assert doc.page_at(by_number(doc)["2"].start) == 3


def test_segment_page_spans_and_page_offsets() -> None:
    page1 = "1. Scope. Supplier shall provide the services described here and continue\n"
    page2 = "on the next page with more text.\n2. Fees. Client shall pay.\n"
    page3 = "3. Term. One year.\n"
    doc = segment_clauses(lines_doc(page1, page2, page3))
    clauses = by_number(doc)
    assert (clauses["1"].page_start, clauses["1"].page_end) == (1, 2)
    assert (clauses["2"].page_start, clauses["2"].page_end) == (2, 2)
    assert clauses["3"].page_start == 3
    assert doc.page_at(clauses["3"].start) == 3
    assert doc.page_at(doc.text.index("on the next page")) == 2
    assert len(doc.page_offsets) == 3


def test_segment_heading_only_clause_has_empty_text() -> None:
    doc = segment_clauses(lines_doc("ARTICLE IV – FEES\n4.1 Rates. Client shall pay.\n"))
    article = by_number(doc)["Article IV"]
    assert article.text == "" and article.start == article.end
    assert_offsets(doc)


def test_segment_signatory_name_joins_signature_block() -> None:
    text = "1. Term. This Agreement lasts one year.\n\nACME CONTACT CENTERS LLC\nBy: ______________\nName: Jane Doe\n"
    doc = segment_clauses(lines_doc(text))
    assert doc.clauses[-1].heading == "Signature"
    assert doc.clauses[-1].text.startswith("ACME CONTACT CENTERS LLC\nBy:")


def test_segment_label_value_line_is_not_a_heading() -> None:
    raw = paragraphs_doc(
        ("This Statement of Work is made between Acme Corp. and Beta LLC.", {}),
        ("SOW Effective Date: 1 June 2025", {"is_bold": True}),
        ("Background", {"numbering": "1", "numbering_level": 0, "is_bold": True}),
    )
    doc = segment_clauses(raw)
    assert doc.clauses[0].heading == "Preamble"
    assert "SOW Effective Date: 1 June 2025" in doc.clauses[0].text


def test_segment_decimal_followed_by_a_number() -> None:
    doc = segment_clauses(lines_doc("8. TERM\n8.1 12 months from the Effective Date.\n"))
    assert by_number(doc)["8.1"].text == "12 months from the Effective Date."


@pytest.mark.parametrize(
    ("text", "label", "style", "rank"),
    [
        ("1. Definitions", "1", "dec", 1),
        ("1.1 Definitions", "1.1", "dec", 2),
        ("1.1.1 Scope", "1.1.1", "dec", 3),
        ("4.2(a) Fees", "4.2(a)", "paren:alpha_lower", None),
        ("Section 4.2 Fees", "4.2", "dec", 2),
        ("SECTION 4 FEES", "4", "dec", 1),
        ("Article IV Fees", "Article IV", "kw:article", 0),
        ("ARTICLE 4 FEES", "Article 4", "kw:article", 0),
        ("Clause 7 Notices", "7", "dec", 1),
        ("(a) the first", "(a)", "paren:alpha_lower", None),
        ("(i) the first", "(i)", "paren:roman_lower", None),
        ("(A) the first", "(A)", "paren:alpha_upper", None),
        ("a) the first", "(a)", "rparen:alpha_lower", None),
        ("ii. the second", "(ii)", "dot:roman_lower", None),
    ],
)
def test_numbering_patterns(text: str, label: str, style: str, rank: int | None) -> None:
    from analyzer.numbering import match_number

    m = match_number(text)
    assert m is not None
    assert (m.label, m.style, m.rank) == (label, style, rank)


@pytest.mark.parametrize(
    "text", ["2019. The year", "1.5 million calls", "12.5% of fees", "30 days", "2019, 2020 and 2021", "$1.5 fee"]
)
def test_numbering_rejects_false_numbers(text: str) -> None:
    from analyzer.numbering import match_number

    assert match_number(text) is None


def test_segment_section_keyword_with_heading_sentence() -> None:
    doc = segment_clauses(lines_doc("Section 5. Payment Terms.\nClient shall pay within thirty days of the invoice date.\n"))
    clause = by_number(doc)["5"]
    assert clause.heading == "Payment Terms"
    assert clause.text == "Client shall pay within thirty days of the invoice date."


# ---- real-contract failures (issue 10): fixtures written here, shaped like the PDFs' text


def test_segment_table_of_contents_is_one_clause() -> None:
    text = (
        "SERVICES AGREEMENT\nTABLE OF CONTENTS\nPage\n1. DEFINITIONS\n1.1 Background\n1.2 Definitions\n"
        "2. TERM\n2.1 Initial Term\nAppendix 1 Services\nAppendix 2 Fees\n\n"
        'This Services Agreement is made as of May 1, 2020 by and between Alder Bank ("Customer") and '
        'Brook Data Inc. ("Vendor"), each of which is organised under the laws of Wisconsin.\n'
        "1. DEFINITIONS\n1.1 Background. Customer wishes to obtain data processing services from Vendor.\n"
        "1.2 Definitions. Terms have the meanings given in this Section.\n2. TERM\n"
        "2.1 Initial Term. The term of this Agreement is five years from the Effective Date.\n"
        "APPENDIX 1\nSERVICES\nVendor shall process the items.\n"
    )
    doc = segment_clauses(lines_doc(text))
    toc = [c for c in doc.clauses if c.heading == "Table of Contents"]
    assert len(toc) == 1 and toc[0].text == ""  # no text for the rules to read
    contents = doc.text[: by_number(doc)["1"].start]
    assert "2.1 Initial Term" in contents and "Appendix 2 Fees" in contents  # every word kept
    numbers = [c.number for c in doc.clauses if c.number]
    assert numbers == ["1", "1.1", "1.2", "2", "2.1", "Appendix 1"]
    assert by_number(doc)["2.1"].parent_id == by_number(doc)["2"].id
    assert by_number(doc)["2"].parent_id is None
    assert_offsets(doc)


def test_segment_numeral_in_brackets_after_its_word_is_no_list_item() -> None:
    text = (
        "2. TERM\n2.2 Extensions. Customer may renew this Agreement for one\n"
        "(1) twelve month period at the then-current terms and conditions.\n2.3 Other. None.\n"
    )
    doc = segment_clauses(lines_doc(text))
    assert [c.number for c in doc.clauses if c.number] == ["2", "2.2", "2.3"]
    assert "for one (1) twelve month period" in by_number(doc)["2.2"].text


def test_segment_reads_ocr_article_number() -> None:
    text = (
        "ARTICLE I\nGENERAL TERMS\n1.01 Defined Terms. Words have their meanings.\n"
        "ARTICLE I1\nTERM: EFFECTIVE DATE\n2.01 Term. The term is one year.\n2.02 Renewal. It renews.\n"
        "ARTICLE III\nFEES\n3.01 Fees. Company pays the fees.\n"
    )
    doc = segment_clauses(lines_doc(text))
    clauses = by_number(doc)
    assert "Article II" in clauses and clauses["Article II"].level == 1
    assert clauses["Article II"].heading == "TERM: EFFECTIVE DATE"  # an all-caps heading with a colon
    assert clauses["2.01"].parent_id == clauses["Article II"].id
    assert clauses["3.01"].parent_id == clauses["Article III"].id


def test_segment_cross_reference_at_line_start_is_not_a_clause() -> None:
    text = (
        "8. FEES\n8.1 Fees. Customer shall pay the fees, subject to the assumptions in\n"
        "Section 8.3 hereof, within thirty days of the invoice date.\n"
        "8.2 Taxes. Customer pays taxes as described in\nSection 8.3, below, and no other taxes.\n"
        "8.3 Assumptions. The fees assume the volumes in Schedule A.\n"
    )
    doc = segment_clauses(lines_doc(text))
    assert [c.number for c in doc.clauses if c.number] == ["8", "8.1", "8.2", "8.3"]
    assert "Section 8.3 hereof, within thirty days" in by_number(doc)["8.1"].text


@pytest.mark.parametrize(
    "recitals",
    [
        "RECITALS\nA. Customer wishes to outsource its operations.\nB. Vendor provides such services.\n",
        "WHEREAS, Customer wishes to outsource its operations; and\nWHEREAS, Vendor provides such services.\n",
        "BACKGROUND\n(A) Customer wishes to outsource its operations.\n(B) Vendor provides such services.\n",
    ],
)
def test_segment_body_clauses_are_not_children_of_recitals(recitals: str) -> None:
    text = (
        'THIS AGREEMENT is made between Alder Bank ("Customer") and Brook Data Inc. ("Vendor").\n'
        + recitals
        + "NOW, THEREFORE, the parties agree as follows:\n"
        "1. Definitions. Terms have their meanings.\n2. Services. Vendor shall provide the services.\n"
        "(a) Vendor shall report monthly.\n3. Fees. Customer shall pay the fees.\n"
    )
    doc = segment_clauses(lines_doc(text))
    clauses = by_number(doc)
    for number in ("1", "2", "3"):
        assert clauses[number].parent_id is None and clauses[number].level == 1
    assert clauses["2(a)"].parent_id == clauses["2"].id


def test_segment_all_caps_disclaimer_is_not_a_heading() -> None:
    text = (
        "8. WARRANTY\n(a) Vendor warrants that the services will be performed in a workmanlike manner.\n"
        "(b) EXCEPT AS SET FORTH ABOVE, VENDOR MAKES NO OTHER WARRANTIES, EXPRESS OR\n"
        "IMPLIED, BY OPERATION OF LAW OR OTHERWISE. VENDOR DISCLAIMS ANY\n"
        "IMPLIED WARRANTY OF MERCHANTABILITY OR FITNESS FOR A PARTICULAR PURPOSE.\n"
        "(c) Customer shall notify Vendor of any defect within ten days.\n"
        "9. TERM\n9.1 Term. One year.\n"
    )
    doc = segment_clauses(lines_doc(text))
    clauses = by_number(doc)
    assert [c.number for c in doc.clauses] == ["8", "8(a)", "8(b)", "8(c)", "9", "9.1"]
    assert "MERCHANTABILITY" in clauses["8(b)"].text
    assert clauses["8(c)"].parent_id == clauses["8"].id
