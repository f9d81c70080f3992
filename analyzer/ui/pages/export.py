"""Export page: the selected contract as XLSX, CSV, JSON, a DOCX memo or a commented DOCX."""

from __future__ import annotations

import json

import streamlit as st

from analyzer.decisions import to_json
from analyzer.types import FileFormat
from analyzer.ui import state

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render() -> None:
    """Render the export page."""
    st.title("Export")
    stored = state.pick_document()
    if stored is None:
        return
    result = stored.result
    decisions = state.decisions(stored.sha256)
    stem = stored.name.rsplit(".", 1)[0]
    st.write(
        f"Every export includes your decisions ({len(decisions.decisions)} so far). "
        "Nothing is uploaded anywhere: the files are built on this computer."
    )
    from analyzer.export.csv import csv_bytes
    from analyzer.export.docx_memo import memo_bytes
    from analyzer.export.json import json_bytes
    from analyzer.export.xlsx import xlsx_bytes

    rows = [
        ("Spreadsheet (XLSX)", "Flags with decisions, clauses, pricing, KPIs, obligations and "
         "the rates normalised under a default scenario.", xlsx_bytes(result, decisions),
         f"{stem}.review.xlsx", XLSX, "download_xlsx"),
        ("Flags (CSV)", "One row per flag, for any spreadsheet or tracker.",
         csv_bytes(result, decisions), f"{stem}.flags.csv", "text/csv", "download_csv"),
        ("Report (JSON)", "The full machine-readable report with a 'review' section.",
         json_bytes(result, decisions), f"{stem}.report.json", "application/json",
         "download_json"),
        ("Review memo (DOCX)", "Issues to raise, grouped and ordered by severity, with the "
         "language to ask for; dismissed flags listed with your notes.",
         memo_bytes(result, decisions), f"{stem}.memo.docx", DOCX, "download_memo"),
    ]
    for title, text, data, name, mime, key in rows:
        left, right = st.columns([3, 1])
        left.markdown(f"**{title}**  \n{text}")
        right.download_button(f"Download {title.split('(')[-1].rstrip(')')}", data,
                              file_name=name, mime=mime, key=key)
    left, right = st.columns([3, 1])
    if result.document.source.file_format == FileFormat.DOCX:
        left.markdown("**The vendor's DOCX with comments**  \nA copy of the original with a "
                      "Word comment on each open or accepted flag; dismissed flags are left out.")
        include = left.checkbox("Include my internal notes in the comments", key="notes_in_docx")
        from analyzer.export.docx_comments import annotated_docx_bytes

        data = state.with_temp_copy(
            stored, lambda path: annotated_docx_bytes(result, path, decisions, include)
        )
        right.download_button("Download DOCX", data, file_name=f"{stem}.commented.docx", mime=DOCX,
                              key="download_docx")
    else:
        left.markdown("**The vendor's DOCX with comments**  \nAvailable for Word (.docx) "
                      "originals only; for a PDF use the memo or the spreadsheet.")
    st.download_button("Download decisions (JSON)", json.dumps(to_json(decisions), indent=2),
                       file_name=f"{stem}.decisions.json", mime="application/json",
                       key="download_decisions_export")
    st.caption("Command line equivalent: contract-analyzer export FILE --to "
               "xlsx|csv|json|memo|docx --out PATH --decisions decisions.json")


if __name__ == "__main__":
    render()
