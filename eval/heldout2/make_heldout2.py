#!/usr/bin/env python3
"""Build the four documents of the second (sealed) held-out set.

Why a second set: the rules are tuned on the samples and watched on the first held-out
set, so neither can measure generalisation at the end. These documents were written from
the category definitions in domain.md only, in drafting styles and sectors unlike the
samples. Every company, person, product and figure is invented.

The output is deterministic: fixed document metadata, reportlab's invariant mode, and
DOCX zip entries rewritten with a fixed timestamp.

usage: python make_heldout2.py [OUT_DIR]   (default: the folder of this script)
"""
from __future__ import annotations

import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

FIXED_DT = datetime(2026, 1, 15, 9, 0, 0)
ZIP_DT = (2026, 1, 15, 9, 0, 0)


# --------------------------------------------------------------------------- DOCX helpers

def _fix_docx(doc: Document, path: Path, title: str) -> None:
    """Save with fixed metadata and zip timestamps so reruns give identical bytes."""
    cp = doc.core_properties
    cp.author = "heldout2 generator"
    cp.last_modified_by = "heldout2 generator"
    cp.title = title
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1
    tmp = path.with_suffix(".tmp")
    doc.save(str(tmp))
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_DT)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, zin.read(item.filename))
    tmp.unlink()


