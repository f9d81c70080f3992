"""Round-3 rule semantics on hand-built documents: presence vs charge negation, extracted
rate-card extras, the owner of a travel policy, and exit versus transition-in."""

from __future__ import annotations

import pytest
from extract_fixtures import run_rules

from analyzer.nlp import load_nlp
from analyzer.rules import load_rules
from analyzer.rules.conditions import negated_at
from analyzer.rules.examples import document_from_text
from analyzer.rules.units import annotate
from analyzer.types import ClauseType, Extraction, FlagCategory, RateItem, RateUnit

RULESET = load_rules()


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def _flags(nlp, text: str, ctype: ClauseType = ClauseType.OTHER,  # type: ignore[no-untyped-def]
           extraction: Extraction | None = None, per_line: bool = False):
    doc, cls = document_from_text(text, ctype, per_line=per_line)
    return doc, run_rules(doc, cls, extraction or Extraction(), RULESET, nlp)


def test_negated_at_charge_phrase_denies_a_charge_not_a_duty(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _ = document_from_text("Vendor will run monthly refresher sessions at no extra cost.")
    art = annotate(doc, nlp)
    unit = art.units[0]
    at = doc.text.index("refresher")
    span = (at, at + len("refresher"))
    assert negated_at(art, unit, span)  # as a charge: "at no extra cost" negates it
    assert not negated_at(art, unit, span, charge=False)  # as a duty: the training exists


def test_negated_at_not_included_denies_presence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, _ = document_from_text("Refresher training is not included in this SOW.")
    art = annotate(doc, nlp)
    at = doc.text.index("Refresher")
    assert negated_at(art, art.units[0], (at, at + 9), charge=False)


def test_cost_plus_markup_is_not_an_own_cost_negation(nlp) -> None:  # type: ignore[no-untyped-def]
    _, marked_up = _flags(nlp, "Carrier licences are recharged to the Client monthly at the "
                               "Vendor's cost plus 10%.", ClauseType.FEES_PRICING)
    _, own_cost = _flags(nlp, "Carrier licences are recharged to the Vendor's account at its "
                              "own cost.", ClauseType.FEES_PRICING)
    assert any(f.rule_id == "hidden_cost.pass_through" for f in marked_up)
    assert not any(f.rule_id == "hidden_cost.pass_through" for f in own_cost)


def test_training_gap_closes_with_free_monthly_refresher(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Vendor agents handle calls.\n"
            "Vendor will run monthly refresher sessions for agents at no extra cost.")
    _, found = _flags(nlp, text, per_line=True)
    assert FlagCategory.TRAINING_GAP not in {f.category for f in found}


def test_inbound_knowledge_transfer_is_not_exit_assistance(nlp) -> None:  # type: ignore[no-untyped-def]
    inbound = ("Vendor will provide support services.\nTransition period of six weeks including "
               "knowledge transfer sessions from the Client's current team.")
    outbound = ("Vendor will provide support services.\nOn expiry or termination Vendor shall "
                "provide knowledge transfer to the Client or a successor provider.")
    assert FlagCategory.EXIT_GAP in {f.category for f in _flags(nlp, inbound, per_line=True)[1]}
    assert FlagCategory.EXIT_GAP not in {f.category for f in _flags(nlp, outbound, per_line=True)[1]}


def test_vendor_travel_policy_does_not_control_expenses(nlp) -> None:  # type: ignore[no-untyped-def]
    own = "Travel for the transition team is billed at actuals as per Supplier's travel policy."
    client = "Travel for the transition team is billed at actuals under the Client's travel policy."
    assert any(f.rule_id == "hidden_cost.uncapped_expenses" for f in _flags(nlp, own)[1])
    assert not any(f.rule_id == "hidden_cost.uncapped_expenses" for f in _flags(nlp, client)[1])


def _rate(doc_text: str, quote: str, kind: str, unit: RateUnit) -> RateItem:
    start = doc_text.index(quote)
    return RateItem("item", 24000.0, "USD", unit, quote, "c0000", 1, start, start + len(quote),
                    kind=kind)


def test_priced_item_reads_extracted_one_time_rows(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Item | Price (USD) | Remarks\nTransition & knowledge transfer | 24,000 | payable at go-live"
    doc, cls = document_from_text(text, ClauseType.FEES_PRICING)
    one_time = Extraction(rates=(_rate(doc.text, "24,000", "one_time", RateUnit.ONE_TIME),))
    recurring = Extraction(rates=(_rate(doc.text, "24,000", "rate", RateUnit.MONTH),))
    hit = run_rules(doc, cls, one_time, RULESET, nlp)
    quiet = run_rules(doc, cls, recurring, RULESET, nlp)
    assert any("hidden_cost.rate_card_extra" in (f.rule_id, *f.merged_rule_ids) for f in hit)
    assert not any("hidden_cost.rate_card_extra" in (f.rule_id, *f.merged_rule_ids) for f in quiet)


@pytest.mark.parametrize("sentence", [
    "Supplier shall maintain public liability insurance of not less than USD 5,000,000.",
    "Ticket volumes above 4,500 per month are billed at the same rate with no surge surcharge.",
    "The Charges may be varied only by a Variation agreed in writing and signed by both Parties.",
    "Operational issues shall be escalated first to Vendor's site manager.",
])
def test_round3_hard_negatives_stay_quiet(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    _, found = _flags(nlp, sentence, ClauseType.FEES_PRICING)
    assert not [f for f in found if f.scope == "clause"], [f.rule_id for f in found]


def test_kpi_incomplete_reads_the_whole_numbered_section(nlp) -> None:  # type: ignore[no-untyped-def]
    from extract_fixtures import make_context

    from analyzer.extract import extract_all
    from analyzer.types import Classification, Clause, Document, FileFormat, Kpi, SourceInfo

    parts = [
        ("3", None, "Performance Standards"),
        ("3.1", "c0000", "The standards below are measured per calendar month."),
        ("3.1(a)", "c0001", "Calling-hours compliance: zero calls placed outside permitted hours."),
        ("3.2", "c0000", "Each breach of standard (a) gives a credit of USD 500."),
    ]
    text, clauses = "", []
    for i, (num, parent, body) in enumerate(parts):
        if text:
            text += "\n"
        start = len(text)
        text += body
        clauses.append(Clause(f"c{i:04d}", num, "Performance Standards", i == 0, 1 if parent is None else 2,
                              parent, body, 1, 1, start, len(text)))
    source = SourceInfo("t.txt", "t.txt", "0", FileFormat.TXT, len(text), 1)
    doc = Document(source, text, tuple(clauses), page_offsets=(0,))
    cls = tuple(Classification(c.id, ClauseType.SERVICE_LEVELS, 0.9) for c in clauses)
    row = clauses[2]
    extraction = extract_all(make_context(doc, cls, nlp))  # the KPI extractor owns completeness
    kpi = next(k for k in extraction.kpis if k.start == row.start)
    assert kpi.window and kpi.remedy and not {"window", "remedy"} & set(kpi.missing)
    with_section = run_rules(doc, cls, extraction, RULESET, nlp)
    assert not any("missing_kpi.incomplete_kpi" in (f.rule_id, *f.merged_rule_ids) for f in with_section)
    alone_doc = Document(source, row.text, (Clause("c0000", "1", None, False, 1, None, row.text, 1, 1,
                                                    0, len(row.text)),), page_offsets=(0,))
    alone_kpi = Kpi("Calling-hours compliance", "zero calls", None, None, None, None, None, None,
                    row.text, "c0000", 1, 0, len(row.text), missing=("window", "remedy"))
    alone = run_rules(alone_doc, (Classification("c0000", ClauseType.SERVICE_LEVELS, 0.9),),
                        Extraction(kpis=(alone_kpi,)), RULESET, nlp)
    assert any("missing_kpi.incomplete_kpi" in (f.rule_id, *f.merged_rule_ids) for f in alone)
