"""KPIs: only measurable service levels, with what each one has and lacks."""

from __future__ import annotations

import pytest

from analyzer.extract import extract_kpis, service_credit_exposure
from analyzer.types import Extraction
from extract_fixtures import make_context, make_doc


def _kpis(text: str):
    doc = make_doc(text)
    kpis = extract_kpis(make_context(doc))
    for k in kpis:
        assert doc.text[k.start : k.end] == k.quote
    return kpis


@pytest.mark.parametrize(
    ("sentence", "metric", "target"),
    [
        ("1. Supplier shall answer 80% of calls within 20 seconds, measured monthly.", "service level", "80% of calls within 20 seconds"),
        ("1. The average speed of answer shall not exceed 30 seconds in each month.", "average speed of answer", "30 seconds"),
        ("1. Supplier shall keep the abandonment rate at 5% or less each month.", "abandonment rate", "5% or less"),
        ("1. Supplier shall achieve a customer satisfaction score of at least 85% in each calendar month.", "customer satisfaction", "at least 85%"),
        ("1. First contact resolution shall be at least 75% per month.", "first contact resolution", "at least 75%"),
        ("1. Supplier shall maintain a quality assurance score of 90% or higher.", "quality assurance score", "90% or higher"),
        ("1. Schedule adherence must be 90% or more in each week.", "schedule adherence", "90% or more"),
        ("1. Supplier shall respond to 95% of emails within 4 business hours.", "response time", "95% of emails within 4 business hours"),
        ("1. Blocked calls shall not exceed 1% in any interval.", "blocked calls", "not exceed 1%"),
        ("1. The platform shall have availability of 99.9% each month.", "availability", "99.9%"),
        ("1. Monthly agent attrition shall be 4% or less.", "attrition", "4% or less"),
        ("1. Transaction accuracy shall be at least 98% each month.", "accuracy", "at least 98%"),
    ],
)
def test_extract_kpis_finds_measurable_service_levels(sentence, metric, target):
    (kpi,) = _kpis(sentence)
    assert kpi.metric == metric
    assert kpi.target == target


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Vendor will answer calls quickly and professionally and keep customers happy.",
        "1. Supplier shall use its best efforts to maximize customer satisfaction.",
        "1. Quality scores in line with industry standards.",
        "1. Assuming occupancy of 65% in blue-sky months, we estimate 29,077 hours.",
        "1. The scenario assumes an average handle time of 4.2 minutes.",
        "1. If the telephone service level is below its target, Supplier shall credit Client three percent (3%) of the Fees.",
        "1. If attrition exceeds forty percent (40%) in any quarter, Supplier may invoice an attrition surcharge.",
        "1. Supplier shall restore call handling within four (4) hours after a disruption.",
        "1. Supplier shall deliver the monthly report within five (5) business days after month end.",
    ],
)
def test_extract_kpis_ignores_vague_statements_and_deadlines(sentence):
    assert _kpis(sentence) == ()


def test_extract_kpis_reports_what_is_missing():
    (kpi,) = _kpis("1. Supplier shall answer 80% of calls within 20 seconds.")
    assert kpi.threshold == "within 20 seconds"
    assert kpi.window is None
    assert set(kpi.missing) == {"window", "data_source", "reporting", "remedy"}


def test_extract_kpis_complete_kpi_has_window_source_reporting_remedy_and_cap():
    text = (
        "4. SERVICE LEVELS\n"
        "4.1 Supplier shall answer 80% of calls within 20 seconds, measured monthly from Client's ACD data.\n"
        "4.2 Supplier shall deliver a monthly performance report to Client.\n"
        "4.3 If Supplier misses the service level in any month, Supplier shall credit Client 5% of that month's fees. "
        "Service credits shall not exceed 10% of the monthly fees.\n"
    )
    (kpi,) = _kpis(text)
    assert kpi.window == "monthly"
    assert kpi.data_source and "ACD" in kpi.data_source
    assert kpi.reporting == "monthly performance report"
    assert kpi.remedy and "credit Client 5%" in kpi.remedy
    assert kpi.cap and "not exceed 10%" in kpi.cap
    assert kpi.missing == ()


