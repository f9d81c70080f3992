"""Pure functions from results to DataFrames, labels and HTML, used by the Streamlit pages.

Nothing here imports Streamlit, so every table and label the app shows is unit-tested
without a browser and the pages stay thin.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from analyzer.decisions import DecisionSet
from analyzer.export import tables
from analyzer.types import AnalysisResult, ClauseType, FlagCategory, Finding, Severity

ACCEPTED_SUFFIXES = (".pdf", ".docx")
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"

CATEGORY_LABELS = {
    FlagCategory.MISSING_KPI: "Missing KPI",
    FlagCategory.UNDEFINED_RESPONSIBILITY: "Undefined responsibility",
    FlagCategory.VAGUE_PRICING: "Vague pricing",
    FlagCategory.HIDDEN_COST: "Hidden cost",
    FlagCategory.TRAINING_GAP: "Training gap",
    FlagCategory.GOVERNANCE_GAP: "Governance gap",
    FlagCategory.DATA_SECURITY_GAP: "Data security gap",
    FlagCategory.EXIT_GAP: "Exit gap",
}
CATEGORY_HELP = {
    FlagCategory.MISSING_KPI: "service levels without a number, window or remedy",
    FlagCategory.UNDEFINED_RESPONSIBILITY: "duties with nobody named, TBDs, missing schedules",
    FlagCategory.VAGUE_PRICING: "prices the vendor can set later, amounts without a unit",
    FlagCategory.HIDDEN_COST: "extras on top of the headline rate",
    FlagCategory.TRAINING_GAP: "no training or knowledge transfer beyond onboarding",
    FlagCategory.GOVERNANCE_GAP: "no reporting cadence, meetings or escalation",
    FlagCategory.DATA_SECURITY_GAP: "no data protection, ownership or audit rights",
    FlagCategory.EXIT_GAP: "no termination assistance, transition-out or data return",
}
SEVERITY_ICONS = {"high": "HIGH", "medium": "medium", "low": "low"}
EXPECTED_CONTENT = {
    ClauseType.SERVICE_LEVELS: "measurable targets, measurement window, service credits",
    ClauseType.REPORTING_GOVERNANCE: "reporting cadence, governance meetings, escalation path",
    ClauseType.PERSONNEL_TRAINING: "initial and ongoing training, knowledge transfer",
    ClauseType.FEES_PRICING: "a rate card with amount, currency and unit",
    ClauseType.PRICE_ADJUSTMENT: "how and when prices may change, with a cap",
    ClauseType.TERM_RENEWAL: "start, duration and renewal terms",
    ClauseType.TERMINATION: "termination rights and their fees",
    ClauseType.EXIT_TRANSITION: "termination assistance, transition-out, return of data",
    ClauseType.CONFIDENTIALITY: "protection of confidential information",
    ClauseType.DATA_PROTECTION: "security duties, breach notice, data ownership",
    ClauseType.AUDIT_RECORDS: "the client's right to audit records, reports and data",
    ClauseType.LIMITATION_OF_LIABILITY: "caps and exclusions of liability",
    ClauseType.INDEMNIFICATION: "who covers third-party claims",
    ClauseType.INSURANCE: "required cover and limits",
    ClauseType.GOVERNING_LAW: "the law that governs the contract",
    ClauseType.DISPUTE_RESOLUTION: "how disputes are escalated and decided",
    ClauseType.CHANGE_CONTROL: "how scope and price changes are agreed",
}
TERM_PATTERN = re.compile(
    r"\b(?:(?:[a-z-]+\s+)?\(\d+\)|\d+|one|two|three|four|five|six|twelve|eighteen|"
    r"twenty-four|thirty-six)[\s-]+(?:year|month)s?\b",
    re.IGNORECASE,
)


def category_label(category: str) -> str:
    """Return the reader-facing name of a flag category."""
    try:
        return CATEGORY_LABELS[FlagCategory(category)]
    except ValueError:
        return category


def type_label(clause_type: str) -> str:
    """Return a clause type as words ('exit_transition' -> 'Exit transition')."""
    return clause_type.replace("_", " ").capitalize() if clause_type else "Unclassified"


# --------------------------------------------------------------------------- upload


def check_upload(name: str, data: bytes, max_bytes: int) -> str | None:
    """Return why an upload is refused, or None when it may be analysed.

    The type is checked from the first bytes, not only the extension, so a renamed file
    gets a clear message instead of a parser error.
    """
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ACCEPTED_SUFFIXES:
        return f"{name}: only PDF and DOCX files are accepted (got '{suffix or 'no extension'}')."
    if not data:
        return f"{name}: the file is empty."
    if len(data) > max_bytes:
        return (f"{name}: {len(data) / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB "
                "limit; split the file or raise the limit.")
    if suffix == ".pdf" and not data.lstrip()[:5].startswith(PDF_MAGIC):
        return f"{name}: this is not a PDF (its content does not start with %PDF)."
    if suffix == ".docx" and not data.startswith(ZIP_MAGIC):
        return (f"{name}: this is not a Word .docx file (a legacy .doc or a renamed file?); "
                "save it as .docx and upload again.")
    return None


def safe_name(name: str) -> str:
    """Return the base file name without directories or characters unsafe on disk."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^\w.\- ()]+", "_", base).strip(" .")
    return base or "upload"


