"""Generate sealed held-out set 4: four fictional contact-center documents and their gold labels.

Deterministic: the same run always writes the same text (DOCX/PDF timestamps aside).
Every company, person, address and figure is invented. Run with the project venv:

    /work/main/.venv/bin/python eval/heldout4/make_heldout4.py
"""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

OUT = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# Content. Blocks: ("title", t) ("h1", t) ("h2", t) ("p", t) ("table", [rows], [col widths in inch])
# ---------------------------------------------------------------------------

DOC1 = [
    ("title", "MASTER SERVICES AGREEMENT"),
    ("p", "This Master Services Agreement (the \"Agreement\") is made on 3 February 2026 (the \"Effective Date\") "
          "between Lumora Cloud, Inc., a Delaware corporation with offices at 410 Tessaly Avenue, Austin, Texas "
          "(\"Client\"), and PacificReach Solutions, Inc., a Philippine corporation with offices at 12F Anvaya "
          "Kinetic Tower, Cebu City (\"Vendor\")."),
    ("p", "Client sells subscription accounting and scheduling software (Ledgerly and Shiftwise) to small "
          "businesses and wishes to outsource its tier-1 customer support to Vendor on the terms below."),
    ("h1", "1. Definitions"),
    ("p", "1.1 \"Services\" means the tier-1 customer support services described in a Statement of Work (\"SOW\")."),
    ("p", "1.2 \"Ticket\" means a support request received by email, chat or the in-app help widget."),
    ("p", "1.3 \"Business Day\" means Monday to Friday, excluding public holidays in the State of Texas."),
    ("p", "1.4 \"Client Data\" means all data supplied by Client or its customers, or created by Vendor in "
          "performing the Services, including Ticket content and personal data of end users."),
    ("h1", "2. Services"),
    ("p", "2.1 Vendor shall perform the Services described in SOW No. 1, attached as Exhibit A, and in any "
          "further SOW signed by both Parties."),
    ("p", "2.2 Vendor will provide responsive, high-calibre support that reflects the standards of leading "
          "software companies."),
    ("p", "2.3 The triage and routing rules for Tickets will be settled jointly by the Parties at a later date."),
    ("p", "2.4 Client shall give Vendor access to its helpdesk platform and product knowledge base within ten "
          "(10) Business Days after the Effective Date."),
    ("h1", "3. Governance and Reporting"),
    ("p", "3.1 Vendor's Account Director shall send a monthly performance report to Client's Director of "
          "Customer Support within five (5) Business Days after each month end."),
    ("p", "3.2 The Parties' relationship managers shall meet monthly to review performance, and a quarterly "
          "business review shall be held with Client's VP of Customer Experience."),
    ("p", "3.3 Issues not resolved at the monthly meeting shall be referred to Vendor's Country Manager and "
          "Client's VP of Customer Experience, who shall meet within ten (10) Business Days of the referral."),
    ("p", "3.4 Vendor shall give Client at least thirty (30) days' written notice before changing any tool, "
          "delivery site or process used to perform the Services."),
    ("h1", "4. Personnel and Training"),
    ("p", "4.1 Vendor shall train each agent on Client's products for at least eighty (80) hours before that "
          "agent handles live Tickets."),
    ("p", "4.2 Vendor shall deliver refresher training on every Client product release, and at least four (4) "
          "hours per agent per quarter, at no additional charge to Client."),
    ("p", "4.3 Product documentation for new releases will be supplied as required."),
    ("h1", "5. Fees and Payment"),
    ("p", "5.1 Client shall pay the fees set out in the Rate Card in Exhibit A."),
    ("p", "5.2 Vendor may revise the Rate Card by giving Client thirty (30) days' written notice."),
    ("p", "5.3 All fees in the Rate Card increase by five percent (5%) on each anniversary of the Effective Date."),
    ("p", "5.4 Travel and accommodation costs incurred by Vendor personnel visiting Client's offices shall be "
          "reimbursed by Client at actual cost."),
    ("p", "5.5 Vendor invoices monthly in arrears. Undisputed amounts are payable within thirty (30) days of "
          "receipt of a correct invoice."),
    ("p", "5.6 Fees are exclusive of value added tax, which Vendor shall invoice at the statutory rate in force "
          "on the invoice date."),
    ("h1", "6. Data Protection and Security"),
    ("p", "6.1 All Client Data is and remains the property of Client."),
    ("p", "6.2 Vendor shall process Client Data only on Client's documented instructions and in accordance with "
          "the Philippine Data Privacy Act of 2012 and applicable United States privacy laws."),
    ("p", "6.3 Vendor shall implement the information security controls set out in Schedule D (Security "
          "Requirements)."),
    ("p", "6.4 Vendor shall notify Client of any security incident affecting Client Data within twenty-four "
          "(24) hours of discovery."),
    ("p", "6.5 Client or its appointed auditor may audit Vendor's records, facilities and systems relating to "
          "the Services on fifteen (15) Business Days' notice, not more than once per contract year except "
          "after a security incident."),
    ("h1", "7. Term and Termination"),
    ("p", "7.1 This Agreement starts on the Effective Date and continues for an initial term of two (2) years."),
    ("p", "7.2 Thereafter this Agreement renews automatically for successive one-year periods at Vendor's "
          "then-current rates unless either Party gives ninety (90) days' notice of non-renewal."),
    ("p", "7.3 Either Party may terminate this Agreement for material breach not cured within thirty (30) days "
          "after written notice."),
    ("p", "7.4 Client may terminate for convenience on ninety (90) days' written notice, in which case Client "
          "shall pay an early termination charge equal to two months of the average monthly fees invoiced "
          "over the preceding six months."),
    ("p", "7.5 Sections 6 and 8 survive termination or expiry of this Agreement."),
    ("h1", "8. General"),
    ("p", "8.1 Each Party shall keep the other's confidential information confidential and use it only to "
          "perform this Agreement."),
    ("p", "8.2 This Agreement is governed by the laws of the State of Texas."),
    ("title", "EXHIBIT A - SOW No. 1: Tier-1 Support"),
    ("h2", "A1. Scope"),
    ("p", "A1.1 Vendor shall handle tier-1 Tickets in English by email, chat and the in-app widget, 24 hours a "
          "day, 7 days a week, for Ledgerly and Shiftwise."),
    ("p", "A1.2 Tickets that Vendor cannot resolve shall be transferred by Vendor's agents to Client's tier-2 "
          "team through the helpdesk platform, using the hand-off macro in the runbook supplied by Client."),
    ("p", "A1.3 Coverage arrangements for Philippine and US public holidays: TBD."),
    ("p", "A1.4 Forecast volume is about 22,000 Tickets per month, of which 60% chat and 40% email."),
    ("h2", "A2. Service Levels"),
    ("table", [["Metric", "Target", "Measurement", "Service credit"],
               ["Chat first response", "90% of chats answered within 60 seconds", "Monthly",
                "3% of monthly fees"],
               ["Email first response", "95% of emails answered within 4 business hours", "Monthly",
                "3% of monthly fees"],
               ["Quality assurance score", "Average of 88% or more, 5 evaluations per agent", "Monthly",
                "2% of monthly fees"],
               ["Customer satisfaction", "Strong CSAT in line with Client expectations", "Quarterly", "None"]],
     None),
    ("p", "A2.1 Service credits are capped at twelve percent (12%) of the monthly fees. If the same service "
          "level is missed in three consecutive months, Client may terminate this SOW without any early "
          "termination charge."),
    ("p", "A2.2 Vendor shall make reasonable endeavours to keep the open Ticket backlog at a manageable level."),
    ("h2", "A3. Rate Card"),
    ("table", [["Item", "Rate", "Unit"],
               ["English chat and email, tier-1", "USD 14.20", "per productive agent hour"],
               ["Overnight shift premium (22:00 to 06:00 Manila time)", "12%", "on the hourly rate"],
               ["Onboarding and implementation", "USD 18,500.00", "one-time"],
               ["Workforce management and QA software", "Passed through at Vendor's cost", "monthly"],
               ["Japanese-language chat and email", "To be agreed when requested", "-"]],
     None),
    ("p", "A3.1 An enterprise priority queue is available for USD 1,150."),
    ("p", "A3.2 Agents hired to replace leavers are trained at Client's expense, billed at the hourly rate in "
          "this Rate Card."),
    ("p", "A3.3 Overtime worked at Vendor's own initiative to meet the service levels is not chargeable to Client."),
    ("p", "Signed for Client: Dana Whitcombe, Chief Operating Officer. Signed for Vendor: Ramon Estrada "
          "Villanueva, President."),
]

