"""Training the spaCy clause model: a ``textcat`` pipe trained through spaCy's config system.

Training writes the examples to DocBin files, reads ``textcat.cfg`` with those paths as
overrides, builds the pipeline with ``init_nlp`` and runs spaCy's own training loop, so the
config file fully describes the model. The pipeline is saved with ``to_disk`` and read back
by ``analyzer.classify.spacy_textcat.SpacyTextcat``.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).with_name("textcat.cfg")


def _docbin(nlp: Any, texts: Sequence[str], labels: Sequence[str], all_labels: Sequence[str],
            path: Path) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for doc, label in zip(nlp.tokenizer.pipe(texts, batch_size=256), labels, strict=True):
        doc.cats = {name: float(name == label) for name in all_labels}
        db.add(doc)
    db.to_disk(path)


def train_textcat(
    texts: Sequence[str],
    labels: Sequence[str],
    dev_texts: Sequence[str],
    dev_labels: Sequence[str],
    all_labels: Sequence[str],
    seed: int = 0,
    max_epochs: int | None = None,
) -> Any:
    """Train the textcat from ``textcat.cfg`` and return the trained ``Language``.

    ``dev_*`` is only spaCy's per-epoch score log; pass a slice of the training data, never
    the evaluation fold.
    """
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train
    from spacy.util import load_config

    blank = spacy.blank("en")
    with tempfile.TemporaryDirectory(prefix="textcat-") as tmp:
        train_path, dev_path = Path(tmp) / "train.spacy", Path(tmp) / "dev.spacy"
        _docbin(blank, texts, labels, all_labels, train_path)
        _docbin(blank, dev_texts, dev_labels, all_labels, dev_path)
        overrides: dict[str, Any] = {
            "paths.train": str(train_path),
            "paths.dev": str(dev_path),
            "system.seed": seed,
        }
        if max_epochs is not None:
            overrides["training.max_epochs"] = max_epochs
        config = load_config(CONFIG_PATH, overrides=overrides, interpolate=False)
        nlp = init_nlp(config)
        spacy_train(nlp, output_path=None, stdout=_NullWriter(), stderr=_NullWriter())
    return nlp


class _NullWriter:
    """Swallow spaCy's console table; progress goes to the logger instead."""

    def write(self, text: str) -> int:
        if text.strip():
            logger.debug("spacy: %s", text.rstrip())
        return len(text)

    def flush(self) -> None:
        """Nothing to flush."""
