"""Title, parties and dates from the opening text."""

from __future__ import annotations

import pytest

from analyzer.metadata import (
    Party,
    contract_profile,
    find_dates,
    find_parties,
    find_party_definitions,
    find_title,
)
from analyzer.types import ContractType


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["CARD SERVICES CONTACT CENTER AGREEMENT", "This Agreement ..."], "CARD SERVICES CONTACT CENTER AGREEMENT"),
        (["Exhibit 10.2", "CO-HOSTING AGREEMENT", "This Co-Hosting Agreement"], "CO-HOSTING AGREEMENT"),
        (
            ["EXHIBIT 4.25 INFORMATION IN THIS EXHIBIT IS REDACTED. SERVICES AGREEMENT This Services Agreement is made"],
            "SERVICES AGREEMENT",
        ),
        (["This agreement is made between two parties."], None),
    ],
)
def test_metadata_finds_title(lines: list[str], title: str | None) -> None:
    assert find_title(lines) == title


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            ('This Agreement is entered into by and between Harbourline Bank, N.A., a national banking association '
            '("Bank"), and Corvalis Customer Care, LLC, a Texas limited liability company ("Supplier").'),
            ("Harbourline Bank, N.A.", "Corvalis Customer Care, LLC"),
        ),
        (
            "This Agreement is made between Acme Corp. (the \"Client\") and Beta Services LLC (\"Supplier\").",
            ("Acme Corp.", "Beta Services LLC"),
        ),
        ("This Agreement has no parties named.", ()),
    ],
)
def test_metadata_finds_parties(text: str, parties: tuple[str, ...]) -> None:
    assert find_parties(text) == parties


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("made as of March 1, 2026 (the Effective Date)", ("March 1, 2026",)),
        ("dated 1 March 2026 and amended 2026-04-01", ("1 March 2026", "2026-04-01")),
        ("made this 1st day of October, 2008", ("1st day of October, 2008",)),
        ("signed in 2019 for 30 days", ()),
    ],
)
def test_metadata_finds_dates(text: str, dates: tuple[str, ...]) -> None:
    assert find_dates(text) == dates


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["[FORM]", "ONLINE HOSTING AGREEMENT", "This Online Hosting Agreement is made"], "ONLINE HOSTING AGREEMENT"),
        (["EXHIBIT 10.17", "[ACME LETTERHEAD]", "EQUIPMENT MAINTENANCE AGREEMENT"], "EQUIPMENT MAINTENANCE AGREEMENT"),
        (["Exhibit 10.3", "EXHIBIT C", "SUPPORT AGREEMENT", "SUPPORT AGREEMENT dated as of May 1"], "SUPPORT AGREEMENT"),
        (["Exhibit 10.12", "Master Service Agreement", "This Master Service Agreement is entered into"], "Master Service Agreement"),
        (
            ["CERTAIN CONFIDENTIAL INFORMATION HAS BEEN OMITTED AND FILED SEPARATELY", "LOGISTICS OUTSOURCING AGREEMENT"],
            "LOGISTICS OUTSOURCING AGREEMENT",
        ),
    ],
)
def test_metadata_title_skips_placeholders_stamps_and_legends(lines: list[str], title: str) -> None:
    assert find_title(lines) == title


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # an address block under the name, and the defined term further down
        (
            ('BETWEEN:\n\nNORTHWAY PRESSING BV\n\nDORPSSTRAAT 12\n\nTHE NETHERLANDS\n\n(HEREINAFTER "NPB")\n\n'
            'AND\nQUILL AUDIO, INC.\n\n(HEREAFTER "QUILL")\n\n1. PURPOSE'),
            (Party("NORTHWAY PRESSING BV", "NPB"), Party("QUILL AUDIO, INC.", "QUILL")),
        ),
        # list markers "(1)" / "(2)" are not names
        (
            ("BETWEEN:\n\n(1) HARROW LABS LIMITED a company incorporated in England (the “Company”); and\n\n"
            "(2) JANE DOE of (the “Employee”).\nIT IS AGREED as follows:"),
            (Party("HARROW LABS LIMITED", "Company"), Party("JANE DOE", "Employee")),
        ),
        # Party A / Party B, no quotes, and an "and" inside a name
        (
            ("The Covenanter: The Oak Hill Golf and Leisure Inc. (hereinafter referred to as Party A) and the "
            "Covenanter: Wen Design Office (hereinafter referred to as Party B) hereby agree as follows."),
            (Party("Oak Hill Golf and Leisure Inc.", "Party A"), Party("Wen Design Office", "Party B")),
        ),
        # an address glued on is cut at "whose"; the alias after "hereinafter"
        (
            ('by and between Trialwise (Pty) Limited, whose Registered Office is at 1 Main Road (hereinafter '
            'referred to as "CRO") and Medix LLC whose Registered Office is at 9 Elm St (hereinafter referred '
            'to as “Client”).'),
            (Party("Trialwise", "CRO"), Party("Medix LLC", "Client")),
        ),
        # a form's field labels are not parties; unbracketed "hereinafter referred to as"
        (
            ('Between\nClient Name: ACME SERVICES, INC.\nAnd\nCustomer Name: BOLT, INC.\n'
            'ACME SERVICES, INC., hereinafter referred to as "ASI", hereby agrees to provide service and '
            'BOLT, INC., hereinafter referred to as "Customer", agrees to accept such service.'),
            (Party("ACME SERVICES, INC.", "ASI"), Party("BOLT, INC.", "Customer")),
        ),
        # a defined term of the deal ("Agreement", "Effective Date") is not a party
        (
            ('This Agreement (the "Agreement") is made as of May 1, 2020 (the "Effective Date") between Alpha '
            'Corp., a Delaware corporation ("Alpha"), and beta-works llc ("Beta").'),
            (Party("Alpha Corp.", "Alpha"), Party("beta-works llc", "Beta")),
        ),
    ],
)
def test_metadata_reads_party_definitions(text: str, parties: tuple[Party, ...]) -> None:
    assert find_party_definitions(text) == parties