LABELS1 = {
    "file": "01_lumora_pacificreach_msa_sow1.docx",
    "kind": "msa",
    "flags": [
        {"category": "missing_kpi", "section": "2.2",
         "quote": "Vendor will provide responsive, high-calibre support that reflects the standards of leading software companies.",
         "note": "Quality adjective and peer comparison, no metric, target or remedy."},
        {"category": "missing_kpi", "section": "SOW 1, A2 (table)",
         "quote": "Strong CSAT in line with Client expectations",
         "note": "CSAT row has no numeric target and no credit."},
        {"category": "missing_kpi", "section": "SOW 1, A2.2",
         "quote": "Vendor shall make reasonable endeavours to keep the open Ticket backlog at a manageable level.",
         "note": "Efforts standard with no backlog number or window."},
        {"category": "undefined_responsibility", "section": "2.3",
         "quote": "The triage and routing rules for Tickets will be settled jointly by the Parties at a later date.",
         "note": "Joint, deferred duty with no owner or date."},
        {"category": "undefined_responsibility", "section": "4.3",
         "quote": "Product documentation for new releases will be supplied as required.",
         "note": "Passive, no actor and no trigger."},
        {"category": "undefined_responsibility", "section": "6.3",
         "quote": "Vendor shall implement the information security controls set out in Schedule D",
         "note": "Schedule D is referred to but not attached."},
        {"category": "undefined_responsibility", "section": "SOW 1, A1.3",
         "quote": "Coverage arrangements for Philippine and US public holidays: TBD.",
         "note": "Placeholder."},
        {"category": "vague_pricing", "section": "5.2",
         "quote": "Vendor may revise the Rate Card by giving Client thirty (30) days' written notice.",
         "note": "Unilateral right of the vendor to change prices."},
        {"category": "vague_pricing", "section": "7.2",
         "quote": "renews automatically for successive one-year periods at Vendor's then-current rates",
         "note": "Renewal price set by the vendor later."},
        {"category": "vague_pricing", "section": "SOW 1, A3 (table)",
         "quote": "To be agreed when requested",
         "note": "Japanese-language rate left open."},
        {"category": "vague_pricing", "section": "SOW 1, A3.1",
         "quote": "An enterprise priority queue is available for USD 1,150.",
         "note": "Amount with no unit (per month? per agent? one-time?)."},
        {"category": "hidden_cost", "section": "5.3",
         "quote": "All fees in the Rate Card increase by five percent (5%) on each anniversary of the Effective Date.",
         "note": "Automatic annual escalator."},
        {"category": "hidden_cost", "section": "5.4",
         "quote": "Travel and accommodation costs incurred by Vendor personnel visiting Client's offices shall be reimbursed by Client at actual cost.",
         "note": "Uncapped travel, no prior approval."},
        {"category": "hidden_cost", "section": "7.2",
         "quote": "renews automatically for successive one-year periods at Vendor's then-current rates",
         "note": "Auto-renewal at possibly higher rates."},
        {"category": "hidden_cost", "section": "7.4",
         "quote": "Client shall pay an early termination charge equal to two months of the average monthly fees",
         "note": "Early termination fee."},
        {"category": "hidden_cost", "section": "SOW 1, A3 (table)",
         "quote": "Overnight shift premium (22:00 to 06:00 Manila time)",
         "note": "Premium on top of the headline hourly rate for a 24x7 service."},
        {"category": "hidden_cost", "section": "SOW 1, A3 (table)",
         "quote": "Onboarding and implementation",
         "note": "One-time implementation fee."},
        {"category": "hidden_cost", "section": "SOW 1, A3 (table)",
         "quote": "Passed through at Vendor's cost",
         "note": "Pass-through technology cost, uncapped."},
        {"category": "hidden_cost", "section": "SOW 1, A3.2",
         "quote": "Agents hired to replace leavers are trained at Client's expense, billed at the hourly rate in this Rate Card.",
         "note": "Attrition backfill training billed to client."},
    ],
    "absent": [
        {"category": "exit_gap", "note": "Termination clauses only; no transition assistance, return or deletion of Client Data."},
    ],
    "clean": [
        {"section": "2.4",
         "quote": "Client shall give Vendor access to its helpdesk platform and product knowledge base within ten (10) Business Days after the Effective Date.",
         "categories": ["undefined_responsibility"], "note": "Actor and deadline named."},
        {"section": "3.1",
         "quote": "Vendor's Account Director shall send a monthly performance report to Client's Director of Customer Support",
         "categories": ["undefined_responsibility", "missing_kpi"], "note": "Named actor and recipient; a report deadline is not a KPI."},
        {"section": "4.2",
         "quote": "at least four (4) hours per agent per quarter, at no additional charge to Client",
         "categories": ["hidden_cost"], "note": "Says no extra charge."},
        {"section": "5.6",
         "quote": "Fees are exclusive of value added tax, which Vendor shall invoice at the statutory rate",
         "categories": ["vague_pricing", "hidden_cost"], "note": "Statutory tax, not a vendor-set price."},
        {"section": "6.4",
         "quote": "Vendor shall notify Client of any security incident affecting Client Data within twenty-four (24) hours of discovery.",
         "categories": ["missing_kpi"], "note": "Operational deadline, not a service level."},
        {"section": "SOW 1, A1.2",
         "quote": "Tickets that Vendor cannot resolve shall be transferred by Vendor's agents to Client's tier-2 team",
         "categories": ["undefined_responsibility"], "note": "Passive voice with the actor named."},
        {"section": "SOW 1, A2.1",
         "quote": "Client may terminate this SOW without any early termination charge.",
         "categories": ["hidden_cost"], "note": "Removes a charge."},
        {"section": "SOW 1, A3.3",
         "quote": "Overtime worked at Vendor's own initiative to meet the service levels is not chargeable to Client.",
         "categories": ["hidden_cost"], "note": "Overtime borne by vendor."},
    ],
    "pricing": [
        {"item": "English chat and email, tier-1", "amount": 14.20, "currency": "USD", "unit": "productive_hour",
         "quote": "English chat and email, tier-1"},
        {"item": "Overnight shift premium", "amount": 12, "currency": None, "unit": "percent",
         "quote": "Overnight shift premium (22:00 to 06:00 Manila time)"},
        {"item": "Onboarding and implementation", "amount": 18500.00, "currency": "USD", "unit": "one_time",
         "quote": "Onboarding and implementation"},
        {"item": "Annual escalator", "amount": 5, "currency": None, "unit": "percent",
         "quote": "All fees in the Rate Card increase by five percent (5%) on each anniversary of the Effective Date."},
    ],
    "kpis": [
        {"metric": "Chat first response", "target": "90%", "window": "within 60 seconds, monthly",
         "remedy": "3% of monthly fees", "quote": "90% of chats answered within 60 seconds"},
        {"metric": "Email first response", "target": "95%", "window": "within 4 business hours, monthly",
         "remedy": "3% of monthly fees", "quote": "95% of emails answered within 4 business hours"},
        {"metric": "Quality assurance score", "target": "88%", "window": "monthly",
         "remedy": "2% of monthly fees", "quote": "Average of 88% or more, 5 evaluations per agent"},
    ],
}

