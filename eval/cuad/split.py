"""Split ../shared/labels/cuad_dev.json into a tuning half and a held-out half.

The split was fixed once, by contract type and flag count, before any rule was tuned on the
labels (see eval/cuad/README.md): rules and extractors are tuned on ``tune`` only and the
figures quoted for real contracts come from ``heldout``. The labels stay in ../shared; this
writes the two halves to a folder the caller gives (never into the project).

usage: python eval/cuad/split.py OUT_DIR [--labels ../shared/labels/cuad_dev.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

# Contract name prefixes (the CUAD file name up to the first date); 12 per half.
TUNE = (
    "TRICITYBANKSHARESCORP", "DRAGONSYSTEMSINC", "CCAINDUSTRIESINC",  # outsourcing
    "CENTRACKINTERNATIONALINC", "BLUEFLYINC", "DYNTEKINC",  # hosting
    "ImperialGardenResortInc", "PAXMEDICA,INC",  # services
    "TRIZETTOGROUPINC", "ON2TECHNOLOGIES,INC",  # maintenance
    "GpaqAcquisitionHoldingsInc", "BICYCLETHERAPEUTICSPLC",  # supply, other
)
HELDOUT = (
    "NICELTD", "ASPIRITYHOLDINGSLLC", "SYKESHEALTHPLANSERVICESINC", "RISEEDUCATIONCAYMANLTD",
    "WEBHELPCOMINC", "INKTOMICORP",
    "ABILITYINC", "KUBIENT,INC", "OAKTREECAPITALGROUP,LLC",
    "IMAGEWARESYSTEMSINC",
    "DYNAMEXINC", "SUNTRONCORP",
)
DEFAULT_LABELS = Path(__file__).resolve().parents[3] / "shared" / "labels" / "cuad_dev.json"


def half_of(file: str) -> str:
    """Return ``tune`` or ``heldout`` for a labelled document's ``file``."""
    name = Path(file).name
    for half, prefixes in (("tune", TUNE), ("heldout", HELDOUT)):
        if any(name.startswith(prefix + "_") for prefix in prefixes):
            return half
    raise ValueError(f"{file}: not in the split; add it to TUNE or HELDOUT in {__file__}")


def split(labels: Path, out_dir: Path) -> dict[str, Path]:
    """Write ``cuad_tune.json`` and ``cuad_heldout.json`` (score_flags.py format) to ``out_dir``."""
    data = json.loads(labels.read_text(encoding="utf-8"))
    halves: dict[str, list[dict]] = {"tune": [], "heldout": []}
    for document in data["documents"]:
        halves[half_of(document["file"])].append(document)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for half, documents in halves.items():
        path = out_dir / f"cuad_{half}.json"
        path.write_text(json.dumps({**data, "documents": documents}, indent=1), encoding="utf-8")
        written[half] = path
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    args = parser.parse_args()
    for half, path in split(args.labels, args.out_dir).items():
        print(f"{half}: {path}")


if __name__ == "__main__":
    main()
