"""Build the fictional sample contract in ``examples/`` (DOCX), so a fresh clone has input.

Every company, person and figure here is invented for this project. Run
``python examples/make_example.py`` to regenerate ``examples/northwind_lumen_contact_center_msa.docx``.
The contract mixes sound drafting (hard negatives) with the problems the analyzer flags.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).with_name("northwind_lumen_contact_center_msa.docx")

SECTIONS: list[tuple[str, list[str]]] = [
    ("1. DEFINITIONS", [
        "1.1 \"Agent\" means a member of Supplier's staff who handles Contacts for Client.",
        "1.2 \"Contact\" means an inbound telephone call, e-mail or chat session from a Client customer.",
        "1.3 \"Productive Hour\" means an hour during which an Agent is logged in and available "
        "to handle or handling Contacts, excluding training, coaching and meetings.",
    ]),
    ("2. SERVICES", [
        "2.1 Supplier shall provide inbound customer care for Client's home-energy customers by "
        "telephone, e-mail and chat, as described in Schedule 1.",
        "2.2 Supplier shall perform the Services in a professional manner consistent with good "
        "industry practice.",
        "2.3 The Parties will work together to define the escalation process for complaints "
        "addressed to Client's executives.",
        "2.4 Supplier shall comply with the disaster recovery plan set out in Schedule 4.",
    ]),
    ("3. SERVICE LEVELS", [
        "3.1 Supplier shall answer 80% of calls within 20 seconds, measured monthly from the "
        "time the call enters the queue, as recorded by Client's ACD; for each month below "
        "target, Supplier shall credit 5% of that month's Fees, capped at 15% of the monthly Fees.",
        "3.2 Supplier shall use commercially reasonable efforts to keep customer satisfaction high.",
    ]),
    ("4. PERSONNEL AND TRAINING", [
        "4.1 Supplier shall deliver forty (40) hours of initial product training to each Agent "
        "before the Agent handles Contacts.",
        "4.2 Supplier shall deliver refresher training of at least four (4) hours per Agent per "
        "quarter and shall train Agents on every product change notified by Client.",
    ]),
    ("5. REPORTING AND GOVERNANCE", [
        "5.1 Monthly performance reports shall be delivered by Supplier to Client's Program "
        "Manager within five business days after month end.",
        "5.2 The Parties' relationship managers shall meet monthly to review performance; "
        "unresolved issues are escalated to the Parties' executive sponsors within ten business days.",
        "5.3 Quality calibration reports will be provided as needed.",
    ]),
    ("6. FEES", [
        "6.1 Client shall pay the Fees set out in the rate card below.",
        "6.2 Bilingual support is charged at rates to be agreed.",
        "6.3 Client shall reimburse Supplier for all travel and out-of-pocket expenses incurred "
        "in connection with the Services.",
        "6.4 On each anniversary of the Effective Date the Fees shall increase by 4% per year.",
        "6.5 Travel expenses for quarterly business reviews are reimbursable only with Client's "
        "prior written approval and shall not exceed USD 10,000 per contract year.",
    ]),
    ("7. PAYMENT", [
        "7.1 Supplier shall invoice monthly in arrears. Client shall pay undisputed invoices "
        "within thirty (30) days of receipt.",
    ]),
    ("8. TERM AND TERMINATION", [
        "8.1 This Agreement starts on the Effective Date and continues for three (3) years.",
        "8.2 This Agreement renews automatically for successive one-year terms at Supplier's "
        "then-current rates unless either Party gives ninety (90) days' notice.",
        "8.3 Either Party may terminate this Agreement for material breach not cured within "
        "thirty (30) days of written notice.",
    ]),
    ("9. CONFIDENTIALITY", [
        "9.1 Each Party shall keep the other Party's Confidential Information confidential and "
        "use it only to perform this Agreement.",
    ]),
    ("10. GOVERNING LAW", [
        "10.1 This Agreement is governed by the laws of the State of Oregon.",
    ]),
]

RATE_CARD = [
    ("Service", "Currency", "Rate", "Unit"),
    ("Inbound voice", "USD", "27.40", "per productive hour"),
    ("E-mail and chat", "USD", "1.15", "per handled contact"),
    ("Implementation fee", "USD", "45,000.00", "one-time"),
]


def build(path: Path = OUT) -> Path:
    """Write the sample contract to ``path`` and return it."""
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading("CONTACT CENTER SERVICES AGREEMENT", level=0)
    document.add_paragraph(
        "This Contact Center Services Agreement is made on March 1, 2026 between Northwind "
        "Home Energy LLC (\"Client\") and Lumen Contact Solutions S.A.S. (\"Supplier\")."
    )
    for heading, paragraphs in SECTIONS:
        document.add_heading(heading, level=1)
        for text in paragraphs:
            document.add_paragraph(text)
            if text.startswith("6.1 "):
                table = document.add_table(rows=0, cols=len(RATE_CARD[0]))
                table.style = "Table Grid"
                for row in RATE_CARD:
                    cells = table.add_row().cells
                    for cell, value in zip(cells, row, strict=True):
                        cell.text = value
    document.add_heading("SCHEDULE 1 - SERVICE DESCRIPTION", level=1)
    document.add_paragraph(
        "1. Supplier shall staff the service 7:00 to 22:00 Pacific time, Monday to Saturday."
    )
    document.add_paragraph(
        "2. Supplier shall handle billing enquiries, move-in and move-out requests and outage "
        "reports, following Client's knowledge base."
    )
    document.add_paragraph("IN WITNESS WHEREOF the Parties have signed this Agreement.")
    document.add_paragraph("Northwind Home Energy LLC  By: ____________  Name: Dana Okafor")
    document.add_paragraph("Lumen Contact Solutions S.A.S.  By: ____________  Name: Mateo Rincón")
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