# ---------------------------------------------------------------------------

DOC2 = [
    ("title", "Proposal: Customer Information Line Services"),
    ("p", "Submitted by Northwind Contact Services Ltd., 88 Ketch Harbour Road, Halifax, Nova Scotia, to the "
          "Riverbend Regional Transit Authority (the \"Authority\") in response to RFP No. RRTA-CI-2026-11. "
          "Proposal date: 16 March 2026. Contact: Priya Lindqvist, Director of Public Sector Accounts."),
    ("h1", "1. Executive Summary"),
    ("p", "Northwind proposes to operate the Authority's Customer Information Line (trip planning, fares and "
          "passes, lost property, accessibility bookings and complaints) from our Halifax and Moncton centres, "
          "priced per handled call with volume bands."),
    ("h1", "2. Pricing Scenario (restated from the RFP)"),
    ("p", "2.1 Term of three (3) years. Nine regular months at 55,000 handled calls and three disruption months "
          "(winter storms and the summer track renewal programme) at 85,000 handled calls."),
    ("p", "2.2 Average handle time of 3.6 minutes, hours of operation 05:00 to 01:00 every day, and 15% of calls "
          "in French."),
    ("h1", "3. Service Delivery"),
    ("p", "3.1 Northwind will staff the line from 05:00 to 01:00 every day of the year, statutory holidays "
          "included."),
    ("p", "3.2 Service disruption scripts will be approved before launch."),
    ("p", "3.3 Northwind agents will use the real-time vehicle location feed, which the Authority will provide "
          "to Northwind through its open data API before the start of user acceptance testing."),
    ("p", "3.4 Lost-property handling procedures to be confirmed after contract award."),
    ("p", "3.5 Every agent completes a six-day induction on the network, fares, and accessibility services "
          "before taking live calls."),
    ("h1", "4. Service Levels and Credits"),
    ("p", "4.1 Northwind commits to the following service levels. Credits are deducted from the next invoice."),
    ("table", [["Metric", "Target", "Window", "Credit"],
               ["Service level", "80% answered within 30 seconds", "Monthly", "4% of monthly charges"],
               ["Abandonment", "5% or less (excl. under 5 seconds)", "Monthly", "2% of monthly charges"],
               ["Quality score", "88% or more, monthly evaluations", "Monthly", "2% of monthly charges"],
               ["Blocked calls", "1% or less of offered calls", "Monthly", "1% of monthly charges"],
               ["Written complaint reply", "95% within 3 business days", "Monthly", "1% of monthly charges"]],
     [1.45, 2.35, 0.8, 1.6]),
    ("p", "4.2 Total credits in any month are capped at ten percent (10%) of that month's charges."),
    ("p", "4.3 During major service disruptions Northwind will do everything practicable to keep caller waiting "
          "times reasonable."),
    ("h1", "5. Pricing"),
    ("p", "5.1 Price per handled call, applied to all handled calls in the month at the rate of the band reached:"),
    ("table", [["Band", "Handled calls per month", "Price per handled call"],
               ["Band 1", "0 to 40,000", "CAD 4.10 per call"],
               ["Band 2", "40,001 to 70,000", "CAD 3.85 per call"],
               ["Band 3", "Above 70,000", "CAD 3.55 per call"]],
     [1.2, 2.4, 2.4]),
    ("p", "5.2 French-language calls carry a supplement of CAD 0.45 per call on top of the band price."),
    ("p", "5.3 A call with a handle time above 15 minutes is billed as two handled calls."),
    ("p", "5.4 The Authority shall pay for no fewer than 35,000 handled calls in each month, whatever the "
          "actual volume."),
    ("p", "5.5 Calls above 110% of the monthly forecast carry a disruption surcharge of 18% on the band price."),
    ("p", "5.6 A one-time implementation fee of CAD 24,000 covers recruitment, induction and telephony set-up."),
    ("p", "5.7 Outbound service-change alert calls are charged at Northwind's standard outbound rates."),
    ("p", "5.8 TTY and relay support can be added; pricing will be quoted if the Authority requires it."),
    ("p", "5.9 Telephony, IVR and call recording are included in the per-call price, with no separate technology "
          "charge."),
    ("p", "5.10 Prices are firm for the full three-year term, and the Authority's one-year extension option "
          "is priced at the same rates."),
    ("h1", "6. Privacy and Security"),
    ("p", "6.1 All caller records and call recordings belong to the Authority. Northwind processes personal "
          "information only on the Authority's instructions and in compliance with PIPEDA and the provincial "
          "Freedom of Information and Protection of Privacy Act."),
    ("p", "6.2 Call recordings are encrypted at rest, retained for ninety (90) days and then deleted unless the "
          "Authority instructs otherwise in writing."),
    ("p", "6.3 The Authority may audit Northwind's records and security controls relating to the service on ten "
          "(10) business days' notice."),
    ("h1", "7. Transition Out"),
    ("p", "7.1 At expiry or termination Northwind will provide up to ninety (90) days of transition assistance "
          "to the Authority or a successor provider at the rates in this proposal, return all Authority data "
          "in CSV and WAV formats, and then securely delete its copies and certify the deletion in writing."),
    ("h1", "8. Validity"),
    ("p", "8.1 This proposal remains open for acceptance for one hundred and twenty (120) days from the "
          "proposal date."),
]

