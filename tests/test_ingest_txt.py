"""TXT ingest: encodings, one block per line, blank lines as gaps, form feeds as pages."""

from __future__ import annotations

import pytest

from analyzer.ingest import read_blocks, sniff_format
from analyzer.types import BlockKind, FileFormat


def test_txt_lines_gaps_and_form_feed_pages(tmp_path):
    path = tmp_path / "contract.txt"
    path.write_text("1. FEES\r\nThe Client pays.\r\n\r\n2. TERM\fThree years.\n", encoding="utf-8")
    raw = read_blocks(path)
    assert [(b.text, b.page, b.gap_before) for b in raw.blocks] == [
        ("1. FEES", 1, False),
        ("The Client pays.", 1, False),
        ("2. TERM", 1, True),
        ("Three years.", 2, False),
    ]
    assert all(b.kind is BlockKind.LINE for b in raw.blocks)
    assert raw.source.page_count == 2 and raw.source.file_format is FileFormat.TXT
    assert raw.warnings == ()


@pytest.mark.parametrize(
    ("data", "encoding_note"),
    [
        ("Café fee: 5 €".encode("cp1252"), "cp1252"),
        ("Café fee: 5 €".encode("utf-16"), None),
        ("\ufeffCafé fee: 5 €".encode("utf-8"), None),
    ],
)
def test_txt_decodes_common_encodings(tmp_path, data, encoding_note):
    path = tmp_path / "notes"
    path.write_bytes(data)
    assert sniff_format(path) is FileFormat.TXT
    raw = read_blocks(path)
    assert raw.blocks[0].text == "Café fee: 5 €"
    assert any(encoding_note in w for w in raw.warnings) if encoding_note else True


def test_txt_source_info_hash_and_size(tmp_path):
    path = tmp_path / "a b (1), é.txt"
    path.write_text("Hello.\n", encoding="utf-8")
    source = read_blocks(path).source
    assert source.name == "a b (1), é.txt" and source.size_bytes == 7
    assert source.sha256 == "a2c064616af4c66c576821616646bdfad5556a263b4b007847605118971f4389"
