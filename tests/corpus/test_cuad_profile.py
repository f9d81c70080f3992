"""Title, parties, contract profile and segmentation on real CUAD PDFs (issue 10).

Each case is a failure seen on a real agreement of the tune half, now a check: a party
named "1)" or an address block, an empty party list, a title taken from a letterhead
placeholder or a filing stamp, a table of contents read as ~140 clauses, "ARTICLE I1".
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from analyzer.ingest import read_blocks
from analyzer.segment import segment_clauses
from analyzer.types import ContractType, Document

pytestmark = pytest.mark.corpus


def _doc(cuad_dir: Path, name: str) -> Document:
    path = cuad_dir / "pdf" / name
    if not path.is_file():
        pytest.skip(f"{name} is absent")
    return segment_clauses(read_blocks(path))


@pytest.mark.parametrize(
    ("name", "title", "contract_type", "customer", "vendor"),
    [
        ("DRAGONSYSTEMSINC_01_08_1999-EX-10.17-OUTSOURCING AGREEMENT.pdf", "OUTSOURCING AGREEMENT",
         ContractType.OUTSOURCING, "DRAGON SYSTEMS", "MMI"),
        ("TRIZETTOGROUPINC_08_18_1999-EX-10.17-TECHNICAL INFRASTRUCTURE MAINTENANCE AGREEMENT.pdf",
         "TECHNICAL INFRASTRUCTURE MAINTENANCE AGREEMENT", ContractType.MAINTENANCE, "Customer", "MMMW"),
        ("BLUEFLYINC_03_27_2002-EX-10.27-e-business Hosting Agreement.pdf", "e-business Hosting Agreement",
         ContractType.HOSTING, "Customer", "IBM"),
        ("DYNTEKINC_07_30_1999-EX-10-ONLINE HOSTING AGREEMENT.pdf", "ONLINE HOSTING AGREEMENT",
         ContractType.HOSTING, "Diplomat", "Tadeo"),
        ("BICYCLETHERAPEUTICSPLC_03_10_2020-EX-10.11-SERVICE AGREEMENT.pdf", "SERVICE AGREEMENT",
         ContractType.EMPLOYMENT, "Company", "Employee"),
        ("ON2TECHNOLOGIES,INC_11_17_2006-EX-10.3-SUPPORT AND MAINTENANCE AGREEMENT.pdf",
         "SUPPORT AND MAINTENANCE AGREEMENT", ContractType.MAINTENANCE, "On2", "Wildform"),
    ],
)
def test_cuad_title_and_profile(
    cuad_dir: Path, name: str, title: str, contract_type: ContractType, customer: str, vendor: str
) -> None:
    doc = _doc(cuad_dir, name)
    assert doc.title == title
    assert doc.profile.contract_type is contract_type
    assert (doc.profile.customer, doc.profile.vendor) == (customer, vendor)
    assert len(doc.parties) == 2 and all(len(p) < 60 and "\n" not in p for p in doc.parties)


def test_cuad_party_lists(cuad_dir: Path) -> None:
    bicycle = _doc(cuad_dir, "BICYCLETHERAPEUTICSPLC_03_10_2020-EX-10.11-SERVICE AGREEMENT.pdf")
    assert bicycle.parties == ("BICYCLETX LIMITED", "NIGEL CROCKETT")
    imperial = _doc(
        cuad_dir,
        "ImperialGardenResortInc_20161028_DRS (on F-1)_EX-10.13_9963189_EX-10.13_Outsourcing Agreement.pdf",
    )
    assert [p.split()[0] for p in imperial.parties] == ["HUANG", "Chang"]
    gpaq = _doc(cuad_dir, "GpaqAcquisitionHoldingsInc_20200123_S-4A_EX-10.8_11951679_EX-10.8_Service Agreement.pdf")
    assert gpaq.profile.customer == "HOF Entities" and gpaq.profile.vendor == "Constellation"


def test_cuad_table_of_contents_is_not_clauses(cuad_dir: Path) -> None:
    doc = _doc(cuad_dir, "TRICITYBANKSHARESCORP_05_15_1998-EX-10-OUTSOURCING AGREEMENT.pdf")
    numbers = Counter(c.number for c in doc.clauses if c.number)
    assert not [n for n, k in numbers.items() if k > 1]
    top = [c.number for c in doc.clauses if c.level == 1 and c.number and c.number.isdigit()]
    assert top == [str(n) for n in range(1, 24)]
    assert not any(c.number and c.number.startswith("Appendix") for c in doc.clauses)


def test_cuad_ocr_article_number(cuad_dir: Path) -> None:
    doc = _doc(cuad_dir, "CCAINDUSTRIESINC_04_14_2014-EX-10.1-OUTSOURCING AGREEMENT.pdf")
    clauses = {c.number: c for c in doc.clauses}
    assert clauses["Article II"].level == 1
    assert clauses["2.01"].parent_id == clauses["Article II"].id
