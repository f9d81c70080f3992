"""Benchmark: clause classification throughput of the shipped model on one core.

Classification alone (no ingest or segmentation): clauses are segmented first, outside the
timer, from ``--corpus`` (a CUAD-layout folder, default ../shared/cuad) or, without one, from
a synthetic set. Threads are pinned to one so the figure is per core.

    .venv/bin/python benchmarks/bench_classify.py [--corpus DIR] [--contracts 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _bodies(corpus: Path | None, contracts: int) -> tuple[list[str | None], list[str]]:
    if corpus is not None and corpus.is_dir():
        from analyzer.classify.dataset import read_corpus

        heads: list[str | None] = []
        bodies: list[str] = []
        for contract in read_corpus(corpus, limit=contracts):
            for clause in contract.document.clauses:
                heads.append(clause.heading if clause.own_heading else None)
                bodies.append(clause.text)
        return heads, bodies
    words = ("supplier shall provide the services in accordance with the service levels and "
             "customer shall pay the fees within thirty days of invoice").split()
    bodies = [" ".join(words[(i + j) % len(words)] for j in range(60)) for i in range(5000)]
    return [None] * len(bodies), bodies


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
    heads, bodies = _bodies(args.corpus, args.contracts)
    model.predict(heads[:50], bodies[:50])  # warm-up
    rates, cpu_rates = [], []
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        model.predict(heads, bodies)
        rates.append(len(bodies) / (time.perf_counter() - t0))
        cpu_rates.append(len(bodies) / (time.process_time() - c0))
    chars = statistics.mean(len(b) for b in bodies) if bodies else 0
    print(f"model {model.version}: load {load_s:.2f} s")
    print(f"clauses {len(bodies)} (mean {chars:.0f} chars), runs {args.repeat}")
    print(f"clauses/s (wall clock): median {statistics.median(rates):,.0f}  best {max(rates):,.0f}")
    # CPU time of this process: what one core delivers, whatever else shares the machine
    print(f"clauses/s per core (CPU time): median {statistics.median(cpu_rates):,.0f}  "
          f"best {max(cpu_rates):,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
