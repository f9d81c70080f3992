"""The CLI in-process: parse and analyze, JSON Lines batches, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from docx import Document as DocxDocument

from analyzer.cli import main
from analyzer.errors import EmptyDocument, UnsupportedFileType

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "northwind_lumen_contact_center_msa.docx"
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())


def _small_docx(path: Path) -> Path:
    document = DocxDocument()
    document.add_heading("SERVICES AGREEMENT", level=0)
    document.add_paragraph("1. SERVICES. Supplier shall answer customer calls for Client.")
    document.add_paragraph("2. FEES. Client shall pay USD 25.00 per productive hour.")
    document.add_paragraph("3. TERM. This Agreement lasts two (2) years.")
    document.save(str(path))
    return path


@pytest.fixture()
def small_docx(tmp_path: Path) -> Path:
    return _small_docx(tmp_path / "small.docx")


def test_cli_parse_json_lists_numbered_clauses(small_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(small_docx), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    numbers = [c["number"] for c in report["clauses"]]
    assert {"1", "2", "3"} <= set(numbers)
    assert report["document"]["format"] == "docx"


def test_cli_parse_text_prints_tree(small_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(small_docx)]) == 0
    out = capsys.readouterr().out
    assert "small.docx" in out and "2" in out and "FEES" in out.upper()


def test_cli_parse_batch_is_json_lines_and_survives_a_bad_file(
    tmp_path: Path, small_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    code = main(["parse", str(small_docx), str(empty), str(small_docx), "--format", "json"])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert len(lines) == 3
    assert lines[1]["error"]["code"] == EmptyDocument.code
    assert lines[0]["clauses"] and lines[2]["clauses"]
    assert code == EmptyDocument.exit_code
    assert "Traceback" not in captured.err and "empty.pdf" in captured.err


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.docx", b"", EmptyDocument),
        ("legacy.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, UnsupportedFileType),
        ("picture.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, UnsupportedFileType),
    ],
)
def test_cli_bad_input_gives_one_line_and_distinct_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, error: type
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["parse", str(path)]) == error.exit_code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and name in err[0]


def test_cli_analyze_report_follows_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(EXAMPLE), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    assert all(c["type"] for c in report["clauses"])
    text_by_id = {c["id"]: c["text"] for c in report["clauses"]}
    for flag in report["flags"]:
        if flag["clause_id"]:
            assert flag["quote"] in text_by_id[flag["clause_id"]]


def test_cli_analyze_finds_the_example_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(EXAMPLE), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    categories = {f["category"] for f in report["flags"]}
    # The example has rates "to be agreed", uncapped travel and no exit clause at all.
    assert {"vague_pricing", "hidden_cost", "exit_gap"} <= categories
    # Hard negative: capped, pre-approved travel (6.5) must not be a hidden cost.
    assert not any(
        f["category"] == "hidden_cost" and "shall not exceed USD 10,000" in f["quote"]
        for f in report["flags"]
    )
    assert any(r["unit"] == "productive_hour" and r["amount"] == 27.40 for r in report["pricing"])


def test_cli_analyze_table_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(EXAMPLE), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Flags (" in out and "why:" in out and "ask:" in out


def test_cli_module_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    for command in ("parse", "analyze"):
        assert command in done.stdout
