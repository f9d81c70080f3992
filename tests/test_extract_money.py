"""Money, percentages, durations, escalators and caps: positive and negative sentences."""

from __future__ import annotations

import pytest

from analyzer.extract import find_caps, find_durations, find_escalators, find_money, find_percentages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inbound voice: USD 27.40 per productive agent hour.", [(27.40, "USD", "USD 27.40")]),
        ("The rate is $0.95 per handled minute.", [(0.95, "USD", "$0.95")]),
        ("a price of 27.40 USD per call", [(27.40, "USD", "27.40 USD")]),
        ("US$1,200 per FTE per month", [(1200.0, "USD", "US$1,200")]),
        ("EUR 1.250,00 per month", [(1250.0, "EUR", "EUR 1.250,00")]),
        ("a fee of £3,000", [(3000.0, "GBP", "£3,000")]),
        ("₹ 850 per seat", [(850.0, "INR", "₹ 850")]),
        ("COP 95,000 and MXN 420.50", [(95000.0, "COP", "COP 95,000"), (420.50, "MXN", "MXN 420.50")]),
        ("CAD 31 and PHP 410", [(31.0, "CAD", "CAD 31"), (410.0, "PHP", "PHP 410")]),
        ("a liability cap of USD 2 million", [(2_000_000.0, "USD", "USD 2 million")]),
        ("fifty thousand dollars", [(50_000.0, "USD", "fifty thousand dollars")]),
        (
            "fifty thousand US dollars (USD 50,000)",
            [(50_000.0, "USD", "fifty thousand US dollars (USD 50,000)")],
        ),
        ("ten thousand Canadian dollars", [(10_000.0, "CAD", "ten thousand Canadian dollars")]),
    ],
)
def test_find_money_reads_amount_currency_and_span(text, expected):
    found = find_money(text)
    assert [(m.amount, m.currency, m.text) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Supplier shall answer 80% of calls within 20 seconds.",
        "The term is 36 months from the Effective Date.",
        "Section 4.2 applies to 1,100,000 calls in the first year.",
        "Hours 5 to 9 are excluded.",
        "one of the parties may terminate",
    ],
)
def test_find_money_ignores_numbers_that_are_not_money(text):
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a premium of fifty percent (50%) above the rate", [50.0]),
        ("increase by three and one-half percent (3.5%)", [3.5]),
        ("12% of the charges and 4.5 percent", [12.0, 4.5]),
        ("ten per cent", [10.0]),
        ("forty (40%)", [40.0]),
    ],
)
def test_find_percentages_merges_words_and_digits(text, values):
    assert [p.value for p in find_percentages(text)] == values


def test_find_percentages_ignores_plain_numbers():
    assert find_percentages("within 20 seconds, 3 agents, version 2.1") == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("within five (5) business days after month end", 5.0, "day", "business"),
        ("on thirty (30) days' written notice", 30.0, "day", None),
        ("a 12-month renewal term", 12.0, "month", None),
        ("answered within 20 seconds", 20.0, "second", None),
        ("for one hundred twenty (120) days", 120.0, "day", None),
        ("within 4 hours", 4.0, "hour", None),
    ],
)
def test_find_durations(text, value, unit, qualifier):
    d = find_durations(text)[0]
    assert (d.value, d.unit, d.qualifier) == (value, unit, qualifier)
    assert text[d.start : d.end] == d.text


def test_find_durations_needs_a_time_unit():
    assert find_durations("80% of calls and 3 agents") == []


@pytest.mark.parametrize(
    ("text", "percent", "index", "greater_of"),
    [
        ("Rates increase by 3.5% per year.", 3.5, None, False),
        ("Rates increase by three and one-half percent (3.5%) on each anniversary.", 3.5, None, False),
        ("Each Rate shall increase annually by the percentage change in CPI.", None, "CPI", False),
        (
            "All fees shall increase by the greater of 4.5% or the Consumer Price Index each year.",
            4.5,
            "Consumer Price Index",
            True,
        ),
    ],
)
def test_find_escalators(text, percent, index, greater_of):
    (esc,) = find_escalators(text)
    assert (esc.percent, esc.index, esc.greater_of) == (percent, index, greater_of)


@pytest.mark.parametrize(
    "text",
    [
        "Prices are firm for the full term and are not subject to any annual escalation.",
        "If the exchange rate moves by more than 4%, Supplier will adjust the rates.",
        "Supplier shall answer 80% of calls within 20 seconds each month.",
    ],
)
def test_find_escalators_negatives(text):
    assert find_escalators(text) == []


@pytest.mark.parametrize(
    ("text", "amount", "percent"),
    [
        ("Travel shall not exceed USD 10,000 per contract year.", 10_000.0, None),
        ("up to a maximum of USD 12,000 in each contract year", 12_000.0, None),
        ("Service credits are capped at 10% of the monthly fees.", None, 10.0),
        ("liability is limited to USD 10,000,000 in aggregate", 10_000_000.0, None),
    ],
)
def test_find_caps(text, amount, percent):
    (cap,) = find_caps(text)
    assert (cap.money.amount if cap.money else None) == amount
    assert (cap.percent.value if cap.percent else None) == percent
    assert text[cap.start : cap.end] == cap.text


def test_find_caps_needs_an_amount_after_the_cue():
    assert find_caps("no more than fifteen (15) Agents per team leader") == []
    assert find_caps("Expenses are reimbursed at cost.") == []
