"""Generate the five fictional documents of held-out set 3 (deterministic).

Why: a third, sealed held-out set that nobody tunes rules on, written only from the
category definitions, so the analyzer's generalisation can be measured honestly once.
Every company, person, address and figure is invented.

usage: python make_heldout3.py [OUT_DIR]   (default: the folder of this script)
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1  # no timestamps / random ids in the PDFs

FIXED_ZIP_DATE = (2026, 1, 5, 9, 0, 0)


# --------------------------------------------------------------------------- helpers
def _save_docx_deterministic(doc: Document, path: Path) -> None:
    """python-docx stamps zip entries with the current time; rewrite them with a fixed one."""
    buf = io.BytesIO()
    doc.core_properties.author = "heldout3"
    doc.core_properties.last_modified_by = "heldout3"
    doc.core_properties.revision = 1
    from datetime import datetime
    doc.core_properties.created = datetime(2026, 1, 5, 9, 0, 0)
    doc.core_properties.modified = datetime(2026, 1, 5, 9, 0, 0)
    doc.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in sorted(zin.infolist(), key=lambda i: i.filename):
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, zin.read(item.filename))


def _docx_table(doc: Document, rows: list[list[str]], style: str = "Table Grid") -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = style
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


# --------------------------------------------------------------------------- doc 1
DOC1 = [
    ("title", "MASTER SERVICES AGREEMENT"),
    ("sub", "Returns Handling and Live Chat Support"),
    ("p", "This Master Services Agreement (the \"Agreement\") is made on 12 January 2026 (the \"Effective Date\") "
          "between Parcelwise Retail Ltd, a company registered in England under number 11873420 whose office is at "
          "40 Wharf Approach, Leeds LS1 4QT (\"Client\"), and Carpathia CX S.R.L., a company registered in Romania "
          "whose office is at Strada Observatorului 114, Cluj-Napoca (\"Vendor\")."),
    ("h1", "1. Definitions"),
    ("p", "1.1 \"Chat\" means a real-time written conversation started by a shopper through the Client's website "
          "or mobile app widget."),
    ("p", "1.2 \"Return Case\" means a shopper's request to return or exchange an item bought from the Client, "
          "or to obtain a refund for it."),
    ("p", "1.3 \"Productive Hour\" means an hour in which an agent is logged in to the Client's queues and is "
          "handling or available to handle Chats or Return Cases, excluding breaks, training, coaching and meetings."),
    ("p", "1.4 \"Contract Year\" means each period of twelve months beginning on the Effective Date or an "
          "anniversary of it; \"Business Day\" means a weekday that is not a public holiday in England."),
    ("h1", "2. Services"),
    ("p", "2.1 Vendor shall provide live chat support in English and German from 07:00 to 23:00 UK time, seven "
          "days a week, and shall process Return Cases received by chat, email and the Client's returns portal."),
    ("p", "2.2 Vendor shall handle shopper conversations courteously and to a standard befitting a premium "
          "online retailer."),
    ("p", "2.3 Refund disputes escalated by shoppers shall be settled jointly by the parties on a case-by-case "
          "basis."),
    ("p", "2.4 The returns knowledge base will be kept current with product and policy changes."),
    ("p", "2.5 Peak-season staffing from November to January shall follow the capacity plan set out in "
          "Schedule 4."),
    ("h1", "3. Service Levels"),
    ("p", "3.1 Vendor shall answer 85% of Chats within 45 seconds of the shopper's first message, measured per "
          "calendar month. For each month below target, Vendor shall credit 4% of that month's chat charges."),
    ("p", "3.2 Vendor shall close 90% of Return Cases within two Business Days of receipt, measured per calendar "
          "month; for each month below target, Vendor shall credit 3% of that month's returns charges."),
    ("p", "3.3 Vendor shall achieve an average quality score of at least 88% on a sample of 60 Chats per week "
          "scored against the Client's QA form, reported monthly. If the monthly average falls below 88% in two "
          "consecutive months, Vendor shall deliver a written root-cause analysis and corrective plan within ten "
          "Business Days."),
    ("p", "3.4 Vendor shall strive to keep post-chat shopper satisfaction at a healthy level."),
    ("p", "3.5 Service credits in any month are capped at 12% of that month's charges."),
    ("h1", "4. Fees and Payment"),
    ("p", "4.1 Client shall pay for the Services at the rates in Schedule 1 (Rate Card)."),
    ("p", "4.2 Vendor may revise the Rate Card by giving Client sixty days' written notice."),
    ("p", "4.3 Investigation of suspected return fraud, when requested by Client, is charged at an hourly rate "
          "that the parties will settle when each request is made."),
    ("p", "4.4 Seats on the Client's helpdesk platform used by Vendor agents are recharged to Client at the "
          "licensor's list price."),
    ("p", "4.5 Rates are stated in euros. If the EUR/RON exchange rate moves by more than 5% from the rate "
          "published on the Effective Date, all rates shall be adjusted in the same proportion from the next "
          "invoice."),
    ("p", "4.6 Travel by Vendor staff to Client premises is reimbursable only when approved in writing by Client "
          "beforehand, up to EUR 6,000 per Contract Year in aggregate."),
    ("p", "4.7 Client shall not pay for Productive Hours spent on Vendor's internal training, coaching or team "
          "meetings, and no charge applies to hours lost through system outages caused by Vendor."),
    ("p", "4.8 Vendor shall invoice monthly in arrears; invoices are payable within 30 days of receipt."),
    ("h1", "5. Personnel and Training"),
    ("p", "5.1 Vendor shall give every new agent at least six days of classroom training on the Client's products, "
          "returns policy and systems before the agent handles live contacts, and at least four hours of refresher "
          "training each month covering new product ranges and policy changes."),
    ("p", "5.2 Vendor's Account Director, Ms Ilinca Dobre, is key personnel and shall not be replaced without "
          "Client's consent, which shall not be unreasonably withheld."),
    ("h1", "6. Reporting and Governance"),
    ("p", "6.1 Vendor's Account Director shall send Client's CX Lead a weekly operations report by 12:00 each "
          "Monday covering volumes, service levels, quality results and staffing."),
    ("p", "6.2 The parties' account leads shall meet monthly to review performance. Issues not resolved at that "
          "meeting are escalated to Vendor's Country Manager and Client's Head of Customer Operations, who shall "
          "meet within ten Business Days."),
    ("p", "6.3 Vendor shall give Client at least 30 days' written notice before changing any tool, site or "
          "process that affects shoppers."),
    ("h1", "7. Data Protection and Security"),
    ("p", "7.1 Vendor processes shopper personal data as Client's processor under the data processing terms in "
          "Schedule 2 and only on Client's documented instructions. All shopper data remains the property of "
          "Client."),
    ("p", "7.2 Vendor shall encrypt shopper data using current industry-standard methods, namely AES-256 at rest "
          "and TLS 1.2 or higher in transit."),
    ("p", "7.3 Client may audit Vendor's records and controls relating to the Services once per Contract Year on "
          "15 Business Days' notice."),
    ("h1", "8. Term and Termination"),
    ("p", "8.1 This Agreement starts on the Effective Date and continues for an initial term of two years. It then "
          "renews automatically for successive periods of twelve months at Vendor's rates then in force, unless "
          "either party gives 90 days' notice of non-renewal."),
    ("p", "8.2 Either party may terminate this Agreement for material breach that is not remedied within 30 days "
          "of written notice."),
    ("p", "8.3 Client may terminate this Agreement for convenience on 90 days' written notice; no termination fee "
          "is payable."),
    ("h1", "9. General"),
    ("p", "9.1 This Agreement is governed by the laws of England and Wales, and the courts of England have "
          "exclusive jurisdiction."),
    ("p", "9.2 This Agreement, with its Schedules, is the entire agreement between the parties about its subject "
          "matter."),
    ("h1", "Schedule 1 - Rate Card"),
    ("p", "All amounts are in euros (EUR), exclusive of VAT."),
    ("table", [
        ["Service", "Unit", "Year 1 (EUR)", "Year 2 (EUR)"],
        ["Live chat, English", "per Productive Hour", "17.60", "18.10"],
        ["Live chat, German", "per Productive Hour", "22.40", "23.05"],
        ["Return Case processing (email and portal)", "per Return Case", "1.95", "to be confirmed by Vendor"],
        ["Onboarding and platform configuration", "one-time", "14,500.00", "n/a"],
        ["Peak surcharge (15 Nov to 10 Jan), all hourly lines", "percent", "18%", "18%"],
    ]),
    ("h1", "Schedule 2 - Data Processing Terms"),
    ("p", "1. Subject matter: handling of shopper enquiries and Return Cases. Categories of data: names, contact "
          "details, order history and chat transcripts of the Client's shoppers."),
    ("p", "2. Vendor shall ensure that every person who processes shopper data is bound by confidentiality and has "
          "completed data protection training."),
    ("p", "3. Vendor uses no sub-processor other than Hetzner Online GmbH (hosting in Germany) without Client's "
          "prior written consent."),
    ("p", "4. Vendor shall notify Client of any personal data breach within 24 hours of becoming aware of it."),
    ("sig", "Signed for Parcelwise Retail Ltd: Owen Marsh, COO        Signed for Carpathia CX S.R.L.: "
            "Radu Petrescu, Managing Director"),
]


def make_doc1(path: Path) -> None:
    """E-commerce MSA: Word heading styles, typed clause numbers, a two-year rate card."""
    doc = Document()
    for kind, val in DOC1:
        if kind == "title":
            doc.add_heading(val, level=0)
        elif kind == "sub":
            doc.add_paragraph(val, style="Subtitle")
        elif kind == "h1":
            doc.add_heading(val, level=1)
        elif kind == "p":
            doc.add_paragraph(val)
        elif kind == "table":
            _docx_table(doc, val)
        elif kind == "sig":
            doc.add_paragraph(val)
    _save_docx_deterministic(doc, path)


# --------------------------------------------------------------------------- doc 2
DOC2 = [
    ("title", "STATEMENT OF WORK No. 4 - OUTBOUND FRAUD ALERT CALLING"),
    ("p", "This Statement of Work No. 4 (\"SOW\") is issued under the Master Services Agreement dated 2 June 2025 "
          "(the \"MSA\") between Northmere Savings Bank, N.A., 900 Larkspur Avenue, Des Moines, Iowa (the \"Bank\"), "
          "and Pellucid Dialogue Services Inc., 18 Canal Street, Wichita, Kansas (\"Supplier\"). Terms defined in the "
          "MSA have the same meaning here."),
    ("h", "1. Purpose and Scope"),
    ("p", "1.1 Supplier shall place outbound calls to Bank cardholders whose card transactions are held by the "
          "Bank's fraud engine, verify the cardholder's identity using the Bank's verification script, confirm or "
          "decline the held transactions, and record the outcome in the Bank's case tool."),
    ("p", "1.2 The Bank's alert file layout and transfer protocol are specified in Appendix C (Interface "
          "Specification)."),
    ("p", "1.3 The service operates 24 hours a day, 365 days a year, in English and Spanish."),
    ("p", "1.4 Call scripts and verification questions will be approved before go-live."),
    ("p", "1.5 Where a cardholder reports that a transaction is fraudulent, Supplier shall transfer the call warm to "
          "the Bank's Card Fraud Team and stay on the line until a Bank agent accepts it."),
    ("h", "2. Service Levels"),
    ("p", "2.1 The service levels are set out in Appendix A. Performance is measured monthly by the Bank's workforce "
          "analytics team from dialler and case tool records, and Supplier's Program Director shall deliver the "
          "monthly performance report within five business days after month end."),
    ("p", "2.2 Service credits are calculated as shown in Appendix A and deducted from the next invoice. Credits in a "
          "month are capped at 15% of that month's charges. Supplier earns back a credit by meeting every target in "
          "each of the following three months."),
    ("p", "2.3 If Supplier misses the same service level in three months of any rolling six-month period, the Bank "
          "may terminate this SOW for cause."),
    ("h", "3. Staffing and Training"),
    ("p", "3.1 Supplier shall deliver the service from its Wichita centre. Every agent shall pass a criminal "
          "background check and a credit check before handling Bank data."),
    ("p", "3.2 Before go-live every agent completes 40 hours of Bank-approved fraud and verification training. "
          "Supplier shall deliver a refresher on new fraud patterns every quarter, using material supplied by the "
          "Bank's Fraud Strategy team, and shall train agents on any script change before it goes live."),
    ("p", "3.3 Supplier's Quality Manager shall score a random sample of at least 200 calls per month against the "
          "Bank's QA form and share the scores with the Bank's Fraud Operations Manager."),
    ("h", "4. Governance and Reporting"),
    ("p", "4.1 Supplier shall provide an intraday dashboard refreshed every 15 minutes and a daily summary by 09:00 "
          "Central time."),
    ("p", "4.2 Supplier's Program Director and the Bank's Head of Fraud Operations shall hold a monthly performance "
          "review. Unresolved issues escalate to Supplier's Chief Operating Officer and the Bank's Chief Risk "
          "Officer or delegate, who shall meet within ten business days."),
    ("p", "4.3 Supplier shall not change dialler settings, caller ID or scripts without the Bank's written approval."),
    ("h", "5. Charges"),
    ("p", "5.1 The charges are set out in Appendix B and are fixed for the term of this SOW; they are not subject to "
          "change except by a change order signed by both parties."),
    ("p", "5.2 Dialler minutes and SMS messages are passed through to the Bank at the carrier's invoiced cost plus "
          "a handling margin of 12%."),
    ("p", "5.3 The Bank shall pay for at least 40,000 completed alert calls in each month; any shortfall is invoiced "
          "at the completed-call rate."),
    ("p", "5.4 Support for fraud-ring investigations, when the Bank requests it, is billed at Supplier's "
          "then-applicable analyst tariff."),
    ("p", "5.5 The Bank reimburses no travel or other expenses unless it has approved them in writing in advance, "
          "and approved expenses shall not exceed USD 5,000 per calendar quarter."),
    ("h", "6. Term and Exit"),
    ("p", "6.1 This SOW runs for 24 months from 1 March 2026."),
    ("p", "6.2 On expiry or termination, Supplier shall for up to 90 days give transition assistance to the Bank or "
          "a successor at no additional charge, return all Bank data in the format the Bank reasonably requests and "
          "then securely delete it, certifying the deletion in writing."),
    ("h", "7. Data Security"),
    ("p", "7.1 All cardholder data remains the property of the Bank. Supplier shall comply with PCI DSS v4.0 and the "
          "Bank's Third-Party Security Standard; agents work in a clean-desk area with no personal devices."),
    ("p", "7.2 Supplier shall notify the Bank's security operations centre of any suspected security incident "
          "within two hours."),
    ("p", "7.3 The Bank and its regulators may audit Supplier's facilities, records and controls on ten business "
          "days' notice, or without notice after a security incident."),
    ("h", "Appendix A - Service Levels and Credits"),
    ("table", [
        ["Service level", "Target", "Window", "Credit if missed"],
        ["First call attempt", "95% within 15 minutes of receipt", "Monthly", "4% of monthly charges"],
        ["Right-party contact", "70% reached within 4 hours", "Monthly", "3% of monthly charges"],
        ["Verification accuracy", "QA score of at least 92%", "Monthly", "2% of monthly charges"],
        ["Abandoned connects", "No more than 2% of connects", "Monthly", "2% of monthly charges"],
        ["Customer complaints", "Target to be fixed after pilot", "Quarterly", "None until fixed"],
    ]),
    ("h", "Appendix B - Charges"),
    ("table", [
        ["Item", "Unit", "Price (USD)"],
        ["Completed alert call", "per completed call", "2.85"],
        ["Unanswered attempt", "per attempt", "0.40"],
        ["SMS follow-up message", "per message", "0.09"],
        ["Surge calls above 3,000 in an hour", "per completed call", "3.60"],
    ]),
    ("p", "Signed for the Bank: Dana Whitcombe, SVP Card Operations. Signed for Supplier: Marcus Oyelaran, President."),
]


def _pdf_header_footer(header: str, footer: str):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        w, h = doc.pagesize
        canvas.drawString(doc.leftMargin, h - 1.2 * cm, header)
        canvas.drawRightString(w - doc.rightMargin, 1.0 * cm, f"{footer} - Page {doc.page}")
        canvas.restoreState()
    return draw


def make_doc2(path: Path) -> None:
    """Bank SOW as PDF: running header/footer, SLA table with credits."""
    ss = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=ss["BodyText"], fontName="Helvetica", fontSize=10, leading=13, spaceAfter=5)
    head = ParagraphStyle("h", parent=ss["Heading2"], fontName="Helvetica-Bold", fontSize=11.5, spaceBefore=8)
    title = ParagraphStyle("t", parent=ss["Title"], fontName="Helvetica-Bold", fontSize=14)
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=8.5, leading=10)
    story = []
    for kind, val in DOC2:
        if kind == "title":
            story.append(Paragraph(val, title))
        elif kind == "h":
            story.append(Paragraph(val, head))
        elif kind == "p":
            story.append(Paragraph(val.replace("&", "&amp;"), body))
        elif kind == "table":
            ncol = len(val[0])
            widths = [120, 170, 70, 130] if ncol == 4 else [200, 150, 100]
            t = Table([[Paragraph(x, cell) for x in row] for row in val], colWidths=widths)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [Spacer(1, 4), t, Spacer(1, 8)]
    hf = _pdf_header_footer("Northmere Savings Bank, N.A. | SOW No. 4 - Fraud Alert Outbound Calling | CONFIDENTIAL",
                            "Pellucid Dialogue Services Inc.")
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=60, rightMargin=60, topMargin=62,
                            bottomMargin=54, title="SOW No. 4 - Fraud Alert Outbound Calling", author="heldout3")
    doc.build(story, onFirstPage=hf, onLaterPages=hf)


# --------------------------------------------------------------------------- doc 3
DOC3 = [
    ("title", "AMENDMENT No. 2"),
    ("center", "to the Customer Contact Services Agreement dated 4 March 2024"),
    ("p", "This Amendment No. 2 (the \"Amendment\") is made on 20 April 2026 and takes effect on 1 May 2026 (the "
          "\"Amendment Effective Date\") between Halvard Mobility Ltd, Unit 7 Fenwick Park, Bristol BS2 0QA "
          "(\"Client\"), and Orbis Teleservices Private Limited, Plot 22 Sector 5, Noida, India (\"Supplier\"), and "
          "amends the Customer Contact Services Agreement between them dated 4 March 2024 (the \"Agreement\")."),
    ("h", "1. Background"),
    ("p", "1.1 The parties wish to add a messaging channel to the Services and to revise the Charges. Capitalised "
          "terms not defined in this Amendment have the meaning given in the Agreement."),
    ("h", "2. New Messaging Channel"),
    ("p", "2.1 From 1 June 2026 Supplier shall handle customer messages received through WhatsApp Business and the "
          "Halvard app, in English and Hindi, from 08:00 to 22:00 UK time every day."),
    ("p", "2.2 Supplier shall reply to 90% of messaging conversations within 3 minutes of the customer's first "
          "message, measured per calendar month; for each month below target Supplier shall credit 3% of that "
          "month's messaging charges."),
    ("p", "2.3 Messaging quality will be kept under review so that customers enjoy a smooth experience."),
    ("p", "2.4 Message templates will be registered with the messaging platform provider before launch."),
    ("p", "2.5 Hand-offs from messaging agents to the Client's roadside dispatch desk shall follow the escalation "
          "matrix in Annex 2."),
    ("p", "2.6 Supplier shall train each messaging agent for at least three days on the Client's tone-of-voice guide "
          "and messaging tools before go-live, and shall cover the messaging channel in the monthly refresher "
          "sessions required by clause 7.2 of the Agreement."),
    ("h", "3. Charges"),
    ("p", "3.1 Annex 1 replaces Schedule 3 (Charges) of the Agreement from 1 June 2026."),
    ("p", "3.2 A one-time messaging set-up fee of GBP 9,800 is payable on launch of the messaging channel."),
    ("p", "3.3 Conversation fees charged by Meta for WhatsApp Business are passed through to the Client at cost."),
    ("p", "3.4 Conversations that include images, video or documents may attract a supplementary handling fee, the "
          "amount of which Supplier will notify from time to time."),
    ("p", "3.5 All rates in Annex 1 increase by 4% on each anniversary of 1 June 2026."),
    ("p", "3.6 The reduced voice rate in Annex 1 applies to all invoices issued after the Amendment Effective Date, "
          "and no set-up fee is payable for the additional voice queue."),
    ("h", "4. Governance"),
    ("p", "4.1 Clause 9.3 (Monthly Service Review Meetings) of the Agreement is deleted in its entirety."),
    ("h", "5. General"),
    ("p", "5.1 Except as amended by this Amendment, the Agreement continues in full force and effect. This Amendment "
          "may be signed in counterparts and is governed by the law of England and Wales."),
    ("h", "Annex 1 - Revised Rate Card (GBP, excluding VAT)"),
    ("table", [
        ["Service", "Unit", "Rate (GBP)"],
        ["Voice, English (was 24.10)", "per productive agent hour", "23.40"],
        ["Messaging, English", "per productive agent hour", "21.90"],
        ["Messaging, Hindi", "per productive agent hour", "19.75"],
        ["Overnight messaging (if requested)", "per productive agent hour", "quoted on request"],
    ]),
    ("p", "Signed for Halvard Mobility Ltd: Priya Castell, Director of Customer Operations. Signed for Orbis "
          "Teleservices Private Limited: Anil Verghese, Executive Vice President."),
]


def make_doc3(path: Path) -> None:
    """Two-page amendment PDF in a serif face, no running header."""
    ss = getSampleStyleSheet()
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=6)
    head = ParagraphStyle("h", fontName="Times-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("t", parent=ss["Title"], fontName="Times-Bold", fontSize=16)
    center = ParagraphStyle("c", parent=body, alignment=1)
    cell = ParagraphStyle("cell", fontName="Times-Roman", fontSize=10, leading=12)
    story = []
    for kind, val in DOC3:
        if kind == "title":
            story.append(Paragraph(val, title))
        elif kind == "center":
            story.append(Paragraph(val, center))
        elif kind == "h":
            story.append(Paragraph(val, head))
        elif kind == "p":
            story.append(Paragraph(val, body))
        elif kind == "table":
            t = Table([[Paragraph(x, cell) for x in row] for row in val], colWidths=[190, 160, 110])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 10)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                            topMargin=2.2 * cm, bottomMargin=2.2 * cm, title="Amendment No. 2", author="heldout3")
    doc.build(story)


# --------------------------------------------------------------------------- doc 4
DOC4 = [
    ("title", "Response to Request for Proposal TCG-RES-2026-07"),
    ("sub", "Multilingual Reservations Contact Centre - submitted by Azulmar Contact Partners, Lda. to Tern & Compass "
            "Travel Group plc, 3 February 2026"),
    ("h", "1. EXECUTIVE SUMMARY"),
    ("p", "1.1 Azulmar Contact Partners, Lda. (\"Azulmar\"), Avenida da Boavista 1210, Porto, proposes to run "
          "reservations and post-booking support for Tern & Compass Travel Group plc (the \"Client\") in eleven "
          "languages from its Porto and Casablanca centres, starting with 64 FTE."),
    ("p", "1.2 This proposal remains valid for 90 days from the date above."),
    ("h", "2. SCOPE OF SERVICES"),
    ("p", "2.1(a) Inbound calls for new package and flight-only bookings."),
    ("p", "2.1(b) Changes, cancellations and refunds on existing bookings, by phone and email."),
    ("p", "2.1(c) Web-form enquiries from travel agents."),
    ("p", "2.2 Fare-rule exceptions and ticket re-issues will be handled under a procedure to be settled during "
          "transition."),
    ("p", "2.3 Escalations to the Client's duty desk will be dealt with where appropriate."),
    ("h", "3. SERVICE PERFORMANCE AND REPORTING"),
    ("p", "3.1(a) Azulmar will work to keep answer times in line with travel-sector norms and to keep abandonment "
          "low."),
    ("p", "3.1(b) Quality is assured through our proprietary Azul-Q monitoring programme."),
    ("p", "3.1(c) Email replies will be sent promptly."),
    ("p", "3.2 Azulmar's Workforce Planning Lead shall send the Client's Reservations Operations Manager the agent "
          "schedule for each month at least 14 days before that month begins."),
    ("p", "3.3 Azulmar's Account Director shall provide a monthly performance pack and chair a monthly account "
          "review with the Client's Head of Reservations; issues not resolved there are escalated to Azulmar's "
          "Chief Operating Officer and the Client's Customer Director."),
    ("p", "3.4 Azulmar shall tell the Client in writing at least 30 days before it changes any site, telephony "
          "platform or booking process used for the Client."),
    ("h", "4. PRICING"),
    ("p", "4.1 Base rate: EUR 3,980 per FTE-month for Tier A languages (English, Spanish and Portuguese), covering "
          "agents, team leaders, quality analysts and workforce planning."),
    ("p", "4.2(a) The premiums in Table 2 are added to the base rate for agents who handle Tier B or Tier C "
          "languages."),
    ("p", "4.2(b) Languages not listed in Table 2 are priced on request."),
    ("cap", "Table 2 - Language premiums"),
    ("table", [
        ["Tier", "Languages", "Premium over base rate"],
        ["Tier B", "German, French, Italian, Dutch", "14%"],
        ["Tier C", "Swedish, Danish, Norwegian, Finnish", "26%"],
    ]),
    ("p", "4.3 No separate management, supervision or account fee is charged; team leaders and quality analysts "
          "are included in the base rate."),
    ("p", "4.4 Recruitment and initial training of nine days per agent are billed at EUR 1,150 per agent hired, "
          "including agents hired to replace leavers."),
    ("p", "4.5 Seasonal agents added for June to September are billed for at least three months each, whatever "
          "their actual start date."),
    ("p", "4.6 Licences for the global distribution system, one per agent seat, are passed through to the Client "
          "at cost."),
    ("p", "4.7 Overtime requested by the Client with less than 48 hours' notice carries a 35% premium on the "
          "hourly equivalent of the FTE rate."),
    ("p", "4.8 Rates are firm for the first 24 months of the contract term."),
    ("p", "4.9 Our pricing assumes the call and email volumes in section 3 of the RFP; if actual volumes differ "
          "materially, Azulmar reserves the right to re-price the Services."),
    ("p", "4.10 The Client may reduce the contracted FTE by up to 15% on 30 days' notice without penalty."),
    ("h", "5. TRANSITION AND TRAINING"),
    ("p", "5.1 Transition takes ten weeks and is led by Azulmar's Transition Manager, Rui Tavares, with a weekly "
          "steering call with the Client's project lead."),
    ("p", "5.2 Each agent receives nine days of initial product and systems training during transition. No further "
          "formal training is included in the price."),
    ("h", "6. ASSUMPTIONS"),
    ("p", "6.1(a) The Client provides access to its booking engine and the global distribution system, and the "
          "knowledge base content in every supported language."),
    ("p", "6.1(b) Tier A languages are covered 24 hours a day, 7 days a week; Tier B and Tier C languages from "
          "07:00 to 23:00 CET."),
    ("p", "6.1(c) A working month is 160 paid hours per FTE."),
    ("p", "Submitted for Azulmar Contact Partners, Lda. by Beatriz Lobo, Director of New Business."),
]


def make_doc4(path: Path) -> None:
    """Travel bid as DOCX: no heading styles, bold capital headings, typed '4.2(b)' numbering."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    for kind, val in DOC4:
        if kind == "title":
            p = doc.add_paragraph()
            r = p.add_run(val)
            r.bold = True
            r.font.size = Pt(16)
        elif kind == "sub":
            p = doc.add_paragraph()
            p.add_run(val).italic = True
        elif kind == "h":
            p = doc.add_paragraph()
            p.add_run(val).bold = True
        elif kind == "cap":
            p = doc.add_paragraph()
            p.add_run(val).italic = True
        elif kind == "p":
            doc.add_paragraph(val)
        elif kind == "table":
            _docx_table(doc, val, style="Light Grid Accent 1")
    _save_docx_deterministic(doc, path)


