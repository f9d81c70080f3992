"""Plain text → one LINE block per non-blank line.

Blank lines become ``gap_before`` on the next line (a paragraph break for segment), and
form feeds start a new page, as in text dumps of paginated contracts.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from analyzer.errors import EmptyDocument
from analyzer.types import Block, BlockKind

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return the decoded text and the encoding used (BOM, UTF-8, cp1252, then latin-1)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def read_txt(path: Path) -> tuple[tuple[Block, ...], int, tuple[str, ...]]:
    """Read a text file into LINE blocks.

    Returns:
        The blocks, the page count (form feeds + 1) and warnings.

    Raises:
        EmptyDocument: the file holds only whitespace.
    """
    text, encoding = decode_text(path.read_bytes())
    warnings: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"text decoded as {encoding}; check accented characters")
    if "\ufffd" in text:
        warnings.append("some bytes could not be decoded and were replaced")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    pages = text.split("\f")
    for page_number, page_text in enumerate(pages, start=1):
        gap = False
        for line in page_text.split("\n"):
            content = line.strip()
            if not content.strip():
                gap = True
                continue
            blocks.append(
                Block(
                    index=len(blocks),
                    text=content,
                    page=page_number,
                    kind=BlockKind.LINE,
                    gap_before=gap and bool(blocks),
                )
            )
            gap = False
    if not blocks:
        raise EmptyDocument("the text file holds only whitespace; check the export", str(path))
    return tuple(blocks), len(pages), tuple(warnings)