LABELS2 = {
    "file": "02_bid_northwind_rrta_per_call.pdf",
    "kind": "bid",
    "flags": [
        {"category": "missing_kpi", "section": "4.3",
         "quote": "During major service disruptions Northwind will do everything practicable to keep caller waiting times reasonable.",
         "note": "Disruption months have no number, window or remedy."},
        {"category": "undefined_responsibility", "section": "3.2",
         "quote": "Service disruption scripts will be approved before launch.",
         "note": "Passive: who writes and who approves?"},
        {"category": "undefined_responsibility", "section": "3.4",
         "quote": "Lost-property handling procedures to be confirmed after contract award.",
         "note": "Deferred, no owner."},
        {"category": "vague_pricing", "section": "5.7",
         "quote": "Outbound service-change alert calls are charged at Northwind's standard outbound rates.",
         "note": "Rate not stated in the bid."},
        {"category": "vague_pricing", "section": "5.8",
         "quote": "pricing will be quoted if the Authority requires it",
         "note": "TTY/relay price left open."},
        {"category": "hidden_cost", "section": "5.2",
         "quote": "French-language calls carry a supplement of CAD 0.45 per call on top of the band price.",
         "note": "Surcharge on top of headline rate."},
        {"category": "hidden_cost", "section": "5.3",
         "quote": "A call with a handle time above 15 minutes is billed as two handled calls.",
         "note": "Long calls double-billed."},
        {"category": "hidden_cost", "section": "5.4",
         "quote": "The Authority shall pay for no fewer than 35,000 handled calls in each month",
         "note": "Minimum volume / take-or-pay."},
        {"category": "hidden_cost", "section": "5.5",
         "quote": "Calls above 110% of the monthly forecast carry a disruption surcharge of 18% on the band price.",
         "note": "Surge premium."},
        {"category": "hidden_cost", "section": "5.6",
         "quote": "A one-time implementation fee of CAD 24,000 covers recruitment, induction and telephony set-up.",
         "note": "Implementation fee."},
    ],
    "absent": [
        {"category": "training_gap", "note": "Only a six-day induction; no refresher or ongoing training."},
        {"category": "governance_gap", "note": "No reporting cadence, meetings or escalation path."},
    ],
    "clean": [
        {"section": "3.3",
         "quote": "which the Authority will provide to Northwind through its open data API",
         "categories": ["undefined_responsibility"], "note": "Actor named."},
        {"section": "4.2",
         "quote": "Total credits in any month are capped at ten percent (10%) of that month's charges.",
         "categories": ["missing_kpi", "hidden_cost"], "note": "Credit cap, part of a working SLA regime."},
        {"section": "5.9",
         "quote": "Telephony, IVR and call recording are included in the per-call price, with no separate technology charge.",
         "categories": ["hidden_cost"], "note": "Technology included."},
        {"section": "5.10",
         "quote": "Prices are firm for the full three-year term",
         "categories": ["vague_pricing", "hidden_cost"], "note": "Fixed prices, no escalator."},
        {"section": "6.2",
         "quote": "retained for ninety (90) days and then deleted unless the Authority instructs otherwise in writing",
         "categories": ["missing_kpi"], "note": "Retention period, not a KPI."},
    ],
    "pricing": [
        {"item": "Band 1 (0 to 40,000 calls)", "amount": 4.10, "currency": "CAD", "unit": "call", "quote": "CAD 4.10 per call"},
        {"item": "Band 2 (40,001 to 70,000 calls)", "amount": 3.85, "currency": "CAD", "unit": "call", "quote": "CAD 3.85 per call"},
        {"item": "Band 3 (above 70,000 calls)", "amount": 3.55, "currency": "CAD", "unit": "call", "quote": "CAD 3.55 per call"},
        {"item": "French-language supplement", "amount": 0.45, "currency": "CAD", "unit": "call",
         "quote": "French-language calls carry a supplement of CAD 0.45 per call on top of the band price."},
        {"item": "Disruption surcharge", "amount": 18, "currency": None, "unit": "percent",
         "quote": "Calls above 110% of the monthly forecast carry a disruption surcharge of 18% on the band price."},
        {"item": "Implementation fee", "amount": 24000, "currency": "CAD", "unit": "one_time",
         "quote": "A one-time implementation fee of CAD 24,000 covers recruitment, induction and telephony set-up."},
    ],
    "kpis": [
        {"metric": "Service level", "target": "80%", "window": "within 30 seconds, monthly",
         "remedy": "4% of monthly charges", "quote": "80% answered within 30 seconds"},
        {"metric": "Abandonment", "target": "5% or less", "window": "monthly",
         "remedy": "2% of monthly charges", "quote": "5% or less (excl. under 5 seconds)"},
        {"metric": "Quality score", "target": "88% or more", "window": "monthly",
         "remedy": "2% of monthly charges", "quote": "88% or more, monthly evaluations"},
        {"metric": "Blocked calls", "target": "1% or less", "window": "monthly",
         "remedy": "1% of monthly charges", "quote": "1% or less of offered calls"},
        {"metric": "Written complaint reply", "target": "95%", "window": "within 3 business days, monthly",
         "remedy": "1% of monthly charges", "quote": "95% within 3 business days"},
    ],
}

