/**
 * The demo's agreements and contracts (domain.md section 5), like the seeds': five area inclusion
 * partnership cooperation agreements (£5,255,550 a year between them), cluster agreements of
 * £780,830 a year for 12 months with two 12-month extensions (£2,342,490 in all, one taken), the
 * inclusion partnership co-ordinator extended by direct award (£65,000 over two years), and the
 * improvement partner. The council's key-decision threshold was £250,000 a year until April 2022
 * and £500,000 since. As of early December 2026 the demo raises each kind of alert: extension
 * decisions due, an agreement ending, a key decision with no reference, a report overdue.
 */
import type { AgreementType, LegalBasis, ReturnBasis } from '../../../features/recovery/words';

export const DEMO_THRESHOLDS = [
  { effectiveFrom: '2015-04-01', keyDecision: 250_000, note: 'Constitution, April 2015: key decisions from £250,000 a year' },
  { effectiveFrom: '2022-04-01', keyDecision: 500_000, note: 'Constitution revised at annual Council, May 2022: £500,000 a year' },
];

export interface DemoAgreement {
  reference: string;
  counterparty: string;
  type: AgreementType;
  purpose: string;
  legalBasis: LegalBasis;
  legalBasisOn: string | null;
  startOn: string;
  endOn: string;
  /** Pounds a year. */
  annual: number;
  extensions: { offered: number; months: number; noticeDays: number; taken: Array<[string, string]> };
  decisionReference: string;
  decisionOn: string | null;
  forwardPlanReference: string;
  keyDecisionOverride?: { value: boolean; reason: string };
  reportingDuties: string;
  note?: string;
  underspend?: { thresholdBp: number; returnBasis: ReturnBasis };
  reports: Array<[string, string, string | null]>;
}

const AIP_SHARE = [
  ['N', 'North', 1_186_420],
  ['S', 'South', 1_042_870],
  ['E', 'East', 978_310],
  ['W', 'West', 1_105_640],
  ['C', 'Central', 942_310],
] as const;

const UNDERSPEND_TEXT =
  'An underspend above 15% of the year’s funding at year end is returned to the council unless a development plan for it is approved, with the Schools Forum’s views.';

export { UNDERSPEND_TEXT as DEMO_UNDERSPEND_TEXT };

const aips: DemoAgreement[] = AIP_SHARE.map(([letter, area, annual]) => ({
  reference: `AIP-${letter}-2024`,
  counterparty: `${area} Area Inclusion Partnership`,
  type: 'cooperation',
  purpose: `Devolved inclusion funding for the ${area.toLowerCase()} area’s schools, shared by formula (pupil numbers 25%, targeted factors such as FSM, IDACI and low attainment 60%, targeted factors plus pupil premium 15%), and 42 places at £10,000 each, so pupils at risk of exclusion stay in school.`,
  legalBasis: 'pcr2015_reg12_7',
  legalBasisOn: '2024-07-10',
  startOn: '2024-09-01',
  endOn: '2027-08-31',
  annual,
  extensions: { offered: 1, months: 24, noticeDays: 180, taken: [] },
  decisionReference: 'D51877',
  decisionOn: '2024-07-10',
  forwardPlanReference: 'FP/240524',
  reportingDuties: 'A return of spend and outcomes each term; an annual report to the Schools Forum.',
  // Whether all of an underspend goes back or only the part above 15% differs between agreements.
  underspend: { thresholdBp: 1500, returnBasis: letter === 'W' ? 'above_threshold' : 'whole' },
  reports: [
    ['Summer term return 2026', '2026-07-31', '2026-07-29'],
    ['Annual report 2025-26', '2026-10-31', letter === 'W' ? null : '2026-10-20'],
    ['Autumn term return 2026', '2026-12-18', null],
  ],
}));

