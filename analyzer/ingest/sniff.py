"""Tell PDF, DOCX and TXT apart by their bytes, and enforce the size limits.

The extension is only a hint: users rename files, mail gateways strip suffixes, and a
legacy ``.doc`` saved as ``.docx`` must fail with a clear message, not a zip traceback.
"""

from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import CorruptDocument, EmptyDocument, FileTooLarge, UnsupportedFileType
from analyzer.types import FileFormat

logger = logging.getLogger(__name__)

_HEAD_BYTES = 64 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_IMAGE_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_OTHER_MAGICS = (
    (b"{\\rtf", "an RTF document", "open it in Word or LibreOffice and save it as DOCX or PDF"),
    (b"\x1f\x8b", "a gzip archive", "extract it and pass the contract inside"),
    (b"Rar!", "a RAR archive", "extract it and pass the contract inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it and pass the contract inside"),
)
_OOXML_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (pptx)"),
)
# Extensions that promise a binary format: plain text under such a name is a mislabelled
# or broken file, and reading it as text would analyse garbage.
_BINARY_SUFFIXES = {".pdf", ".docx", ".doc", ".docm", ".dotx", ".rtf", ".odt"}
_NEXT_STEP = "convert it to PDF, DOCX or TXT and retry"


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds that keep one huge file from stalling a batch.

    Attributes:
        max_bytes: largest file size accepted, in bytes.
        max_pages: most pages accepted (PDF pages; DOCX/TXT counted from page breaks).
    """

    max_bytes: int = 50 * 2**20
    max_pages: int = 2000


def check_size(path: Path, limits: Limits) -> int:
    """Return the file size, raising for a missing, empty or oversized file.

    Raises:
        UnsupportedFileType: the path is not a regular file.
        EmptyDocument: the file has no bytes.
        FileTooLarge: the file exceeds ``limits.max_bytes``.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnsupportedFileType("file not found; check the path", str(path)) from None
    except OSError as exc:
        raise UnsupportedFileType(f"cannot read the file ({exc.strerror})", str(path)) from None
    if not path.is_file():
        raise UnsupportedFileType("not a regular file; pass a PDF, DOCX or TXT file", str(path))
    if size == 0:
        raise EmptyDocument("the file is empty (0 bytes); check the export or upload", str(path))
    if size > limits.max_bytes:
        raise FileTooLarge(
            f"the file is {_mib(size)}, over the {_mib(limits.max_bytes)} limit; "
            "split it or raise the size limit",
            str(path),
        )
    return size


def check_pages(path: Path, pages: int, limits: Limits) -> None:
    """Raise FileTooLarge when a document has more pages than the limit allows."""
    if pages > limits.max_pages:
        raise FileTooLarge(
            f"the document has {pages} pages, over the {limits.max_pages}-page limit; "
            "split it or raise the page limit",
            str(path),
        )


def sniff_format(path: str | Path) -> FileFormat:
    """Return the format of a file from its content, not its extension.

    Args:
        path: the file to inspect.

    Returns:
        PDF for ``%PDF`` files, DOCX for a zip holding ``word/document.xml``, TXT for
        decodable text.

    Raises:
        EmptyDocument: the file has no bytes.
        UnsupportedFileType: a legacy .doc, an image, another zip or binary file, or plain
            text under a name that promises a binary format (e.g. a .txt renamed to .pdf).
        CorruptDocument: the file looks like a DOCX zip but the archive is damaged.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as exc:
        raise UnsupportedFileType(f"cannot read the file ({exc.strerror})", str(path)) from None
    if not head:
        raise EmptyDocument("the file is empty (0 bytes); check the export or upload", str(path))
    if b"%PDF-" in head[:1024]:
        return FileFormat.PDF
    if head.startswith(_OLE_MAGIC):
        raise UnsupportedFileType(
            "legacy Office 97-2003 file (.doc/.xls); open it in Word or LibreOffice and "
            "save it as DOCX or PDF",
            str(path),
        )
    if head.startswith(_ZIP_MAGICS):
        return _sniff_zip(path)
    for magic, what in _IMAGE_MAGICS:
        if head.startswith(magic):
            raise UnsupportedFileType(
                f"{what}, not a document; run OCR and save the result as PDF or TXT", str(path)
            )
    for magic, what, step in _OTHER_MAGICS:
        if head.startswith(magic):
            raise UnsupportedFileType(f"{what}; {step}", str(path))
    if not looks_like_text(head):
        raise UnsupportedFileType(f"unrecognised binary file; {_NEXT_STEP}", str(path))
    suffix = path.suffix.lower()
    if suffix in _BINARY_SUFFIXES:
        raise UnsupportedFileType(
            f"named {suffix} but contains plain text; rename it to .txt if it is a text "
            f"contract, or export the original again as {suffix[1:].upper()}",
            str(path),
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        raise UnsupportedFileType(
            "an HTML page; save it as PDF or copy the text into a .txt file", str(path)
        )
    return FileFormat.TXT


def looks_like_text(head: bytes) -> bool:
    """Return True when bytes decode as text with few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with BOM: NUL bytes are expected there
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # sample cut inside a multi-byte character
            text = head[: exc.start].decode("utf-8")
        else:
            text = head.decode("cp1252", errors="replace")
            if text.count("\ufffd") > max(2, len(text) // 200):
                return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls <= max(1, len(text) // 100)


def _sniff_zip(path: Path) -> FileFormat:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(
            f"damaged or truncated ZIP/DOCX archive ({exc}); save or export it again",
            str(path),
        ) from None
    if "word/document.xml" in names:
        return FileFormat.DOCX
    for member, what in _OOXML_KINDS:
        if member in names:
            raise UnsupportedFileType(f"{what}, not a contract document; {_NEXT_STEP}", str(path))
    if "content.xml" in names and "mimetype" in names:
        raise UnsupportedFileType(
            "an OpenDocument file (.odt); save it as DOCX or PDF in LibreOffice", str(path)
        )
    raise UnsupportedFileType(
        "a ZIP archive without a Word document inside; extract the contract and pass it "
        "directly",
        str(path),
    )


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