# ---------------------------------------------------------------------------

DOC3 = [
    ("title", "Response to RFP No. RRTA-CI-2026-11: Customer Information Line"),
    ("p", "Bidder: Cordillera Connect S.A., Edificio Tres Rios, Oficina 402, Escazu, San Jose, Costa Rica. "
          "Submitted to the Riverbend Regional Transit Authority (the \"Authority\") on 18 March 2026. "
          "Bid contact: Mateo Arguedas Solis, Commercial Director."),
    ("h1", "1. About Cordillera"),
    ("p", "Cordillera runs 1,400 seats of bilingual customer care for transport, travel and utility clients "
          "across Central America. We propose a dedicated team of about 30 agents for the Authority."),
    ("h1", "2. Pricing Assumptions"),
    ("p", "2.1 We priced the RFP scenario: a three-year term, nine regular months at 55,000 handled calls, three "
          "disruption months at 85,000 handled calls, an average handle time of 3.6 minutes, 05:00 to 01:00 "
          "daily, and 15% of calls in French."),
    ("p", "2.2 Our hours estimate assumes agent occupancy of 80% in regular months and 90% in disruption months: "
          "55,000 x 3.6 / 60 / 0.80 = 4,125 productive hours, and 85,000 x 3.6 / 60 / 0.90 = 5,667 productive "
          "hours per month."),
    ("p", "2.3 Illustration only: a regular month at 4,125 productive hours x USD 22.80 comes to about "
          "USD 94,050 before surcharges, platform licences and taxes."),
    ("h1", "3. Service Approach"),
    ("p", "3.1 Cordillera will deliver a friendly, professional caller experience in line with industry best "
          "practice."),
    ("p", "3.2 We aim to keep waiting times short and abandonment low, including on disruption days."),
    ("p", "3.3 Complaints that need a decision by the Authority are passed by Cordillera's shift supervisor to "
          "the Authority's Customer Relations team by 10:00 on the next business day."),
    ("p", "3.4 Knowledge articles and call scripts will be kept current."),
    ("p", "3.5 The French-language service model will be described in a later statement of work."),
    ("h1", "4. Training and Knowledge Transfer"),
    ("p", "4.1 New agents complete seven days of classroom training and three days of supervised calls before "
          "they join the live queue."),
    ("p", "4.2 Cordillera's training lead runs four hours of refresher training per agent each month and a "
          "briefing for all agents before every timetable or fare change announced by the Authority."),
    ("h1", "5. Reporting and Governance"),
    ("p", "5.1 Cordillera's account manager sends a weekly performance report to the Authority's Contract "
          "Manager every Monday by 12:00 and holds a monthly review meeting with the Authority."),
    ("p", "5.2 Matters unresolved at the monthly review go to Cordillera's Country Director and the Authority's "
          "Director of Customer Experience, who will meet within two business days."),
    ("p", "5.3 Cordillera will notify the Authority at least thirty days in advance of any change to its "
          "systems, sites or call-handling processes."),
    ("h1", "6. Prices"),
    ("table", [["Service", "Rate", "Unit"],
               ["English voice", "USD 22.80", "per productive hour"],
               ["French voice", "USD 26.40", "per productive hour"],
               ["Late-evening surcharge (22:00 to 01:00)", "15%", "on the hourly rate"],
               ["Statutory holiday premium", "50%", "on the hourly rate"],
               ["Implementation and recruitment", "USD 32,000", "one-time"],
               ["Quality monitoring platform licence", "USD 38", "per agent per month"]],
     None),
    ("p", "6.1 Productive hours include time agents spend in refresher training, coaching sessions and team "
          "briefings."),
    ("p", "6.2 Hours worked beyond the weekly schedule at the Authority's request are billed at one and a half "
          "times the applicable hourly rate."),
    ("p", "6.3 Cordillera may adjust its hourly rates if actual monthly volumes differ from the RFP forecast by "
          "more than fifteen percent."),
    ("p", "6.4 Support in other languages is available on request at rates to be quoted."),
    ("p", "6.5 All rates rise by three percent (3%) on 1 January of each year of the term."),
    ("p", "6.6 Telephony and the automatic call distributor are included in the hourly rates."),
    ("p", "6.7 Travel by Cordillera staff to the Authority's offices requires the Authority's prior written "
          "approval and is capped at USD 6,000 per contract year."),
    ("h1", "7. Term and Transition"),
    ("p", "7.1 The bid covers the three-year term in the RFP."),
    ("p", "7.2 At the end of the contract Cordillera will provide up to sixty (60) days of transition assistance, "
          "handing over scripts, knowledge articles and call-flow documentation to the Authority or its new "
          "provider."),
]

