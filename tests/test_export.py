"""Exports (XLSX, CSV, JSON, memo, commented DOCX), reviewer decisions and the CLI commands."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from analyzer.cli import main
from analyzer.compare import VolumeScenario, compare_bids
from analyzer.decisions import (
    DecisionSet,
    DecisionStatus,
    decide,
    flag_keys,
    from_json,
    load_decisions,
    save_decisions,
)
from analyzer.errors import UnsupportedFileType
from analyzer.export.csv import csv_bytes
from analyzer.export.docx_comments import annotate_docx
from analyzer.export.docx_memo import memo_bytes
from analyzer.export.json import comparison_to_json, to_json_report
from analyzer.export.tables import findings_frame
from analyzer.export.xlsx import comparison_xlsx_bytes, xlsx_bytes
from analyzer.types import RateUnit
from factories import FakeAnalyzer, make_result, write_docx


@pytest.fixture
def result():
    return make_result("bid_a.docx")


@pytest.fixture
def decisions(result):
    d = decide(DecisionSet(), result, 0, "dismissed", "Quality is defined in Schedule 2")
    return decide(d, result, 1, DecisionStatus.ACCEPTED, "Top priority")


def test_decisions_keys_are_stable_across_offsets(result):
    shifted = replace(result, findings=tuple(
        replace(f, evidence=tuple(replace(e, start=e.start + 50, end=e.end + 50)
                                  for e in f.evidence)) for f in result.findings))
    assert flag_keys(result) == flag_keys(shifted)
    assert len(set(flag_keys(result))) == len(result.findings)


def test_decisions_repeat_flags_get_distinct_keys(result):
    doubled = replace(result, findings=result.findings + result.findings[:1])
    keys = flag_keys(doubled)
    assert keys[-1] == keys[0] + "#2"


def test_decisions_json_round_trip(tmp_path, decisions):
    path = tmp_path / "d.json"
    save_decisions(decisions, path)
    assert load_decisions(path) == decisions


def test_decisions_reject_unknown_status():
    with pytest.raises(ValueError, match=r"decisions\[0\]\.status"):
        from_json({"decisions": [{"key": "k", "status": "maybe"}]})


def test_decisions_reopen_without_note_removes_entry(result, decisions):
    reopened = decide(decisions, result, 1, "open", "")
    assert len(reopened.decisions) == 1


def test_export_findings_frame_carries_decisions(result, decisions):
    frame = findings_frame(result, decisions)
    assert len(frame) == len(result.findings)
    assert list(frame["decision"][:3]) == ["dismissed", "accepted", "open"]
    assert frame.loc[0, "note"] == "Quality is defined in Schedule 2"
    assert frame.loc[5, "clause_id"] == "" and pd.isna(frame.loc[5, "page"])


def test_export_csv_matches_findings_frame(result, decisions):
    frame = pd.read_csv(io.BytesIO(csv_bytes(result, decisions)), encoding="utf-8-sig")
    assert list(frame.columns) == list(findings_frame(result).columns)
    assert frame.loc[1, "decision"] == "accepted"


def test_export_xlsx_has_every_sheet_and_decisions(result, decisions):
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(result, decisions, VolumeScenario())))
    assert book.sheetnames == ["Summary", "Flags", "Clauses", "Pricing", "KPIs", "Obligations",
                               "Comparison"]
    flags = book["Flags"]
    header = [c.value for c in flags[1]]
    rows = [[c.value for c in row] for row in flags.iter_rows(min_row=2)]
    assert len(rows) == len(result.findings)
    assert rows[0][header.index("decision")] == "dismissed"
    assert rows[1][header.index("note")] == "Top priority"
    assert flags.data_validations.dataValidation, "decision drop-down missing"
    pricing = [[c.value for c in r] for r in book["Pricing"].iter_rows(min_row=2)]
    assert pricing[0][:4] == ["Inbound voice, English", 3.25, "USD", "call"]
    comparison_text = " ".join(str(c.value) for r in book["Comparison"].iter_rows() for c in r)
    assert "per_contact" in comparison_text and "occupancy" in comparison_text.lower()


def test_export_json_report_has_review_section(result, decisions):
    report = to_json_report(result, decisions)
    assert len(report["review"]) == len(report["flags"])
    assert report["review"][0]["decision"] == "dismissed"
    assert report["review"][0]["flag_key"] == flag_keys(result)[0]
    json.dumps(report)


def test_export_memo_lists_open_flags_and_dismissed_with_note(result, decisions):
    memo = docx.Document(io.BytesIO(memo_bytes(result, decisions)))
    text = "\n".join(p.text for p in memo.paragraphs)
    assert "Contract review memo: bid_a.docx" in text
    assert "\u201cbilled at standard rates\u201d" in text
    assert "Dismissed on review" in text and "Quality is defined in Schedule 2" in text
    issues = text.split("Issues to raise")[1].split("Dismissed on review")[0]
    assert "high quality service" not in issues
    assert "Expected clauses not found: exit transition, data protection" in text
    assert len(memo.tables) >= 2


def test_export_docx_comments_anchor_on_quotes(tmp_path, result, decisions):
    original = tmp_path / "bid_a.docx"
    write_docx(original)
    out = tmp_path / "out.docx"
    report = annotate_docx(result, original, out, decisions)
    assert report.comments == len(result.findings) - 1 and report.skipped_dismissed == 1
    assert report.anchored_on_quote == 4
    reopened = docx.Document(str(out))
    comments = list(reopened.comments)
    assert len(comments) == 5
    assert all(c.author == "Contract analyzer" for c in comments)
    assert not any("Top priority" in c.text for c in comments), "internal notes leaked"
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count("commentRangeStart") == 5
    # the anchored text is exactly the quote
    anchored = xml.split('commentRangeStart w:id="0"/>')[1].split("commentRangeEnd")[0]
    assert "billed at standard rates" in anchored and "Callbacks" not in anchored
    # original text unchanged
    before = [p.text for p in docx.Document(str(original)).paragraphs]
    assert [p.text for p in reopened.paragraphs] == before


def test_export_docx_comments_include_notes_on_request(tmp_path, result, decisions):
    original = tmp_path / "bid_a.docx"
    write_docx(original)
    annotate_docx(result, original, tmp_path / "o.docx", decisions, include_notes=True)
    texts = [c.text for c in docx.Document(str(tmp_path / "o.docx")).comments]
    assert any("Reviewer note: Top priority" in t for t in texts)


def test_export_docx_comments_refuse_pdf(tmp_path):
    with pytest.raises(UnsupportedFileType, match="DOCX original"):
        annotate_docx(make_result("a.pdf"), tmp_path / "a.pdf", tmp_path / "o.docx")


def test_export_comparison_workbook_and_json():
    c = compare_bids([make_result("a.pdf"),
                      make_result("b.pdf", headline=(30, RateUnit.PRODUCTIVE_HOUR))],
                     VolumeScenario())
    book = openpyxl.load_workbook(io.BytesIO(comparison_xlsx_bytes(c)))
    assert book.sheetnames == ["Costs", "Assumptions", "Rates", "Sensitivity", "Hidden costs",
                               "KPIs", "KPI detail", "Responsibilities", "Flags by bid"]
    data = comparison_to_json(c)
    assert data["bids"] == ["a.pdf", "b.pdf"]
    assert data["scenario"]["derived"]["fte"] > 0


class _CliAnalyzer(FakeAnalyzer):
    def analyze(self, path):
        return self.try_analyze(path).result

    def analyze_many(self, paths):
        from analyzer.types import FileError, FileResult, FileStatus

        for p in paths:
            if Path(p).suffix == ".txt":
                yield FileResult(str(p), FileStatus.FAILED,
                                 error=FileError("unsupported_file_type", 11,
                                                 f"{p}: not a contract"))
            else:
                yield self.try_analyze(p)


@pytest.fixture
def fake_cli(monkeypatch):
    import analyzer.cli

    monkeypatch.setattr(analyzer.cli, "load_analyzer", lambda args: _CliAnalyzer())


@pytest.mark.parametrize("to", ["xlsx", "csv", "json", "memo", "docx"])
def test_cli_export_writes_each_format(tmp_path, fake_cli, decisions, to):
    original = tmp_path / "bid_a.docx"
    write_docx(original)
    save_decisions(decisions, tmp_path / "d.json")
    out = tmp_path / f"out.{to}"
    code = main(["export", str(original), "--to", to, "--out", str(out),
                 "--decisions", str(tmp_path / "d.json")])
    assert code == 0 and out.stat().st_size > 0
    if to == "json":
        assert json.loads(out.read_text())["review"][0]["decision"] == "dismissed"
    if to == "docx":
        assert len(list(docx.Document(str(out)).comments)) == 5


def test_cli_export_docx_of_pdf_is_a_usage_error(tmp_path, fake_cli, capsys):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    assert main(["export", str(tmp_path / "a.pdf"), "--to", "docx"]) == 2
    assert "need a .docx original" in capsys.readouterr().err


def test_cli_compare_table_and_json(tmp_path, fake_cli, capsys):
    paths = [str(tmp_path / n) for n in ("a.pdf", "b.pdf", "c.pdf")]
    out = tmp_path / "cmp.xlsx"
    assert main(["compare", *paths, "--volume", "50000", "--aht", "5", "--occupancy", "85%",
                 "--hours", "24x7", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "50,000 handled contacts" in text and "Hidden-cost ledger" in text
    assert openpyxl.load_workbook(out).sheetnames[0] == "Costs"
    assert main(["compare", *paths[:2], "--format", "json", "--term-months", "24"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"]["term_months"] == 24 and data["scenario"]["occupancy"] == 0.8


def test_cli_compare_one_bad_file_does_not_stop_the_others(tmp_path, fake_cli, capsys):
    paths = [str(tmp_path / n) for n in ("a.pdf", "notes.txt", "c.pdf")]
    assert main(["compare", *paths]) == 11
    captured = capsys.readouterr()
    assert "not a contract" in captured.err and "c.pdf" in captured.out


def test_cli_compare_rejects_one_file(tmp_path, fake_cli, capsys):
    assert main(["compare", str(tmp_path / "a.pdf")]) == 2