# --------------------------------------------------------------------------- doc 5
# ("n0", heading) -> auto-numbered level 0 ("1."), ("n1", text) -> auto-numbered level 1 ("1.1")
DOC5 = [
    ("title", "Billing Operations Services Agreement"),
    ("p", "This Agreement is made on 16 March 2026 between Eastholm Water & Energy Limited, Riverside House, "
          "Carlisle CA1 2EJ (the \"Client\"), and Ledgerline Business Services Limited, 5 Mercer Court, Darlington "
          "DL1 1RT (the \"Supplier\")."),
    ("n0", "Definitions"),
    ("n1", "\"Billing Exception\" means a customer account that the Client's billing system holds back from "
           "automatic billing because a validation rule has failed."),
    ("n1", "\"Business Day\" means a day other than a Saturday, a Sunday or a bank holiday in England."),
    ("n1", "\"Charges\" means the charges set out in Schedule 2, and \"Fixed Charge\" means the monthly charge so "
           "named in Schedule 2."),
    ("n1", "\"Good Industry Practice\" means the skill, care and foresight reasonably expected of a skilled and "
           "experienced provider of utility billing services."),
    ("n0", "Services"),
    ("n1", "The Supplier shall provide the back-office billing services described in Schedule 1, including Billing "
           "Exception resolution, bill correction, meter-read validation, direct debit set-up and amendment, and "
           "customer correspondence handling."),
    ("n1", "The Client shall give the Supplier's staff access to its billing system and shall notify the Supplier's "
           "Service Manager of planned billing system changes at least ten Business Days in advance."),
    ("n1", "Where an estimated meter read requires a site visit, the visit shall be arranged and the account "
           "re-billed within ten Business Days of the exception being raised."),
    ("n0", "Service Levels"),
    ("n1", "The Supplier shall meet the service levels in Schedule 3. Each service level is measured per calendar "
           "month from billing system data by the Client's Billing Performance Analyst, and the Supplier shall "
           "report performance within five Business Days after month end."),
    ("n1", "Service credits are capped at 10% of the monthly Fixed Charge and are a price adjustment, not the "
           "Client's exclusive remedy. If the Supplier fails the same service level in three consecutive months, the "
           "Client may terminate this Agreement by notice with immediate effect."),
    ("n1", "The Supplier shall perform the Services with reasonable skill and care and in accordance with Good "
           "Industry Practice, in addition to meeting the service levels."),
    ("n0", "Staffing and Training"),
    ("n1", "The Supplier shall keep a minimum of 22 trained billing analysts assigned to the Services throughout "
           "Business Hours."),
    ("n1", "The Supplier shall train every analyst on the Client's tariffs, billing system and vulnerable-customer "
           "procedures before the analyst works on live accounts, and shall provide refresher training at least "
           "every six months and within 20 Business Days after any tariff or regulatory change."),
    ("n1", "The Supplier's Process Lead shall keep the work instructions up to date within five Business Days after "
           "any change, and the Client shall have access to them at all times."),
    ("n0", "Charges"),
    ("n1", "The Client shall pay the Charges in Schedule 2. The Charges are fixed for the Initial Term and may be "
           "varied only through the Change Control Procedure."),
    ("n1", "No transition, set-up or implementation charge is payable; the Supplier bears its own transition costs."),
    ("n1", "Printing and postage of bills and letters are recharged to the Client at cost."),
    ("n1", "The Client shall reimburse travel expenses only where its Contract Manager has approved them in writing "
           "in advance, in line with the Client's expenses policy and up to GBP 4,000 per Contract Year."),
    ("n1", "Additional work requested outside the Services is charged at the hourly rate in Schedule 2 under a "
           "Change Request approved by both parties."),
    ("n1", "The Supplier shall invoice monthly in arrears, and the Client shall pay undisputed amounts within 30 "
           "days of receipt of a valid invoice."),
    ("n0", "Governance"),
    ("n1", "The Supplier's Service Manager and the Client's Contract Manager shall meet monthly to review "
           "performance, risks and planned changes. The Supplier's Operations Director and the Client's Director of "
           "Customer Services shall hold a quarterly executive review."),
    ("n1", "Issues not resolved within ten Business Days at the monthly review are escalated to the executive "
           "review and, if still unresolved, either party may refer them to the courts of England."),
    ("n1", "The Supplier shall not change any process, system or location used for the Services without the "
           "Client's prior written consent."),
    ("n0", "Data Protection and Security"),
    ("n1", "Client Data remains the property of the Client. The Supplier processes personal data only as the "
           "Client's processor, on its documented instructions, in accordance with the UK GDPR and the Data "
           "Protection Act 2018."),
    ("n1", "The Supplier shall maintain ISO/IEC 27001 certification for the sites and systems used for the "
           "Services and shall notify the Client of any personal data breach without undue delay and in any event "
           "within 24 hours."),
    ("n1", "The Client, or an auditor it appoints, may audit the Supplier's records, systems and premises used for "
           "the Services on ten Business Days' notice, and at any time after a personal data breach."),
    ("n0", "Term and Termination"),
    ("n1", "The Initial Term is three years from 1 April 2026. The Client may extend this Agreement once, for twelve "
           "months, on the same terms and at the same Charges."),
    ("n1", "Either party may terminate this Agreement for material breach not remedied within 30 days of notice."),
    ("n1", "The Client may terminate this Agreement for convenience on six months' notice; no termination fee or "
           "other charge is payable beyond the Charges for Services performed up to the termination date."),
    ("n0", "Exit"),
    ("n1", "The Supplier shall agree an Exit Plan with the Client within three months after the start of the "
           "Initial Term and update it every year."),
    ("n1", "For up to six months after termination or expiry, the Supplier shall provide exit assistance under the "
           "Exit Plan, including knowledge transfer to the Client or a replacement supplier, without charge beyond "
           "the Fixed Charge for the final month of service."),
    ("n1", "Each party shall cooperate in good faith in the exit, each performing the tasks the Exit Plan assigns "
           "to it."),
    ("n1", "On completion of exit, the Supplier shall return all Client Data in the format the Client specifies and "
           "then securely delete it, certifying the deletion in writing."),
    ("n0", "Change Control and General"),
    ("n1", "Either party may propose a change by Change Request. The Supplier shall provide an impact assessment, "
           "including any effect on the Charges, within ten Business Days, and no change binds either party until "
           "both have signed it (the \"Change Control Procedure\")."),
    ("n1", "This Agreement is governed by the law of England and Wales."),
    ("h", "Schedule 1 - Services"),
    ("p", "Billing Exception resolution; bill correction and re-issue; meter-read validation; direct debit set-up and "
          "amendment; handling of customer letters and emails about bills. Hours: 08:00 to 18:00 on Business Days "
          "(\"Business Hours\")."),
    ("h", "Schedule 2 - Charges"),
    ("table", [
        ["Charge", "Unit", "Amount (GBP)"],
        ["Fixed Charge (up to 14,000 Billing Exceptions per month)", "per month", "86,400.00"],
        ["Billing Exceptions above 14,000 in a month", "per Billing Exception", "3.10"],
        ["Additional work under an approved Change Request", "per analyst hour", "48.50"],
    ]),
    ("h", "Schedule 3 - Service Levels"),
    ("table", [
        ["Service level", "Target (per calendar month)", "Service credit if missed"],
        ["Billing Exceptions cleared within 3 Business Days", "95%", "2.5% of the monthly Fixed Charge"],
        ["Bills issued without error found on sample audit", "99.5%", "3% of the monthly Fixed Charge"],
        ["Customer letters and emails answered within 5 Business Days", "98%", "1.5% of the monthly Fixed Charge"],
        ["Direct debit instructions processed within 2 Business Days", "99%", "1% of the monthly Fixed Charge"],
    ]),
    ("p", "Signed for Eastholm Water & Energy Limited: Fiona Gallacher, Chief Customer Officer. Signed for Ledgerline "
          "Business Services Limited: Tomasz Brennan, Managing Director."),
]