LABELS3 = {
    "file": "03_bid_cordillera_rrta_per_productive_hour.docx",
    "kind": "bid",
    "flags": [
        {"category": "missing_kpi", "section": "3.1",
         "quote": "Cordillera will deliver a friendly, professional caller experience in line with industry best practice.",
         "note": "Quality adjectives and an industry norm, no number."},
        {"category": "missing_kpi", "section": "3.2",
         "quote": "We aim to keep waiting times short and abandonment low, including on disruption days.",
         "note": "Direction with no target or window."},
        {"category": "undefined_responsibility", "section": "3.4",
         "quote": "Knowledge articles and call scripts will be kept current.",
         "note": "Passive, no actor."},
        {"category": "undefined_responsibility", "section": "3.5",
         "quote": "The French-language service model will be described in a later statement of work.",
         "note": "Deferred to a future SOW."},
        {"category": "vague_pricing", "section": "6.3",
         "quote": "Cordillera may adjust its hourly rates if actual monthly volumes differ from the RFP forecast",
         "note": "Vendor may reprice with no formula."},
        {"category": "vague_pricing", "section": "6.4",
         "quote": "Support in other languages is available on request at rates to be quoted.",
         "note": "Rate left open."},
        {"category": "hidden_cost", "section": "6 (table)",
         "quote": "Late-evening surcharge (22:00 to 01:00)",
         "note": "Surcharge within the required hours."},
        {"category": "hidden_cost", "section": "6 (table)",
         "quote": "Statutory holiday premium",
         "note": "Holiday premium."},
        {"category": "hidden_cost", "section": "6 (table)",
         "quote": "Implementation and recruitment",
         "note": "One-time implementation fee."},
        {"category": "hidden_cost", "section": "6 (table)",
         "quote": "Quality monitoring platform licence",
         "note": "Technology fee on top of hourly rate."},
        {"category": "hidden_cost", "section": "6.1",
         "quote": "Productive hours include time agents spend in refresher training, coaching sessions and team briefings.",
         "note": "Non-handling time billed as productive."},
        {"category": "hidden_cost", "section": "6.2",
         "quote": "Hours worked beyond the weekly schedule at the Authority's request are billed at one and a half times the applicable hourly rate.",
         "note": "Overtime premium."},
        {"category": "hidden_cost", "section": "6.5",
         "quote": "All rates rise by three percent (3%) on 1 January of each year of the term.",
         "note": "Automatic escalator."},
    ],
    "absent": [
        {"category": "missing_kpi", "note": "No measurable service level anywhere in the bid."},
        {"category": "data_security_gap", "note": "Silent on data protection, security, ownership and audit."},
    ],
    "clean": [
        {"section": "2.2",
         "quote": "Our hours estimate assumes agent occupancy of 80% in regular months and 90% in disruption months",
         "categories": ["missing_kpi"], "note": "Pricing assumption, not a performance promise."},
        {"section": "3.3",
         "quote": "Complaints that need a decision by the Authority are passed by Cordillera's shift supervisor",
         "categories": ["undefined_responsibility"], "note": "Passive with actor named."},
        {"section": "5.1",
         "quote": "Cordillera's account manager sends a weekly performance report to the Authority's Contract Manager",
         "categories": ["undefined_responsibility", "missing_kpi"], "note": "Named actor; report deadline is not a KPI."},
        {"section": "6.6",
         "quote": "Telephony and the automatic call distributor are included in the hourly rates.",
         "categories": ["hidden_cost"], "note": "Included, not extra."},
        {"section": "6.7",
         "quote": "requires the Authority's prior written approval and is capped at USD 6,000 per contract year",
         "categories": ["hidden_cost"], "note": "Capped, pre-approved travel."},
    ],
    "pricing": [
        {"item": "English voice", "amount": 22.80, "currency": "USD", "unit": "productive_hour", "quote": "English voice"},
        {"item": "French voice", "amount": 26.40, "currency": "USD", "unit": "productive_hour", "quote": "French voice"},
        {"item": "Late-evening surcharge", "amount": 15, "currency": None, "unit": "percent",
         "quote": "Late-evening surcharge (22:00 to 01:00)"},
        {"item": "Statutory holiday premium", "amount": 50, "currency": None, "unit": "percent",
         "quote": "Statutory holiday premium"},
        {"item": "Implementation and recruitment", "amount": 32000, "currency": "USD", "unit": "one_time",
         "quote": "Implementation and recruitment"},
        {"item": "Quality monitoring platform licence", "amount": 38, "currency": "USD", "unit": "fte_month",
         "quote": "Quality monitoring platform licence"},
        {"item": "Annual escalator", "amount": 3, "currency": None, "unit": "percent",
         "quote": "All rates rise by three percent (3%) on 1 January of each year of the term."},
    ],
    "kpis": [],
}

# ---------------------------------------------------------------------------

