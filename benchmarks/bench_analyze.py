"""Benchmark the whole analysis (parse, classify, extract, rules) against raw pdfplumber.

Prints, for the same PDFs in one run: the load time and the first against the second
analysis of one file after load, our warm end-to-end pages/s and ms per page (median
over files), the time split by stage, and pdfplumber's ``extract_text`` alone, so
the speed-up is a ratio measured on one machine at one moment. Machines are noisy: quote
medians.

usage: python benchmarks/bench_analyze.py [--corpus ../shared/cuad] [--files 59] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from analyzer.pipeline import Analyzer

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "cuad"


def pick_files(corpus: Path, count: int, seed: int) -> list[Path]:
    """Return a fixed random sample of the corpus PDFs."""
    files = sorted((corpus / "pdf").glob("*.pdf"))
    random.Random(seed).shuffle(files)
    return sorted(files[:count])


def time_pdfplumber(path: Path) -> tuple[float, int]:
    """Return seconds and pages for pdfplumber's raw text extraction, pages closed."""
    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - started, pages


def time_first_two(engine: Analyzer, path: Path) -> tuple[float, float]:
    """Return the seconds of the first and the second analysis of one file after load:
    whatever ``load`` leaves lazy shows up as the difference."""
    times = []
    for _ in range(2):
        started = time.perf_counter()
        engine.analyze(path)
        times.append(time.perf_counter() - started)
    return times[0], times[1]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--files", type=int, default=59)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-pdfplumber", action="store_true")
    args = parser.parse_args(argv)
    files = pick_files(args.corpus, args.files, args.seed)
    if not files:
        print(f"no PDFs under {args.corpus}/pdf", file=sys.stderr)
        return 1

    started = time.perf_counter()
    engine = Analyzer.load()
    print(f"load (with warm-up): {time.perf_counter() - started:.2f} s")
    first, second = time_first_two(engine, files[0])
    print(f"first analysis after load: {first * 1000:.0f} ms, second: {second * 1000:.0f} ms "
          f"(first/second {first / second:.2f}; {files[0].name})")

    ours_rate, plumber_rate, stage_totals = [], [], {}
    total_pages = total_ours = total_plumber = 0.0
    failures = 0
    for path in files:
        started = time.perf_counter()
        result = engine.try_analyze(path)
        elapsed = time.perf_counter() - started
        if result.result is None:
            failures += 1
            continue
        pages = result.result.document.source.page_count or 1
        ours_rate.append(pages / elapsed)
        total_pages += pages
        total_ours += elapsed
        for stage, seconds in result.result.timings:
            stage_totals[stage] = stage_totals.get(stage, 0.0) + seconds
        if not args.skip_pdfplumber:
            seconds, plumber_pages = time_pdfplumber(path)
            plumber_rate.append(plumber_pages / seconds)
            total_plumber += seconds

    print(f"files: {len(files)} (failed: {failures}), pages: {int(total_pages)}")
    median_ours = statistics.median(ours_rate)
    print(f"ours, whole analysis: median {median_ours:.1f} pages/s "
          f"({1000 / median_ours:.1f} ms/page); overall {total_pages / total_ours:.1f} pages/s")
    split = ", ".join(f"{k} {v / total_pages * 1000:.1f} ms/page" for k, v in stage_totals.items())
    print(f"by stage: {split}")
    if plumber_rate:
        median_plumber = statistics.median(plumber_rate)
        print(f"pdfplumber extract_text alone: median {median_plumber:.1f} pages/s "
              f"({1000 / median_plumber:.1f} ms/page); overall {total_pages / total_plumber:.1f} pages/s")
        print(f"speed-up (median ratio): {median_ours / median_plumber:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
