"""Check labels.json against the generated held-out documents.

Verifies the label format of samples/README.md: every quote is 10-200 characters and an
exact substring of one DOCX paragraph / table cell, or of one PDF page's pdfplumber text
with whitespace collapsed; categories and units come from the fixed vocabularies; KPI
targets contain a number; a clean quote never overlaps a flag of the same category.

Run:  python eval/heldout/check_labels.py   (exit status 1 when anything fails)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORE = {"missing_kpi", "undefined_responsibility", "vague_pricing", "hidden_cost"}
GAPS = {"training_gap", "governance_gap", "data_security_gap", "exit_gap"}
UNITS = {"productive_hour", "minute", "call", "fte_month", "transaction", "month", "one_time", "percent"}
KINDS = {"msa", "sow", "bid", "amendment", "other"}


def docx_segments(path: Path) -> list[str]:
    """Paragraphs and table cells as python-docx reads them."""
    import docx

    d = docx.Document(str(path))
    segs = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                segs.append(cell.text)
    return segs


def pdf_segments(path: Path) -> list[str]:
    """One whitespace-collapsed text per page, so a quote cannot cross a page."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [re.sub(r"\s+", " ", p.extract_text() or "") for p in pdf.pages]


def spans(quote: str, segs: list[str]) -> list[tuple[int, int, int]]:
    """All (segment, start, end) positions of quote."""
    out = []
    for i, s in enumerate(segs):
        start = s.find(quote)
        while start >= 0:
            out.append((i, start, start + len(quote)))
            start = s.find(quote, start + 1)
    return out


def check(labels_path: Path) -> list[str]:
    errors: list[str] = []
    data = json.loads(labels_path.read_text())
    for doc in data["documents"]:
        name = doc["file"]
        path = HERE / name
        if not path.exists():
            errors.append(f"{name}: file missing")
            continue
        segs = docx_segments(path) if path.suffix == ".docx" else pdf_segments(path)
        if doc.get("kind") not in KINDS:
            errors.append(f"{name}: bad kind {doc.get('kind')!r}")

        def q_ok(where: str, quote: str) -> list:
            if not 10 <= len(quote) <= 200:
                errors.append(f"{name} {where}: quote length {len(quote)}: {quote!r}")
            found = spans(quote, segs)
            if not found:
                errors.append(f"{name} {where}: quote not found: {quote!r}")
            return found

        flag_spans: dict[str, list] = {}
        for f in doc["flags"]:
            if f["category"] not in CORE:
                errors.append(f"{name}: flag category {f['category']!r} not core")
            if not f.get("section") or not f.get("note"):
                errors.append(f"{name}: flag without section/note: {f['quote']!r}")
            flag_spans.setdefault(f["category"], []).extend(q_ok("flag", f["quote"]))
        for a in doc["absent"]:
            if a["category"] not in GAPS | {"missing_kpi"}:
                errors.append(f"{name}: absent category {a['category']!r}")
        for c in doc["clean"]:
            found = q_ok("clean", c["quote"])
            for cat in c["categories"]:
                if cat not in CORE | GAPS:
                    errors.append(f"{name}: clean category {cat!r}")
                for (i, s, e) in found:
                    for (j, fs, fe) in flag_spans.get(cat, []):
                        if i == j and s < fe and fs < e:
                            errors.append(f"{name}: clean quote overlaps a {cat} flag: {c['quote']!r}")
        for p in doc["pricing"]:
            q_ok("pricing", p["quote"])
            if p["unit"] not in UNITS:
                errors.append(f"{name}: pricing unit {p['unit']!r}")
            if not isinstance(p["amount"], (int, float)):
                errors.append(f"{name}: pricing amount not a number: {p['amount']!r}")
            if p["currency"] is not None and not re.fullmatch(r"[A-Z]{3}", p["currency"]):
                errors.append(f"{name}: currency {p['currency']!r}")
        for k in doc["kpis"]:
            q_ok("kpi", k["quote"])
            if not re.search(r"\d", k["target"]):
                errors.append(f"{name}: KPI target has no number: {k['target']!r}")
    return errors


def main() -> int:
    errors = check(HERE / "labels.json")
    for e in errors:
        print("FAIL", e)
    data = json.loads((HERE / "labels.json").read_text())
    n = sum(len(d[k]) for d in data["documents"] for k in ("flags", "clean", "pricing", "kpis"))
    print(f"{'FAILED' if errors else 'OK'}: {len(errors)} problems, {n} quotes checked")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
