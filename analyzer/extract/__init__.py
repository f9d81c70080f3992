"""Extractors: prices, KPIs, obligations and attachment references from a ``Document``.

Every span they return is exact: ``quote == document.text[start:end]``, with the page from
``DocumentContext.page_at(start)`` and the innermost clause that holds ``start``. Only
``extract_obligations`` uses spaCy, and only on short windows of duty sentences.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

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
from analyzer.types import Extraction

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.context import DocumentContext

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


def extract_all(context: DocumentContext) -> Extraction:
    """Run every extractor over the context's document.

    Args:
        context: the classified document from ``analyzer.context.build_context``; its
            classifications skip liability and insurance amounts, its spaCy pipeline
            parses the duty windows.
    """
    extraction = Extraction(
        rates=extract_rates(context),
        kpis=extract_kpis(context),
        obligations=extract_obligations(context),
        references=extract_references(context),
    )
    return replace(extraction, service_credit_exposure=service_credit_exposure(extraction, context))