def documents_frame(entries: Iterable[tuple[str, str, AnalysisResult | None, str]]) -> pd.DataFrame:
    """Return the uploaded files: name, status, pages, clauses, flags, risk.

    Args:
        entries: (name, status, result or None, error message) per uploaded file.
    """
    rows = []
    for name, status, result, error in entries:
        risk = result.risk if result else None
        rows.append(
            {
                "file": name,
                "status": status,
                "pages": result.document.source.page_count if result else None,
                "clauses": len(result.document.clauses) if result else None,
                "flags": len(result.findings) if result else None,
                "risk": f"{risk.level} ({risk.score:g})" if risk else "",
                "problem": error,
            }
        )
    frame = pd.DataFrame(
        rows, columns=["file", "status", "pages", "clauses", "flags", "risk", "problem"]
    )
    for column in ("pages", "clauses", "flags"):
        frame[column] = frame[column].astype("Int64")
    return frame


# --------------------------------------------------------------------------- review


def contract_term(result: AnalysisResult) -> str:
    """Return the contract term as stated in a term/renewal clause, or 'not stated'."""
    labels = {c.clause_id: c.label for c in result.classifications}
    for clause in result.document.clauses:
        if labels.get(clause.id) != ClauseType.TERM_RENEWAL:
            continue
        match = TERM_PATTERN.search(clause.text)
        if match:
            where = f"clause {clause.number}" if clause.number else "term clause"
            return f"{match.group(0)} ({where}, p. {clause.page_start})"
    return "not stated in a term clause"


def summary_facts(result: AnalysisResult) -> list[tuple[str, str]]:
    """Return the facts shown at the top of the review page."""
    doc = result.document
    return [
        ("Document", doc.title or doc.source.name),
        ("Parties", "; ".join(doc.parties) or "not identified"),
        ("Dates", "; ".join(doc.dates[:4]) or "not identified"),
        ("Term", contract_term(result)),
        ("Pages / clauses", f"{doc.source.page_count} / {len(doc.clauses)}"),
    ]


def counts_by_category(findings: Sequence[Finding]) -> pd.DataFrame:
    """Return flag counts per category (all eight, zeros included) with severities split."""
    rows = []
    for category in FlagCategory:
        found = [f for f in findings if f.category == category]
        rows.append(
            {
                "category": CATEGORY_LABELS[category],
                "total": len(found),
                "high": sum(f.severity == Severity.HIGH for f in found),
                "medium": sum(f.severity == Severity.MEDIUM for f in found),
                "low": sum(f.severity == Severity.LOW for f in found),
                "what it means": CATEGORY_HELP[category],
            }
        )
    return pd.DataFrame(rows)


def missing_checklist(result: AnalysisResult) -> pd.DataFrame:
    """Return the expected clause types the contract lacks, with what they should contain."""
    rows = [
        {
            "missing clause": type_label(t.value),
            "what it should cover": EXPECTED_CONTENT.get(t, "see the taxonomy"),
        }
        for t in result.missing_types
    ]
    return pd.DataFrame(rows, columns=["missing clause", "what it should cover"])