def _add_legal_numbering(doc: Document) -> int:
    """Add a two-level legal list ("1." / "1.1") to numbering.xml and return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_id, num_id = 90, 90
    absn = OxmlElement("w:abstractNum")
    absn.set(qn("w:abstractNumId"), str(abstract_id))
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "multilevel")
    absn.append(mlt)
    for ilvl, fmt, indent in ((0, "%1.", 425), (1, "%1.%2", 567)):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", fmt), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(indent))
        ind.set(qn("w:hanging"), str(indent))
        ppr.append(ind)
        lvl.append(ppr)
        absn.append(lvl)
    # abstractNum elements must precede num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def _set_num(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(lvl)
    numpr.append(nid)
    ppr.append(numpr)


def doc5_numbers() -> list[tuple[str, str]]:
    """The number Word renders for each auto-numbered paragraph of document 5 (for labelling)."""
    out, top, sub = [], 0, 0
    for kind, val in DOC5:
        if kind == "n0":
            top, sub = top + 1, 0
            out.append((f"{top}.", val))
        elif kind == "n1":
            sub += 1
            out.append((f"{top}.{sub}", val))
    return out


def make_doc5(path: Path) -> None:
    """Utility BPO agreement as DOCX with Word automatic (not typed) multilevel numbering."""
    doc = Document()
    num_id = _add_legal_numbering(doc)
    for kind, val in DOC5:
        if kind == "title":
            doc.add_heading(val, level=0)
        elif kind == "n0":
            _set_num(doc.add_heading(val, level=1), num_id, 0)
        elif kind == "n1":
            _set_num(doc.add_paragraph(val), num_id, 1)
        elif kind == "h":
            doc.add_heading(val, level=1)
        elif kind == "p":
            doc.add_paragraph(val)
        elif kind == "table":
            _docx_table(doc, val)
    _save_docx_deterministic(doc, path)


FILES = {
    "01_parcelwise_carpathia_returns_chat_msa.docx": make_doc1,
    "02_northmere_pellucid_fraud_alert_sow4.pdf": make_doc2,
    "03_halvard_orbis_amendment2_messaging.pdf": make_doc3,
    "04_bid_azulmar_tern_compass_reservations.docx": make_doc4,
    "05_eastholm_ledgerline_billing_bpo.docx": make_doc5,
}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for name, fn in FILES.items():
        fn(out / name)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--numbers":
        for n, t in doc5_numbers():
            print(n, t[:70])
        sys.exit(0)
    sys.exit(main(sys.argv))
