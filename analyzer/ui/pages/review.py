"""Review page: summary, filterable flags, clause viewer with decisions, extracted tables."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from analyzer.decisions import DecisionStatus, decide, flag_keys, from_json, to_json
from analyzer.types import FlagCategory, Severity
from analyzer.ui import state, views

DECISION_LABELS = {
    DecisionStatus.OPEN: "Open (not reviewed)",
    DecisionStatus.ACCEPTED: "Accept: raise with the vendor",
    DecisionStatus.DISMISSED: "Dismiss: false alarm",
}


def render() -> None:
    """Render the review page for the selected contract."""
    st.title("Review a contract")
    stored = state.pick_document()
    if stored is None:
        return
    result = stored.result
    assert result is not None
    _summary(result)
    tabs = st.tabs(["Flags", "Pricing", "Service levels (KPIs)", "Who does what", "Clauses"])
    with tabs[0]:
        _flags(stored)
    with tabs[1]:
        st.caption("Every priced item as the document states it. 'kind' separates the "
                   "headline rate from one-time fees, surcharges, escalators and minimums.")
        st.dataframe(views.pricing_display(result), hide_index=True, width="stretch")
    with tabs[2]:
        st.caption("A service level can be enforced only with a target, threshold, window, "
                   "data source, reporting duty, remedy and cap. 'completeness' is the share "
                   "of these seven present.")
        st.dataframe(views.kpi_display(result), hide_index=True, width="stretch")
    with tabs[3]:
        st.caption("Duties found in the text. '(nobody named)' marks a passive duty such as "
                   "'reports will be provided': nobody is bound to do it.")
        st.dataframe(views.obligations_display(result), hide_index=True,
                     width="stretch")
    with tabs[4]:
        from analyzer.export.tables import clauses_frame

        clauses = clauses_frame(result).drop(columns=["clause_id", "level"])
        st.caption("'provisions' lists conditions of another type found in a clause's "
                   "sentences, such as an exclusivity promise inside a licence grant or a "
                   "minimum purchase inside the fee clause (the JSON export has each quote).")
        st.dataframe(clauses, hide_index=True, width="stretch")


def _summary(result) -> None:
    risk = result.risk
    cols = st.columns(4)
    cols[0].metric("Risk", risk.level.capitalize() if risk else "n/a",
                   help=risk.method if risk else None)
    cols[1].metric("Risk score", f"{risk.score:g} / 100" if risk else "n/a")
    cols[2].metric("Flags", len(result.findings))
    cols[3].metric("Expected clauses missing", len(result.missing_types))
    if risk:
        st.caption(f"How the risk score is computed: {risk.method}")
    left, right = st.columns([2, 3])
    with left:
        st.markdown("\n".join(f"**{k}:** {v}" for k, v in views.summary_facts(result)).replace(
            "\n", "  \n"))
        st.markdown("**Expected clause types that are missing**")
        missing = views.missing_checklist(result)
        if missing.empty:
            st.success("Every expected clause type was found.")
        else:
            st.markdown("\n".join(
                f"- :red[**{row['missing clause']}**]: {row['what it should cover']}"
                for _, row in missing.iterrows()
            ))
    with right:
        st.markdown("**Flags by category and severity**")
        st.dataframe(views.counts_by_category(result.findings), hide_index=True,
                     width="stretch")


def _flags(stored: state.StoredFile) -> None:
    result = stored.result
    decisions = state.decisions(stored.sha256)
    frame = views.flag_table(result, decisions)
    cols = st.columns([3, 2, 3, 2])
    categories = cols[0].multiselect(
        "Category", [c.value for c in FlagCategory], key="filter_category",
        format_func=views.category_label,
    )
    severities = cols[1].multiselect("Severity", [s.value for s in Severity],
                                     key="filter_severity")
    type_options = sorted({t or "document" for t in frame["clause_type"]})
    clause_types = cols[2].multiselect("Clause type", type_options, key="filter_type",
                                       format_func=views.type_label)
    hide = cols[3].checkbox("Hide dismissed", key="filter_hide_dismissed")
    shown = views.filter_flags(frame, categories, severities, clause_types, hide)
    st.caption(f"{len(shown)} of {len(frame)} flags shown.")
    st.dataframe(views.flag_display(shown), hide_index=True, width="stretch")
    if shown.empty:
        return
    st.subheader("Clause viewer")
    options = list(shown.index)
    index = st.selectbox("Flag", options, key="flag_pick",
                         format_func=lambda i: views.flag_option(frame.loc[i]))
    finding = result.findings[index]
    row = frame.loc[index]
    where = row["where"] + (f", page {row['page']}" if pd.notna(row["page"]) else "")
    st.markdown(f"**{views.category_label(row['category'])}** "
                f"({row['severity']}) in **{where}**: {finding.message}")
    st.markdown(views.highlight_html(result, finding), unsafe_allow_html=True)
    st.markdown(f"**Ask for instead:** {finding.recommendation}")
    if finding.precision:
        st.caption(f"How often this rule is right: {finding.precision.describe()}.")
    if finding.explanation:
        with st.expander("Why the tool flagged this"):
            st.write({k: v for k, v in finding.explanation})
            st.caption(f"Rule {finding.rule_id}")
    key = flag_keys(result)[index]
    current = decisions.get(key)
    with st.form(f"decision_{key}"):
        status = st.radio(
            "Decision", list(DECISION_LABELS), horizontal=True,
            index=list(DECISION_LABELS).index(current.status),
            format_func=DECISION_LABELS.__getitem__, key=f"status_{key}",
        )
        note = st.text_input("Note (kept with the decision, shown in exports)",
                             value=current.note, key=f"note_{key}")
        if st.form_submit_button("Save decision"):
            state.set_decisions(stored.sha256, decide(decisions, result, index, status, note))
            st.rerun()
    with st.expander("Save or load decisions (JSON, for the command line's --decisions)"):
        st.download_button(
            "Download decisions", json.dumps(to_json(decisions), indent=2),
            file_name=f"{stored.name}.decisions.json", mime="application/json",
            key="download_decisions",
        )
        loaded = st.file_uploader("Load decisions", type=["json"], key="load_decisions")
        if loaded is not None and st.session_state.get("decisions_file") != loaded.file_id:
            st.session_state["decisions_file"] = loaded.file_id
            try:
                state.set_decisions(stored.sha256, from_json(json.loads(loaded.getvalue())))
                st.success(f"Loaded decisions from {loaded.name}.")
            except (ValueError, json.JSONDecodeError) as error:
                st.error(f"{loaded.name}: {error}")


if __name__ == "__main__":
    render()
