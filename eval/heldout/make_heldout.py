"""Build the four held-out evaluation documents deterministically.

The documents were written from the category definitions in the shared domain notes,
without reading the analyzer's rules or the labelled samples' text, so that scores on
them say something about generalisation. Every company, person and figure is invented.

Run:  python eval/heldout/make_heldout.py   (writes next to this file)
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent
FIXED_TIME = datetime(2025, 1, 1, 12, 0, 0)

# A document is a list of blocks: ("title", text), ("h1", text), ("h2", text),
# ("p", text), ("table", rows, col_widths_in_points_or_None).

# ---------------------------------------------------------------------------
# 1. UK outsourcing agreement: arrears collections and back office (DOCX, headings)
# ---------------------------------------------------------------------------
DOC1 = [
    ("title", "OUTSOURCING AGREEMENT"),
    ("p", "Arrears Collection and Back-Office Services"),
    ("p", 'This Agreement is dated 14 March 2025 and is made between Fernwick Home Energy Limited, '
          'a company registered in England and Wales under number 09182736 (the "Customer"), and '
          'Calder Ridge Recoveries Limited, a company registered in England and Wales under number '
          '11647390 (the "Provider").'),
    ("h1", "1. Definitions and Interpretation"),
    ("p", '1.1 "Business Day" means a day other than a Saturday, Sunday or public holiday in England.'),
    ("p", '1.2 "Commencement Date" means 1 May 2025.'),
    ("p", '1.3 "Good Industry Practice" means the exercise of the skill, care and diligence which would '
          'reasonably be expected from a skilled and experienced operator of a regulated debt collection '
          'business in the United Kingdom.'),
    ("h1", "2. Appointment and Term"),
    ("p", '2.1 The Customer appoints the Provider to deliver the Services described in Schedule 1 from the '
          'Commencement Date for an initial term of three years (the "Initial Term").'),
    ("p", "2.2 This Agreement shall continue after the Initial Term for successive periods of twelve months "
          "unless either party gives at least six months' written notice to end it."),
    ("h1", "3. The Services"),
    ("p", "3.1 The Provider shall provide early-arrears and late-arrears collection services for the "
          "Customer's domestic gas and electricity accounts, together with the back-office processing of "
          "debtor correspondence, payment plans and account notes, as described in Schedule 1."),
    ("p", "3.2 The Provider shall handle all inbound debtor correspondence promptly and to a standard "
          "consistent with good practice in the collections sector."),
    ("p", "3.3 Arrangements for transferring accounts that enter a statutory breathing space will be agreed "
          "between the parties in due course."),
    ("p", "3.4 Affordability assessments for payment plans shall be carried out in line with the Vulnerable "
          "Customer Protocol set out in Schedule 5."),
    ("p", "3.5 Suppression and do-not-contact lists shall be refreshed as necessary."),
    ("h1", "4. Service Levels"),
    ("p", "4.1 The Provider shall meet or exceed the Service Levels in Schedule 3. Service Credits shall be "
          "calculated as set out in that Schedule and deducted from the next invoice."),
    ("p", "4.2 Overall recovery performance will be kept at a level the Customer could reasonably expect "
          "from a reputable collection agency."),
    ("p", "4.3 The Provider shall use reasonable endeavours to keep the number of debtor complaints to a "
          "minimum."),
    ("h1", "5. Personnel"),
    ("p", "5.1 The Provider shall ensure that every collector completes induction training on the Customer's "
          "tariffs, the FCA Consumer Credit sourcebook and the Customer's tone-of-voice guide before "
          "handling live accounts."),
    ("p", "5.2 The Provider shall appoint an Account Director who shall be the Customer's principal point of "
          "contact for the Services."),
    ("h1", "6. Governance and Reporting"),
    ("p", "6.1 Monthly collections performance reports shall be sent by the Provider to the Customer's Head "
          "of Credit Risk no later than the fifth Business Day of each month."),
    ("p", "6.2 The Account Director and the Customer's Head of Credit Risk shall meet at least quarterly to "
          "review performance, complaints and planned changes. Matters not resolved at that meeting shall "
          "be referred to the parties' finance directors."),
    ("p", "6.3 The Provider shall give the Customer at least 30 days' written notice of any change to its "
          "collection systems, dialler strategy or letter templates."),
    ("p", "6.4 The parties shall work together to settle the call scripts and letter templates before "
          "go-live."),
    ("h1", "7. Charges"),
    ("p", "7.1 In consideration of the Services the Customer shall pay the Charges set out in Schedule 2."),
    ("p", "7.2 Charges for collecting arrears on small business (non-domestic) accounts will be settled "
          "between the parties at a later date."),
    ("p", "7.3 On each anniversary of the Commencement Date the Charges shall increase by the percentage "
          "change in the Retail Prices Index over the preceding twelve months plus 1.5 per cent."),
    ("p", "7.4 Postage, tracing-agency searches, credit reference checks and other third-party data costs "
          "shall be recharged to the Customer at cost."),
    ("p", "7.5 Litigation support, including the preparation of witness statements, shall be charged at the "
          "Provider's standard day rates as notified to the Customer from time to time."),
    ("p", "7.6 The Provider shall bear its own travel and accommodation costs for attending meetings at the "
          "Customer's premises."),
    ("p", "7.7 Invoices are payable within 30 days of receipt."),
    ("h1", "8. Data Protection and Audit"),
    ("p", "8.1 Each party shall comply with the UK GDPR and the Data Protection Act 2018. The Provider shall "
          "process Customer Personal Data only on the Customer's documented instructions and shall "
          "implement the security measures in Schedule 4."),
    ("p", "8.2 All account data, call recordings and correspondence are and remain the property of the "
          "Customer."),
    ("p", "8.3 The Customer, or an auditor appointed by it, may audit the Provider's records, systems and "
          "premises relating to the Services on 10 Business Days' notice, no more than twice in any year."),
    ("h1", "9. Termination"),
    ("p", "9.1 Either party may terminate this Agreement by written notice if the other commits a material "
          "breach which is not remedied within 30 days of being notified of it."),
    ("p", "9.2 The Customer may terminate for convenience on six months' notice. If it does so before the "
          "third anniversary of the Commencement Date, it shall pay the Provider a sum equal to 30 per cent "
          "of the Charges that would have been payable for the unexpired part of the Initial Term."),
    ("p", "9.3 Termination shall not affect the accrued rights of either party."),
    ("h1", "10. Liability, Change Control and Law"),
    ("p", "10.1 Neither party's total liability in any contract year shall exceed 125 per cent of the Charges "
          "paid in that year, save for liability for fraud, death or personal injury."),
    ("p", "10.2 Any change to the Services or the Charges shall be recorded in a change note signed by both "
          "parties."),
    ("p", "10.3 This Agreement is governed by the law of England and Wales."),
    ("h1", "Schedule 1 - Services"),
    ("p", "1. Early arrears (31 to 90 days past due): outbound calls, SMS and letters to agree payment or a "
          "payment plan."),
    ("p", "2. Late arrears (91 days and over): tracing, pre-litigation letters and referral of accounts to the "
          "Customer for a decision on legal action."),
    ("p", "3. Back office: processing of debtor letters and e-mails, income and expenditure forms, and "
          "updating account notes in the Customer's billing system."),
    ("p", "4. Hours of operation: 08:00 to 20:00 Monday to Friday and 09:00 to 15:00 on Saturday."),
    ("h1", "Schedule 2 - Charges"),
    ("table", [
        ["Service element", "Charge", "Basis"],
        ["Early arrears collections", "GBP 24.60", "per productive collector hour"],
        ["Late arrears collections", "14%", "commission on sums recovered and cleared"],
        ["Correspondence processing", "GBP 1.35", "per item processed"],
        ["Mobilisation charge (one-off, non-refundable)", "GBP 38,500", "payable on signature"],
        ["Saturday working premium", "25%", "uplift on the hourly charge for Saturday hours"],
    ], None),
    ("p", "1. Letter production and despatch are charged at GBP 0.42."),
    ("h1", "Schedule 3 - Service Levels"),
    ("table", [
        ["Service Level", "Target", "Measurement period", "Service Credit"],
        ["Right-party contact rate", "at least 32% of accounts worked", "calendar month",
         "2% of monthly Charges per percentage point below target"],
        ["Promise-to-pay kept rate", "at least 65% of promises made", "calendar month",
         "2% of monthly Charges"],
        ["Complaint acknowledgement", "100% within 2 Business Days", "calendar month",
         "1% of monthly Charges"],
        ["Call quality score", "90% average", "monthly sample of 8 calls per collector",
         "root-cause plan within 10 Business Days"],
    ], None),
    ("p", "1. Service Credits in any month are capped at 12 per cent of that month's Charges."),
    ("h1", "Schedule 4 - Security Measures"),
    ("p", "1. Access to Customer systems is limited to named users with multi-factor authentication."),
    ("p", "2. Call recordings are encrypted at rest and retained for no longer than the period set by the "
          "Customer."),
    ("p", "3. The Provider shall notify the Customer of any personal data breach within 24 hours of becoming "
          "aware of it."),
    ("p", "Signed for and on behalf of the Customer: Imogen Tarrant, Director of Finance"),
    ("p", "Signed for and on behalf of the Provider: Gareth Olusanya, Managing Director"),
]

# ---------------------------------------------------------------------------
# 2. US technical-support SOW (PDF, SLA table, pricing table)
# ---------------------------------------------------------------------------
DOC2_HEADER = "Quillfeather / Bluepeak - SOW No. 2 - Confidential"
DOC2 = [
    ("title", "STATEMENT OF WORK NO. 2 - TIER 1 AND TIER 2 TECHNICAL SUPPORT"),
    ("p", 'This Statement of Work ("SOW") is entered into as of June 2, 2025 under the Master Services '
          'Agreement dated January 15, 2024 (the "MSA") between Quillfeather Software, Inc., a Delaware '
          'corporation ("Client"), and Bluepeak Support Services LLC, an Arizona limited liability company '
          '("Contractor"). Capitalized terms not defined here have the meanings given in the MSA.'),
    ("h1", "1. Overview"),
    ("p", "1.1 Contractor will provide telephone, chat and web-ticket technical support for Client's "
          "LedgerLoom accounting platform to Client's small-business subscribers in the United States and "
          "Canada."),
    ("p", "1.2 Support hours are 6:00 a.m. to 8:00 p.m. Pacific Time, Monday through Friday, excluding the "
          "U.S. holidays listed in the MSA."),
    ("h1", "2. Scope of Work"),
    ("p", "2.1 Tier 1 covers password and login issues, billing questions, bank-feed connection errors and "
          "how-to guidance. Tier 2 covers data import failures, reconciliation defects, integration "
          "troubleshooting and reproduction of suspected software defects."),
    ("p", "2.2 Contractor will escalate each confirmed software defect to Client's Tier 3 engineering queue "
          "within 4 business hours of reproducing it."),
    ("p", "2.3 Knowledge base articles will be kept current."),
    ("p", "2.4 Procedures for handling defects that affect payroll tax filings will be documented in a "
          "support runbook to be developed after the SOW effective date."),
    ("p", "2.5 Contractor will align release readiness with the Client Product Release Calendar attached as "
          "Appendix C."),
    ("h1", "3. Staffing and Training"),
    ("p", "3.1 Contractor will staff a dedicated team of no fewer than 22 Tier 1 agents and 6 Tier 2 agents, "
          "scaled by Contractor as needed to meet the service levels in Appendix A."),
    ("p", "3.2 Before each major product release, Client will deliver a train-the-trainer session and "
          "Contractor will train all agents on the release before it becomes generally available. "
          "Contractor will also provide 4 hours of refresher training per agent per quarter."),
    ("p", "3.3 Contractor will replace departing agents with trained agents at no additional charge to "
          "Client."),
    ("h1", "4. Service Levels"),
    ("p", "4.1 Contractor will meet the service levels in Appendix A. Performance is measured by Contractor "
          "from the ACD and ticketing system reports and verified by Client each month."),
    ("p", "4.2 Contractor will maintain a high standard of technical accuracy in all customer-facing "
          "responses."),
    ("h1", "5. Reporting and Governance"),
    ("p", "5.1 Weekly backlog and aging reports shall be delivered by Contractor to Client's Director of "
          "Support Operations every Monday by 12:00 p.m. PT."),
    ("p", "5.2 Contractor's program manager and Client's Director of Support Operations will hold a monthly "
          "business review. Unresolved issues escalate to Contractor's VP of Operations and Client's Chief "
          "Customer Officer within five business days."),
    ("p", "5.3 Contractor will notify Client in writing at least 15 business days before changing any tool, "
          "workflow or site used to deliver the Services."),
    ("h1", "6. Fees and Expenses"),
    ("p", "6.1 Client will pay the fees in Appendix B. Contractor will invoice monthly in arrears and "
          "invoices are due net 30."),
    ("p", "6.2 Third-party tooling used by Contractor, including remote-access and screen-recording "
          "licenses, will be passed through to Client at Contractor's invoiced cost."),
    ("p", "6.3 Fees increase by 4% on each January 1 during the SOW term."),
    ("p", "6.4 Tier 3 escalation engineering support, if requested by Client, will be billed at "
          "Contractor's prevailing professional services rates."),
    ("p", "6.5 Travel expenses are reimbursable only when approved in advance by Client in writing and may "
          "not exceed USD 5,000 per SOW year."),
    ("h1", "7. Data Security and Audit"),
    ("p", "7.1 Contractor will process subscriber data only to perform the Services, and will protect it "
          "with encryption meeting industry-standard practice, namely AES-256 at rest and TLS 1.2 or later "
          "in transit."),
    ("p", "7.2 All subscriber data and ticket records belong to Client. Client may audit Contractor's "
          "support records and security controls once per year on 30 days' notice."),
    ("p", "7.3 Contractor will report any security incident affecting subscriber data to Client within 24 "
          "hours of discovery."),
    ("h1", "8. Term"),
    ("p", "8.1 This SOW runs from June 2, 2025 through June 1, 2027 and may be terminated as provided in the "
          "MSA."),
    ("pagebreak",),
    ("h1", "Appendix A - Service Level Agreement"),
    ("table", [
        ["Metric", "Target", "Window", "Credit if missed"],
        ["Phone service level", "80% of calls answered within 30 seconds", "Monthly", "3% of monthly fees"],
        ["Chat first response", "90% of chats answered within 60 seconds", "Monthly", "2% of monthly fees"],
        ["Web ticket first response", "95% within 8 business hours", "Monthly", "2% of monthly fees"],
        ["Tier 1 first-contact resolution", "Contractor will strive for high first-contact resolution",
         "Monthly", "None"],
        ["Customer satisfaction (CSAT)", "Target to be defined after a 90-day baseline", "Quarterly",
         "To be agreed"],
        ["Abandonment rate", "5% or less, excluding calls abandoned within 10 seconds", "Monthly",
         "2% of monthly fees"],
    ], [110, 200, 60, 100]),
    ("p", "Total credits in any month are capped at 12% of that month's fees. If Contractor misses the same "
          "service level in three consecutive months, Client may terminate this SOW for cause."),
    ("h1", "Appendix B - Pricing"),
    ("table", [
        ["Line", "Service", "Pricing basis", "Rate (USD)"],
        ["B-1", "Tier 1 case resolved", "per resolved case", "6.75"],
        ["B-2", "Tier 1 contact escalated to Tier 2", "per contact", "2.10"],
        ["B-3", "Tier 2 dedicated seat", "per seat per month", "5,850.00"],
        ["B-4", "Knowledge base migration and tool setup", "one-time", "24,000.00"],
        ["B-5", "After-hours and weekend coverage", "uplift on B-1 and B-3", "20%"],
        ["B-6", "Localization (other languages)", "proposed by Contractor when needed", "-"],
    ], [40, 190, 170, 70]),
    ("p", "Minimum monthly billing: Client will be invoiced for no fewer than 2,500 resolved cases per month "
          "regardless of actual volume."),
    ("p", "A case counts as resolved when the subscriber confirms resolution or does not reopen the ticket "
          "within 7 calendar days."),
    ("p", "Accepted for Client: Marisol Entwhistle, VP Customer Experience. Accepted for Contractor: Dwayne "
          "Kowalczyk, President."),
]

# ---------------------------------------------------------------------------
# 3. Sloppy nearshore chat / e-mail proposal (DOCX, typed numbers, no heading styles)
# ---------------------------------------------------------------------------
DOC3 = [
    ("bold", "PROPOSAL - Chat & E-mail Customer Support"),
    ("p", "Prepared for: Lumora Pet Supplies Inc. | Prepared by: Vientoverde Contact Solutions S.A., "
          "San Jose, Costa Rica | Version 0.3 DRAFT"),
    ("bold", "1. About us"),
    ("p", "1.1 Vientoverde runs three delivery centres in Costa Rica with 640 bilingual agents. We love pets "
          "and we love your customers!"),
    ("p", "1.2 Same time zone as your US team, so your supervisors can listen in live during their working "
          "day."),
    ("bold", "2. What we will do"),
    ("p", "2.1 Answer customer chats on lumorapets.com and e-mails sent to the help inbox, 7 days a week, "
          "8am-10pm ET."),
    ("p", "2.2 Order status, returns, subscription changes and product questions. Refunds above USD 150 go "
          "to Lumora for approval."),
    ("p", "2.3 Escalation contacts TBD."),
    ("p", "2.4 Macros and canned replies to be built together during kickoff."),
    ("p", "2.5 Access to Lumora's helpdesk and order system will be arranged."),
    ("p", "2.6 Staffing plan - see Annex 2."),
    ("bold", "3. Quality"),
    ("p", "3.1 We aim for fast chat replies and happy customers."),
    ("p", "3.2 E-mails will be answered in a timely manner."),
    ("bold", "4. Training"),
    ("p", "4.1 All agents get a 5-day initial product training before go-live. Two of our team leads will "
          "travel to Lumora HQ in Ohio for this; airfare, hotel and per diem are billed as incurred."),
    ("bold", "5. Pricing"),
    ("table", [
        ["Channel / item", "Price", "Notes"],
        ["Chat", "USD 0.62 per handled minute", "handle time from chat accept to close"],
        ["E-mail", "USD 1.85 per transaction", "one transaction = one closed ticket"],
        ["Social media DMs", "pricing for this channel will be settled between the parties at a later date",
         ""],
        ["Quality monitoring and reporting", "1,200", ""],
        ["Setup & onboarding", "USD 9,800 one-time", "invoiced at signature"],
        ["Holiday peak (Nov 15 - Jan 5)", "+18% on all rates", ""],
    ], None),
    ("p", "5.1 Minimum billable volume is 40,000 handled minutes per month; if usage is lower we invoice the "
          "minimum."),
    ("p", "5.2 Rates may be revised by Vientoverde with 30 days notice."),
    ("p", "5.3 Prices are based on an exchange rate of CRC 505 per USD. If the colon moves more than 4% we "
          "will adjust rates accordingly."),
    ("p", "5.4 Agent wage increases are absorbed by Vientoverde and will not be passed on to Lumora during "
          "the first 12 months."),
    ("p", "5.5 Spanish-language chats are handled at no additional charge."),
    ("p", "5.6 Payment 15 days from invoice."),
    ("bold", "6. Assumptions"),
    ("p", "6.1 Volumes assumed: 9,000 chats and 6,500 e-mails per month, with an average chat handle time "
          "of 7.5 minutes and agents handling up to 3 chats at once."),
    ("p", "6.2 Illustrative monthly cost at these volumes: chat 67,500 minutes x USD 0.62 = USD 41,850; "
          "e-mail 6,500 x USD 1.85 = USD 12,025; about USD 53,875 per month before extras."),
    ("p", "6.3 Lumora keeps its own helpdesk licences and pays for them directly."),
    ("p", "6.4 Our agents are 100% employees (no freelancers), C1 English minimum, average tenure 2.4 "
          "years."),
    ("bold", "7. Next steps"),
    ("p", "7.1 Contract length, termination and other legal terms per our standard MSA (to follow)."),
    ("p", "7.2 Go-live target: 6 weeks from signature."),
    ("p", "Contact: Daniela Quesada, Business Development, daniela.q@vientoverde.example"),
]

# ---------------------------------------------------------------------------
# 4. Well-drafted insurance customer-care agreement (PDF), two subtle problems
# ---------------------------------------------------------------------------
DOC4_HEADER = "Alderbank Mutual / Corriemoor - Customer Care Services Agreement"
DOC4 = [
    ("title", "CUSTOMER CARE SERVICES AGREEMENT"),
    ("p", 'This Customer Care Services Agreement (the "Agreement") is made on 3 February 2025 between '
          'Alderbank Mutual Insurance DAC, having its registered office at 12 Quayside Row, Cork ("Client"), '
          'and Corriemoor Contact Services Limited, having its registered office at Unit 4, Ballyfern '
          'Business Park, Limerick ("Supplier").'),
    ("p", "Client wishes to outsource first notification of loss (FNOL) and policy servicing calls and "
          "e-mails for its home and motor insurance customers, and Supplier has agreed to provide those "
          "services on the terms below."),
    ("h1", "1. Definitions"),
    ("p", '1.1 "Productive Hour" means an hour in which an agent is logged in and available for, handling or '
          'wrapping up Client contacts; time spent in training, coaching, team meetings and breaks is '
          'excluded.'),
    ("p", '1.2 "Business Day" means a day on which banks are open for general business in Dublin.'),
    ("p", '1.3 "Go-Live Date" means 1 April 2025.'),
    ("h1", "2. Services"),
    ("p", "2.1 Supplier shall provide the Services described in Schedule 1 from the Go-Live Date."),
    ("p", "2.2 Supplier shall roster additional agents as needed to achieve the Service Levels in "
          "Schedule 1."),
    ("h1", "3. Service Levels and Service Credits"),
    ("p", "3.1 Supplier shall meet the Service Levels in the table in Schedule 1. Performance is measured by "
          "Supplier from the Client-owned telephony platform and reported monthly; Client may verify the "
          "data at any time."),
    ("p", "3.2 For each Service Level missed in a month, Supplier shall credit EUR 1,500 for each full "
          "percentage point by which performance falls short, up to a total of 10% of that month's Charges. "
          "Credits are earned back if the Service Level is met in each of the following three months."),
    ("p", "3.3 If Supplier misses the same Service Level in three consecutive months, or in any four months "
          "of a contract year, Client may terminate this Agreement for cause."),
    ("h1", "4. Personnel, Training and Knowledge Transfer"),
    ("p", "4.1 Supplier shall ensure that each agent completes Client's six-day initial training programme "
          "and passes the Client-set assessment before handling live contacts."),
    ("p", "4.2 Supplier shall deliver at least six hours of refresher training per agent each quarter and "
          "shall train all agents on each product or process change before it takes effect. Client shall "
          "provide updated materials to Supplier's training lead at least ten Business Days before such a "
          "change."),
    ("p", "4.3 Backfill training of replacement agents is at Supplier's cost."),
    ("h1", "5. Reporting and Governance"),
    ("p", "5.1 Monthly performance reports shall be delivered by Supplier to Client's Head of Customer "
          "Operations within five Business Days after month end."),
    ("p", "5.2 The parties' contract managers shall hold a monthly service review. Issues not resolved "
          "within ten Business Days are escalated to Supplier's Operations Director and Client's Chief "
          "Operating Officer, and then to the parties' chief executives."),
    ("p", "5.3 Supplier shall give Client at least 30 days' written notice of any change to the systems, "
          "sites or processes used for the Services and shall not implement it without Client's written "
          "consent."),
    ("h1", "6. Charges and Expenses"),
    ("p", "6.1 Client shall pay the Charges set out in Schedule 2 monthly in arrears within 30 days of a "
          "valid invoice."),
    ("p", "6.2 The rates in Schedule 2 are fixed for the Initial Term and are not subject to change except "
          "by a written amendment signed by both parties."),
    ("p", "6.3 There is no minimum volume commitment. Client's monthly forecasts are for planning only and "
          "do not bind Client to any volume."),
    ("p", "6.4 Travel expenses are reimbursable only if approved in advance in writing by Client and shall "
          "not exceed EUR 8,000 per contract year in aggregate."),
    ("p", "6.5 No additional charge applies for telephony, licences or other technology used by Supplier; "
          "these costs are included in the rates."),
    ("h1", "7. Data Protection and Security"),
    ("p", "7.1 Supplier shall process Client Personal Data as processor only on Client's documented "
          "instructions and in compliance with the GDPR and the Data Protection Act 2018."),
    ("p", "7.2 Supplier shall maintain an information security management system certified to ISO/IEC "
          "27001 and shall comply with PCI DSS for any card payments taken on Client's behalf."),
    ("p", "7.3 Supplier shall notify Client of any personal data breach without undue delay and in any case "
          "within 24 hours of becoming aware of it."),
    ("p", "7.4 Disaster recovery tests shall be carried out annually and the results made available."),
    ("p", "7.5 All Client Data, call recordings and reports are and remain the property of Client."),
    ("h1", "8. Audit and Records"),
    ("p", "8.1 Client, its regulator and auditors appointed by Client may inspect and audit Supplier's "
          "records, systems and premises used for the Services on ten Business Days' notice, or without "
          "notice where the regulator requires it."),
    ("p", "8.2 Supplier shall keep complete and accurate records of the Services and the Charges for six "
          "years after expiry or termination."),
    ("h1", "9. Term and Termination"),
    ("p", "9.1 This Agreement continues for an Initial Term of three years from the Go-Live Date. Client may "
          "extend it once by up to twelve months at the same rates by giving ninety days' written notice."),
    ("p", "9.2 Either party may terminate this Agreement for material breach not remedied within thirty "
          "days of notice."),
    ("p", "9.3 Client may terminate for convenience on six months' written notice. No termination fee is "
          "payable on any termination by Client under clause 3.3, 9.2 or 9.3."),
    ("h1", "10. Exit Management"),
    ("p", "10.1 For up to six months after termination or expiry, Supplier shall provide the termination "
          "assistance reasonably requested by Client or a replacement supplier, including knowledge "
          "transfer, parallel running and the handover of call-routing plans, scripts and knowledge "
          "articles."),
    ("p", "10.2 Supplier's reasonable fees for termination assistance are those calculated at the inbound "
          "voice rate in Schedule 2 for hours approved in writing by Client."),
    ("p", "10.3 Within thirty days after termination assistance ends, Supplier shall return all Client Data "
          "in the format reasonably requested by Client and then securely delete all copies, certifying the "
          "deletion in writing."),
    ("h1", "11. Liability and Governing Law"),
    ("p", "11.1 Each party's aggregate liability in a contract year is limited to 150% of the Charges paid or "
          "payable in that year; this limit does not apply to breach of clause 7 or to fraud."),
    ("p", "11.2 This Agreement is governed by the laws of Ireland and the courts of Ireland have exclusive "
          "jurisdiction."),
    ("pagebreak",),
    ("h1", "Schedule 1 - Services and Service Levels"),
    ("p", "1. Channels: inbound voice (FNOL and policy servicing) and e-mail. Hours: 08:00 to 20:00 Monday to "
          "Saturday; the FNOL line runs 24 hours a day, 7 days a week."),
    ("p", "2. Service Levels are measured on Client's platform and remedied under clause 3.2."),
    ("table", [
        ["Service Level", "Target", "Window"],
        ["Service level (voice)", "80% of calls answered within 20 seconds of entering the queue", "Monthly"],
        ["Abandonment rate", "no more than 4%; calls abandoned within 5 seconds excluded", "Monthly"],
        ["First contact resolution", "at least 75% of resolvable contacts", "Quarterly"],
        ["Quality score", "at least 88% average, from 10 evaluations per agent", "Monthly"],
        ["E-mail response", "95% answered within 4 business hours", "Monthly"],
        ["Customer satisfaction", "4.3 or above on a 5-point post-contact survey", "Monthly"],
    ], [130, 270, 70]),
    ("h1", "Schedule 2 - Charges"),
    ("table", [
        ["Item", "Rate", "Unit"],
        ["Inbound voice (FNOL and servicing)", "EUR 31.20", "per Productive Hour"],
        ["E-mail and web forms", "EUR 2.95", "per handled e-mail"],
        ["Account management", "EUR 7,500", "per month, fixed"],
        ["Catastrophe event surge", "35% uplift on voice rate", "for hours in a declared event"],
    ], [180, 140, 150]),
    ("p", "1. A catastrophe event is declared by Client when a storm or other event is expected to raise FNOL "
          "volumes by more than 50% over forecast."),
    ("p", "Signed for Client: Siobhan Ferriter, Chief Operating Officer. Signed for Supplier: Tomasz "
          "Brennock, Managing Director."),
]


# ---------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------
def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a DOCX zip with fixed timestamps so rebuilding gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_docx(blocks: list, path: Path, use_heading_styles: bool) -> None:
    """Render blocks to DOCX; headings use Word styles or bold typed numbers."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.created = FIXED_TIME
    doc.core_properties.modified = FIXED_TIME
    doc.core_properties.last_modified_by = "heldout"
    doc.core_properties.author = "heldout"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for block in blocks:
        kind = block[0]
        if kind == "title":
            doc.add_heading(block[1], level=0) if use_heading_styles else doc.add_paragraph(block[1])
        elif kind == "h1":
            if use_heading_styles:
                doc.add_heading(block[1], level=1)
            else:
                doc.add_paragraph().add_run(block[1]).bold = True
        elif kind == "bold":
            doc.add_paragraph().add_run(block[1]).bold = True
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
        elif kind == "pagebreak":
            doc.add_page_break()
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_deterministic_zip(buf.getvalue()))


