"""Bid comparison: normalisation formulas of domain.md, cost with escalators, sensitivity,
ledger, KPI commitments, responsibilities and the flag matrix."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzer.compare import (
    VolumeScenario,
    classify_rates,
    compare_bids,
    cost_bid,
    hidden_cost_ledger,
    kpi_completeness,
    metric_key,
    normalise_rate,
    raci,
    sensitivity,
)
from analyzer.types import FlagCategory, RateItem, RateUnit, Severity
from factories import make_result


def rate(amount, unit, kind="rate", item="x", condition=None):
    return RateItem(item, amount, "USD", unit, "q", None, 1, 0, 1, kind, condition)


def test_compare_hourly_rate_per_handled_minute_matches_domain_example():
    # domain.md: USD 28/hour at 80% occupancy is about USD 0.58 per handled minute,
    # about USD 3.50 per call at a 6-minute AHT
    s = VolumeScenario(aht_minutes=6, occupancy=0.8)
    n = normalise_rate(rate(28.0, RateUnit.PRODUCTIVE_HOUR), s)
    assert n.per_handled_minute == pytest.approx(0.583, abs=0.001)
    assert n.per_contact == pytest.approx(3.50, abs=0.01)


def test_compare_fte_month_fee_per_productive_hour_uses_shrinkage():
    # domain.md: 173 paid hours x (1 - 0.30) is about 121 productive hours
    s = VolumeScenario(shrinkage=0.30, paid_hours_per_fte_month=173)
    n = normalise_rate(rate(3630.0, RateUnit.FTE_MONTH), s)
    assert s.productive_hours_per_fte == pytest.approx(121.1)
    assert n.per_productive_hour == pytest.approx(3630 / 121.1)


@pytest.mark.parametrize(
    ("unit", "amount", "expected_monthly"),
    [
        (RateUnit.CALL, 3.0, 3.0 * 10_000),
        (RateUnit.MINUTE, 0.5, 0.5 * 10_000 * 6),
        (RateUnit.PRODUCTIVE_HOUR, 30.0, 30.0 * 10_000 * 6 / 60 / 0.8),
        (RateUnit.MONTH, 5_000.0, 5_000.0),
    ],
)
def test_compare_monthly_cost_per_unit(unit, amount, expected_monthly):
    s = VolumeScenario(contacts_per_month=10_000, aht_minutes=6, occupancy=0.8,
                       hours_of_operation=0)
    assert normalise_rate(rate(amount, unit), s).monthly_cost == pytest.approx(expected_monthly)


def test_compare_hours_of_operation_floor_staffing():
    s = VolumeScenario(contacts_per_month=100, aht_minutes=6, occupancy=0.8,
                       hours_of_operation=730)
    assert s.workload_hours == pytest.approx(12.5)
    assert s.productive_hours == 730


def test_compare_scenario_rejects_bad_occupancy():
    with pytest.raises(ValueError, match="occupancy"):
        VolumeScenario(occupancy=80)


def test_compare_roles_pick_first_volume_rate_as_headline():
    rates = [rate(40_000, RateUnit.ONE_TIME, "one_time"), rate(3.25, RateUnit.CALL),
             rate(3.6, RateUnit.CALL), rate(15, RateUnit.PERCENT, "surcharge"),
             rate(3.5, RateUnit.PERCENT, "escalator"), rate(145, RateUnit.FTE_MONTH, "fee")]
    assert classify_rates(rates) == ("one-time", "headline", "alternative", "formula",
                                     "escalator", "add-on")
    assert classify_rates(rates, headline_index=2)[1:3] == ("alternative", "headline")


def test_compare_term_cost_compounds_escalator_yearly_and_adds_one_time():
    s = VolumeScenario(contacts_per_month=1_000, term_months=36, hours_of_operation=0)
    rates = [rate(2.0, RateUnit.CALL), rate(10.0, RateUnit.PERCENT, "escalator"),
             rate(500.0, RateUnit.ONE_TIME, "one_time")]
    cost = cost_bid("b", rates, s)
    assert cost.monthly_year1 == pytest.approx(2_000)
    assert cost.term_cost == pytest.approx(500 + 12 * 2_000 * (1 + 1.1 + 1.21))


def test_compare_monthly_minimum_floors_the_cost():
    s = VolumeScenario(contacts_per_month=100, hours_of_operation=0)
    cost = cost_bid("b", [rate(2.0, RateUnit.CALL), rate(10_000, RateUnit.MONTH, "minimum")], s)
    assert cost.monthly_year1 == 10_000
    assert any("minimum" in n for n in cost.notes)


def test_compare_without_volume_rate_has_no_total():
    cost = cost_bid("b", [rate(5, RateUnit.PERCENT, "surcharge")], VolumeScenario())
    assert cost.term_cost is None and cost.headline_item is None


def test_compare_sensitivity_per_call_ignores_aht_but_hourly_does_not():
    s = VolumeScenario(hours_of_operation=0)
    per_call = {r.case: r.change_pct for r in sensitivity("a", [rate(3, RateUnit.CALL)], s)}
    hourly = {r.case: r.change_pct
              for r in sensitivity("b", [rate(30, RateUnit.PRODUCTIVE_HOUR)], s)}
    assert per_call["AHT +10%"] == pytest.approx(0)
    assert per_call["volume +20%"] == pytest.approx(20)
    assert hourly["AHT +10%"] == pytest.approx(10)
    assert hourly["volume -20%"] == pytest.approx(-20)


def test_compare_ledger_has_priced_formula_and_unpriced_entries():
    result = make_result()
    ledger = hidden_cost_ledger("a", result, VolumeScenario())
    by_status = {e.status for e in ledger}
    assert by_status == {"priced", "formula", "unpriced"}
    unpriced = [e.quote for e in ledger if e.status == "unpriced"]
    assert "Additional charges may apply" in unpriced
    assert "billed at standard rates" in unpriced
    # the escalator flag overlaps a priced escalator line: not listed twice
    assert sum("Rates increase by 3%" in e.quote for e in ledger) == 1


def test_compare_kpi_completeness_counts_seven_fields():
    kpi = make_result().extraction.kpis[0]
    share, missing = kpi_completeness(kpi)
    assert share == pytest.approx(3 / 7)
    assert missing == ("data_source", "reporting", "remedy", "cap")


@pytest.mark.parametrize(
    ("metric", "key"),
    [("Service level, blue-sky months", "service_level"), ("Abandonment rate", "abandonment"),
     ("Average Speed of Answer", "asa"), ("CSAT score", "csat"),
     ("Quality assurance score", "qa"), ("Widget polish", "other:widget polish")],
)
def test_compare_metric_key_lines_up_wordings(metric, key):
    assert metric_key(metric)[0] == key


def test_compare_raci_marks_passive_and_joint_duties():
    roles = {(e.party, e.role) for e in raci("a", make_result())}
    assert ("Supplier", "R") in roles
    assert ("(nobody named)", "unassigned") in roles
    assert ("the parties", "R (joint)") in roles


def test_compare_bids_builds_every_section_for_three_bids():
    bids = [make_result("a.pdf"), make_result("b.docx", headline=(30, RateUnit.PRODUCTIVE_HOUR)),
            make_result("c.pdf", headline=(3650, RateUnit.FTE_MONTH), escalator=0)]
    c = compare_bids(bids, VolumeScenario())
    assert c.bids == ("a.pdf", "b.docx", "c.pdf")
    assert len(c.costs) == 3 and all(x.term_cost for x in c.costs)
    assert len(c.sensitivity) == 15
    assert len(c.flags) == 3 * len(FlagCategory)
    cell = next(f for f in c.flags if f.bid == "a.pdf" and f.category == FlagCategory.HIDDEN_COST)
    assert (cell.count, cell.worst) == (2, Severity.HIGH)
    assert any("occupancy" in a for a in c.assumptions)
    assert c.costs[2].escalator_pct == 0


def test_compare_bids_same_name_made_unique():
    c = compare_bids([make_result("a.pdf"), make_result("a.pdf")], VolumeScenario())
    assert c.bids == ("a.pdf", "a.pdf (2)")


@pytest.mark.parametrize("n", [1, 6])
def test_compare_bids_needs_two_to_five(n):
    with pytest.raises(ValueError, match="2 to 5"):
        compare_bids([make_result(f"{i}.pdf") for i in range(n)], VolumeScenario())


def test_compare_scenario_scaled_keeps_other_fields():
    s = VolumeScenario(contacts_per_month=1000, aht_minutes=5)
    t = s.scaled(1.2, 0.9)
    assert (t.contacts_per_month, t.aht_minutes) == pytest.approx((1200, 4.5))
    assert replace(t, contacts_per_month=1000, aht_minutes=5) == s


def test_compare_team_leader_ratio_is_added_at_its_ratio():
    s = VolumeScenario(hours_of_operation=0)
    agent = rate(3650, RateUnit.FTE_MONTH, item="Dedicated agent")
    leader = rate(4900, RateUnit.FTE_MONTH, item="Team leader (1 per 12 agents)")
    assert classify_rates([agent, leader]) == ("headline", "add-on")
    cost = cost_bid("b", [agent, leader], s)
    assert cost.addons_monthly == pytest.approx(4900 * s.fte / 12)


def test_compare_reserved_agent_retainer_stays_a_formula():
    retainer = rate(425, RateUnit.FTE_MONTH, "fee", item="Flex pool retainer per reserved agent")
    assert classify_rates([rate(3, RateUnit.CALL), retainer]) == ("headline", "formula")
