"""Rate-card lines and priced items: units, kinds, tables, and amounts that are not prices."""

from __future__ import annotations

import pytest

from analyzer.extract import extract_rates
from analyzer.types import RateUnit
from extract_fixtures import make_context, make_doc


def _rates(text: str):
    doc = make_doc(text)
    rates = extract_rates(make_context(doc))
    for r in rates:
        assert doc.text[r.start : r.end] == r.quote
    return rates


@pytest.mark.parametrize(
    ("sentence", "amount", "currency", "unit", "kind"),
    [
        ("1. Inbound voice: USD 27.40 per productive agent hour.", 27.40, "USD", RateUnit.PRODUCTIVE_HOUR, "rate"),
        ("1. Chat is billed at $19.50 per logged-in hour.", 19.50, "USD", RateUnit.PRODUCTIVE_HOUR, "rate"),
        ("1. Overflow calls: USD 0.95 per handled minute.", 0.95, "USD", RateUnit.MINUTE, "rate"),
        ("1. Outage calls are charged at USD 3.25 per handled call.", 3.25, "USD", RateUnit.CALL, "rate"),
        ("1. Sales: EUR 12.00 per contact.", 12.0, "EUR", RateUnit.CALL, "rate"),
        ("1. Dedicated agents: USD 3,650 per FTE per month.", 3650.0, "USD", RateUnit.FTE_MONTH, "rate"),
        ("1. Retainer: USD 425 per reserved agent per month.", 425.0, "USD", RateUnit.FTE_MONTH, "fee"),
        ("1. Seats are USD 2,900 per seat per month.", 2900.0, "USD", RateUnit.FTE_MONTH, "rate"),
        ("1. Back office: GBP 1.10 per transaction.", 1.10, "GBP", RateUnit.TRANSACTION, "rate"),
        ("1. Email: USD 2.10 per ticket closed.", 2.10, "USD", RateUnit.TRANSACTION, "rate"),
        ("1. Client shall pay a platform fee of USD 6,500.00 per month.", 6500.0, "USD", RateUnit.MONTH, "fee"),
        ("1. A monthly management fee of USD 8,000 applies.", 8000.0, "USD", RateUnit.MONTH, "fee"),
        ("1. Implementation Fee: USD 45,000.00, one-time, invoiced on signature.", 45000.0, "USD", RateUnit.ONE_TIME, "one_time"),
        ("1. Setup / onboarding fee: 15,000 (one time), payable on signature.", 15000.0, None, RateUnit.ONE_TIME, "one_time"),
        ("1. A set-up fee of fifty thousand dollars is payable on signature.", 50000.0, "USD", RateUnit.ONE_TIME, "one_time"),
    ],
)
def test_extract_rates_reads_amount_and_unit(sentence, amount, currency, unit, kind):
    rates = _rates(sentence)
    assert [(r.amount, r.currency, r.unit, r.kind) for r in rates] == [(amount, currency, unit, kind)]


@pytest.mark.parametrize(
    ("sentence", "value", "kind"),
    [
        ("1. Hours on public holidays are billed at a premium of fifty percent (50%) above the applicable rate.", 50.0, "surcharge"),
        ("1. A surcharge of 20% applies to all minutes on public holidays.", 20.0, "surcharge"),
        ("1. Rates increase by three and one-half percent (3.5%) on each anniversary of the start date.", 3.5, "escalator"),
        ("1. All rates shall increase automatically by the greater of (a) four and one-half percent (4.5%) and (b) CPI.", 4.5, "escalator"),
        ("1. Early Termination. If Client terminates for convenience, Client will pay fifty percent (50%) of the charges for the remaining months.", 50.0, "fee"),
        ("1. Supplier may invoice an attrition surcharge equal to three percent (3%) of the Fees for that quarter.", 3.0, "surcharge"),
    ],
)
def test_extract_rates_reads_percentage_charges(sentence, value, kind):
    rates = _rates(sentence)
    assert [(r.amount, r.unit, r.kind) for r in rates] == [(value, RateUnit.PERCENT, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Each Party's liability is limited to USD 10,000,000 in aggregate.",
        "1. Supplier shall maintain commercial general liability insurance of at least USD 2,000,000 per occurrence.",
        "1. Agents may issue refunds of up to USD 75.00 per order without approval.",
        "1. For example, if the charges are USD 900,000, the Service Credit is USD 21,600.",
        "1. Travel expenses shall not exceed USD 10,000 per contract year.",
        "1. Supplier shall credit Client three percent (3%) of the telephone Fees for that month.",
        "1. If attrition exceeds forty percent (40%) in any quarter, a review meeting is held.",
        "1. Supplier shall answer 80% of calls within 20 seconds.",
        "1. The FTE rates are based on an exchange rate of JMD 157.00 to USD 1.00.",
        "1. Rates for new channels will be set at competitive market rates.",
    ],
)
def test_extract_rates_leaves_out_limits_examples_and_credits(sentence):
    assert _rates(sentence) == ()


