"""DOCX review memo: what a lawyer hands to the deal team after reviewing a contract.

Open flags come first, grouped by category and ordered by severity, each with its clause,
page, exact quote, why it matters and the language to ask for; dismissed flags are listed
at the end with the reviewer's note so the decision is on record.
"""

from __future__ import annotations

import io
from pathlib import Path

from analyzer.compare import kpi_completeness
from analyzer.decisions import DecisionSet, DecisionStatus, decisions_for
from analyzer.types import AnalysisResult, FlagCategory, Severity

CATEGORY_TITLES = {
    FlagCategory.MISSING_KPI: "Missing or unmeasurable service levels",
    FlagCategory.UNDEFINED_RESPONSIBILITY: "Undefined responsibilities",
    FlagCategory.VAGUE_PRICING: "Vague pricing",
    FlagCategory.HIDDEN_COST: "Hidden and unforeseen costs",
    FlagCategory.TRAINING_GAP: "Training and knowledge transfer",
    FlagCategory.GOVERNANCE_GAP: "Governance and reporting",
    FlagCategory.DATA_SECURITY_GAP: "Data protection and security",
    FlagCategory.EXIT_GAP: "Exit and transition",
}


def _where(result: AnalysisResult, clause_id: str | None, page: int | None) -> str:
    parts = []
    if clause_id:
        try:
            clause = result.document.clause(clause_id)
            label = " ".join(p for p in (clause.number, clause.heading) if p)
            parts.append(f"Clause {label}" if label else "Clause")
        except KeyError:
            pass
    else:
        parts.append("Whole document")
    if page:
        parts.append(f"page {page}")
    return ", ".join(parts)


def build_memo(result: AnalysisResult, decisions: DecisionSet | None = None,
               author: str = "Contract analyzer"):
    """Return a python-docx Document holding the review memo."""
    import docx
    from docx.shared import Pt, RGBColor

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    source = result.document.source
    doc.add_heading(f"Contract review memo: {source.name}", level=0)
    facts = [
        ("Document", result.document.title or source.name),
        ("Parties", "; ".join(result.document.parties) or "not identified"),
        ("Dates", "; ".join(result.document.dates) or "not identified"),
        ("Pages / clauses", f"{source.page_count} / {len(result.document.clauses)}"),
        ("Prepared by", author),
    ]
    if result.risk:
        facts.append(("Risk", f"{result.risk.level} (score {result.risk.score:g})"))
    table = doc.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in facts:
        row = table.add_row().cells
        row[0].text, row[1].text = label, str(value)
    if result.risk:
        doc.add_paragraph(f"How the risk score is computed: {result.risk.method}")

    pairs = list(zip(result.findings, decisions_for(result, decisions)))
    open_pairs = [(f, d) for f, d in pairs if d.status != DecisionStatus.DISMISSED]
    dismissed = [(f, d) for f, d in pairs if d.status == DecisionStatus.DISMISSED]

    doc.add_heading("Summary", level=1)
    doc.add_paragraph(
        f"{len(result.findings)} issues found; {len(open_pairs)} to raise with the vendor, "
        f"{len(dismissed)} dismissed on review."
    )
    for category in FlagCategory:
        n = sum(1 for f, _ in open_pairs if f.category == category)
        if n:
            doc.add_paragraph(f"{CATEGORY_TITLES[category]}: {n}", style="List Bullet")
    if result.missing_types:
        doc.add_paragraph(
            "Expected clauses not found: "
            + ", ".join(t.value.replace("_", " ") for t in result.missing_types) + "."
        )

    doc.add_heading("Issues to raise", level=1)
    if not open_pairs:
        doc.add_paragraph("None.")
    for category in FlagCategory:
        group = sorted(
            ((f, d) for f, d in open_pairs if f.category == category),
            key=lambda fd: -fd[0].severity.rank,  # most severe first
        )
        if not group:
            continue
        doc.add_heading(CATEGORY_TITLES[category], level=2)
        for finding, decision in group:
            head = doc.add_paragraph()
            sev = head.add_run(f"[{finding.severity.value.upper()}] ")
            sev.bold = True
            if finding.severity == Severity.HIGH:
                sev.font.color.rgb = RGBColor(0xB0, 0x1E, 0x1E)
            head.add_run(_where(result, finding.clause_id, finding.page)).bold = True
            if decision.status == DecisionStatus.ACCEPTED:
                head.add_run("  (confirmed by reviewer)")
            if finding.quote:
                quote = doc.add_paragraph(style="Intense Quote")
                quote.add_run(f"\u201c{finding.quote}\u201d")
            why = doc.add_paragraph()
            why.add_run("Why it matters: ").bold = True
            why.add_run(finding.message)
            ask = doc.add_paragraph()
            ask.add_run("Ask for: ").bold = True
            ask.add_run(finding.recommendation)
            if finding.precision:
                doc.add_paragraph(f"This rule was {finding.precision.describe()}.",
                                  style="Caption")
            if decision.note:
                note = doc.add_paragraph()
                note.add_run("Reviewer note: ").bold = True
                note.add_run(decision.note)

    if result.extraction.rates:
        doc.add_heading("Pricing as written", level=1)
        rates = doc.add_table(rows=1, cols=5)
        rates.style = "Light Grid Accent 1"
        for cell, text in zip(rates.rows[0].cells, ("Item", "Amount", "Unit", "Kind", "Page")):
            cell.text = text
        for r in result.extraction.rates:
            cells = rates.add_row().cells
            cells[0].text = r.item
            cells[1].text = f"{r.currency or ''} {r.amount:,.2f}".strip()
            cells[2].text = r.unit.value.replace("_", " ")
            cells[3].text = r.kind
            cells[4].text = str(r.page)
    if result.extraction.kpis:
        doc.add_heading("Service levels as written", level=1)
        kpis = doc.add_table(rows=1, cols=5)
        kpis.style = "Light Grid Accent 1"
        for cell, text in zip(kpis.rows[0].cells,
                              ("Metric", "Target", "Window", "Remedy", "Missing")):
            cell.text = text
        for k in result.extraction.kpis:
            _share, missing = kpi_completeness(k)
            cells = kpis.add_row().cells
            cells[0].text = k.metric
            cells[1].text = k.target or "-"
            cells[2].text = k.window or "-"
            cells[3].text = k.remedy or "none"
            cells[4].text = ", ".join(m.replace("_", " ") for m in missing) or "-"

    if dismissed:
        doc.add_heading("Dismissed on review", level=1)
        for finding, decision in dismissed:
            p = doc.add_paragraph(style="List Bullet")
            where = _where(result, finding.clause_id, finding.page)
            p.add_run(f"{finding.category.value} - {where}: ")
            p.add_run(f"\u201c{finding.quote[:160]}\u201d " if finding.quote else "")
            p.add_run(f"Reason: {decision.note or 'no note'}").italic = True

    versions = ", ".join(f"{k} {v}" for k, v in result.versions)
    doc.add_paragraph(
        f"Generated offline by contract-analyzer ({versions}). Findings are prompts for "
        "legal review, not legal advice."
    ).runs[0].italic = True
    return doc


def memo_bytes(result: AnalysisResult, decisions: DecisionSet | None = None) -> bytes:
    """Return the memo DOCX as bytes."""
    buffer = io.BytesIO()
    build_memo(result, decisions).save(buffer)
    return buffer.getvalue()


def export_memo(
    result: AnalysisResult, path: str | Path, decisions: DecisionSet | None = None
) -> Path:
    """Write the memo DOCX and return its path."""
    Path(path).write_bytes(memo_bytes(result, decisions))
    return Path(path)