DOC4 = [
    ("title", "First Notice of Loss Contact Centre Services Agreement"),
    ("p", "This Agreement is made on 5 May 2026 between Brennock Mutual Insurance Company, 2200 Larkfield "
          "Parkway, Columbus, Ohio (\"Insurer\"), and ClaimBridge Services LLC, 71 Foundry Street, Louisville, "
          "Kentucky (\"Provider\")."),
    ("h1", "1. Definitions"),
    ("p", "1.1 \"FNOL\" means the first report of a loss by a policyholder or claimant."),
    ("p", "1.2 \"Catastrophe Event\" means an event that Insurer declares in writing when expected daily FNOL "
          "volume exceeds 150% of the current forecast."),
    ("p", "1.3 \"Productive Hour\" means an hour in which an agent is logged in and either available or handling "
          "a contact; it excludes training, coaching, meetings, breaks and system downtime."),
    ("p", "1.4 \"Claim Data\" means all data received or created by Provider in performing the Services."),
    ("h1", "2. Services"),
    ("p", "2.1 Provider shall receive FNOL reports by telephone and web chat 24 hours a day, 7 days a week, "
          "record each loss in Insurer's ClaimsCore system, assign the severity code and, where required, book "
          "an emergency mitigation vendor from Insurer's approved panel."),
    ("p", "2.2 Insurer shall provide the call scripts, coverage rules and ClaimsCore access no later than "
          "twenty (20) Business Days before the go-live date."),
    ("p", "2.3 Provider shall staff Catastrophe Events in accordance with the Catastrophe Surge Playbook in "
          "Annex 4."),
    ("p", "2.4 Provider shall handle web-form FNOL submissions promptly."),
    ("h1", "3. Service Levels"),
    ("p", "3.1 Provider shall meet the service levels in Annex 1, measured from Provider's ACD and ClaimsCore "
          "data using the industry-standard definitions written out in Annex 1."),
    ("p", "3.2 During a declared Catastrophe Event, for up to ten (10) consecutive days, the service level "
          "target becomes 70% of calls answered within 60 seconds, measured daily."),
    ("p", "3.3 Service credits are capped at twelve percent (12%) of monthly fees. Provider earns back a credit "
          "if it meets the missed target in each of the following three months. Insurer may terminate this "
          "Agreement for cause if the same service level is missed in three months out of any six."),
    ("h1", "4. Reporting and Governance"),
    ("p", "4.1 Provider's Account Manager shall deliver a monthly service report to Insurer's Claims Operations "
          "Manager within five (5) Business Days after month end, with a root-cause analysis for every missed "
          "service level."),
    ("p", "4.2 The Parties shall hold a monthly service review and a quarterly executive review chaired by "
          "Insurer's Vice President, Claims."),
    ("p", "4.3 Disputes are escalated first to the Account Manager and Claims Operations Manager, then to "
          "Provider's Chief Operating Officer and Insurer's Vice President, Claims, each level having ten (10) "
          "Business Days to resolve the matter."),
    ("p", "4.4 Provider shall notify Insurer in writing at least thirty (30) days before any change to its "
          "sites, systems, subcontractors or call-handling procedures."),
    ("h1", "5. Personnel and Training"),
    ("p", "5.1 Each agent shall complete fifteen (15) days of initial training approved by Insurer before "
          "handling live contacts."),
    ("p", "5.2 Provider shall give every agent at least six (6) hours of refresher training each month and shall "
          "brief all agents on any change to coverage rules within two (2) Business Days of receiving it."),
    ("p", "5.3 Training time, including refresher sessions, is not billable and is excluded from Productive "
          "Hours."),
    ("h1", "6. Fees"),
    ("p", "6.1 Insurer shall pay the fees in Annex 2. Fees are fixed for the Initial Term and are not subject to "
          "indexation."),
    ("p", "6.2 Telephony, including toll-free number charges, is included in the hourly rates."),
    ("p", "6.3 Travel is reimbursable only with Insurer's prior written approval, at cost, and shall not exceed "
          "USD 8,000 per contract year."),
    ("p", "6.4 Additional services requested by Insurer are priced through the change control procedure in "
          "Section 12, at the rates in Annex 2 or, where no rate applies, at a fixed price agreed in writing "
          "before any work starts."),
    ("p", "6.5 Insurer does not commit to any minimum volume. Forecasts are non-binding estimates supplied "
          "monthly by Insurer's Workforce Planning team."),
    ("p", "6.6 Provider invoices monthly in arrears with a Productive Hours report generated by Provider from its "
          "workforce management system. Undisputed amounts are payable within thirty (30) days."),
    ("h1", "7. Data Protection and Security"),
    ("p", "7.1 Insurer owns all Claim Data. Provider shall process Claim Data only to perform the Services and "
          "in compliance with the Gramm-Leach-Bliley Act and the Ohio insurance data security law."),
    ("p", "7.2 Provider shall encrypt Claim Data in transit and at rest, enforce multi-factor authentication for "
          "all system access, and not access Claim Data from outside the United States."),
    ("p", "7.3 Provider shall notify Insurer of any security incident affecting Claim Data within twenty-four "
          "(24) hours of discovery."),
    ("p", "7.4 Provider shall supply its SOC 2 Type II report each year. Insurer may audit Provider's records, "
          "facilities and controls once a year on fifteen (15) Business Days' notice, and at any time after a "
          "security incident."),
    ("h1", "8. Term and Termination"),
    ("p", "8.1 The Initial Term is three (3) years from 1 July 2026. Any renewal requires a written amendment "
          "signed by both Parties, and renewal fees shall not exceed the Annex 2 fees by more than three "
          "percent (3%)."),
    ("p", "8.2 Insurer may terminate for convenience on one hundred and twenty (120) days' written notice. No "
          "termination fee or other charge is payable by Insurer on termination for convenience."),
    ("h1", "9. Exit"),
    ("p", "9.1 Provider shall deliver an exit plan within sixty (60) days after the Effective Date and update it "
          "each year. Annex 3 sets out its minimum content."),
    ("p", "9.2 On expiry or termination Provider shall provide transition assistance for up to six (6) months at "
          "the Annex 2 rates, return all Claim Data in the format Insurer reasonably specifies within ten (10) "
          "Business Days, and delete its copies and certify deletion within thirty (30) days."),
    ("h1", "10. General"),
    ("p", "10.1 Section 12 (Change Control): changes to the Services require a written change request; Provider "
          "shall give its impact assessment within ten (10) Business Days."),
    ("p", "10.2 This Agreement is governed by the laws of the State of Ohio."),
    ("h1", "Annex 1 - Service Levels"),
    ("table", [["Metric", "Target", "Window", "Service credit"],
               ["Service level", "85% answered within 20 seconds", "Monthly", "5% of monthly fees"],
               ["Abandonment", "3% or less (excl. under 5 seconds)", "Monthly", "2% of monthly fees"],
               ["FNOL data accuracy", "98% of 200 audited claims", "Monthly", "3% of monthly fees"],
               ["Quality assurance score", "90% or more on scored contacts", "Monthly", "2% of monthly fees"],
               ["Chat response", "90% answered within 45 seconds", "Monthly", "1% of monthly fees"]],
     [1.55, 2.35, 0.75, 1.45]),
    ("p", "Abandoned calls are those ended by the caller after 5 seconds in queue, measured from the end of the "
          "IVR. Accuracy is scored by Insurer's claims quality team on a random sample."),
    ("h1", "Annex 2 - Fees"),
    ("table", [["Service", "Rate", "Unit"],
               ["FNOL voice", "USD 31.60", "per Productive Hour"],
               ["FNOL web chat", "USD 27.90", "per Productive Hour"],
               ["Catastrophe surge hours", "35% premium", "hours above 125% of forecast"]],
     [2.2, 1.6, 2.3]),
    ("h1", "Annex 3 - Exit Plan Content"),
    ("p", "The exit plan names Provider's exit manager, lists all Claim Data sets and their formats, sets out "
          "the knowledge-transfer sessions for the successor provider, and gives a week-by-week timetable."),
]