def test_extract_kpis_one_per_sla_table_row_with_columns():
    text = (
        "5. SERVICE LEVELS\n"
        "5.1 Supplier shall meet the following service levels:\n"
        "Metric | Target | Measurement window | Data source\n"
        "Service level | 80% answered in 60 seconds | Calendar month | ACD\n"
        "Abandonment | 5% or less of offered calls | Calendar month | ACD\n"
        "Chat | Timely, high-quality responses | Monthly | Observation\n"
        "5.2 If Supplier misses any other target in the table, Supplier shall deliver a corrective action plan.\n"
    )
    kpis = _kpis(text)
    assert [(k.metric, k.target, k.window, k.data_source) for k in kpis] == [
        ("Service level", "80% answered in 60 seconds", "Calendar month", "ACD"),
        ("Abandonment", "5% or less of offered calls", "Calendar month", "ACD"),
    ]
    assert all(k.remedy and "corrective action plan" in k.remedy for k in kpis)


def test_extract_kpis_remedy_to_be_agreed_is_no_remedy():
    text = (
        "5.1 Supplier shall keep abandonment at 5% or less in each calendar month.\n"
        "5.2 Service credits for the other Service Levels will be agreed by the Parties later.\n"
    )
    (kpi,) = _kpis(text)
    assert kpi.remedy is None
    assert "remedy" in kpi.missing


def test_service_credit_exposure_from_at_risk_amount_and_allocations():
    text = (
        "2. Critical Service Levels. Supplier shall meet the following Critical Service Levels:\n"
        "Ref | Critical Service Level | Target | Credit allocation\n"
        "CSL-1 | Calls answered within 20 seconds | 90% or more | 25%\n"
        "CSL-2 | Calls abandoned after 30 seconds | 3% or less | 15%\n"
        "3. Service Credits. The at-risk amount for each Measurement Period is twelve percent (12%) of the charges "
        "invoiced for that Measurement Period. For each Critical Service Level that Supplier fails, the Service Credit "
        "equals the at-risk amount multiplied by that Critical Service Level's credit allocation.\n"
    )
    doc = make_doc(text)
    kpis = extract_kpis(make_context(doc))
    exposure = service_credit_exposure(Extraction(kpis=kpis), make_context(doc))
    assert exposure["at_risk_percent"] == 12.0
    assert exposure["capped"] is True
    assert [c["credit_percent"] for c in exposure["credits"]] == [3.0, 1.8]
    assert exposure["max_credit_percent"] == pytest.approx(4.8)


def test_service_credit_exposure_none_without_credits():
    doc = make_doc("1. Supplier shall answer 80% of calls within 20 seconds each month.")
    assert service_credit_exposure(Extraction(kpis=extract_kpis(make_context(doc))), make_context(doc)) is None


# --------------------------------------------------------------------------- round 3: standards as lists


_STANDARDS = (
    "Statement of Work\n"
    "3. Performance Standards. Supplier shall meet the following standards each month:\n"
    "3.1 (a) Save rate: at least 25% of right-party contacts result in a Save.\n"
    "3.2 (b) Early cancellation: no more than 8% of Saves cancelled within 30 days.\n"
    "3.3 (c) Calling-hours compliance: zero calls placed outside the permitted hours.\n"
    "3.4 (d) Complaints - no more than 2% of contacts lead to a written complaint.\n"
    "3.5 If the save rate falls below target in any month, Supplier shall deliver a corrective action plan.\n"
    "3.6 Service credits shall not exceed 10% of the monthly fees.\n"
    "3.7 Reports: delivered by the 5th working day of each month.\n"
    "3.8 Ramp-up: 100% of agents trained before go-live.\n"
    "3.9 Staffing: Supplier shall staff at least 20 agents.\n"
)


def test_extract_kpis_reads_labelled_standards_in_a_performance_section():
    kpis = _kpis(_STANDARDS)
    got = [(k.metric, k.target) for k in kpis]
    assert got == [
        ("conversion rate", "at least 25%"),
        ("Early cancellation", "no more than 8% of Saves cancelled within 30 days"),
        ("Calling-hours compliance", "zero calls"),
        ("Complaints", "no more than 2%"),
    ]
    assert all(k.window == "each month" for k in kpis)


def test_extract_kpis_labelled_standards_need_a_performance_section():
    text = _STANDARDS.replace("Performance Standards", "Campaign Operations").replace("meet the following standards", "run")
    assert [k.metric for k in _kpis(text)] == ["conversion rate"]  # a named metric still counts


