"""Check labels.json of held-out set 4 against the documents it labels.

Checks: label format (keys, categories, units), quote length 10-200, every quote an exact substring
of one DOCX paragraph / table cell (python-docx) or of the whitespace-collapsed pdfplumber text,
and no clean quote overlapping a flag of the same category. Exits 1 on any problem.

    /work/main/.venv/bin/python eval/heldout4/check_labels.py
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


def docx_units(path: Path) -> list[str]:
    """Paragraphs and table cells as python-docx reads them."""
    from docx import Document

    doc = Document(str(path))
    units = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                units.append(cell.text)
    return units


def pdf_units(path: Path) -> list[str]:
    """Whole text, pages joined, every whitespace run collapsed to one space."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return [re.sub(r"\s+", " ", text)]


def spans(units: list[str], quote: str) -> list[tuple[int, int, int]]:
    """All (unit index, start, end) occurrences of quote."""
    found = []
    for i, unit in enumerate(units):
        start = unit.find(quote)
        while start != -1:
            found.append((i, start, start + len(quote)))
            start = unit.find(quote, start + 1)
    return found


def check() -> list[str]:
    errors: list[str] = []
    data = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    for d in data["documents"]:
        name = d["file"]
        path = HERE / name
        if set(d) != {"file", "kind", "flags", "absent", "clean", "pricing", "kpis"}:
            errors.append(f"{name}: wrong keys {sorted(d)}")
        if d["kind"] not in KINDS:
            errors.append(f"{name}: bad kind {d['kind']}")
        units = docx_units(path) if name.endswith(".docx") else pdf_units(path)

        def locate(quote: str, where: str) -> list[tuple[int, int, int]]:
            if not 10 <= len(quote) <= 200:
                errors.append(f"{name} {where}: quote length {len(quote)}: {quote!r}")
            hits = spans(units, quote)
            if not hits:
                errors.append(f"{name} {where}: quote not found: {quote!r}")
            return hits

        flag_spans: dict[str, list] = {c: [] for c in CORE}
        for f in d["flags"]:
            if set(f) != {"category", "section", "quote", "note"} or f["category"] not in CORE:
                errors.append(f"{name}: bad flag {f}")
                continue
            flag_spans[f["category"]].extend(locate(f["quote"], f"flag {f['section']}"))
        for a in d["absent"]:
            if set(a) != {"category", "note"} or a["category"] not in CORE | GAPS:
                errors.append(f"{name}: bad absent {a}")
        for c in d["clean"]:
            if set(c) != {"section", "quote", "categories", "note"} or not set(c["categories"]) <= CORE | GAPS:
                errors.append(f"{name}: bad clean {c}")
                continue
            for hit in locate(c["quote"], f"clean {c['section']}"):
                for cat in c["categories"]:
                    for other in flag_spans.get(cat, []):
                        if other[0] == hit[0] and other[1] < hit[2] and hit[1] < other[2]:
                            errors.append(f"{name}: clean {c['quote']!r} overlaps a {cat} flag")
        for p in d["pricing"]:
            if set(p) != {"item", "amount", "currency", "unit", "quote"} or p["unit"] not in UNITS \
                    or not isinstance(p["amount"], (int, float)):
                errors.append(f"{name}: bad pricing {p}")
            locate(p["quote"], f"pricing {p['item']}")
        for k in d["kpis"]:
            if set(k) != {"metric", "target", "window", "remedy", "quote"}:
                errors.append(f"{name}: bad kpi {k}")
            locate(k["quote"], f"kpi {k['metric']}")
    return errors


def main() -> int:
    errors = check()
    for e in errors:
        print(e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