LABELS4 = {
    "file": "04_brennock_claimbridge_fnol_agreement.pdf",
    "kind": "msa",
    "flags": [
        {"category": "missing_kpi", "section": "2.4",
         "quote": "Provider shall handle web-form FNOL submissions promptly.",
         "note": "Web-form channel has no response-time target."},
        {"category": "undefined_responsibility", "section": "2.3",
         "quote": "in accordance with the Catastrophe Surge Playbook in Annex 4",
         "note": "Annex 4 is referred to but not attached (only Annexes 1 to 3)."},
        {"category": "hidden_cost", "section": "Annex 2 (table)",
         "quote": "Catastrophe surge hours",
         "note": "Surge premium on top of the hourly rate."},
    ],
    "absent": [],
    "clean": [
        {"section": "1.3",
         "quote": "it excludes training, coaching, meetings, breaks and system downtime",
         "categories": ["vague_pricing", "hidden_cost"], "note": "Productive hour is defined."},
        {"section": "2.2",
         "quote": "Insurer shall provide the call scripts, coverage rules and ClaimsCore access no later than twenty (20) Business Days",
         "categories": ["undefined_responsibility"], "note": "Actor and deadline named."},
        {"section": "3.1",
         "quote": "using the industry-standard definitions written out in Annex 1",
         "categories": ["missing_kpi"], "note": "Definitions are attached."},
        {"section": "4.1",
         "quote": "Provider's Account Manager shall deliver a monthly service report to Insurer's Claims Operations Manager",
         "categories": ["undefined_responsibility", "missing_kpi"], "note": "Named actor; deadline not a KPI."},
        {"section": "5.3",
         "quote": "Training time, including refresher sessions, is not billable and is excluded from Productive Hours.",
         "categories": ["hidden_cost"], "note": "Training not billed."},
        {"section": "6.1",
         "quote": "Fees are fixed for the Initial Term and are not subject to indexation.",
         "categories": ["vague_pricing", "hidden_cost"], "note": "No escalator."},
        {"section": "6.2",
         "quote": "Telephony, including toll-free number charges, is included in the hourly rates.",
         "categories": ["hidden_cost"], "note": "Telecom included."},
        {"section": "6.3",
         "quote": "Travel is reimbursable only with Insurer's prior written approval, at cost, and shall not exceed USD 8,000 per contract year.",
         "categories": ["hidden_cost"], "note": "Capped and pre-approved."},
        {"section": "6.4",
         "quote": "where no rate applies, at a fixed price agreed in writing before any work starts",
         "categories": ["vague_pricing"], "note": "Change-controlled, fixed before work."},
        {"section": "6.5",
         "quote": "Insurer does not commit to any minimum volume.",
         "categories": ["hidden_cost"], "note": "No take-or-pay."},
        {"section": "6.6",
         "quote": "with a Productive Hours report generated by Provider from its workforce management system",
         "categories": ["undefined_responsibility"], "note": "Passive with actor named."},
        {"section": "7.3",
         "quote": "Provider shall notify Insurer of any security incident affecting Claim Data within twenty-four (24) hours",
         "categories": ["missing_kpi"], "note": "Operational deadline."},
        {"section": "8.1",
         "quote": "renewal fees shall not exceed the Annex 2 fees by more than three percent (3%)",
         "categories": ["vague_pricing"], "note": "Renewal price bounded."},
        {"section": "8.2",
         "quote": "No termination fee or other charge is payable by Insurer on termination for convenience.",
         "categories": ["hidden_cost"], "note": "No fee."},
    ],
    "pricing": [
        {"item": "FNOL voice", "amount": 31.60, "currency": "USD", "unit": "productive_hour", "quote": "FNOL voice"},
        {"item": "FNOL web chat", "amount": 27.90, "currency": "USD", "unit": "productive_hour", "quote": "FNOL web chat"},
        {"item": "Catastrophe surge premium", "amount": 35, "currency": None, "unit": "percent",
         "quote": "Catastrophe surge hours"},
    ],
    "kpis": [
        {"metric": "Service level", "target": "85%", "window": "within 20 seconds, monthly",
         "remedy": "5% of monthly fees", "quote": "85% answered within 20 seconds"},
        {"metric": "Abandonment", "target": "3% or less", "window": "monthly",
         "remedy": "2% of monthly fees", "quote": "3% or less (excl. under 5 seconds)"},
        {"metric": "FNOL data accuracy", "target": "98%", "window": "monthly",
         "remedy": "3% of monthly fees", "quote": "98% of 200 audited claims"},
        {"metric": "Quality assurance score", "target": "90% or more", "window": "monthly",
         "remedy": "2% of monthly fees", "quote": "90% or more on scored contacts"},
        {"metric": "Chat response", "target": "90%", "window": "within 45 seconds, monthly",
         "remedy": "1% of monthly fees", "quote": "90% answered within 45 seconds"},
        {"metric": "Service level during Catastrophe Event", "target": "70%", "window": "within 60 seconds, daily, up to 10 days",
         "remedy": None, "quote": "target becomes 70% of calls answered within 60 seconds, measured daily"},
    ],
}


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------

def write_docx(blocks: list, path: Path) -> None:
    """Word document with real heading styles and typed (not automatic) numbering."""
    doc = Document()
    doc.core_properties.author = "Procurement"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for block in blocks:
        kind = block[0]
        if kind == "title":
            doc.add_heading(block[1], level=0)
        elif kind == "h1":
            doc.add_heading(block[1], level=1)
        elif kind == "h2":
            doc.add_heading(block[1], level=2)
        elif kind == "p":
            doc.add_paragraph(block[1])
        elif kind == "table":
            rows = block[1]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            doc.add_paragraph("")
    doc.save(path)


def write_pdf(blocks: list, path: Path, header: str, footer: str) -> None:
    """PDF with a running header and footer and ruled tables; table cells never wrap."""
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5,
                          spaceAfter=6)
    h1 = ParagraphStyle("h1", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=12, spaceBefore=10)
    title = ParagraphStyle("title", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=16)

    def on_page(canvas, doc_):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(inch, LETTER[1] - 0.6 * inch, header)
        canvas.line(inch, LETTER[1] - 0.65 * inch, LETTER[0] - inch, LETTER[1] - 0.65 * inch)
        canvas.drawString(inch, 0.55 * inch, f"{footer} - Page {doc_.page}")
        canvas.restoreState()

    story = []
    for block in blocks:
        kind = block[0]
        if kind == "title":
            story.append(Paragraph(block[1], title))
        elif kind in ("h1", "h2"):
            story.append(Paragraph(block[1], h1))
        elif kind == "p":
            story.append(Paragraph(block[1].replace("&", "&amp;"), body))
        elif kind == "table":
            rows, widths = block[1], block[2]
            table = Table(rows, colWidths=[w * inch for w in widths])
            table.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), "Helvetica"),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(Spacer(1, 4))
            story.append(table)
            story.append(Spacer(1, 8))
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, topMargin=inch, bottomMargin=inch,
                            leftMargin=inch, rightMargin=inch, title=header, author="Procurement",
                            invariant=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def main() -> None:
    write_docx(DOC1, OUT / LABELS1["file"])
    write_pdf(DOC2, OUT / LABELS2["file"], "Northwind Contact Services - Response to RFP No. RRTA-CI-2026-11",
              "Northwind Contact Services Ltd. - Commercial in confidence")
    write_docx(DOC3, OUT / LABELS3["file"])
    write_pdf(DOC4, OUT / LABELS4["file"], "Brennock Mutual / ClaimBridge - FNOL Contact Centre Services Agreement",
              "Execution version")
    labels = {"documents": [LABELS1, LABELS2, LABELS3, LABELS4]}
    (OUT / "labels.json").write_text(json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
