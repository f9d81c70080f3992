"""The Streamlit app, headless (streamlit.testing.v1.AppTest), and its pure view functions.

Most flows use ``FakeAnalyzer`` (a factory analysis per file) so they test the UI, fast and
deterministically; ``test_app_real_pipeline_*`` drives the real models on built fixtures,
loading the Analyzer once for the session.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from analyzer.decisions import DecisionStatus, flag_keys
from analyzer.ui import state, views
from factories import FakeAnalyzer, make_result, write_docx, write_pdf

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
PAGES = "analyzer/ui/pages"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class CountingAnalyzer(FakeAnalyzer):
    def __init__(self):
        self.calls = []

    def try_analyze(self, path):
        assert Path(path).exists(), "the upload must be on disk while analysed"
        self.calls.append(Path(path))
        return super().try_analyze(path)


@pytest.fixture
def fake():
    analyzer = CountingAnalyzer()
    state.set_analyzer(analyzer)
    yield analyzer
    state._OVERRIDE.clear()


@pytest.fixture
def downloads(monkeypatch):
    """Capture every download button's bytes by file name."""
    captured: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if filename and isinstance(path_or_data, bytes):
            captured[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return captured


def docx_bytes(tmp_path: Path, name: str = "bid_a.docx") -> bytes:
    write_docx(tmp_path / name)
    return (tmp_path / name).read_bytes()


def pdf_bytes(tmp_path: Path, name: str) -> bytes:
    write_pdf(tmp_path / name)
    return (tmp_path / name).read_bytes()


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def flag_frame(at: AppTest) -> pd.DataFrame:
    """Return the review page's flag table."""
    (frame,) = [d.value for d in at.dataframe if {"#", "message"} <= set(d.value.columns)]
    return frame


def upload(at: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    at.file_uploader(key="uploads").set_value(files).run()
    assert not at.exception, at.exception
    return at


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize("page", ["upload", "review", "compare", "export"])
def test_app_every_page_renders_before_any_upload(fake, page):
    at = start()
    at.switch_page(f"{PAGES}/{page}.py").run()
    assert not at.exception
    assert at.title[0].value
    if page != "upload":
        assert "Upload" in at.info[0].value


def test_app_upload_reports_each_bad_file_and_keeps_the_good_one(fake, tmp_path):
    at = start()
    upload(at, [("bid_a.docx", docx_bytes(tmp_path), DOCX_MIME),
                ("scan.pdf", b"not a pdf at all", "application/pdf"),
                ("old.docx", b"\xd0\xcf\x11\xe0 legacy doc", DOCX_MIME)])
    errors = [e.value for e in at.error]
    assert any("scan.pdf" in e and "not a PDF" in e for e in errors)
    assert any("old.docx" in e and ".docx" in e for e in errors)
    table = at.dataframe[0].value
    assert list(table["file"]) == ["bid_a.docx"] and table.loc[0, "flags"] == 6
    assert len(fake.calls) == 1
    assert not fake.calls[0].exists(), "temporary copy must be deleted"


def test_app_same_file_is_analysed_once_per_session(fake, tmp_path):
    at = start()
    data = docx_bytes(tmp_path)
    upload(at, [("bid_a.docx", data, DOCX_MIME)])
    upload(at, [("bid_a.docx", data, DOCX_MIME)])
    at.run()
    assert len(fake.calls) == 1


def test_app_failed_analysis_is_shown_and_others_continue(tmp_path):
    class HalfBroken(FakeAnalyzer):
        def try_analyze(self, path):
            from analyzer.types import FileError, FileResult, FileStatus

            if Path(path).name.startswith("broken"):
                return FileResult(str(path), FileStatus.FAILED,
                                  error=FileError("encrypted", 12, "broken.pdf: encrypted"))
            return super().try_analyze(path)

    state.set_analyzer(HalfBroken())
    try:
        at = start()
        upload(at, [("broken.pdf", pdf_bytes(tmp_path, "broken.pdf"), "application/pdf"),
                    ("good.pdf", pdf_bytes(tmp_path, "good.pdf"), "application/pdf")])
        assert any("encrypted" in e.value for e in at.error)
        table = at.dataframe[0].value
        assert list(table["status"]) == ["failed", "ok"]
    finally:
        state._OVERRIDE.clear()


def test_app_review_shows_flags_filters_and_dismisses(fake, tmp_path):
    at = start()
    upload(at, [("bid_a.docx", docx_bytes(tmp_path), DOCX_MIME)])
    at.switch_page(f"{PAGES}/review.py").run()
    assert not at.exception
    assert at.metric[0].value == "High"
    assert any("Sum of severity weights" in c.value for c in at.caption)
    assert len(flag_frame(at)) == 6
    at.multiselect(key="filter_severity").set_value(["high"]).run()
    assert len(flag_frame(at)) == 3
    at.multiselect(key="filter_severity").set_value([]).run()
    at.multiselect(key="filter_category").set_value(["hidden_cost"]).run()
    assert set(flag_frame(at)["category"]) == {"Hidden cost"}
    at.multiselect(key="filter_category").set_value([]).run()
    at.multiselect(key="filter_type").set_value(["service_levels"]).run()
    assert len(flag_frame(at)) == 1
    at.multiselect(key="filter_type").set_value([]).run()

    # clause viewer: the quote is highlighted with its page and recommendation
    marks = [m.value for m in at.markdown if "<mark>" in m.value]
    assert marks and "<mark>high quality service</mark>" in marks[0]
    assert any("Ask for instead" in m.value for m in at.markdown)

    # dismiss the first flag with a note
    result = make_result("bid_a.docx")
    key = flag_keys(result)[0]
    at.radio(key=f"status_{key}").set_value(DecisionStatus.DISMISSED)
    at.text_input(key=f"note_{key}").input("Defined in Schedule 2")
    submit = [b for b in at.button if b.label == "Save decision"][0]
    submit.click().run()
    assert not at.exception
    stored = at.session_state["decisions"]
    (decision,) = next(iter(stored.values())).decisions
    assert (decision.status, decision.note) == (DecisionStatus.DISMISSED, "Defined in Schedule 2")
    assert flag_frame(at).loc[0, "decision"] == "dismissed"
    at.checkbox(key="filter_hide_dismissed").check().run()
    assert len(flag_frame(at)) == 5
    # pricing, KPI (with completeness) and obligation tables
    frames = [d.value for d in at.dataframe]
    assert any("completeness" in f.columns and f["completeness"].iloc[0] == 43 for f in frames)
    assert any("party" in f.columns and "(nobody named)" in set(f["party"]) for f in frames)
    assert any("unit" in f.columns and "call" in set(f["unit"]) for f in frames)


def test_app_compare_three_bids(fake, tmp_path, downloads):
    at = start()
    upload(at, [(n, pdf_bytes(tmp_path, n), "application/pdf")
                for n in ("bid_1.pdf", "bid_2.pdf", "bid_3.pdf")])
    at.switch_page(f"{PAGES}/compare.py").run()
    assert not at.exception
    assert at.multiselect(key="compare_bids").value == [
        state.digest((tmp_path / n).read_bytes()) for n in ("bid_1.pdf", "bid_2.pdf", "bid_3.pdf")
    ]
    assumptions = at.info[0].value
    assert "occupancy" in assumptions.lower() and "30,000 handled contacts" in assumptions
    costs = at.dataframe[0].value
    assert list(costs["bid"]) == ["bid_1.pdf", "bid_2.pdf", "bid_3.pdf"]
    before = costs["term_cost"].iloc[0]
    at.number_input(key="sc_contacts").set_value(36_000.0).run()
    after = at.dataframe[0].value["term_cost"].iloc[0]
    assert after > before
    assert "36,000 handled contacts" in at.info[0].value
    subheaders = [s.value for s in at.subheader]
    for title in ("Sensitivity of the term cost", "Hidden-cost ledger",
                  "Service-level commitments", "Who is responsible for what",
                  "Flags by category"):
        assert title in subheaders
    at.download_button(key="download_comparison").click().run()
    book = openpyxl.load_workbook(io.BytesIO(downloads["bid_comparison.xlsx"]))
    assert "Hidden costs" in book.sheetnames


def test_app_export_downloads_reopen_with_decisions_and_comments(fake, tmp_path, downloads):
    at = start()
    upload(at, [("bid_a.docx", docx_bytes(tmp_path), DOCX_MIME)])
    result = make_result("bid_a.docx")
    key = flag_keys(result)[1]
    at.switch_page(f"{PAGES}/review.py").run()
    at.selectbox(key="flag_pick").set_value(1).run()
    at.radio(key=f"status_{key}").set_value(DecisionStatus.DISMISSED)
    at.text_input(key=f"note_{key}").input("Rate card attached later")
    [b for b in at.button if b.label == "Save decision"][0].click().run()
    at.switch_page(f"{PAGES}/export.py").run()
    assert not at.exception
    for button in at.download_button:
        button.click()
    at.run()
    names = set(downloads)
    assert {"bid_a.review.xlsx", "bid_a.flags.csv", "bid_a.report.json", "bid_a.memo.docx",
            "bid_a.commented.docx", "bid_a.decisions.json"} <= names
    book = openpyxl.load_workbook(io.BytesIO(downloads["bid_a.review.xlsx"]))
    header = [c.value for c in book["Flags"][1]]
    assert book["Flags"].cell(3, header.index("decision") + 1).value == "dismissed"
    csv = pd.read_csv(io.BytesIO(downloads["bid_a.flags.csv"]), encoding="utf-8-sig")
    assert csv.loc[1, "note"] == "Rate card attached later"
    report = json.loads(downloads["bid_a.report.json"])
    assert report["review"][1]["decision"] == "dismissed"
    memo = docx.Document(io.BytesIO(downloads["bid_a.memo.docx"]))
    assert "Rate card attached later" in "\n".join(p.text for p in memo.paragraphs)
    commented = docx.Document(io.BytesIO(downloads["bid_a.commented.docx"]))
    comments = list(commented.comments)
    assert len(comments) == 5, "one comment per flag that is not dismissed"
    assert any("high quality service" in c.text or "missing kpi" in c.text for c in comments)
    xml = zipfile.ZipFile(io.BytesIO(downloads["bid_a.commented.docx"])).read(
        "word/document.xml").decode()
    assert xml.count("commentReference") == 5
    decisions = json.loads(downloads["bid_a.decisions.json"])
    assert decisions["decisions"][0]["note"] == "Rate card attached later"


def test_app_export_offers_no_comments_for_pdf(fake, tmp_path):
    at = start()
    upload(at, [("bid_a.pdf", pdf_bytes(tmp_path, "bid_a.pdf"), "application/pdf")])
    at.switch_page(f"{PAGES}/export.py").run()
    assert not at.exception
    keys = {b.key for b in at.download_button}
    assert "download_docx" not in keys and "download_xlsx" in keys
    assert any("Word (.docx) originals only" in m.value for m in at.markdown)


# --------------------------------------------------------------------------- real pipeline


@pytest.fixture(scope="session")
def real_analyzer():
    from analyzer.pipeline import Analyzer

    try:
        return Analyzer.load()
    except Exception as error:  # noqa: BLE001 - report why the pipeline is unavailable
        pytest.skip(f"the real Analyzer cannot load yet ({type(error).__name__}: {error})")


def test_app_real_pipeline_upload_review_export(real_analyzer, tmp_path, downloads):
    state.set_analyzer(real_analyzer)
    try:
        at = start()
        upload(at, [("vendor_sow.docx", docx_bytes(tmp_path, "vendor_sow.docx"), DOCX_MIME),
                    ("bid_b.pdf", pdf_bytes(tmp_path, "bid_b.pdf"), "application/pdf")])
        table = at.dataframe[0].value
        assert set(table["status"]) <= {"ok", "partial"}, table
        assert (table["clauses"] >= 3).all()
        at.switch_page(f"{PAGES}/review.py").run()
        assert not at.exception
        at.switch_page(f"{PAGES}/compare.py").run()
        assert not at.exception
        at.switch_page(f"{PAGES}/export.py").run()
        assert not at.exception
        for button in at.download_button:
            button.click()
        at.run()
        book = openpyxl.load_workbook(io.BytesIO(downloads["bid_b.review.xlsx"]))
        assert "Flags" in book.sheetnames
    finally:
        state._OVERRIDE.clear()


# --------------------------------------------------------------------------- views


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [("a.pdf", b"%PDF-1.7 ...", None), ("a.docx", b"PK\x03\x04...", None),
     ("a.doc", b"\xd0\xcf", "only PDF and DOCX"), ("a.pdf", b"", "empty"),
     ("a.pdf", b"<html>", "not a PDF"), ("a.docx", b"%PDF-", "not a Word .docx"),
     ("big.pdf", b"%PDF-" + b"x" * 2000, "over the")],
)
def test_views_check_upload(name, data, problem):
    message = views.check_upload(name, data, max_bytes=1000)
    assert (message is None) if problem is None else (problem in message and name in message)


def test_views_safe_name_strips_directories():
    assert views.safe_name("../../etc/passwd") == "passwd"
    assert views.safe_name("C:\\x\\Bid (v2).docx") == "Bid (v2).docx"


def test_views_highlight_escapes_and_marks_exact_span():
    result = make_result()
    html = views.highlight_html(result, result.findings[1])
    assert "<mark>billed at standard rates</mark>" in html
    assert html.count("<mark>") == 1
    gap = views.highlight_html(result, result.findings[-1])
    assert "Whole-document finding" in gap


def test_views_contract_term_not_stated_without_term_clause():
    assert views.contract_term(make_result()) == "not stated in a term clause"


def test_views_counts_cover_all_categories():
    counts = views.counts_by_category(make_result().findings)
    assert len(counts) == 8 and counts["total"].sum() == 6


def test_views_missing_checklist_explains_each_type():
    frame = views.missing_checklist(make_result())
    assert list(frame["missing clause"]) == ["Exit transition", "Data protection"]
    assert "return of data" in frame.loc[0, "what it should cover"]


@pytest.mark.corpus
def test_app_corpus_three_rfp_bids_compare(real_analyzer, samples_dir, downloads):
    """Bids 04-06 answer one RFP, priced per call, per productive hour and per FTE-month."""
    names = ("04_bid_teleserve_per_call.pdf", "05_bid_clearline_per_productive_hour.docx",
             "06_bid_northgate_per_fte_month.pdf")
    mimes = {".pdf": "application/pdf", ".docx": DOCX_MIME}
    state.set_analyzer(real_analyzer)
    try:
        at = start()
        upload(at, [(n, (samples_dir / n).read_bytes(), mimes[Path(n).suffix]) for n in names])
        assert list(at.dataframe[0].value["status"]) == ["ok"] * 3
        at.switch_page(f"{PAGES}/compare.py").run()
        # the RFP's scenario: 3-year term, 4.2-minute AHT, 24x7
        at.number_input(key="sc_aht").set_value(4.2)
        at.number_input(key="sc_contacts").set_value(46_250.0).run()
        assert not at.exception
        costs = at.dataframe[0].value
        assert list(costs["headline_unit"]) == ["call", "productive_hour", "fte_month"]
        assert costs["term_cost"].notna().all()
        assert "46,250 handled contacts" in at.info[0].value
        at.download_button(key="download_comparison").click().run()
        book = openpyxl.load_workbook(io.BytesIO(downloads["bid_comparison.xlsx"]))
        ledger = [[c.value for c in r] for r in book["Hidden costs"].iter_rows(min_row=2)]
        assert any(r[0] == names[1] and r[3] == 42_500 for r in ledger), "implementation fee"
        at.switch_page(f"{PAGES}/export.py").run()
        at.selectbox(key="pick_document").set_value(state.digest(
            (samples_dir / names[1]).read_bytes())).run()
        at.download_button(key="download_docx").click().run()
        commented = docx.Document(io.BytesIO(downloads[
            "05_bid_clearline_per_productive_hour.commented.docx"]))
        assert len(list(commented.comments)) >= 3
    finally:
        state._OVERRIDE.clear()
