"""The domain vocabulary: one KPI element enum, one severity order, one currency vocabulary."""

from __future__ import annotations

import dataclasses
import re

import pytest

from analyzer.extract import find_money
from analyzer.lexicon import (
    CURRENCY_CODES,
    CURRENCY_PATTERN,
    CURRENCY_SYMBOLS,
    CURRENCY_WORD,
    KPI_ELEMENTS,
    KPI_WORDS,
    METRICS,
    MONEY,
    PARTY_ROLES,
    KpiElement,
)
from analyzer.report import _kpi
from analyzer.types import Kpi, Severity


def test_lexicon_kpi_elements_are_the_kpi_fields_of_the_report() -> None:
    fields = [f.name for f in dataclasses.fields(Kpi)]
    assert [e.value for e in KpiElement] == fields[1 : 1 + len(KpiElement)]
    kpi = Kpi("Service level", "80%", None, None, None, None, None, None, "quote", None, 1, 0, 5)
    report_keys = list(_kpi(kpi))
    assert [e.value for e in KPI_ELEMENTS] == report_keys[1 : 1 + len(KPI_ELEMENTS)]


def test_lexicon_kpi_element_is_its_string() -> None:
    assert KpiElement.DATA_SOURCE == "data_source"
    assert f"{KpiElement.REMEDY}" == "remedy"
    missing = (KpiElement.WINDOW, KpiElement.CAP)
    assert ", ".join(missing) == "window, cap"  # how the tables list what is missing


def test_lexicon_severity_rank_orders_low_medium_high() -> None:
    assert [s.rank for s in (Severity.LOW, Severity.MEDIUM, Severity.HIGH)] == [0, 1, 2]
    assert sorted(Severity, key=lambda s: s.rank) == [Severity.LOW, Severity.MEDIUM, Severity.HIGH]
    assert max(Severity, key=lambda s: s.rank) is Severity.HIGH


@pytest.mark.parametrize("code", CURRENCY_CODES)
def test_lexicon_currency_pattern_finds_every_code_extract_finds(code: str) -> None:
    text = f"a fee of {code} 1,200 per month"
    found = find_money(text)
    assert [m.currency for m in found] == [code]
    assert re.search(CURRENCY_PATTERN, text).group(0) == code  # type: ignore[union-attr]
    assert MONEY.search(text) is not None
    assert CURRENCY_WORD.search(text) is not None


@pytest.mark.parametrize("symbol", sorted(CURRENCY_SYMBOLS))
def test_lexicon_currency_pattern_finds_every_symbol_extract_finds(symbol: str) -> None:
    text = f"a fee of {symbol} 1,200 per month"  # a letter glued to digits is no amount
    found = find_money(text)
    assert [m.currency for m in found] == [CURRENCY_SYMBOLS[symbol]]
    assert re.search(CURRENCY_PATTERN, text) is not None


def test_lexicon_currency_pattern_needs_a_word_boundary() -> None:
    assert re.search(CURRENCY_PATTERN, "ABCUSD 5") is None
    assert find_money("ABCUSD 5") == []


def test_lexicon_metric_patterns_compile() -> None:
    for name, metric in METRICS.items():
        assert re.compile(metric.pattern, re.IGNORECASE).search(name) or name in {
            "service level", "conversion rate", "quality assurance score", "resolution rate",
        }, name
        assert set(metric.kinds) <= {"percent", "duration", "score"}


def test_lexicon_party_roles_put_longer_roles_first() -> None:
    for i, role in enumerate(PARTY_ROLES):
        for later in PARTY_ROLES[i + 1 :]:
            assert role not in later, f"{later!r} must come before {role!r}"


def test_lexicon_rule_kpi_words_cover_every_extractor_metric() -> None:
    for sentence in ("Occupancy shall be at least 80%.", "The save rate shall be 25%.",
                     "Average speed of answer: 20 seconds."):
        assert KPI_WORDS.search(sentence), sentence
