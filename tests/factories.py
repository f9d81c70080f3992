"""Build small but realistic ``AnalysisResult`` objects for UI, export and compare tests.

The text, offsets and quotes are consistent (every quote is ``document.text[start:end]``),
so exporters and the clause viewer can be tested without running the pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from analyzer.types import (
    AnalysisResult,
    Classification,
    Clause,
    ClauseType,
    Document,
    Evidence,
    Extraction,
    FileFormat,
    Finding,
    FlagCategory,
    Kpi,
    Obligation,
    RateItem,
    RateUnit,
    RiskSummary,
    Severity,
    SourceInfo,
)

CLAUSES: tuple[tuple[str, str, ClauseType, str], ...] = (
    ("1", "Services", ClauseType.SCOPE_OF_SERVICES,
     "Supplier shall provide inbound voice customer care 24 hours a day."),
    ("2", "Service Levels", ClauseType.SERVICE_LEVELS,
     "Supplier shall answer 80% of calls within 20 seconds, measured monthly. "
     "Supplier will provide high quality service."),
    ("3", "Fees", ClauseType.FEES_PRICING,
     "Inbound voice: USD 3.25 per handled call. Spanish: USD 3.60 per handled call. "
     "Callbacks are billed at standard rates."),
    ("4", "Extras", ClauseType.EXPENSES,
     "Implementation fee: USD 40,000, one-time. Technology fee: USD 2,000 per month. "
     "Rates increase by 3% on each anniversary. Additional charges may apply."),
    ("5", "Reporting", ClauseType.REPORTING_GOVERNANCE,
     "Reports will be provided monthly. The parties will work together to improve."),
)


def _span(text: str, needle: str, base: int) -> tuple[int, int]:
    i = text.index(needle)
    return base + i, base + i + len(needle)


def make_document(name: str = "bid_a.pdf", clauses=CLAUSES, parties=("Acme Utility", "TeleServe")):
    """Return a Document whose clauses tile its text, two clauses per page."""
    parts: list[str] = []
    built: list[Clause] = []
    page_offsets = [0]
    pos = 0
    for i, (number, heading, _type, body) in enumerate(clauses):
        text = f"{number}. {heading}\n{body}"
        page = i // 2 + 1
        if page > len(page_offsets):
            page_offsets.append(pos)
        built.append(
            Clause(
                id=f"c{i:04d}", number=number, heading=heading, own_heading=True, level=1,
                parent_id=None, text=text, page_start=page, page_end=page, start=pos,
                end=pos + len(text), block_indices=(2 * i, 2 * i + 1),
            )
        )
        parts.append(text)
        pos += len(text) + 2
    full = "\n\n".join(parts)
    fmt = FileFormat.DOCX if name.endswith(".docx") else FileFormat.PDF
    source = SourceInfo(
        name=name, path=f"/tmp/{name}", sha256=hashlib.sha256(name.encode()).hexdigest(),
        file_format=fmt, size_bytes=len(full), page_count=len(page_offsets),
    )
    return Document(
        source=source, text=full, clauses=tuple(built), page_offsets=tuple(page_offsets),
        title=f"Bid {name}", parties=tuple(parties), dates=("1 January 2026",),
    )


def _evidence(doc: Document, clause_index: int, needle: str) -> Evidence:
    clause = doc.clauses[clause_index]
    start, end = _span(clause.text, needle, clause.start)
    assert doc.text[start:end] == needle
    return Evidence(clause.id, needle, start, end, clause.page_start, matched=f"phrase: {needle}")


def _rate(doc, ci, needle, item, amount, unit, kind="rate", currency="USD", condition=None):
    ev = _evidence(doc, ci, needle)
    return RateItem(item, amount, currency, unit, needle, ev.clause_id, ev.page, ev.start, ev.end,
                    kind, condition)


def make_result(
    name: str = "bid_a.pdf",
    headline: tuple[float, RateUnit] = (3.25, RateUnit.CALL),
    escalator: float = 3.0,
    extra_findings: Sequence[Finding] = (),
) -> AnalysisResult:
    """Return a full AnalysisResult: clauses, types, flags, rates, KPIs and obligations."""
    doc = make_document(name)
    cls = tuple(
        Classification(c.id, spec[2], 0.9, model_version="test")
        for c, spec in zip(doc.clauses, CLAUSES)
    )
    amount, unit = headline
    rates = (
        _rate(doc, 2, "USD 3.25 per handled call", "Inbound voice, English", amount, unit),
        _rate(doc, 2, "USD 3.60 per handled call", "Inbound voice, Spanish", 3.60, RateUnit.CALL),
        _rate(doc, 3, "USD 40,000, one-time", "Implementation fee", 40_000, RateUnit.ONE_TIME,
              kind="one_time"),
        _rate(doc, 3, "USD 2,000 per month", "Technology fee", 2_000, RateUnit.MONTH, kind="fee"),
        _rate(doc, 3, "Rates increase by 3% on each anniversary", "Annual increase", escalator,
              RateUnit.PERCENT, kind="escalator"),
    )
    kpi_ev = _evidence(doc, 1, "answer 80% of calls within 20 seconds, measured monthly")
    kpis = (
        Kpi("Service level", "80%", "20 seconds", "monthly", None, None, None, None,
            kpi_ev.quote, kpi_ev.clause_id, kpi_ev.page, kpi_ev.start, kpi_ev.end,
            missing=("data_source", "reporting", "remedy", "cap")),
    )
    ob1 = _evidence(doc, 0, "Supplier shall provide inbound voice customer care")
    ob2 = _evidence(doc, 4, "Reports will be provided monthly")
    ob3 = _evidence(doc, 4, "The parties will work together to improve")
    obligations = (
        Obligation("Supplier", "shall", "provide inbound voice customer care", ob1.quote,
                   ob1.clause_id, ob1.page, ob1.start, ob1.end),
        Obligation(None, "will", "be provided monthly", ob2.quote, ob2.clause_id, ob2.page,
                   ob2.start, ob2.end, passive=True),
        Obligation("the parties", "will", "work together to improve", ob3.quote, ob3.clause_id,
                   ob3.page, ob3.start, ob3.end, joint=True),
    )
    findings = (
        Finding("missing_kpi.vague_quality", FlagCategory.MISSING_KPI, Severity.MEDIUM, "clause",
                doc.clauses[1].id, (_evidence(doc, 1, "high quality service"),),
                "A performance promise without a number, window or remedy.",
                "State a measurable target, a window and a service credit.",
                (("pack", "core 2026.1"),)),
        Finding("vague_pricing.standard_rates", FlagCategory.VAGUE_PRICING, Severity.HIGH,
                "clause", doc.clauses[2].id, (_evidence(doc, 2, "billed at standard rates"),),
                "A price the vendor can set later.",
                "Attach a rate card with amount, currency and unit."),
        Finding("hidden_cost.may_apply", FlagCategory.HIDDEN_COST, Severity.HIGH, "clause",
                doc.clauses[3].id, (_evidence(doc, 3, "Additional charges may apply"),),
                "Open-ended extra charges.", "List every charge in the rate card or delete."),
        Finding("hidden_cost.escalator", FlagCategory.HIDDEN_COST, Severity.MEDIUM, "clause",
                doc.clauses[3].id, (_evidence(doc, 3, "Rates increase by 3% on each anniversary"),),
                "Automatic annual increase.", "Cap increases at CPI or remove."),
        Finding("undefined_responsibility.passive", FlagCategory.UNDEFINED_RESPONSIBILITY,
                Severity.MEDIUM, "clause", doc.clauses[4].id,
                (_evidence(doc, 4, "Reports will be provided monthly"),),
                "Nobody is named to provide the reports.", "Name the party: 'Supplier shall'."),
        Finding("exit_gap.no_transition", FlagCategory.EXIT_GAP, Severity.HIGH, "document", None,
                (), "No termination assistance or transition-out.",
                "Add transition assistance for up to 6 months at contract rates."),
    ) + tuple(extra_findings)
    risk = RiskSummary(
        score=62.0, level="high",
        counts_by_category=(("missing_kpi", 1), ("vague_pricing", 1), ("hidden_cost", 2),
                            ("undefined_responsibility", 1), ("exit_gap", 1)),
        counts_by_severity=(("high", 3), ("medium", 3)),
        method="Sum of severity weights (high 15, medium 8, low 3), capped at 100.",
    )
    return AnalysisResult(
        document=doc, classifications=cls, findings=findings,
        extraction=Extraction(rates=rates, kpis=kpis, obligations=obligations),
        risk=risk, missing_types=(ClauseType.EXIT_TRANSITION, ClauseType.DATA_PROTECTION),
        versions=(("analyzer", "0.1.0"), ("model", "test"), ("rules", "test")),
    )


def write_docx(path, clauses=CLAUSES) -> None:
    """Write a DOCX whose paragraphs match ``make_document``'s clauses (split into runs)."""
    import docx

    doc = docx.Document()
    for number, heading, _type, body in clauses:
        doc.add_heading(f"{number}. {heading}", level=1)
        para = doc.add_paragraph()
        # several runs per paragraph, as Word writes them, so anchoring must split runs
        words = body.split(" ")
        half = len(words) // 2
        para.add_run(" ".join(words[:half]) + " ")
        para.add_run(" ".join(words[half:])).bold = True
    doc.save(str(path))


def write_pdf(path, clauses=CLAUSES) -> None:
    """Write a PDF with the same clauses as text, via reportlab."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=LETTER)
    y = 720
    for number, heading, _type, body in clauses:
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(72, y, f"{number}. {heading}")
        y -= 18
        pdf.setFont("Helvetica", 10)
        line = ""
        for word in body.split():
            if len(line) + len(word) > 85:
                pdf.drawString(72, y, line)
                y -= 14
                line = ""
            line = f"{line} {word}".strip()
        if line:
            pdf.drawString(72, y, line)
            y -= 24
        if y < 120:
            pdf.showPage()
            y = 720
    pdf.save()


class FakeAnalyzer:
    """Stands in for ``pipeline.Analyzer`` where the UI, not the analysis, is under test."""

    def try_analyze(self, path):
        """Return a FileResult with the factory analysis named after the file."""
        from pathlib import Path

        from analyzer.types import FileResult, FileStatus

        return FileResult(str(path), FileStatus.OK, make_result(Path(path).name))