export const DEMO_AGREEMENTS: DemoAgreement[] = [
  ...aips,
  {
    reference: 'CLU-2025',
    counterparty: '22 school clusters (SEND cluster partnership)',
    type: 'cooperation',
    purpose:
      'Council funding shared by 22 clusters of schools to meet needs early without top-up requests; the schools contribute about £3.5m a year between them.',
    legalBasis: 'pcr2015_reg12_7',
    legalBasisOn: '2025-02-10',
    startOn: '2025-04-01',
    endOn: '2026-03-31',
    annual: 780_830,
    extensions: { offered: 2, months: 12, noticeDays: 90, taken: [['2026-01-15', 'D53190']] },
    decisionReference: 'D52724',
    decisionOn: '2025-02-10',
    forwardPlanReference: 'FP/280521',
    reportingDuties: 'Each cluster returns its spend and the children supported each term.',
    underspend: { thresholdBp: 1500, returnBasis: 'above_threshold' },
    reports: [['Cluster returns, summer term 2026', '2026-07-31', '2026-08-04']],
  },
  {
    reference: 'EIP-COORD-2025',
    counterparty: 'Demo Inclusion Consultancy Ltd',
    type: 'direct_award',
    purpose:
      'The education inclusion partnership co-ordinator: two days a week rising to three and a half, supporting the head teachers’ panel that decides interventions and monitoring their budgets and outcomes.',
    legalBasis: 'procurement_act_2023',
    legalBasisOn: '2025-07-14',
    startOn: '2025-09-01',
    endOn: '2027-08-31',
    annual: 32_500,
    extensions: { offered: 0, months: 0, noticeDays: 90, taken: [] },
    decisionReference: 'ODR/2025/117',
    decisionOn: '2025-07-14',
    forwardPlanReference: '',
    reportingDuties: 'A report to each meeting of the head teachers’ panel.',
    note: 'Extends the co-ordinator contract first let in 2022 by direct award: £65,000 over two years from the Schools Forum’s five-year inclusion budget.',
    reports: [['Panel outcomes report, autumn 2026', '2026-12-11', null]],
  },
  {
    reference: 'SIP-2024',
    counterparty: 'Demo Improvement Partners LLP',
    type: 'tender',
    purpose:
      'The SEND improvement partner: programme management and specialist capacity for the recovery plan, paid from the £1,000,000 transformation envelope.',
    legalBasis: 'pcr2015',
    legalBasisOn: '2024-02-12',
    startOn: '2024-04-01',
    endOn: '2027-03-31',
    annual: 330_000,
    extensions: { offered: 1, months: 12, noticeDays: 90, taken: [] },
    decisionReference: 'D50112',
    decisionOn: '2024-02-12',
    forwardPlanReference: 'FP/231123',
    keyDecisionOverride: { value: true, reason: 'Cabinet took the award as a key decision: it affects children and schools in every ward.' },
    reportingDuties: 'A monthly highlight report to the SEND Programme Board.',
    reports: [],
  },
  {
    reference: 'MIF-2026',
    counterparty: 'Schools, through the head teachers’ inclusion panel',
    type: 'grant',
    purpose: 'Mainstream inclusion funding of £357,000 a year for five years, agreed by the Schools Forum, for early support without an EHC plan.',
    legalBasis: 'grant_terms',
    legalBasisOn: '2026-01-22',
    startOn: '2026-04-01',
    endOn: '2031-03-31',
    annual: 357_000,
    extensions: { offered: 0, months: 0, noticeDays: 90, taken: [] },
    decisionReference: 'SF/2026/04',
    decisionOn: '2026-01-22',
    forwardPlanReference: '',
    reportingDuties: 'An evaluation to the Schools Forum each year.',
    underspend: { thresholdBp: 1500, returnBasis: 'whole' },
    reports: [['Evaluation of the first year', '2027-03-11', null]],
  },
  {
    reference: 'SEMH-FW-2026',
    counterparty: 'SEMH day places framework (four providers)',
    type: 'tender',
    purpose: 'Approved SEMH day places at below £60,000 a year, in place of spot-purchased independent placements (condition 4 of the Safety Valve agreement).',
    legalBasis: 'procurement_act_2023',
    legalBasisOn: '2026-10-12',
    startOn: '2026-11-01',
    endOn: '2028-10-31',
    annual: 1_450_000,
    extensions: { offered: 2, months: 12, noticeDays: 120, taken: [] },
    // The Cabinet decision is awaited: a key decision with no reference yet, which the alerts show.
    decisionReference: '',
    decisionOn: '2026-10-12',
    forwardPlanReference: 'FP/260826',
    reportingDuties: 'Quarterly placement and outcome returns from each provider.',
    reports: [],
  },
  {
    reference: 'SLT-SLA-2021',
    counterparty: 'Demo Community Health NHS Trust',
    type: 'sla',
    purpose: 'Speech and language therapy for children with EHC plans in schools.',
    legalBasis: 'other',
    legalBasisOn: null,
    startOn: '2021-04-01',
    endOn: '2026-03-31',
    annual: 310_000,
    extensions: { offered: 2, months: 12, noticeDays: 60, taken: [['2026-02-16', 'D53402']] },
    // Decided when the threshold was £250,000 a year: a key decision then, though it would not be now.
    decisionReference: 'D48211',
    decisionOn: '2021-02-24',
    forwardPlanReference: 'FP/201220',
    reportingDuties: 'Quarterly activity data.',
    reports: [['Activity data, quarter 2 2026-27', '2026-10-31', '2026-10-30']],
  },
  {
    reference: 'AUT-OUT-2024',
    counterparty: 'Demo Special Schools Trust',
    type: 'sla',
    purpose: 'An autism outreach service for mainstream schools from the trust’s special schools.',
    legalBasis: 'other',
    legalBasisOn: null,
    startOn: '2024-02-01',
    endOn: '2027-01-31',
    annual: 180_000,
    extensions: { offered: 0, months: 0, noticeDays: 90, taken: [] },
    decisionReference: 'ODR/2023/311',
    decisionOn: '2023-12-05',
    forwardPlanReference: '',
    reportingDuties: 'A termly report of schools supported.',
    reports: [],
  },
];