def _add_multilevel_numbering(doc: Document, num_id: int = 90) -> int:
    """Add a Word multilevel list (1. / 1.1) so clause numbers are rendered, not typed."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="432" w:hanging="432"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _numbered(doc: Document, text: str, level: int, num_id: int, style: str | None = None):
    p = doc.add_paragraph(text, style=style)
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    return p


def _docx_table(doc: Document, rows: list[list[str]], header: bool = True):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
            if header and i == 0:
                for r in t.cell(i, j).paragraphs[0].runs:
                    r.bold = True
    return t


# --------------------------------------------------------------------------- document 1

DOC1_SECTIONS: list[tuple[str, list[str]]] = [
    ("Definitions", [
        "\u201cTriage Call\u201d means an inbound call routed to the nurse line in which a registered "
        "nurse assesses the caller\u2019s symptoms using the Approved Protocols and gives a disposition.",
        "\u201cScheduling Contact\u201d means an inbound call, web booking request or voicemail asking to "
        "book, move or cancel an appointment at a Client clinic.",
        "\u201cApproved Protocols\u201d means the telephone triage protocols licensed by Client and adopted "
        "in writing by Client\u2019s Chief Medical Officer.",
        "\u201cPHI\u201d has the meaning given to protected health information in HIPAA and its "
        "implementing regulations at 45 C.F.R. Parts 160 and 164.",
    ]),
    ("Services", [
        "Vendor shall operate a patient scheduling line for Client\u2019s fourteen primary-care clinics "
        "from 7:00 a.m. to 7:00 p.m. Eastern Time, Monday through Saturday, and a registered-nurse "
        "triage line twenty-four hours a day, every day of the year.",
        "Vendor shall book, reschedule and cancel appointments directly in Client\u2019s OakLedger "
        "scheduling system using the individual credentials that Client\u2019s IT Security Office issues "
        "to each named agent.",
        "Each triage nurse shall hold an active registered nurse license in Vermont, or a multistate "
        "license under the Nurse Licensure Compact, before taking any Triage Call.",
        "Clinical protocols will be updated as needed.",
        "The interface between Vendor\u2019s telephony platform and Client\u2019s electronic health record "
        "shall conform to the technical specifications in Exhibit D.",
        "Onboarding of any additional clinic locations shall be handled as set out in a future work order.",
    ]),
    ("Service Levels", [
        "Vendor shall meet the service levels in Exhibit B. Each service level is measured per calendar "
        "month from Vendor\u2019s ACD and callback-queue data and reported under Section 5.",
        "Vendor shall ensure that nurse advice is delivered promptly and to a consistently high "
        "clinical standard.",
        "Appointment booking accuracy shall be maintained at a level acceptable to Client.",
        "If Vendor misses the same service level in any three months of a rolling six-month period, "
        "Client may terminate this Agreement for cause on thirty (30) days\u2019 written notice.",
    ]),
    ("Fees and Payment", [
        "Client shall pay the fees set out in Exhibit A. Vendor shall invoice monthly in arrears and "
        "Client shall pay undisputed amounts within forty-five (45) days after receipt of a correct invoice.",
        "The rates in Exhibit A are fixed for the Initial Term and may be changed only by a written "
        "amendment signed by authorized officers of both parties.",
        "Interpretation for languages other than Spanish shall be provided through Vendor\u2019s third-party "
        "interpreter line, and those interpreter charges are passed through to Client at cost.",
        "State licensing fees incurred to credential Vendor nurses in any additional state shall be "
        "invoiced to Client.",
        "Vendor travel to Client sites is reimbursable only when approved in advance in writing by "
        "Client\u2019s Vice President of Patient Access, and shall not exceed USD 6,000 in any contract year.",
    ]),
    ("Reporting and Governance", [
        "Monthly performance reports shall be delivered by Vendor to Client\u2019s Director of Patient "
        "Access within seven (7) business days after the end of each month.",
        "Vendor\u2019s Account Director and Client\u2019s Director of Patient Access shall hold a business review "
        "each quarter covering service levels, complaints, clinical audit results and planned changes.",
        "Operational issues shall be escalated first to Vendor\u2019s site manager, who shall respond within "
        "four (4) hours, and, if unresolved after two (2) business days, to Vendor\u2019s Account Director "
        "and Client\u2019s Director of Patient Access.",
        "Vendor shall give Client at least thirty (30) days\u2019 written notice before changing its "
        "telephony platform, its triage software or any subcontractor that handles PHI.",
    ]),
    ("Personnel and Training", [
        "Before go-live, Vendor shall train every scheduling agent for at least forty (40) hours on "
        "Client\u2019s scheduling templates and every triage nurse for at least twenty-four (24) hours on "
        "the Approved Protocols.",
        "Vendor shall deliver refresher training to all agents and nurses every quarter, and within ten "
        "(10) business days after Client issues a protocol or template change. Training time is not "
        "billable to Client.",
        "Vendor shall maintain a knowledge base of Client\u2019s clinic rules and provider preferences and "
        "update it within five (5) business days after Client notifies a change.",
    ]),
    ("Privacy and Security", [
        "Vendor is a business associate of Client under HIPAA and shall use and disclose PHI only to "
        "perform the Services or as required by law.",
        "Vendor shall implement administrative, physical and technical safeguards that meet the HIPAA "
        "Security Rule, including encryption of PHI at rest and in transit, multi-factor authentication "
        "and quarterly user-access reviews.",
        "Vendor shall report any breach of unsecured PHI to Client\u2019s Privacy Officer within five (5) "
        "business days after discovery.",
        "All PHI, call recordings and triage records are Client\u2019s property. Client may audit Vendor\u2019s "
        "records, call recordings and security controls relating to the Services on ten (10) business "
        "days\u2019 notice once per contract year, and at any time after a security incident.",
    ]),
    ("Term and Termination", [
        "The Initial Term is three (3) years from the go-live date. This Agreement then renews for "
        "successive one-year terms on the same rates and terms unless either party gives ninety (90) "
        "days\u2019 notice of non-renewal.",
        "Either party may terminate this Agreement for material breach that is not cured within "
        "thirty (30) days after written notice.",
        "Client may terminate this Agreement for convenience on one hundred twenty (120) days\u2019 "
        "written notice. If Client does so during the first contract year, Client shall pay an early "
        "termination charge equal to the unamortized portion of the implementation fee.",
    ]),
    ("General", [
        "This Agreement is governed by the laws of the State of Vermont.",
        "This Agreement, with Exhibits A and B, is the entire agreement of the parties on its subject "
        "matter and supersedes all prior proposals.",
    ]),
]

DOC1_PRICING = [
    ["Service", "Rate"],
    ["Scheduling line", "USD 4.85 per handled call"],
    ["Web booking requests", "USD 2.95 per request processed"],
    ["Nurse triage line (7:00 a.m. to 7:00 p.m.)", "USD 18.40 per Triage Call"],
    ["Nurse triage line (7:00 p.m. to 7:00 a.m.)", "USD 21.10 after hours"],
    ["Spanish-language calls", "Vendor\u2019s then-prevailing bilingual rate"],
    ["Implementation fee", "USD 38,500, one-time, invoiced at go-live"],
    ["Federal holiday premium", "50% on the applicable rate"],
]

DOC1_SLA = [
    ["Metric", "Target", "Window", "Remedy"],
    ["Scheduling service level", "80% of calls answered within 30 seconds", "Calendar month",
     "Credit of 3% of that month\u2019s scheduling fees"],
    ["Scheduling abandonment", "No more than 5% of calls abandoned (calls abandoned within 10 seconds excluded)",
     "Calendar month", "Credit of 2% of that month\u2019s scheduling fees"],
    ["Triage speed of answer", "Average speed of answer of 45 seconds or less", "Calendar month",
     "Credit of 4% of that month\u2019s triage fees"],
    ["Urgent nurse callback", "95% of urgent callbacks made within 30 minutes", "Calendar month",
     "Credit of 5% of that month\u2019s triage fees"],
    ["Protocol compliance", "Audit score of at least 90% on sampled Triage Calls", "Calendar quarter",
     "Corrective action plan within 15 business days"],
]


def build_doc1(path: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    num_id = _add_multilevel_numbering(doc)
    t = doc.add_paragraph("PATIENT ACCESS AND NURSE TRIAGE SERVICES AGREEMENT", style="Title")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(
        "This Patient Access and Nurse Triage Services Agreement (the \u201cAgreement\u201d) is entered into "
        "as of March 2, 2026 between Mercy Ridge Health Partners, a Vermont nonprofit corporation "
        "(\u201cClient\u201d), and CareSync Clinical Contact Services LLC, a Delaware limited liability "
        "company (\u201cVendor\u201d).")
    doc.add_paragraph(
        "Client wishes to outsource its patient scheduling line and its after-visit nurse advice line, "
        "and Vendor operates licensed clinical contact centers in Burlington and Tampa.")
    for heading, clauses in DOC1_SECTIONS:
        _numbered(doc, heading, 0, num_id, style="Heading 1")
        for c in clauses:
            _numbered(doc, c, 1, num_id)
    doc.add_heading("Exhibit A \u2013 Fees", level=1)
    doc.add_paragraph("All rates are in US dollars and exclude applicable sales taxes.")
    _docx_table(doc, DOC1_PRICING)
    doc.add_heading("Exhibit B \u2013 Service Levels", level=1)
    doc.add_paragraph("Service credits in any month are capped at 12% of that month\u2019s total fees.")
    _docx_table(doc, DOC1_SLA)
    doc.add_paragraph("")
    doc.add_paragraph("IN WITNESS WHEREOF the parties have signed this Agreement.")
    doc.add_paragraph("Mercy Ridge Health Partners: ______________________   Name: Dana K. Whitcombe, "
                      "Chief Operating Officer")
    doc.add_paragraph("CareSync Clinical Contact Services LLC: ______________________   Name: Rafael "
                      "Ostrander, President")
    _fix_docx(doc, path, "Patient Access and Nurse Triage Services Agreement")


# --------------------------------------------------------------------------- document 2 (PDF SOW)

DOC2_BODY: list[tuple[str, list[str]]] = [
    ("1. Campaign Overview", [
        "1.1 Brightpath shall run an outbound campaign from its Monterrey, Mexico centre to contact postpaid "
        "Kestrel subscribers whose contracts end within 60 days, with two aims: (a) to re-contract them on a "
        "24-month plan (a \u201cSave\u201d) and (b) to sell device upgrades and add-on bundles (an \u201cUpgrade Sale\u201d).",
        "1.2 The campaign runs from 1 June 2026 to 31 May 2027 (the \u201cCampaign Period\u201d).",
        "1.3 Calls may be placed only between 9:00 a.m. and 8:00 p.m. in the subscriber\u2019s local time, and "
        "only to numbers that appear on neither the national do-not-call register nor Kestrel\u2019s internal "
        "suppression list.",
    ]),
    ("2. Responsibilities", [
        "2.1 Lead files will be provided weekly.",
        "2.2 Changes to offers during a live wave will be approved before use.",
        "2.3 Offer scripts are issued to Brightpath by Kestrel\u2019s Retention Marketing Manager no later "
        "than five business days before each wave starts.",
        "2.4 The eligible offers for each subscriber segment are listed in the offer matrix at Appendix 2.",
        "2.5 Brightpath shall record every call and keep each recording for 24 months in the storage "
        "location Kestrel designates.",
    ]),
    ("3. Performance Standards", [
        "3.1 The standards below are measured per calendar month from Kestrel\u2019s order system and "
        "Brightpath\u2019s dialer records, and reported in the monthly report under section 6:",
        "(a) Save rate: at least 25% of right-party contacts result in a Save.",
        "(b) Quality: average QA score of at least 88% on a sample of 200 calls scored jointly each month.",
        "(c) Early cancellation: no more than 8% of Saves and Upgrade Sales cancelled within 30 days.",
        "(d) Calling-hours compliance: zero calls placed outside the hours in section 1.3.",
        "3.2 If the save rate falls below target in any month, Brightpath shall deliver a corrective action "
        "plan within 10 business days; after three consecutive months below target Kestrel may end this SOW "
        "on 30 days\u2019 notice. For each month with a QA score below 88%, Brightpath shall credit 3% of that "
        "month\u2019s per-sale fees. Each breach of standard (d) gives a credit of USD 500.",
        "3.3 Brightpath will pursue upgrade conversion rates in line with industry norms.",
        "3.4 Brightpath shall keep subscriber complaints about the campaign to a minimum.",
    ]),
    ("4. Fees", [
        "4.1 Kestrel shall pay the fees in Appendix 1 monthly in arrears, against an invoice listing every "
        "Save and Upgrade Sale by subscriber account number.",
        "4.2 The per-sale fee for a Save or Upgrade Sale is credited back in full if the subscriber cancels "
        "within 14 days of the sale.",
        "4.3 Whatever the number of Saves achieved, Kestrel shall pay not less than USD 60,000 in per-sale "
        "fees for each month of the Campaign Period.",
        "4.4 Dialer licences, telephony minutes and caller-ID registration are recharged to Kestrel monthly "
        "at Brightpath\u2019s cost plus 10%.",
        "4.5 All fees in Appendix 1 increase by 4% on 1 January of each year.",
        "4.6 Fees for any win-back campaign aimed at former Kestrel subscribers will be quoted at market rates.",
        "4.7 Additional charges: SMS follow-up messages sent at Kestrel\u2019s request are charged at USD 0.04 "
        "per message, up to 50,000 messages a month; higher volumes need Kestrel\u2019s prior written approval.",
    ]),
    ("5. Training", [
        "5.1 Before launch, Brightpath shall give each agent five days of classroom training on Kestrel\u2019s "
        "plans, devices, offer rules and consent requirements, delivered by Brightpath trainers from "
        "materials that Kestrel supplies.",
    ]),
    ("6. Reporting and Governance", [
        "6.1 Brightpath shall send Kestrel a daily dashboard by 10:00 a.m. Central Time showing dials, "
        "right-party contacts, Saves, Upgrade Sales and cancellations for the previous day, and a monthly "
        "report against section 3 within five business days after month end.",
        "6.2 The campaign managers of both parties shall meet weekly. Issues they cannot resolve go to "
        "Kestrel\u2019s Director of Retention and Brightpath\u2019s Country Manager, who shall meet within three "
        "business days.",
        "6.3 Brightpath shall notify Kestrel in writing at least 15 business days before changing dialer "
        "pacing settings, list logic or any subcontractor.",
    ]),
    ("7. Subscriber Data", [
        "7.1 Subscriber data is Kestrel\u2019s Confidential Information and remains Kestrel\u2019s property. "
        "Brightpath shall process it only for this campaign, keep it within its access-controlled "
        "environment, and comply with the data protection and security terms of the MSA.",
        "7.2 Kestrel may audit Brightpath\u2019s systems, call recordings and records for this campaign on "
        "five business days\u2019 notice.",
    ]),
    ("8. End of Campaign", [
        "8.1 Within 10 business days after the Campaign Period ends or this SOW is terminated, Brightpath "
        "shall return all lead files and call recordings to Kestrel, securely delete its own copies and "
        "certify the deletion in writing.",
        "8.2 Brightpath shall hand over any open callback appointments, with the subscriber history, to "
        "Kestrel or to a successor provider that Kestrel names.",
    ]),
]

DOC2_FEES = [
    ["Item", "Fee"],
    ["Save (24-month re-contract)", "USD 38.00 per Save"],
    ["Upgrade Sale (device)", "USD 52.00 per device sold"],
    ["Add-on bundle commission", "6% of first-year add-on revenue"],
    ["Campaign management", "USD 9,500 per month"],
    ["Premium accessory sales", "To be agreed per wave"],
    ["Campaign set-up and list-load fee", "USD 14,000 one-time, at launch"],
]


def _pdf_styles():
    ss = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=ss["BodyText"], fontName="Helvetica", fontSize=9.5,
                          leading=12.5, spaceAfter=5)
    head = ParagraphStyle("head", parent=ss["Heading3"], fontName="Helvetica-Bold", fontSize=11,
                          spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("title", parent=ss["Title"], fontName="Helvetica-Bold", fontSize=14)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    return body, head, title, cell


def build_doc2(path: Path) -> None:
    body, head, title, cell = _pdf_styles()

    def on_page(canv, doc):
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.drawString(20 * mm, LETTER[1] - 12 * mm,
                        "Kestrel Mobile | SOW No. 4 | Retention and Upgrade Outbound Campaign")
        canv.drawRightString(LETTER[0] - 20 * mm, LETTER[1] - 12 * mm, "CONFIDENTIAL")
        canv.line(20 * mm, LETTER[1] - 14 * mm, LETTER[0] - 20 * mm, LETTER[1] - 14 * mm)
        canv.drawString(20 * mm, 12 * mm, "Brightpath Outbound Solutions S.A. de C.V.")
        canv.drawRightString(LETTER[0] - 20 * mm, 12 * mm, f"Page {doc.page}")
        canv.restoreState()

    story = [Paragraph("STATEMENT OF WORK No. 4", title),
             Paragraph("Retention and Upgrade Outbound Campaign", head),
             Paragraph("This Statement of Work No. 4 (\u201cSOW\u201d) is issued under the Master Services "
                       "Agreement dated 14 January 2025 (the \u201cMSA\u201d) between Kestrel Mobile "
                       "Communications Inc. (\u201cKestrel\u201d) and Brightpath Outbound Solutions S.A. de C.V. "
                       "(\u201cBrightpath\u201d). Terms defined in the MSA have the same meaning in this SOW.", body)]
    for h, paras in DOC2_BODY:
        story.append(Paragraph(h, head))
        for p in paras:
            style = body
            if p.startswith("("):
                style = ParagraphStyle("ind", parent=body, leftIndent=14)
            story.append(Paragraph(p, style))
    story.append(Paragraph("Appendix 1 \u2013 Fee Schedule", head))
    story.append(Paragraph("All fees are in US dollars and exclude value added tax.", body))
    tbl = Table(DOC2_FEES, colWidths=[75 * mm, 85 * mm])
    tbl.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story.append(tbl)
    story.append(Spacer(1, 10))
    story.append(Paragraph("Signed for Kestrel Mobile Communications Inc.: Priya Vandermeer, VP Customer "
                           "Lifecycle. Signed for Brightpath Outbound Solutions S.A. de C.V.: Tom\u00e1s "
                           "Iriarte-Blum, Managing Director.", body))
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=22 * mm, bottomMargin=20 * mm, invariant=True,
                            title="SOW No. 4 Retention and Upgrade Outbound Campaign",
                            author="heldout2 generator")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# --------------------------------------------------------------------------- document 3 (sloppy bid)

DOC3_PARAS: list[tuple[str, str]] = [
    ("h", "1. Executive Summary"),
    ("p", "Zentrix is pleased to submit our proposal for 24x7 L1 and L2 IT service desk support for "
          "Calloway\u2019s approx. 3,800 users across 22 depots and the head office. Service will be "
          "delivered from our Pune delivery centre with Manila as backup site."),
    ("p", "Our team follows industry-standard ITIL v4 practices for incident, request and problem management."),
    ("h", "2. Scope of Services"),
    ("b", "L1: password resets, account unlocks, software install requests, VPN and email issues, logging "
          "and routing of all tickets in the ITSM tool."),
    ("b", "L2: desktop and application troubleshooting via remote tools, handheld scanner configuration, "
          "escalation to Calloway infrastructure team."),
    ("b", "On-site support at depots is not part of this proposal; if required the same will be arranged."),
    ("p", "Access to client systems and remote tools to be arranged."),
    ("p", "Runbooks and knowledge articles will be prepared jointly during transition."),
    ("p", "Escalation matrix and contact details as per Annexure B."),
    ("h", "3. Service Levels"),
    ("b", "Priority 1 incidents: response within 15 minutes for 95% of tickets, measured monthly. If missed, "
          "Zentrix will credit 5% of the monthly invoice."),
    ("b", "Priority 2 incidents: response within 1 hour for 90% of tickets, measured monthly."),
    ("b", "First call resolution will be maximised through a strong knowledge base."),
    ("b", "Customer satisfaction is expected to be high as per our other clients."),
    ("p", "Other SLA\u2019s will be finalised post contract signing."),
    ("h", "4. Governance and Reporting"),
    ("p", "A weekly ticket report (volumes, SLA, ageing, top 10 issues) will be shared every Monday by the "
          "Zentrix service delivery manager with Calloway\u2019s IT operations manager."),
    ("p", "A monthly service review will be held with Calloway\u2019s IT manager. P1 issues are escalated to "
          "the Zentrix delivery head within 30 minutes."),
    ("p", "Zentrix will inform Calloway at least 2 weeks in advance of any change in shift pattern, tools or "
          "delivery location."),
    ("h", "5. Transition and Training"),
    ("p", "Transition period of 6 weeks including knowledge transfer sessions from Calloway\u2019s current "
          "team, reverse shadowing and go-live."),
    ("p", "Zentrix will run monthly refresher sessions for agents on new applications and knowledge base "
          "changes at no extra cost, and will update the knowledge base within 3 working days of any change "
          "advised by Calloway."),
    ("h", "6. Commercials"),
    ("p", "Pricing options are as per Annexure A. Calloway may chose the per-ticket model or the dedicated "
          "FTE model."),
    ("p", "Rates are subject to revision by Zentrix from time to time based on wage inflation in India."),
    ("p", "A minimum billing of 3,000 tickets per month applies in the per-ticket model."),
    ("p", "ITSM tool licences (fulfiller seats), if not provided by Calloway, shall be billed extra at actuals."),
    ("p", "Ticket volumes above 4,500 per month are billed at the same per-ticket rate with no surge surcharge."),
    ("p", "On-site visits, if any, at rates TBD."),
    ("p", "All prices are in USD and exclusive of applicable taxes. Payment within 30 days of invoice."),
    ("h", "7. Assumptions"),
    ("b", "Calloway will provide ITSM tool access, VPN accounts and test user IDs before transition starts."),
    ("b", "Volumes assumed at 5,200 tickets per month, of which 65% are L1."),
    ("b", "Contract term of 3 years."),
]

DOC3_PRICES = [
    ["Item", "Price (USD)", "Remarks"],
    ["Per-ticket model \u2013 L1 and L2 combined", "9.80 per ticket", "closed tickets only"],
    ["Dedicated L1 analyst", "2,150 per FTE per month", "24x7 roster"],
    ["Dedicated L2 engineer", "3,400 per FTE per month", "business hours plus on call"],
    ["Transition & knowledge transfer", "24,000", "one time, payable at go-live"],
    ["Night shift / weekend allowance", "20% on FTE rates", ""],
    ["Password reset self-service bot", "0.60", ""],
    ["Travel for transition team", "at actuals", "as per Zentrix travel policy"],
]


def build_doc3(path: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_paragraph("ZENTRIX INFOTECH PVT. LTD.", style="Title")
    doc.add_paragraph("Response to RFP No. CFG-ITSD-2026-07 \u2013 IT Service Desk Services")
    doc.add_paragraph("Submitted to: Calloway Freight Group, Procurement Department, attn. Ms. Helen Okafor-Brandt")
    doc.add_paragraph("Date: 9 February 2026          Version 1.2 (draft for discussion)")
    for kind, text in DOC3_PARAS:
        if kind == "h":
            doc.add_heading(text, level=2)
        elif kind == "b":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)
    doc.add_heading("Annexure A \u2013 Price Schedule", level=2)
    _docx_table(doc, DOC3_PRICES)
    doc.add_paragraph("")
    doc.add_paragraph("For Zentrix Infotech Pvt. Ltd.: Vikram Sarangapani, Director \u2013 Global Delivery")
    _fix_docx(doc, path, "Zentrix response to RFP CFG-ITSD-2026-07")


# --------------------------------------------------------------------------- document 4 (public sector PDF)

DOC4_BODY: list[tuple[str, list[str]]] = [
    ("1. Definitions and Interpretation", [
        "1.1 In this Contract: \u201cAuthority Data\u201d means all data, including personal data, supplied by or "
        "on behalf of the Authority or generated by the Supplier in performing the Services; \u201cContract "
        "Manager\u201d means the person each Party appoints under Clause 7.1; \u201cService Levels\u201d means the "
        "standards in Schedule 2; and \u201cWorking Day\u201d means a day other than a Saturday, Sunday or bank "
        "holiday in England.",
        "1.2 The Schedules form part of this Contract. If a Schedule conflicts with a Clause, the Clause prevails.",
    ]),
    ("2. Term", [
        "2.1 This Contract starts on 1 April 2026 and continues for an Initial Term of four years. The "
        "Authority may extend it once, by up to two years, by giving the Supplier at least six months\u2019 "
        "written notice before the end of the Initial Term.",
        "2.2 During any extension the Charges shall be those in force on the last day of the Initial Term.",
    ]),
    ("3. The Services", [
        "3.1 The Supplier shall provide a citizen contact centre handling enquiries about council tax, waste "
        "and recycling collections, housing repairs and benefits, by telephone from 08:00 to 18:00 on Working "
        "Days, and by webchat and email, in accordance with Schedule 1 (Specification).",
        "3.2 The Supplier shall maintain a business continuity and disaster recovery plan that meets the "
        "requirements of Schedule 5 (Business Continuity) and shall test it at least once a year.",
        "3.3 The Supplier shall support the Authority\u2019s channel shift objectives and shall achieve a "
        "sustained increase in the use of online self-service.",
    ]),
    ("4. Service Levels and Service Credits", [
        "4.1 The Supplier shall meet or exceed each Service Level in Schedule 2. Performance shall be "
        "measured by the Supplier from its telephony, webchat and case management systems, and the Authority "
        "may validate the data under Clause 9.",
        "4.2 Service Credits are calculated as shown in Schedule 2, are deducted from the next monthly invoice, "
        "and shall not exceed 12% of the Charges for the month concerned.",
        "4.3 If the Supplier fails the same Critical Service Level in three months in any rolling twelve-month "
        "period, the Authority may terminate this Contract under Clause 13.1.",
    ]),
    ("5. Charges and Payment", [
        "5.1 The Charges are set out in Schedule 3. They are fixed for the Initial Term and may be varied "
        "only by a Variation agreed in writing and signed by both Parties under Clause 11.",
        "5.2 The Supplier shall invoice monthly in arrears. The Authority shall pay each valid, undisputed "
        "invoice within 30 days of receipt.",
        "5.3 No charge is payable for recruitment, training or management of the Services other than the "
        "Charges set out in Schedule 3.",
        "5.4 The Authority shall reimburse the Supplier for the postage and printing of outbound letters "
        "sent on the Authority\u2019s behalf, at cost.",
        "5.5 Contacts handled in any month above 115% of the agreed monthly volume forecast shall be charged "
        "at a rate agreed by the Parties at the time.",
    ]),
    ("6. Staff and Training", [
        "6.1 Each adviser shall complete at least ten Working Days of induction training, using material "
        "approved by the Authority, before handling live contacts.",
        "6.2 The Supplier shall provide each adviser with at least six hours of refresher training each "
        "quarter, and shall brief all advisers within two Working Days after the Authority notifies a change "
        "in policy or procedure.",
    ]),
    ("7. Contract Management and Reporting", [
        "7.1 Each Party shall appoint a Contract Manager. A monthly performance report shall be provided by "
        "the Supplier to the Authority\u2019s Contract Manager within five Working Days after the end of each "
        "month.",
        "7.2 The Contract Managers shall meet monthly to review performance, complaints and planned "
        "changes, and the Authority\u2019s Head of Customer Services and the Supplier\u2019s Operations Director "
        "shall hold a strategic review each quarter.",
        "7.3 Any matter the Contract Managers cannot resolve within five Working Days shall be escalated "
        "to the Head of Customer Services and the Operations Director, and then dealt with under Clause 14.",
        "7.4 The Supplier shall notify the Authority in writing at least one month before any change to its "
        "telephony or case management systems or to the location from which the Services are provided.",
    ]),
    ("8. Data Protection and Security", [
        "8.1 The Supplier processes personal data as the Authority\u2019s processor under the UK GDPR and the "
        "Data Protection Act 2018, only on the Authority\u2019s documented instructions.",
        "8.2 Authority Data remains the property of the Authority. The Supplier shall hold Cyber Essentials "
        "Plus certification throughout the Term and shall notify the Authority of any personal data breach "
        "within 24 hours of becoming aware of it.",
        "8.3 Vulnerabilities identified in the annual IT health check will be remediated within agreed "
        "timescales.",
    ]),
    ("9. Records and Audit", [
        "9.1 The Supplier shall keep full and accurate records of the Services and the Charges for six years "
        "after the end of this Contract. The Authority, its internal auditors and the external auditor may "
        "inspect and copy those records on ten Working Days\u2019 notice.",
    ]),
    ("10. Exit Management", [
        "10.1 Within three months after the start date the Supplier shall deliver an exit plan for the "
        "Authority\u2019s approval, and shall update it each year.",
        "10.2 On expiry or termination the Supplier shall provide exit assistance to the Authority and any "
        "replacement supplier for up to three months, including the transfer of knowledge articles, call "
        "scripts and open cases, at no additional charge.",
        "10.3 Exit assistance requested beyond that three-month period is charged at GBP 41.00 per hour of "
        "adviser or analyst time.",
        "10.4 Within 30 days after the end of exit assistance the Supplier shall return all Authority Data "
        "in CSV format, securely delete its copies and certify the deletion in writing.",
    ]),
    ("11. Variations", [
        "11.1 No Variation is effective unless it is in writing, refers to this Contract and is signed by "
        "an authorised representative of each Party.",
    ]),
    ("12. Insurance", [
        "12.1 The Supplier shall hold public liability insurance of at least GBP 5,000,000 and professional "
        "indemnity insurance of at least GBP 2,000,000 for each claim.",
    ]),
    ("13. Termination", [
        "13.1 The Authority may terminate this Contract by written notice if the Supplier commits a material "
        "breach that is not remedied within 30 days, or in the circumstances in Clause 4.3.",
        "13.2 The Authority may terminate this Contract for convenience on six months\u2019 written notice. No "
        "termination fee or compensation for loss of profit is payable by the Authority on termination under "
        "this Clause 13.2.",
    ]),
    ("14. Disputes and Governing Law", [
        "14.1 Disputes shall first be referred to the Parties\u2019 senior representatives and, if unresolved "
        "within 20 Working Days, to mediation before either Party issues proceedings.",
        "14.2 This Contract is governed by the law of England and Wales.",
    ]),
]

DOC4_SCHED1 = [
    "1. The Supplier shall answer contacts in the name of Rivermouth Borough Council using scripts and "
    "knowledge articles approved by the Authority.",
    "2. The Supplier shall record every contact in the Authority\u2019s case management system, with the "
    "enquiry type, outcome and any follow-up owner.",
    "3. Calls from residents who identify as vulnerable or at risk shall be transferred to the Authority\u2019s "
    "safeguarding duty officer in accordance with the agreed referral script in this Schedule.",
    "4. Referral script: confirm the caller\u2019s name, address and immediate safety; offer the emergency "
    "services number where there is risk to life; and warm-transfer the call to the duty officer.",
    "5. Forecast volumes for the first contract year are 38,000 calls, 6,500 webchats and 9,000 emails a month.",
]

DOC4_SLA = [
    ["No.", "Service Level", "Target", "Measurement", "Service Credit"],
    ["SL1", "Telephone service level (Critical)", "80% answered within 30 seconds",
     "Monthly, from the point the call leaves the IVR", "3% of monthly Charges"],
    ["SL2", "Abandoned calls (Critical)", "5% or fewer abandoned",
     "Monthly; calls abandoned within 5 seconds are excluded", "2% of monthly Charges"],
    ["SL3", "Average speed of answer", "45 seconds or less", "Monthly", "1% of monthly Charges"],
    ["SL4", "Webchat response", "90% of chats answered in 60 seconds", "Monthly", "1% of monthly Charges"],
    ["SL5", "Email response", "95% answered within 2 Working Days", "Monthly", "1% of monthly Charges"],
    ["SL6", "First contact resolution", "75% or more of enquiries",
     "Monthly, from case closure codes", "1% of monthly Charges"],
    ["SL7", "Quality (Critical)", "Average QA score of 90% or more",
     "Monthly, ten evaluations per adviser", "2% of monthly Charges"],
    ["SL8", "Customer satisfaction", "85% satisfied or very satisfied",
     "Quarterly, post-contact survey", "1% of quarterly Charges"],
    ["SL9", "Complaint acknowledgement", "100% acknowledged in 3 Working Days",
     "Monthly", "0.5% of monthly Charges"],
    ["SL10", "Platform availability", "99.5% availability of telephony",
     "Monthly, excluding maintenance agreed in advance", "2% of monthly Charges"],
    ["SL11", "Case record accuracy", "98% of sampled records accurate",
     "Monthly, sample of 50 cases", "1% of monthly Charges"],
    ["SL12", "Safeguarding referrals (Critical)", "100% passed on within 1 hour",
     "Monthly, all referrals", "3% of monthly Charges"],
]

DOC4_CHARGES = [
    ["Charge", "Rate"],
    ["Telephone enquiries", "GBP 3.62 per handled call"],
    ["Webchat sessions", "GBP 2.48 per completed chat"],
    ["Emails and web forms", "GBP 2.10 per case closed"],
    ["Contract management fee", "GBP 16,750 per month"],
]


def build_doc4(path: Path) -> None:
    body, head, title, cell = _pdf_styles()
    body = ParagraphStyle("body4", parent=body, fontName="Times-Roman", fontSize=10.5, leading=13.5,
                          alignment=4)
    head = ParagraphStyle("head4", parent=head, fontName="Times-Bold", fontSize=11.5)
    title = ParagraphStyle("title4", parent=title, fontName="Times-Bold")
    cell = ParagraphStyle("cell4", parent=cell, fontName="Times-Roman", fontSize=8.5, leading=10.5, alignment=0)

    def on_page(canv, doc):
        canv.saveState()
        canv.setFont("Times-Italic", 8.5)
        canv.drawString(22 * mm, A4[1] - 12 * mm, "Contract Ref. RBC/PCS/2026/014 \u2013 OFFICIAL")
        canv.drawCentredString(A4[0] / 2, 11 * mm, f"{doc.page}")
        canv.restoreState()

    story = [Paragraph("CONTRACT FOR THE PROVISION OF A CITIZEN CONTACT CENTRE", title),
             Paragraph("THIS CONTRACT is made on 9 March 2026 BETWEEN (1) Rivermouth Borough Council of Civic "
                       "Offices, Quay Street, Rivermouth (the \u201cAuthority\u201d) and (2) Ashgrove Public Contact "
                       "Services Limited, a company registered in England (the \u201cSupplier\u201d), together the "
                       "\u201cParties\u201d.", body),
             Paragraph("BACKGROUND: the Authority ran a competitive procurement for a citizen contact centre and "
                       "selected the Supplier\u2019s tender. The Parties agree as follows.", body)]
    for h, paras in DOC4_BODY:
        story.append(Paragraph(h, head))
        for p in paras:
            story.append(Paragraph(p, body))
    story.append(Paragraph("Schedule 1 \u2013 Specification", head))
    for p in DOC4_SCHED1:
        story.append(Paragraph(p, body))
    story.append(Paragraph("Schedule 2 \u2013 Service Levels", head))
    story.append(Paragraph("Critical Service Levels are marked. Each Service Credit applies to each month (or "
                           "quarter for SL8) in which the target is missed, subject to the cap in Clause 4.2.", body))
    rows = [[Paragraph(c, cell) for c in r] for r in DOC4_SLA]
    sla = LongTable(rows, colWidths=[12 * mm, 32 * mm, 60 * mm, 38 * mm, 24 * mm], repeatRows=1)
    sla.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    story.append(sla)
    story.append(Paragraph("Schedule 3 \u2013 Charges", head))
    story.append(Paragraph("Charges exclude VAT, which the Authority shall pay at the prevailing rate.", body))
    ch = Table(DOC4_CHARGES, colWidths=[70 * mm, 70 * mm])
    ch.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, 0), "Times-Bold"),
        ("FONTNAME", (0, 1), (-1, -1), "Times-Roman"),
    ]))
    story.append(ch)
    story.append(Spacer(1, 12))
    story.append(Paragraph("Signed for the Authority by Miriam Castellane-Holt, Director of Resources, and for the "
                           "Supplier by Owain Pritchard-Lowe, Managing Director.", body))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, invariant=True,
                            title="Citizen Contact Centre Contract", author="heldout2 generator")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


FILES = {
    "h2_01_mercyridge_caresync_triage_agreement.docx": build_doc1,
    "h2_02_kestrel_brightpath_retention_sow4.pdf": build_doc2,
    "h2_03_bid_zentrix_it_service_desk.docx": build_doc3,
    "h2_04_rivermouth_ashgrove_citizen_contact.pdf": build_doc4,
}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for name, build in FILES.items():
        build(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