def _profile(title: str | None, text: str):
    return contract_profile(title, text, find_party_definitions(text))


def test_profile_roles_from_defined_terms_and_type_from_title() -> None:
    text = (
        'This Agreement is made between Harbour Bank, N.A. ("Customer") and Delta Ops LLC ("Supplier"). '
        "Supplier shall provide the Services. Customer shall pay the fees."
    )
    profile = _profile("BACK OFFICE OUTSOURCING AGREEMENT", text)
    assert profile.contract_type is ContractType.OUTSOURCING
    assert (profile.customer, profile.vendor) == ("Customer", "Supplier")
    assert (profile.customer_name, profile.vendor_name) == ("Harbour Bank, N.A.", "Delta Ops LLC")
    assert any("title" in line for line in profile.evidence)


def test_profile_roles_from_who_provides_and_who_pays() -> None:
    text = (
        'This Agreement is made between Orion Media Inc. ("Orion") and Kappa Labs, Inc. ("Kappa"). '
        "WHEREAS, Orion desires to obtain hosting services from Kappa. Kappa shall host and maintain "
        "the Site. Kappa will provide support. Orion shall pay the monthly fee to Kappa."
    )
    profile = _profile("ONLINE HOSTING AGREEMENT", text)
    assert profile.contract_type is ContractType.HOSTING
    assert (profile.customer, profile.vendor) == ("Orion", "Kappa")


def test_profile_executive_service_agreement_is_employment() -> None:
    body = "Your employment shall commence on 1 May. Your salary will be paid monthly. " * 6
    text = 'BETWEEN:\n(1) Zeta Ltd (the “Company”); and\n(2) John Roe of (the “Employee”).\n' + body
    profile = _profile("SERVICE AGREEMENT", text)
    assert profile.contract_type is ContractType.EMPLOYMENT
    assert (profile.customer, profile.vendor) == ("Company", "Employee")


def test_profile_without_two_parties_names_no_roles() -> None:
    profile = _profile(None, "Terms and conditions of sale.")
    assert profile.contract_type is ContractType.OTHER
    assert profile.customer is None and profile.vendor is None
    assert profile.evidence
