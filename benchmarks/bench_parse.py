"""Benchmark PDF parsing: our ``read_blocks`` (pypdfium2 + pdfplumber tables) vs pdfplumber.

Both parsers read the same fixed sample of CUAD PDFs, each in its own fresh process (one
core at a time), so the speed-up is a ratio from one run on one machine. pdfplumber pages
are closed after ``extract_text`` (its memory-friendly use). Medians are over files, as
the machine may be shared and noisy.

Usage:
    python benchmarks/bench_parse.py [--cuad ../shared/cuad] [--files 59] [--seed 0]
        [--skip-pdfplumber]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _run_ours(paths: list[str]) -> tuple[list[tuple[str, int, float, str]], float, float]:
    from analyzer.errors import AnalyzerError
    from analyzer.ingest import read_blocks

    baseline = _peak_rss_mib()
    results = []
    for path in paths:
        start = time.perf_counter()
        try:
            pages = read_blocks(path).source.page_count
            status = "ok"
        except AnalyzerError as exc:
            pages, status = 0, exc.code
        results.append((path, pages, time.perf_counter() - start, status))
    return results, baseline, _peak_rss_mib()


def _run_pdfplumber(paths: list[str]) -> tuple[list[tuple[str, int, float, str]], float, float]:
    import pdfplumber

    baseline = _peak_rss_mib()
    results = []
    for path in paths:
        start = time.perf_counter()
        pages = 0
        status = "ok"
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()
                    pages += 1
        except Exception as exc:  # noqa: BLE001 - a benchmark records failures and goes on
            status = type(exc).__name__
        results.append((path, pages, time.perf_counter() - start, status))
    return results, baseline, _peak_rss_mib()


def _in_fresh_process(func, paths: list[str]):  # type: ignore[no-untyped-def]
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(func, paths).result()


def _summary(name: str, results, baseline: float, peak: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    ok = [(p, n, t) for p, n, t, s in results if s == "ok" and n > 0]
    per_file = [n / t for _, n, t in ok]
    ms_per_page = [1000 * t / n for _, n, t in ok]
    pages = sum(n for _, n, _ in ok)
    seconds = sum(t for _, _, t in ok)
    row = {
        "files": len(ok),
        "failed": len(results) - len(ok),
        "pages": pages,
        "median_pages_s": statistics.median(per_file) if per_file else 0.0,
        "median_ms_page": statistics.median(ms_per_page) if ms_per_page else 0.0,
        "total_pages_s": pages / seconds if seconds else 0.0,
        "seconds": seconds,
        "peak_rss_mib": peak,
        "baseline_rss_mib": baseline,
    }
    print(
        f"{name:<22} files={row['files']:>3} failed={row['failed']:>2} pages={pages:>5}  "
        f"median {row['median_pages_s']:7.1f} pages/s  {row['median_ms_page']:7.2f} ms/page  "
        f"overall {row['total_pages_s']:7.1f} pages/s ({seconds:6.1f} s)  "
        f"peak RSS {peak:6.0f} MiB (idle {baseline:.0f})"
    )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuad", type=Path, default=ROOT.parent / "shared" / "cuad")
    parser.add_argument("--files", type=int, default=59, help="sample size (default 59)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--skip-pdfplumber", action="store_true", help="time our parser only")
    args = parser.parse_args(argv)

    pdf_dir = args.cuad / "pdf"
    if not pdf_dir.is_dir():
        print(f"no PDFs in {pdf_dir}; pass --cuad DIR", file=sys.stderr)
        return 2
    every = sorted(str(p) for p in pdf_dir.glob("*.pdf"))
    sample = random.Random(args.seed).sample(every, min(args.files, len(every)))
    print(f"sample: {len(sample)} of {len(every)} CUAD PDFs (seed {args.seed}), one process each")

    ours_results, ours_base, ours_peak = _in_fresh_process(_run_ours, sample)
    ours = _summary("ours (read_blocks)", ours_results, ours_base, ours_peak)
    if args.skip_pdfplumber:
        return 0
    plumber_results, plumber_base, plumber_peak = _in_fresh_process(_run_pdfplumber, sample)
    plumber = _summary("pdfplumber extract_text", plumber_results, plumber_base, plumber_peak)

    both = {p: (n, t) for p, n, t, s in ours_results if s == "ok" and n}
    ratios = [
        t / both[p][1] for p, n, t, s in plumber_results if s == "ok" and n and p in both
    ]
    if plumber["median_pages_s"]:
        print(
            f"speed-up: median pages/s ratio {ours['median_pages_s'] / plumber['median_pages_s']:.1f}x, "
            f"median per-file time ratio {statistics.median(ratios):.1f}x, "
            f"overall {ours['total_pages_s'] / plumber['total_pages_s']:.1f}x"
        )
    slowest = sorted(ours_results, key=lambda r: -r[2])[:3]
    print("slowest for us: " + "; ".join(f"{Path(p).name[:40]} {n}p {t:.2f}s" for p, n, t, _ in slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