def test_extract_rates_reads_a_rate_card_table_with_header_units():
    text = (
        "8. FEES\n"
        "8.1 Rates. Client shall pay the following rates:\n"
        "Service | Currency | Rate (per handled minute)\n"
        "Reservations, English | USD | 0.95\n"
        "Reservations, Spanish | USD | 1.05\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.currency, r.unit) for r in rates] == [
        ("Reservations, English", 0.95, "USD", RateUnit.MINUTE),
        ("Reservations, Spanish", 1.05, "USD", RateUnit.MINUTE),
    ]


def test_extract_rates_reads_a_unit_column():
    text = (
        "8.1 Rate card:\n"
        "Line | Currency | Price | Unit\n"
        "Inbound voice | USD | 27.40 | per productive hour\n"
        "Email | USD | 1.90 | per email\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.unit) for r in rates] == [
        ("Inbound voice", 27.40, RateUnit.PRODUCTIVE_HOUR),
        ("Email", 1.90, RateUnit.TRANSACTION),
    ]


def test_extract_rates_reads_inline_rows_and_skips_illustrative_tables():
    text = (
        "9.1 Rate Card. Our prices are:\n"
        "Item | Price\n"
        "Handled call, English | USD 3.25 per handled call\n"
        "Storm Event surge premium | 15% on the per-call price\n"
        "Callbacks | Standard rates\n"
        "9.3 Illustrative Annual Charges. Under the scenario the charges would be:\n"
        "Component | Handled calls | Annual charge (USD)\n"
        "Blue-sky months | 237,600 | 772,200.00\n"
        "Total, one contract year | 555,000 | 1,967,793.00\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.unit, r.kind) for r in rates] == [
        ("Handled call, English", 3.25, RateUnit.CALL, "rate"),
        ("Storm Event surge premium", 15.0, RateUnit.PERCENT, "surcharge"),
    ]


def test_extract_rates_item_is_the_fee_noun_phrase():
    (rate,) = _rates("5.1 Client shall pay a platform fee of USD 6,500.00 per month for the tools.")
    assert rate.item == "Platform fee"
    assert rate.quote == "USD 6,500.00 per month"


# --------------------------------------------------------------------------- round 2: how rate cards are written


@pytest.mark.parametrize(
    ("sentence", "amount", "unit"),
    [
        ("1. Back-office work is priced at EUR 18.40 per billable case handler hour.", 18.40, RateUnit.PRODUCTIVE_HOUR),
        ("1. Voice support costs CAD 41.00 per hour.", 41.0, RateUnit.PRODUCTIVE_HOUR),
        ("1. Inbound queues are charged USD 0.85 for each minute handled.", 0.85, RateUnit.MINUTE),
        ("1. Voice handling is billed at USD 0.71 per inbound voice minute.", 0.71, RateUnit.MINUTE),
        ("1. Claims intake is charged at AUD 9.10 per claim processed.", 9.10, RateUnit.TRANSACTION),
        ("1. Each escalation costs USD 3.30 per escalated contact.", 3.30, RateUnit.CALL),
        ("1. Reserved capacity is charged at USD 3,100 per bilingual agent seat per month.", 3100.0, RateUnit.FTE_MONTH),
        ("1. Dedicated advisors are priced at GBP 2,750 monthly per seat.", 2750.0, RateUnit.FTE_MONTH),
        ("1. The supervisor layer costs USD 4,200 per supervisor, monthly.", 4200.0, RateUnit.FTE_MONTH),
        ("1. Tier 2 analysts: USD 5,400 per Tier 2 analyst per month.", 5400.0, RateUnit.FTE_MONTH),
    ],
)
def test_extract_rates_reads_units_with_words_between_per_and_the_noun(sentence, amount, unit):
    rates = _rates(sentence)
    assert [(r.amount, r.unit) for r in rates] == [(amount, unit)]