def build_pdf(blocks: list, path: Path, header: str) -> None:
    """Render blocks to PDF with a running header, footer page numbers and ruled tables."""
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Times-Roman", fontSize=10.5,
                          leading=13.5, spaceAfter=5)
    h1 = ParagraphStyle("h1", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=11.5,
                        spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("title", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=14)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=11.5, spaceAfter=0)

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(inch, LETTER[1] - 0.55 * inch, header)
        canvas.line(inch, LETTER[1] - 0.6 * inch, LETTER[0] - inch, LETTER[1] - 0.6 * inch)
        canvas.drawCentredString(LETTER[0] / 2, 0.5 * inch, f"Page {doc.page}")
        canvas.restoreState()

    story = []
    for block in blocks:
        kind = block[0]
        if kind == "title":
            story.append(Paragraph(escape(block[1]), title))
        elif kind == "h1":
            story.append(Paragraph(escape(block[1]), h1))
        elif kind == "p":
            story.append(Paragraph(escape(block[1]), body))
        elif kind == "pagebreak":
            story.append(PageBreak())
        elif kind == "table":
            rows, widths = block[1], block[2]
            data = [[Paragraph(("<b>%s</b>" if r == 0 else "%s") % escape(t), cell) for t in row]
                    for r, row in enumerate(rows)]
            table = Table(data, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(table)
            story.append(Spacer(1, 8))
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=inch, rightMargin=inch,
                            topMargin=0.9 * inch, bottomMargin=0.9 * inch, title=path.stem,
                            author="heldout", invariant=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


FILES = {
    "h1_fernwick_calderridge_collections.docx": lambda p: build_docx(DOC1, p, use_heading_styles=True),
    "h2_quillfeather_bluepeak_sow2_techsupport.pdf": lambda p: build_pdf(DOC2, p, DOC2_HEADER),
    "h3_bid_vientoverde_chat_email.docx": lambda p: build_docx(DOC3, p, use_heading_styles=False),
    "h4_alderbank_corriemoor_customer_care.pdf": lambda p: build_pdf(DOC4, p, DOC4_HEADER),
}


def main() -> None:
    for name, build in FILES.items():
        build(OUT / name)


if __name__ == "__main__":
    main()
