"""The spaCy clause model: a ``textcat`` pipe trained through spaCy's config system.

Training writes the examples to DocBin files, reads ``textcat.cfg`` with those paths as
overrides, builds the pipeline with ``init_nlp`` and runs spaCy's own training loop, so the
config file fully describes the model. The pipeline is saved with ``to_disk``.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import ModelError

logger = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).with_name("textcat.cfg")
HEADING_PREFIX = "hd_"


def spacy_text(heading: str, body: str) -> str:
    """Return the text the textcat reads: heading words marked so they differ from body words."""
    marked = " ".join(HEADING_PREFIX + w for w in heading.split())
    return f"{marked} {body}" if marked else body


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


class SpacyTextcat:
    """A loaded textcat pipeline that returns probabilities in a fixed label order."""

    def __init__(self, nlp: Any, labels: Sequence[str]) -> None:
        self.nlp = nlp
        self.labels = tuple(labels)
        textcat = nlp.get_pipe("textcat")
        missing = set(self.labels) - set(textcat.labels)
        if missing:
            raise ModelError(f"spaCy textcat lacks labels {sorted(missing)}")
        self._order = [textcat.labels.index(label) for label in self.labels]

    @classmethod
    def load(cls, path: Path, labels: Sequence[str]) -> SpacyTextcat:
        """Load a pipeline saved with ``to_disk``."""
        import spacy

        if not path.is_dir():
            raise ModelError("spaCy textcat folder not found", str(path))
        return cls(spacy.load(path), labels)

    def save(self, path: Path) -> None:
        """Write the pipeline with spaCy's ``to_disk``."""
        self.nlp.to_disk(path)

    def predict_proba(self, headings: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Return an (n, labels) array of class probabilities."""
        texts = [spacy_text(h, b) for h, b in zip(headings, bodies, strict=True)]
        textcat = self.nlp.get_pipe("textcat")
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        row = 0
        batch: list[Any] = []
        for doc in self.nlp.tokenizer.pipe(texts, batch_size=512):
            batch.append(doc)
            if len(batch) == 512:
                out[row:row + len(batch)] = self._scores(textcat, batch)
                row += len(batch)
                batch = []
        if batch:
            out[row:row + len(batch)] = self._scores(textcat, batch)
        return out

    def _scores(self, textcat: Any, docs: list[Any]) -> np.ndarray:
        scores = textcat.model.ops.to_numpy(textcat.predict(docs))
        return np.asarray(scores)[:, self._order]
