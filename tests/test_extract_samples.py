"""Corpus check: pricing lines and KPIs of the labelled samples are found.

Matching follows ../shared/tools/score_flags.py: a gold pricing line is found when an
extracted rate has the same unit and an amount within 0.006; a gold KPI is found when an
extracted KPI's quote (plus its target) overlaps the gold quote.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher

import pytest

from analyzer.extract import extract_kpis, extract_rates, extract_references
from analyzer.ingest import load_document
from extract_fixtures import make_context


def _norm(s: str) -> str:
    s = re.sub(r"-\s*\n\s*", "", s or "")
    return re.sub(r"[^a-z0-9$%.]+", " ", s.lower()).strip()


def _overlaps(gold: str, text: str, need: float = 0.6) -> bool:
    g, t = _norm(gold), _norm(text)
    if not g or not t:
        return False
    if g in t or (len(t) >= 20 and t in g):
        return True
    m = SequenceMatcher(None, g, t, autojunk=False).find_longest_match(0, len(g), 0, len(t))
    return m.size >= need * min(len(g), len(t))


@pytest.mark.corpus
def test_samples_pricing_and_kpis_found(samples_dir):
    gold = json.loads((samples_dir / "labels.json").read_text())
    price_hit = price_total = kpi_hit = kpi_total = 0
    missed = []
    for entry in gold["documents"]:
        doc = load_document(samples_dir / entry["file"])
        rates = extract_rates(make_context(doc))
        kpis = extract_kpis(make_context(doc))
        for g in entry.get("pricing", []):
            price_total += 1
            if any(abs(r.amount - float(g["amount"])) < 0.006 and r.unit.value == g["unit"] for r in rates):
                price_hit += 1
            else:
                missed.append((entry["file"], g["quote"]))
        for g in entry.get("kpis", []):
            kpi_total += 1
            if any(_overlaps(g["quote"], f"{k.quote} {k.target or ''}") for k in kpis):
                kpi_hit += 1
            else:
                missed.append((entry["file"], g["quote"]))
        for item in (*rates, *kpis, *extract_references(make_context(doc))):
            assert doc.text[item.start : item.end] == item.quote
    assert price_hit >= 0.9 * price_total, missed
    assert kpi_hit >= 0.9 * kpi_total, missed


@pytest.mark.corpus
def test_samples_missing_attachments(samples_dir):
    """Schedule C (01), Schedule B (03) and Annex B (07) are referred to but not attached."""
    expected = {
        "01_brightcart_meridian_msa_sow1.docx": {"Schedule C"},
        "03_aerovista_skybridge_sow3_overflow.docx": {"Schedule B"},
        "07_brightcart_meridian_amendment1_renewal.pdf": {"Annex B"},
        "02_harbourline_corvalis_card_services.pdf": set(),
    }
    for name, labels in expected.items():
        doc = load_document(samples_dir / name)
        missing = {r.label for r in extract_references(make_context(doc)) if not r.present}
        assert missing == labels, name
