"""Compare bids page: 2-5 bids under the buyer's volume scenario, assumptions always shown."""

from __future__ import annotations

import streamlit as st

from analyzer.compare import VolumeScenario, classify_rates, compare_bids
from analyzer.export import tables
from analyzer.ui import state, views


def render() -> None:
    """Render the bid comparison page."""
    st.title("Compare bids")
    st.write(
        "Line up two to five bids answering the same request. Prices are converted to one "
        "unit (cost per handled contact) under the volumes you enter, so a per-call, "
        "per-hour and per-FTE bid can be compared; extras that cannot be priced are listed "
        "in the hidden-cost ledger rather than guessed."
    )
    ok = state.analysed()
    if len(ok) < 2:
        st.info("Upload at least two bids on the **Upload** page to compare them.")
        st.page_link("analyzer/ui/pages/upload.py", label="Go to Upload",
                     icon=":material/upload_file:")
        return
    by_sha = {f.sha256: f for f in ok}
    chosen = st.multiselect(
        "Bids to compare (2 to 5)", list(by_sha), default=list(by_sha)[:5], max_selections=5,
        format_func=lambda s: by_sha[s].name, key="compare_bids",
    )
    scenario = _scenario_inputs()
    if len(chosen) < 2:
        st.warning("Choose at least two bids.")
        return
    results = [by_sha[s].result for s in chosen]
    headlines = _headline_inputs(results)
    comparison = compare_bids(results, scenario, headlines)

    st.subheader("Cost under your scenario")
    costs = tables.costs_frame(comparison)
    currency = next((c for c in costs["currency"] if c), "")
    st.dataframe(
        costs[["bid", "term_cost", "monthly_year1", "cost_per_contact", "one_time",
               "escalator_pct", "headline", "headline_unit", "notes"]],
        hide_index=True, width="stretch",
        column_config={
            "monthly_year1": st.column_config.NumberColumn("monthly, year 1", format="%,.0f"),
            "one_time": st.column_config.NumberColumn("one-time fees", format="%,.0f"),
            "escalator_pct": st.column_config.NumberColumn("escalator %/yr", format="%.1f"),
            "term_cost": st.column_config.NumberColumn(
                f"term cost ({scenario.term_months} months) {currency}", format="%,.0f"),
            "cost_per_contact": st.column_config.NumberColumn("per contact", format="%.2f"),
            "headline_unit": st.column_config.TextColumn("priced per"),
        },
    )
    st.markdown("**Assumptions behind these numbers**")
    st.info("\n".join(f"- {a}" for a in comparison.assumptions))
    chart = costs.set_index("bid")[["term_cost"]].dropna()
    if not chart.empty:
        st.bar_chart(chart, y_label=f"term cost {currency}", horizontal=True)

    st.subheader("Sensitivity of the term cost")
    st.caption("Volume +/-20% and handle time +/-10% against your scenario. A per-call price "
               "does not move with handle time; a per-hour or per-FTE price does.")
    sens = tables.sensitivity_frame(comparison)
    money = st.column_config.NumberColumn(format="%,.0f")
    st.dataframe(sens, hide_index=True, width="stretch",
                 column_config={c: money for c in sens.columns if c != "bid"})

    st.subheader("Rate cards in common units")
    st.caption("Each price converted under your scenario. 'headline' is the rate applied to "
               "all contacts; 'alternative' lines (another language, a team leader) are shown "
               "but not added.")
    st.dataframe(
        tables.rates_frame(comparison), hide_index=True, width="stretch",
        column_config={
            "per_productive_hour": st.column_config.NumberColumn("per productive hour",
                                                                 format="%.2f"),
            "per_handled_minute": st.column_config.NumberColumn("per handled minute",
                                                                format="%.3f"),
            "per_contact": st.column_config.NumberColumn("per contact", format="%.2f"),
            "monthly_cost": st.column_config.NumberColumn("monthly cost", format="%,.0f"),
            "amount": st.column_config.NumberColumn(format="%,.2f"),
        },
    )

    st.subheader("Hidden-cost ledger")
    st.caption("Every fee-bearing item beyond the headline rate: 'priced' (in the total), "
               "'formula' (a percentage or condition, not in the total) or 'unpriced' "
               "(referred to but without an amount: ask the vendor to price it).")
    ledger = tables.ledger_frame(comparison)
    for bid, tab in zip(comparison.bids, st.tabs(list(comparison.bids))):
        with tab:
            st.dataframe(ledger[ledger["bid"] == bid].drop(columns=["bid"]), hide_index=True,
                         width="stretch")

    st.subheader("Service-level commitments")
    st.caption("Target / window and, in brackets, completeness: the share of target, "
               "threshold, window, data source, reporting, remedy and cap that are stated.")
    st.dataframe(tables.kpi_matrix_frame(comparison), hide_index=True, width="stretch")
    with st.expander("Every KPI with what it is missing"):
        st.dataframe(tables.kpi_commitments_frame(comparison), hide_index=True,
                     width="stretch")

    st.subheader("Who is responsible for what")
    st.caption("Duties by topic: the party bound and how many duties; '[unassigned]' is a "
               "passive duty with nobody named, '[R (joint)]' a joint one.")
    st.dataframe(tables.raci_frame(comparison), hide_index=True, width="stretch")
    with st.expander("Every duty"):
        st.dataframe(tables.raci_detail_frame(comparison), hide_index=True,
                     width="stretch")

    st.subheader("Flags by category")
    st.caption("Number of flags per category and, in brackets, the worst severity.")
    matrix = tables.flag_matrix_frame(comparison)
    matrix["category"] = matrix["category"].map(views.category_label)
    st.dataframe(matrix, hide_index=True, width="stretch")
    counts = tables.flag_counts_frame(comparison)
    counts["category"] = counts["category"].map(views.category_label)
    st.bar_chart(counts.set_index("category"), stack=False, horizontal=True)

    from analyzer.export.xlsx import comparison_xlsx_bytes

    st.download_button(
        "Download the comparison (XLSX)", comparison_xlsx_bytes(comparison),
        file_name="bid_comparison.xlsx", key="download_comparison",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _scenario_inputs() -> VolumeScenario:
    d = VolumeScenario()
    st.subheader("Your volume scenario")
    c = st.columns(4)
    contacts = c[0].number_input("Contacts per month", 0.0, value=d.contacts_per_month,
                                 step=1000.0, format="%.0f", key="sc_contacts")
    aht = c[1].number_input("Average handle time (minutes)", 0.1, value=d.aht_minutes,
                            step=0.1, format="%.1f", key="sc_aht")
    occupancy = c[2].number_input("Occupancy %", 1.0, 100.0, value=d.occupancy * 100,
                                  step=1.0, format="%.0f", key="sc_occupancy")
    shrinkage = c[3].number_input("Shrinkage %", 0.0, 99.0, value=d.shrinkage * 100,
                                  step=1.0, format="%.0f", key="sc_shrinkage")
    c = st.columns(4)
    hours = c[0].number_input("Hours of operation per month", 0.0, value=d.hours_of_operation,
                              step=10.0, format="%.0f", key="sc_hours",
                              help="24x7 is about 730; 12x5 about 260")
    term = c[1].number_input("Term (months)", 1, 240, value=d.term_months, key="sc_term")
    paid = c[2].number_input("Paid hours per FTE-month", 1.0, value=d.paid_hours_per_fte_month,
                             step=1.0, format="%.0f", key="sc_paid")
    return VolumeScenario(
        contacts_per_month=contacts, aht_minutes=aht, occupancy=occupancy / 100,
        shrinkage=shrinkage / 100, hours_of_operation=hours, term_months=int(term),
        paid_hours_per_fte_month=paid,
    )


def _headline_inputs(results: list) -> dict[str, int]:
    from analyzer.compare import bid_names

    headlines: dict[str, int] = {}
    with st.expander("Headline price per bid (the rate applied to all contacts)"):
        for name, result in zip(bid_names(results), results):
            rates = result.extraction.rates
            if not rates:
                st.write(f"{name}: no prices found.")
                continue
            roles = classify_rates(rates)
            default = roles.index("headline") if "headline" in roles else 0
            pick = st.selectbox(
                name, range(len(rates)), index=default, key=f"headline_{name}",
                format_func=lambda i, r=rates: (f"{r[i].item}: {r[i].currency or ''} "
                                                f"{r[i].amount:,.2f} per {r[i].unit.value}"),
            )
            headlines[name] = pick
    return headlines


if __name__ == "__main__":
    render()
