"""Obligations: party, modal and action, told apart by voice and by who is named."""

from __future__ import annotations

import pytest

from analyzer.extract import extract_obligations, party_names
from analyzer.nlp import load_nlp
from extract_fixtures import make_context, make_doc

PREAMBLE = (
    'This Agreement is made between Brightcart Commerce, Inc. ("Client") and '
    'Meridian Contact Solutions S.A.S. ("Supplier").\n'
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _obligations(sentence: str, nlp):
    doc = make_doc(PREAMBLE + "1. " + sentence)
    obs = extract_obligations(make_context(doc, (), nlp))
    for o in obs:
        assert doc.text[o.start : o.end] == o.quote
        assert o.clause_id
    return obs


@pytest.mark.parametrize(
    ("sentence", "party", "modal", "verb", "passive", "joint"),
    [
        ("Supplier shall provide monthly reports to Client.", "Supplier", "shall", "provide", False, False),
        ("Client must give Supplier a rolling forecast.", "Client", "must", "give", False, False),
        ("Reports will be provided monthly.", None, "will", "provide", True, False),
        (
            "Monthly reports shall be delivered by Supplier to Client's Program Manager within five business days.",
            "Supplier",
            "shall",
            "deliver",
            True,
            False,
        ),
        ("The Parties will work together to resolve service issues.", "the Parties", "will", "work", False, True),
        ("Both parties will work together to improve quality.", "the Parties", "will", "work", False, True),
        ("Intraday re-forecasting will be handled jointly.", None, "will", "handle", True, True),
        ("Client is responsible for providing agent workstations.", "Client", "is responsible for", "provide", False, False),
        ("Supplier agrees to maintain insurance.", "Supplier", "agrees to", "maintain", False, False),
        ("Supplier's Account Director will hold a monthly business review.", "Supplier", "will", "hold", False, False),
        ("If the service level is missed, Supplier shall credit Client 3% of the Fees.", "Supplier", "shall", "credit", False, False),
        ("Supplier, at its own cost, shall maintain a disaster recovery plan.", "Supplier", "shall", "maintain", False, False),
        ("Supplier shall not subcontract the Services without consent.", "Supplier", "shall not", "not subcontract", False, False),
        ("Penetration tests will be carried out at least once a year.", None, "will", "carry", True, False),
    ],
)
def test_extract_obligations_party_modal_action(sentence, party, modal, verb, passive, joint, nlp):
    obs = _obligations(sentence, nlp)
    assert obs, sentence
    ob = obs[0]
    assert (ob.party, ob.modal, ob.passive, ob.joint) == (party, modal, passive, joint)
    assert ob.action.startswith(verb)


@pytest.mark.parametrize(
    "sentence",
    [
        "Client may terminate this Agreement on notice.",
        "This Agreement is governed by the laws of New York.",
        "Capitalized terms have the meanings given in the Agreement.",
    ],
)
def test_extract_obligations_ignores_permissions_and_statements(sentence, nlp):
    assert _obligations(sentence, nlp) == ()


def test_extract_obligations_without_nlp_keeps_plain_active_duties():
    doc = make_doc(PREAMBLE + "1. Supplier shall provide reports. Reports will be provided monthly.")
    obs = extract_obligations(make_context(doc, (), None))
    assert [(o.party, o.passive) for o in obs] == [("Supplier", False)]


def test_party_names_reads_defined_aliases():
    names = party_names(make_doc(PREAMBLE))
    assert names["client"] == "Client"
    assert names["supplier"] == "Supplier"
    assert names["parties"] == "the Parties"
