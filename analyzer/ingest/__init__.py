"""Ingest: a contract file (PDF, DOCX or TXT) → ``RawDocument`` of blocks in reading order.

``read_blocks`` is the first pipeline stage; ``load_document`` adds segmentation. The
format comes from the file's bytes (``sniff_format``), and every failure is one of the
``analyzer.errors`` classes with a one-line message, never a library traceback.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import FileTooLarge
from analyzer.ingest.sniff import Limits, check_pages, check_size, sniff_format
from analyzer.types import FileFormat, RawDocument, SourceInfo

if TYPE_CHECKING:
    from analyzer.types import Document

logger = logging.getLogger(__name__)

__all__ = ["Limits", "load_document", "preload_readers", "read_blocks", "sniff_format"]


def preload_readers() -> None:
    """Import the PDF and DOCX readers and their libraries now (``Analyzer.load`` calls
    it), so the first file does not pay for pdfminer, pdfplumber and pypdfium2 imports."""
    import docx  # noqa: F401 - imported for its side effect: loaded once
    import pdfplumber  # noqa: F401
    import pypdfium2
    import pypdfium2.raw  # noqa: F401

    import analyzer.ingest.docx
    import analyzer.ingest.pdf
    import analyzer.ingest.txt  # noqa: F401


def read_blocks(path: str | Path, limits: Limits = Limits()) -> RawDocument:
    """Read a contract file into blocks, without segmenting it.

    Args:
        path: a PDF, DOCX or TXT file (the format is sniffed from its bytes).
        limits: size and page limits.

    Returns:
        The file's blocks in reading order with its ``SourceInfo`` and warnings.

    Raises:
        UnsupportedFileType, EncryptedDocument, CorruptDocument, EmptyDocument,
        NoTextLayer, FileTooLarge: see ``analyzer.errors``.
    """
    path = Path(path)
    size = check_size(path, limits)
    file_format = sniff_format(path)
    if file_format is FileFormat.PDF:
        from analyzer.ingest.pdf import read_pdf

        blocks, pages, warnings = read_pdf(path, limits)
    elif file_format is FileFormat.DOCX:
        from analyzer.ingest.docx import read_docx

        blocks, pages, warnings = read_docx(path, limits)
    else:
        from analyzer.ingest.txt import read_txt

        blocks, pages, warnings = read_txt(path)
        check_pages(path, pages, limits)
    source = SourceInfo(
        name=path.name,
        path=str(path),
        sha256=_sha256(path),
        file_format=file_format,
        size_bytes=size,
        page_count=pages,
    )
    for warning in warnings:
        logger.info("%s: %s", path.name, warning)
    return RawDocument(source=source, blocks=blocks, warnings=tuple(warnings))


def load_document(path: str | Path, limits: Limits = Limits()) -> Document:
    """Read and segment a contract file into a ``Document`` of numbered clauses.

    Raises:
        The errors of ``read_blocks``.
    """
    from analyzer.segment import segment_clauses

    return segment_clauses(read_blocks(path, limits))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# re-exported so callers can catch the limit error from the ingest package
_ = FileTooLarge