def test_extract_rates_reads_both_ends_of_a_range():
    rates = _rates("1. Project analysts are billed at USD 38.00 - 44.00 per productive hour depending on seniority.")
    assert sorted((r.amount, r.unit) for r in rates) == [
        (38.0, RateUnit.PRODUCTIVE_HOUR),
        (44.0, RateUnit.PRODUCTIVE_HOUR),
    ]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        (
            "7.1 The Agency shall be remunerated by a commission of 11.5% of all balances recovered from debtors.",
            11.5,
            "rate",
        ),
        (
            "7.4 Prices shall rise each year in line with the Consumer Price Index for the prior year plus 2 per cent.",
            2.0,
            "escalator",
        ),
        (
            "9.3 The Buyer may end this Agreement for convenience on 90 days' notice. Where it does so in the first "
            "year it shall pay the Seller 40 per cent of the fees that would otherwise have fallen due.",
            40.0,
            "fee",
        ),
    ],
)
def test_extract_rates_reads_commissions_index_margins_and_split_termination_shares(text, value, kind):
    rates = _rates(text)
    assert [(r.amount, r.unit, r.kind) for r in rates] == [(value, RateUnit.PERCENT, kind)]


def test_extract_rates_reads_a_card_with_a_basis_column_and_percent_rows():
    text = (
        "Annex 2 - Fees\n"
        "Workstream | Fee | Charging basis\n"
        "Debt recovery, early stage | EUR 19.80 | per productive recovery agent hour\n"
        "Debt recovery, late stage | 12% | commission on amounts collected\n"
        "Outbound letters | EUR 0.90 | per item despatched\n"
        "Set-up (non-refundable) | EUR 22,000 | payable on signature\n"
        "Evening shifts | 15% | uplift on the hourly fee after 18:00\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.currency, r.unit, r.kind) for r in rates] == [
        ("Debt recovery, early stage", 19.80, "EUR", RateUnit.PRODUCTIVE_HOUR, "rate"),
        ("Debt recovery, late stage", 12.0, None, RateUnit.PERCENT, "rate"),
        ("Outbound letters", 0.90, "EUR", RateUnit.TRANSACTION, "rate"),
        ("Set-up (non-refundable)", 22000.0, "EUR", RateUnit.ONE_TIME, "one_time"),
        ("Evening shifts", 15.0, None, RateUnit.PERCENT, "surcharge"),
    ]


@pytest.mark.parametrize("header_rate", ["Rate (USD)", "Price in USD", "Charge US$", "USD rate"])
def test_extract_rates_takes_currency_from_the_column_header(header_rate):
    text = (
        "Exhibit C - Pricing\n"
        f"Ref | Description | Basis | {header_rate}\n"
        "C-1 | Password resets | per resolved ticket | 4.40\n"
        "C-2 | Warm transfers to field team | per call | 1.75\n"
        "C-3 | Named seat, hardware desk | per seat per month | 4,975.00\n"
        "C-4 | Runbook build | one-time | 18,000.00\n"
        "C-5 | Bank holidays | uplift on C-1 and C-2 | 25%\n"
        "C-6 | Other languages | quoted on request | -\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.currency, r.unit) for r in rates] == [
        ("Password resets", 4.40, "USD", RateUnit.TRANSACTION),
        ("Warm transfers to field team", 1.75, "USD", RateUnit.CALL),
        ("Named seat, hardware desk", 4975.0, "USD", RateUnit.FTE_MONTH),
        ("Runbook build", 18000.0, "USD", RateUnit.ONE_TIME),
        ("Bank holidays", 25.0, None, RateUnit.PERCENT),
    ]


def test_extract_rates_gives_one_item_per_priced_column():
    text = (
        "6.2 Hourly rates are as follows:\n"
        "Role | Year 1 (USD) | Year 2 (USD)\n"
        "Care agent | 21.50 per productive hour | 22.40 per productive hour\n"
        "Team lead | 29.00 per productive hour | 30.10 per productive hour\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.currency, r.unit) for r in rates] == [
        ("Care agent – Year 1", 21.50, "USD", RateUnit.PRODUCTIVE_HOUR),
        ("Care agent – Year 2", 22.40, "USD", RateUnit.PRODUCTIVE_HOUR),
        ("Team lead – Year 1", 29.00, "USD", RateUnit.PRODUCTIVE_HOUR),
        ("Team lead – Year 2", 30.10, "USD", RateUnit.PRODUCTIVE_HOUR),
    ]


def test_extract_rates_reads_language_columns_with_the_unit_in_the_header():
    text = (
        "Schedule 4 - Prices\n"
        "Queue | English (EUR per handled minute) | German (EUR per handled minute)\n"
        "Billing | 0.88 | 1.12\n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.currency, r.unit) for r in rates] == [
        ("Billing – English", 0.88, "EUR", RateUnit.MINUTE),
        ("Billing – German", 1.12, "EUR", RateUnit.MINUTE),
    ]


