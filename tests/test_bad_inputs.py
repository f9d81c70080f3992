"""Every kind of bad input gives its own typed error with a one-line message, no traceback."""

from __future__ import annotations

import zipfile

import pytest
from builders import P, PdfPage, make_docx, make_pdf

from analyzer.errors import (
    AnalyzerError,
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    FileTooLarge,
    NoTextLayer,
    UnsupportedFileType,
)
from analyzer.ingest import Limits, read_blocks, sniff_format
from analyzer.types import FileFormat

TEXT = ["1. The Supplier shall provide the services.", "2. The Client shall pay the fees."]


def _raises(path, error, limits=Limits()):  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        read_blocks(path, limits)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    assert type(info.value) is error  # its own class, not a sibling
    return info.value


def test_bad_input_encrypted_pdf(tmp_path):
    path = make_pdf(tmp_path, [PdfPage(lines=TEXT)], user_password="s3cret")
    error = _raises(path, EncryptedDocument)
    assert "password" in error.message


def test_bad_input_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    _raises(path, CorruptDocument)


def test_bad_input_truncated_pdf(tmp_path):
    whole = make_pdf(tmp_path, [PdfPage(lines=TEXT * 10) for _ in range(4)])
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    _raises(path, CorruptDocument)


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.txt", "empty"])
def test_bad_input_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    _raises(path, EmptyDocument)


def test_bad_input_whitespace_only_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t\n", encoding="utf-8")
    _raises(path, EmptyDocument)


def test_bad_input_docx_without_text(tmp_path):
    _raises(make_docx(tmp_path, [P("")]), EmptyDocument)


def test_bad_input_scanned_pdf_names_pages_and_ocr(tmp_path):
    path = make_pdf(tmp_path, [PdfPage(image_only=True)] * 3)
    error = _raises(path, NoTextLayer)
    assert error.pages == (1, 2, 3)
    assert "OCR" in error.message and "1-3" in error.message


def test_bad_input_legacy_doc(tmp_path):
    path = tmp_path / "contract.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    error = _raises(path, UnsupportedFileType)
    assert "DOCX" in error.message


def test_bad_input_legacy_doc_renamed_docx(tmp_path):
    path = tmp_path / "contract.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    _raises(path, UnsupportedFileType)


def test_bad_input_text_renamed_to_pdf(tmp_path):
    path = tmp_path / "contract.pdf"
    path.write_text("\n".join(TEXT), encoding="utf-8")
    error = _raises(path, UnsupportedFileType)
    assert "plain text" in error.message


def test_bad_input_pdf_renamed_to_docx_is_read_as_pdf(tmp_path):
    source = make_pdf(tmp_path, [PdfPage(lines=TEXT)])
    path = tmp_path / "actually_pdf.docx"
    path.write_bytes(source.read_bytes())
    assert sniff_format(path) is FileFormat.PDF
    assert [b.text for b in read_blocks(path).blocks] == TEXT


@pytest.mark.parametrize(
    ("head", "what"),
    [(b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff\xe0", "JPEG"), (b"{\\rtf1\\ansi", "RTF")],
)
def test_bad_input_other_types(tmp_path, head, what):
    path = tmp_path / "upload.bin"
    path.write_bytes(head + b"\x00\x01" * 100)
    error = _raises(path, UnsupportedFileType)
    assert what in error.message


def test_bad_input_other_zip(tmp_path):
    path = tmp_path / "rates.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    error = _raises(path, UnsupportedFileType)
    assert "Excel" in error.message


def test_bad_input_corrupt_docx(tmp_path):
    good = make_docx(tmp_path, [P("text")])
    path = tmp_path / "broken.docx"
    path.write_bytes(good.read_bytes()[:200])
    _raises(path, CorruptDocument)


def test_bad_input_docx_with_broken_xml(tmp_path):
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(make_docx(tmp_path, [P("text")])) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    _raises(path, CorruptDocument)


def test_bad_input_binary_garbage(tmp_path):
    path = tmp_path / "noise.dat"
    path.write_bytes(bytes(range(256)) * 8)
    _raises(path, UnsupportedFileType)


def test_bad_input_too_large_by_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The Supplier shall comply.\n" * 100, encoding="utf-8")
    error = _raises(path, FileTooLarge, Limits(max_bytes=1000))
    assert "limit" in error.message


def test_bad_input_too_many_pages(tmp_path):
    path = make_pdf(tmp_path, [PdfPage(lines=TEXT)] * 3)
    _raises(path, FileTooLarge, Limits(max_pages=2))
    docx_path = make_docx(tmp_path, [P("a", page_break_after=True), P("b", page_break_after=True), P("c")])
    _raises(docx_path, FileTooLarge, Limits(max_pages=2))


def test_bad_input_missing_file(tmp_path):
    _raises(tmp_path / "nowhere.pdf", UnsupportedFileType)


def test_bad_input_errors_have_distinct_exit_codes():
    classes = [UnsupportedFileType, EncryptedDocument, CorruptDocument, EmptyDocument, NoTextLayer, FileTooLarge]
    codes = [c.exit_code for c in classes]
    assert len(set(codes)) == len(codes) and all(issubclass(c, AnalyzerError) for c in classes)