@pytest.mark.parametrize(
    ("sentence", "metric", "target"),
    [
        (
            "2. Service Levels. Priority 1 incidents: response within 15 minutes for 95% of tickets, measured monthly.",
            "response time",
            "within 15 minutes for 95%",
        ),
        ("2. Service Levels. Priority 2 requests: response within 1 hour for 90% of requests, measured monthly.", "response time", "within 1 hour for 90%"),
        ("1. The retention desk shall achieve a save rate of at least 30% each month.", "conversion rate", "at least 30%"),
        ("1. Collections: the promise-to-pay rate shall be 40% or more, measured monthly.", "conversion rate", "40% or more"),
    ],
)
def test_extract_kpis_reads_incident_response_and_outcome_rates(sentence, metric, target):
    (kpi,) = _kpis(sentence)
    assert (kpi.metric, kpi.target) == (metric, target)


def test_extract_kpis_a_numbered_heading_line_is_not_part_of_the_first_kpi():
    text = "Bid\n3. Service Levels\nPriority 1 incidents: response within 15 minutes for 95% of tickets, measured monthly.\n"
    (kpi,) = _kpis(text)
    assert kpi.quote.startswith("Priority 1 incidents")
    assert kpi.clause_id is not None


@pytest.mark.parametrize(
    ("line", "metric", "target"),
    [
        ("4.1 Service level: 80/20, measured in each half-hour interval.", "service level", "80/20"),
        ("4.1 Abandonment rate: ≤ 5% each month.", "abandonment rate", "≤ 5%"),
        ("4.1 Payment accuracy: 99.5% of payments posted correctly.", "accuracy", "99.5%"),
        ("4.1 Sales conversion: 12% of qualified leads.", "Sales conversion", "12%"),
        ("4.1 Chat: first response within 60 seconds for 85% of chats.", "response time", "within 60 seconds for 85%"),
    ],
)
def test_extract_kpis_reads_bare_target_lines_in_a_service_level_section(line, metric, target):
    (kpi,) = _kpis("Contract\n4. Service Levels. Supplier shall meet the following:\n" + line + "\n")
    assert (kpi.metric, kpi.target) == (metric, target)


@pytest.mark.parametrize(
    "line",
    [
        "4.1 Credit weighting: 20%.",
        "4.1 Ramp-up: 100% of agents trained before go-live.",
        "4.1 Service credits: 5% of the monthly fees.",
    ],
)
def test_extract_kpis_bare_lines_that_are_not_standards(line):
    assert _kpis("Contract\n4. Service Levels. Supplier shall meet the following:\n" + line + "\n") == ()


def test_extract_kpis_bare_target_lines_outside_a_service_level_section_need_a_commitment():
    assert _kpis("Contract\n4. Payment Terms. Invoices are issued monthly.\n4.1 Payment accuracy: 99.5% of payments posted correctly.\n") == ()


# --------------------------------------------------------------------------- round 4: a share of work items within a time


@pytest.mark.parametrize(
    ("sentence", "target", "has_remedy"),
    [
        (
            "1. Vendor shall close 90% of Return Cases within two Business Days of receipt, measured per calendar month; "
            "for each month below target, Vendor shall credit 3% of that month's returns charges.",
            "90% of Return Cases within two Business Days",
            True,
        ),
        (
            "1. Supplier shall reply to 90% of messaging conversations within 3 minutes of the customer's first message.",
            "90% of messaging conversations within 3 minutes",
            False,
        ),
        ("1. Supplier shall process 98% of address changes within 2 business days.", "98% of address changes within 2 business days", False),
    ],
)
def test_extract_kpis_reads_a_share_of_work_items_within_a_time(sentence, target, has_remedy):
    (kpi,) = _kpis(sentence)
    assert kpi.target == target
    assert "threshold" not in kpi.missing
    assert (kpi.remedy is not None) == has_remedy


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Vendor shall replace 100% of leavers within 30 days.",
        "1. Supplier shall train 90% of new agents within 10 days of hire.",
        "1. Client shall pay 100% of undisputed invoices within 30 days.",
        "1. Supplier shall notify Client of 100% of security incidents within 24 hours.",
        "1. Supplier shall restore 95% of affected services within 4 hours of a disaster.",
        "1. Supplier shall deliver 100% of monthly reports within 5 business days.",
        "1. Around 60% of contacts arrive within 2 hours of the billing run.",
    ],
)
def test_extract_kpis_ignores_staffing_payment_recovery_and_report_deadlines(sentence):
    assert _kpis(sentence) == ()