def test_extract_rates_keeps_an_amount_with_no_unit_as_a_fee():
    text = (
        "4. Pricing\n"
        "Channel / item | Price | Notes\n"
        "Webchat | USD 0.58 per handled minute | from accept to close\n"
        "Reporting pack | 950 | \n"
    )
    rates = _rates(text)
    assert [(r.item, r.amount, r.currency, r.unit, r.kind) for r in rates] == [
        ("Webchat", 0.58, "USD", RateUnit.MINUTE, "rate"),
        ("Reporting pack", 950.0, None, RateUnit.UNKNOWN, "fee"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # volumes in a table: no currency and not under a price header
        "3. Volumes\nQueue | Forecast volume | Hours\nBilling | 2,500 resolved cases | 1,200\n",
        # an SLA table with credits
        "Schedule 1\nMeasure | Goal | Credit\nAnswer speed | 85% within 20 seconds | 4% of monthly fees\n",
        # an illustration under a price header
        "9. Worked example. For 10,000 contacts the charges would be:\nMonth | Charge (USD)\nJanuary | 21,000.00\n",
        # insurance cover in a table
        "12. Insurance\nPolicy | Limit (USD)\nPublic liability | 5,000,000\n",
        # prose: caps, totals, credits and counts
        "1. Fees for optional reports are capped at USD 4,000 in any quarter.",
        "1. The estimated first-year charge is USD 1,240,000 on the forecast volumes.",
        "1. The Vendor will credit 5% of the monthly charges for each missed service level.",
        "1. The Vendor expects to handle 2,500 resolved cases per month.",
        "1. The Vendor shall recover at least 60% of balances collected in the prior year.",
    ],
)
def test_extract_rates_leaves_out_volumes_caps_credits_and_illustrations(text):
    assert _rates(text) == ()


@pytest.mark.parametrize(
    ("sentence", "amount", "unit"),
    [
        ("1. The price per handled minute is USD 0.95.", 0.95, RateUnit.MINUTE),
        ("1. Hourly rate: GBP 23.10.", 23.10, RateUnit.PRODUCTIVE_HOUR),
        ("1. Each answered call is billed at USD 3.10.", 3.10, RateUnit.CALL),
        ("1. Monthly fee per dedicated agent: USD 3,400.", 3400.0, RateUnit.FTE_MONTH),
    ],
)
def test_extract_rates_reads_a_unit_named_before_the_amount(sentence, amount, unit):
    rates = _rates(sentence)
    assert [(r.amount, r.unit) for r in rates] == [(amount, unit)]


# --------------------------------------------------------------------------- round 3: outcome units and margins


@pytest.mark.parametrize(
    ("sentence", "amount", "unit"),
    [
        ("1. Nurse advice line: USD 18.40 per Triage Call.", 18.40, RateUnit.CALL),
        ("1. Outbound welcome calls are priced at EUR 2.20 per customer contact.", 2.20, RateUnit.CALL),
        ("1. Retention desk: USD 38.00 per Save.", 38.0, RateUnit.TRANSACTION),
        ("1. Lead generation is paid at GBP 14.50 per Qualified Lead.", 14.50, RateUnit.TRANSACTION),
        ("1. Device upgrades earn USD 52.00 per device sold.", 52.0, RateUnit.TRANSACTION),
        ("1. The win-back team is paid USD 30 per customer retained.", 30.0, RateUnit.TRANSACTION),
        ("1. Policy sales are paid at AUD 45.00 per policy issued.", 45.0, RateUnit.TRANSACTION),
        ("1. Service desk incidents are billed at USD 11.00 per incident.", 11.0, RateUnit.TRANSACTION),
        ("1. Account conversions: CAD 25 per conversion.", 25.0, RateUnit.TRANSACTION),
    ],
)
def test_extract_rates_reads_outcome_units_and_defined_terms(sentence, amount, unit):
    rates = _rates(sentence)
    assert [(r.amount, r.unit) for r in rates] == [(amount, unit)]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # capitalised words after "per" that are not a counted outcome
        ("1. The licence fee is USD 400 per Agent.", RateUnit.UNKNOWN),
        ("1. The support fee is USD 2,000 per Schedule 3.", RateUnit.UNKNOWN),
        ("1. The management fee is USD 9,000 per Month.", RateUnit.MONTH),
        ("1. The support fee is USD 4,000 per Site.", RateUnit.UNKNOWN),
    ],
)
def test_extract_rates_does_not_read_people_places_or_documents_as_outcomes(sentence, unit):
    rates = _rates(sentence)
    assert rates and rates[0].unit == unit


