"""Extractors: prices, KPIs, obligations and attachment references from a ``Document``.

Every span they return is exact: ``quote == document.text[start:end]``, with the page from
``document.page_at(start)`` and the innermost clause that holds ``start``. Only
``extract_obligations`` uses spaCy, and only on short windows of duty sentences.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from analyzer.extract.kpis import extract_kpis, service_credit_exposure
from analyzer.extract.money import Percent, find_money, find_percentages
from analyzer.extract.obligations import extract_obligations, party_names
from analyzer.extract.pricing import extract_rates
from analyzer.extract.quantities import (
    Cap,
    Duration,
    Escalator,
    find_caps,
    find_durations,
    find_escalators,
)
from analyzer.extract.references import attachment_labels, extract_references
from analyzer.types import Classification, Document, Extraction

__all__ = [
    "Cap",
    "Duration",
    "Escalator",
    "Percent",
    "attachment_labels",
    "extract_all",
    "extract_kpis",
    "extract_obligations",
    "extract_rates",
    "extract_references",
    "find_caps",
    "find_durations",
    "find_escalators",
    "find_money",
    "find_percentages",
    "party_names",
    "service_credit_exposure",
]

logger = logging.getLogger(__name__)


def extract_all(document: Document, classifications: tuple[Classification, ...], nlp) -> Extraction:
    """Run every extractor over ``document``.

    Args:
        document: the segmented contract.
        classifications: one per clause (used to skip liability and insurance amounts).
        nlp: the spaCy ``Language`` from ``analyzer.nlp.load_nlp()``, loaded once by the caller.
    """
    extraction = Extraction(
        rates=extract_rates(document, classifications),
        kpis=extract_kpis(document, classifications),
        obligations=extract_obligations(document, classifications, nlp),
        references=extract_references(document),
    )
    return replace(extraction, service_credit_exposure=service_credit_exposure(extraction, document))
