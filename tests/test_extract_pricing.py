"""Rate-card lines and priced items: units, kinds, tables, and amounts that are not prices."""

from __future__ import annotations

import pytest

from analyzer.extract import extract_rates
from analyzer.types import RateUnit
from extract_fixtures import make_doc


def _rates(text: str):
    doc = make_doc(text)
    rates = extract_rates(doc, ())
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