def test_extract_rates_reads_a_defined_term_unit_in_a_rate_card_row():
    text = "Appendix 1\nItem | Fee\nSave (24-month re-contract) | USD 38.00 per Save\nCampaign management | USD 9,500 per month\n"
    rates = _rates(text)
    assert [(r.amount, r.unit) for r in rates] == [(38.0, RateUnit.TRANSACTION), (9500.0, RateUnit.MONTH)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("1. Dialer licences are recharged to Client monthly at Vendor's cost plus 10%.", 10.0),
        ("1. Approved travel is reimbursed at cost + 12%.", 12.0),
        ("1. Telecom charges are passed through plus a handling fee of 8%.", 8.0),
        ("1. Postage is passed through with a 5% administration charge.", 5.0),
    ],
)
def test_extract_rates_reads_cost_plus_margins_as_percent_surcharges(sentence, value):
    rates = _rates(sentence)
    assert [(r.amount, r.unit, r.kind) for r in rates] == [(value, RateUnit.PERCENT, "surcharge")]


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Costs rose 10% last year across the industry.",
        "1. Each Party bears its own costs; 10% of calls are sampled for quality.",
    ],
)
def test_extract_rates_leaves_out_percentages_near_costs_that_are_not_margins(sentence):
    assert _rates(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "amount", "unit"),
    [
        ("1. Rates: USD 22 / hour.", 22.0, RateUnit.PRODUCTIVE_HOUR),
        ("1. Client pays USD 3.40 for every call answered.", 3.40, RateUnit.CALL),
    ],
)
def test_extract_rates_reads_spaced_slash_and_for_every(sentence, amount, unit):
    assert [(r.amount, r.unit) for r in _rates(sentence)] == [(amount, unit)]


# --------------------------------------------------------------------------- round 4: attempts, hires, trailing premiums, margins


@pytest.mark.parametrize(
    ("sentence", "amount", "unit", "kind"),
    [
        ("1. Unanswered dial attempts are billed at USD 0.40 per attempt.", 0.40, RateUnit.CALL, "rate"),
        ("1. The collections dialler is charged at GBP 0.15 per unsuccessful call attempt.", 0.15, RateUnit.CALL, "rate"),
        ("1. Recruitment is billed at EUR 1,150 per agent hired, including replacements.", 1150.0, RateUnit.ONE_TIME, "one_time"),
        ("1. Onboarding costs USD 900 per new hire.", 900.0, RateUnit.ONE_TIME, "one_time"),
        ("1. Dedicated agents are charged at EUR 3,980 per agent per month.", 3980.0, RateUnit.FTE_MONTH, "rate"),
    ],
)
def test_extract_rates_reads_attempt_and_per_hire_units(sentence, amount, unit, kind):
    assert [(r.amount, r.unit, r.kind) for r in _rates(sentence)] == [(amount, unit, kind)]


@pytest.mark.parametrize(
    ("sentence", "value", "quote"),
    [
        ("1. Overtime requested with less than 48 hours' notice carries a 35% premium on the hourly rate.", 35.0, "35% premium"),
        ("1. Work on public holidays attracts a 50% holiday uplift.", 50.0, "50% holiday uplift"),
        ("1. SMS are passed through at the carrier's invoiced cost plus a handling margin of 12%.", 12.0, "margin of 12%"),
        ("1. Postage is recharged at cost plus a mark-up of 7%.", 7.0, "mark-up of 7%"),
    ],
)
def test_extract_rates_reads_premiums_named_after_the_percentage_and_margins(sentence, value, quote):
    rates = _rates(sentence)
    assert [(r.amount, r.unit, r.kind) for r in rates] == [(value, RateUnit.PERCENT, "surcharge")]
    assert rates[0].quote.endswith(quote) or rates[0].quote.startswith(quote)


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Roughly 15% premium customers are routed to the priority queue.",
        "1. Vendor will handle 20% premium members in the Gold queue.",
        "1. The Supplier targets a gross margin of 12% on the account.",
        "1. Dial attempts: up to 3 attempts per account per day.",
        "1. Agents hired will complete 10 days of training.",
        "1. The Vendor shall make no more than 4 attempts per account per week.",
    ],
)
def test_extract_rates_leaves_out_segments_margins_and_attempt_counts(sentence):
    assert _rates(sentence) == ()
