"""KPI completeness and table evidence: an SLA row without its window or remedy is flagged
once per table with what is missing, folded into a covering finding of the same section,
and quoted by its row; priced items with no unit come from the extracted rate card."""

from __future__ import annotations

import hashlib

import pytest
from extract_fixtures import make_context, run_rules

from analyzer.extract import extract_all
from analyzer.lexicon.kpi import KpiElement
from analyzer.nlp import load_nlp
from analyzer.rules import load_rules
from analyzer.types import (
    Classification,
    Clause,
    ClauseType,
    Document,
    Extraction,
    FileFormat,
    Finding,
    FlagCategory,
    Kpi,
    RateItem,
    RateUnit,
    SourceInfo,
)

RULESET = load_rules()
RULE = "missing_kpi.incomplete_kpi"

TABLE = (
    "Supplier shall meet the following service levels:\n"
    "Metric | Target | Window\n"
    "Speed of answer | 80% of calls answered within 20 seconds | Monthly\n"
    "Abandonment | 4% or less of offered calls | Monthly\n"
    "E-mail response | 95% within 8 business hours | Monthly"
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def _document(
    sections: list[tuple[str, str | None, str]], title: str | None = None
) -> tuple[Document, tuple[Classification, ...]]:
    """Build clauses from (number, parent number, text); each clause is its own paragraph."""
    text = ""
    clauses: list[Clause] = []
    ids: dict[str, str] = {}
    for i, (number, parent, body) in enumerate(sections):
        if text:
            text += "\n\n"
        start = len(text)
        text += body
        cid = f"c{i:04d}"
        ids[number] = cid
        clauses.append(Clause(cid, number, None, False, 2 if parent else 1,
                              ids.get(parent) if parent else None, body, 1, 1, start, len(text)))
    data = text.encode()
    source = SourceInfo("t.txt", "t.txt", hashlib.sha256(data).hexdigest(), FileFormat.TXT,
                        len(data), 1)
    doc = Document(source, text, tuple(clauses), page_offsets=(0,), title=title)
    cls = tuple(Classification(c.id, ClauseType.SERVICE_LEVELS, 0.9) for c in clauses)
    return doc, cls


def _kpi(doc: Document, row_start: str, metric: str, remedy: str | None) -> Kpi:
    start = doc.text.index(row_start)
    end = doc.text.index("\n", start) if "\n" in doc.text[start:] else len(doc.text)
    clause = next(c for c in doc.clauses if c.start <= start < c.end)
    end = min(end, clause.end)
    missing = ("remedy",) if remedy is None else ()
    return Kpi(metric, "target", None, "Monthly", None, None, remedy, None,
               doc.text[start:end], clause.id, 1, start, end, missing=missing)


def _kpis(doc: Document, remedies: tuple[str | None, ...]) -> Extraction:
    rows = (("Speed of answer", "speed of answer"), ("Abandonment", "abandonment"),
            ("E-mail response", "e-mail response"))
    return Extraction(kpis=tuple(_kpi(doc, r, m, rem) for (r, m), rem in zip(rows, remedies, strict=True)))


def _hits(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if RULE in (f.rule_id, *f.merged_rule_ids)]


def test_incomplete_kpi_one_flag_per_table_naming_each_gap(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, cls = _document([("4", None, TABLE)])
    ext = _kpis(doc, ("5% of the monthly fees", None, None))
    hits = _hits(run_rules(doc, cls, ext, RULESET, nlp))
    assert len(hits) == 1
    flag = hits[0]
    assert flag.category is FlagCategory.MISSING_KPI
    assert "abandonment: no remedy" in flag.message
    assert "e-mail response: no remedy" in flag.message
    assert "speed of answer" not in flag.message
    quotes = [e.quote for e in flag.evidence]
    assert quotes[0].startswith("Abandonment | 4% or less")
    assert all("\n" not in q and q in doc.text for q in quotes)  # row text, not the table


def test_incomplete_kpi_quiet_when_every_row_has_a_remedy(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, cls = _document([("4", None, TABLE)])
    ext = _kpis(doc, ("5% credit", "2% credit", "2% credit"))
    assert not _hits(run_rules(doc, cls, ext, RULESET, nlp))


def test_incomplete_kpi_quiet_when_clause_gives_the_remedy_for_the_table(nlp) -> None:  # type: ignore[no-untyped-def]
    """The KPI extractor owns completeness: it reads the table-wide remedy, the rule follows."""
    doc, cls = _document([("4", None, TABLE + "\nEach miss is remedied under clause 9 (service credits).")])
    ext = extract_all(make_context(doc, cls, nlp))
    assert ext.kpis and all(KpiElement.REMEDY not in k.missing for k in ext.kpis)
    assert not _hits(run_rules(doc, cls, ext, RULESET, nlp))


def test_incomplete_kpi_merges_into_covering_finding_of_the_section(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, cls = _document([
        ("5", None, "Service Levels"),
        ("5.1", "5", TABLE),
        ("5.2", "5", "Service credits for the remaining service levels will be agreed after go-live."),
    ])
    ext = _kpis(doc, ("5% of the monthly fees", None, None))
    findings = run_rules(doc, cls, ext, RULESET, nlp)
    kpi_flags = [f for f in findings if f.category is FlagCategory.MISSING_KPI]
    hits = _hits(findings)
    assert len(hits) == 1 and hits[0].rule_id != RULE  # folded into the section's own flag
    assert hits[0].quote.startswith("Service credits for the remaining")
    assert any(k == "merged" and "abandonment: no remedy" in v for k, v in hits[0].explanation)
    assert len([f for f in kpi_flags if f.clause_id == "c0001"]) == 0


def test_incomplete_kpi_quiet_in_an_amendment(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, cls = _document([("1", None, "AMENDMENT NO. 2 to the Services Agreement"), ("4", None, TABLE)],
                         title="Amendment No. 2")
    ext = _kpis(doc, (None, None, None))
    assert not _hits(run_rules(doc, cls, ext, RULESET, nlp))


def test_adjacent_table_rows_stay_separate_findings(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Channel | Standard\n"
            "Chat | Timely and high-quality replies to every customer | Vendor review\n"
            "Voice | Calls handled to industry standards for customer care | Vendor review")
    doc, cls = _document([("3", None, body)])
    flags = [f for f in run_rules(doc, cls, Extraction(), RULESET, nlp)
             if f.category is FlagCategory.MISSING_KPI and f.scope == "clause"]
    assert sorted(f.quote.split(" |")[0] for f in flags) == ["Chat", "Voice"]


def test_extracted_fee_without_unit_is_vague_pricing(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _ = _document([("7", None, "Statement printing and posting are charged at EUR 0.38.")])
    cls = (Classification("c0000", ClauseType.FEES_PRICING, 0.9),)
    start = doc.text.index("EUR 0.38")

    def rate(unit: RateUnit) -> Extraction:
        return Extraction(rates=(RateItem("Statement printing", 0.38, "EUR", unit, "EUR 0.38",
                                          "c0000", 1, start, start + 8, kind="fee"),))

    unknown = run_rules(doc, cls, rate(RateUnit.UNKNOWN), RULESET, nlp)
    assert any(f.rule_id == "vague_pricing.amount_without_unit" for f in unknown)
    doc2, _ = _document([("7", None, "Statement printing is charged at EUR 0.38 per statement.")])
    start = doc2.text.index("EUR 0.38")
    per_item = Extraction(rates=(RateItem("Statement printing", 0.38, "EUR", RateUnit.TRANSACTION,
                                          "EUR 0.38 per statement", "c0000", 1, start, start + 22),))
    assert not [f for f in run_rules(doc2, cls, per_item, RULESET, nlp)
                if f.category is FlagCategory.VAGUE_PRICING]