def flag_table(result: AnalysisResult, decisions: DecisionSet | None = None) -> pd.DataFrame:
    """Return the findings table (shared with the exports) with reader-facing labels added."""
    frame = tables.findings_frame(result, decisions)
    frame.insert(0, "#", range(1, len(frame) + 1))
    frame["category_label"] = frame["category"].map(category_label)
    frame["where"] = [
        (f"{n} {h}".strip() if (n or h) else "whole document") for n, h in
        zip(frame["clause_number"], frame["clause_heading"])
    ]
    return frame


def filter_flags(
    frame: pd.DataFrame,
    categories: Sequence[str] = (),
    severities: Sequence[str] = (),
    clause_types: Sequence[str] = (),
    hide_dismissed: bool = False,
) -> pd.DataFrame:
    """Keep flags matching every non-empty filter (categories/severities/types are values)."""
    keep = pd.Series(True, index=frame.index)
    if categories:
        keep &= frame["category"].isin(list(categories))
    if severities:
        keep &= frame["severity"].isin(list(severities))
    if clause_types:
        wanted = list(clause_types)
        keep &= frame["clause_type"].replace("", "document").isin(wanted)
    if hide_dismissed:
        keep &= frame["decision"] != "dismissed"
    return frame[keep]


def flag_display(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the columns a reviewer reads in the flag table."""
    shown = frame.assign(severity=frame["severity"].map(SEVERITY_ICONS))
    shown = shown[["#", "severity", "category_label", "where", "page", "quote", "message",
                   "decision", "note"]]
    return shown.rename(columns={"category_label": "category", "where": "clause"})


def flag_option(row: pd.Series) -> str:
    """Return the one-line label of a flag in the flag picker."""
    quote = row["quote"] or "(whole document)"
    quote = quote if len(quote) <= 70 else quote[:67] + "..."
    page = f", p. {row['page']}" if pd.notna(row["page"]) else ""
    return (f"#{row['#']} {row['severity'].upper()} {row['category_label']} - "
            f"{row['where']}{page}: {quote}")


def highlight_html(result: AnalysisResult, finding: Finding) -> str:
    """Return the flagged clause as escaped HTML with every evidence quote in <mark>.

    Offsets come from the evidence (spans of ``document.text``), so the highlight is the
    exact text the rule matched, not a re-search that could hit an earlier occurrence.
    """
    if not finding.clause_id:
        body = html.escape(finding.message)
        return f"<div class='clause'><em>Whole-document finding.</em> {body}</div>"
    clause = result.document.clause(finding.clause_id)
    spans = sorted(
        (max(e.start, clause.start) - clause.start, min(e.end, clause.end) - clause.start)
        for e in finding.evidence
        if e.clause_id in (None, clause.id) and e.start < clause.end and e.end > clause.start
    )
    parts, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        parts.append(html.escape(clause.text[pos:start]))
        parts.append(f"<mark>{html.escape(clause.text[start:end])}</mark>")
        pos = end
    parts.append(html.escape(clause.text[pos:]))
    text = "".join(parts).replace("\n", "<br>")
    return (f"<div style='border-left:4px solid #c0392b;padding:0.5em 1em;"
            f"background:#fafafa;line-height:1.5'>{text}</div>")


def pricing_display(result: AnalysisResult) -> pd.DataFrame:
    """Return the priced items with the unit in words."""
    frame = tables.pricing_frame(result)
    frame["unit"] = frame["unit"].str.replace("_", " ")
    return frame[["item", "amount", "currency", "unit", "kind", "condition", "page", "quote"]]


def kpi_display(result: AnalysisResult) -> pd.DataFrame:
    """Return the KPIs with completeness as a percentage and missing fields in words."""
    frame = tables.kpis_frame(result)
    frame["completeness"] = (frame["completeness"] * 100).round().astype("Int64")
    frame["missing"] = frame["missing"].str.replace("_", " ")
    return frame[["metric", *tables.KPI_COLUMNS, "completeness", "missing", "page", "quote"]]


def obligations_display(result: AnalysisResult) -> pd.DataFrame:
    """Return who must do what, unassigned duties first."""
    frame = tables.obligations_frame(result)
    frame = frame.assign(_order=frame["party"] != "(nobody named)").sort_values(
        ["_order", "page"], kind="stable"
    )
    return frame[["party", "modal", "action", "joint", "page", "quote"]]
