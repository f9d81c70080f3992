"""Benchmark: clause classification throughput of the shipped model on one core.

Classification alone (no ingest or segmentation): clauses are segmented first, outside the
timer, from ``--corpus`` (a CUAD-layout folder, default ../shared/cuad) or, without one, from
a synthetic set. Threads are pinned to one so the figure is per core. Two figures: clause
typing alone (``predict``), and ``classify(document)`` as the pipeline runs it (typing,
parent context and the sentence-level provision tagger).

    .venv/bin/python benchmarks/bench_classify.py [--corpus DIR] [--contracts 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _documents(corpus: Path | None, contracts: int) -> list[Any]:
    if corpus is not None and corpus.is_dir():
        from analyzer.training.dataset import read_corpus

        return [c.document for c in read_corpus(corpus, limit=contracts)]
    from analyzer.types import Clause, Document, FileFormat, SourceInfo

    words = ("supplier shall provide the services in accordance with the service levels and "
             "customer shall pay the fees within thirty days of invoice. ").split(" ")
    bodies = [" ".join(words[(i + j) % len(words)] for j in range(60)) for i in range(5000)]
    text = "\n".join(bodies)
    clauses, start = [], 0
    for i, body in enumerate(bodies):
        clauses.append(Clause(f"c{i}", str(i + 1), None, False, 1, None, body, 1, 1, start,
                              start + len(body)))
        start += len(body) + 1
    return [Document(SourceInfo("synthetic", "synthetic", "0", FileFormat.TXT, len(text), 1),
                     text, tuple(clauses), page_offsets=(0,))]


def _rates(run: Callable[[], Any], n: int, repeat: int) -> tuple[list[float], list[float]]:
    rates, cpu_rates = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        rates.append(n / (time.perf_counter() - t0))
        cpu_rates.append(n / (time.process_time() - c0))
    return rates, cpu_rates


def _print(what: str, rates: list[float], cpu_rates: list[float]) -> None:
    print(f"{what}, clauses/s (wall clock): median {statistics.median(rates):,.0f}  "
          f"best {max(rates):,.0f}")
    # CPU time of this process: what one core delivers, whatever else shares the machine
    print(f"{what}, clauses/s per core (CPU time): median {statistics.median(cpu_rates):,.0f}  "
          f"best {max(cpu_rates):,.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "cuad")
    parser.add_argument("--contracts", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    from analyzer.classify.model import ClauseClassifier

    t0 = time.perf_counter()
    model = ClauseClassifier.load(args.model_dir)
    load_s = time.perf_counter() - t0
    documents = _documents(args.corpus, args.contracts)
    clauses = [c for d in documents for c in d.clauses]
    heads = [c.heading if c.own_heading else None for c in clauses]
    bodies = [c.text for c in clauses]
    model.predict(heads[:50], bodies[:50])  # warm-up: the n-gram tables are built on first use
    model.classify(documents[0])
    typing = _rates(lambda: model.predict(heads, bodies), len(bodies), args.repeat)
    whole = _rates(lambda: [model.classify(d) for d in documents], len(bodies), args.repeat)
    chars = statistics.mean(len(b) for b in bodies) if bodies else 0
    print(f"model {model.version}: load {load_s:.2f} s, provision tagger: "
          f"{'yes' if model.provisions is not None else 'no'}")
    print(f"clauses {len(bodies)} (mean {chars:.0f} chars) in {len(documents)} documents, "
          f"runs {args.repeat}")
    _print("typing alone (predict)", *typing)
    _print("classify(document) with provisions", *whole)
    return 0


if __name__ == "__main__":
    sys.exit(main())
