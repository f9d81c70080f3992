"""The spaCy clause model at run time: a trained ``textcat`` pipeline behind ``Backend``.

The pipeline is written by ``analyzer.training.spacy_textcat`` with spaCy's ``to_disk``;
this module loads it and returns probabilities in the model card's label order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import ModelError

HEADING_PREFIX = "hd_"


def spacy_text(heading: str, body: str) -> str:
    """Return the text the textcat reads: heading words marked so they differ from body words."""
    marked = " ".join(HEADING_PREFIX + w for w in heading.split())
    return f"{marked} {body}" if marked else body


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
