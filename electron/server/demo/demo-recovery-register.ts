/**
 * The demo's SEND recovery register (domain.md sections 3 and 4): five workstreams and twelve
 * projects, each with its money by plan year, RAG history, milestones and KPIs, shaped by the
 * published examples (a £357,000 a year mainstream inclusion fund, a £1m transformation envelope
 * for an improvement partner, a panel redesign saving £500,000, EHC needs assessment requests
 * down 32% avoiding £3.1m–£4.6m, EHC plans 224 → 252). Figures in pounds; dates ISO.
 */
import type { FundingSource, Rag, SavingKind } from '../../../features/recovery/words';

/** The plan's years (base 2025-26): a project's years must fall inside them. */
export const DEMO_PLAN_YEARS = ['2026-27', '2027-28', '2028-29', '2029-30', '2030-31', '2031-32', '2032-33'] as const;

export interface DemoWorkstream {
  code: string;
  name: string;
  lead: string;
  aim: string;
}

export const DEMO_WORKSTREAMS: DemoWorkstream[] = [
  {
    code: 'WS1',
    name: 'Inclusion in mainstream schools',
    lead: 'Head of Inclusion',
    aim: 'More children with SEND have their needs met in their local mainstream school, with the support to stay there.',
  },
  {
    code: 'WS2',
    name: 'Assessment, panels and early help',
    lead: 'Head of SEN Services',
    aim: 'Needs are met early through the graduated approach, so fewer children need an EHC needs assessment.',
  },
  {
    code: 'WS3',
    name: 'Sufficiency and commissioning',
    lead: 'Head of SEND Commissioning',
    aim: 'Enough local specialist places, so children are not placed in independent schools far from home.',
  },
  {
    code: 'WS4',
    name: 'Preparing for adulthood',
    lead: 'Post-16 Commissioning Lead',
    aim: 'Young people move on to employment, training and independence rather than staying in high-cost provision.',
  },
  {
    code: 'WS5',
    name: 'Programme and partnerships',
    lead: 'SEND Recovery Programme Manager',
    aim: 'The recovery plan is run as one programme, with partners who add capacity and school leaders who share the decisions.',
  },
];

export interface DemoProject {
  code: string;
  name: string;
  owner: string;
  aim: string;
  workstream: string;
  fundingSource: FundingSource;
  savingKind: SavingKind;
  budget: number;
  spend: number;
  forecast: number;
  /** By plan year in order: the HNB cost of the investment, the target saving, and what was delivered (2026-27 only, so far). */
  cost: number[];
  target: number[];
  delivered?: number;
  rags: Array<[string, Rag, string]>;
  milestones: Array<[string, string, string | null]>;
  kpis?: Array<{
    measure: string;
    baseline: number;
    baselineOn: string;
    target: number | null;
    targetOn: string | null;
    latest: number | null;
    latestOn: string | null;
    higherIsBetter: boolean;
  }>;
  /** References of the agreements that deliver it. */
  agreements: string[];
}

const k = (xs: number[]) => xs.map((x) => x * 1000);

export const DEMO_PROJECTS: DemoProject[] = [
  {
    code: 'INC01',
    name: 'Mainstream inclusion fund',
    owner: 'Head of Inclusion',
    aim: 'A fund of £357,000 a year, agreed by the Schools Forum for five years, that schools draw on through the head teachers’ panel for early support without an EHC plan.',
    workstream: 'WS1',
    fundingSource: 'hnb',
    savingKind: 'cost_avoidance',
    budget: 1_785_000,
    spend: 535_500,
    forecast: 1_785_000,
    cost: k([357, 357, 357, 357, 357, 0, 0]),
    target: k([100, 400, 800, 1200, 1600, 1900, 2200]),
    delivered: 120_000,
    rags: [
      ['2026-04-30', 'amber', 'Fund opened in April; take-up slow in secondary schools.'],
      ['2026-07-31', 'green', 'Every secondary school has now applied; panel decisions on time.'],
      ['2026-10-31', 'green', 'On track: 212 children supported without a request for assessment.'],
    ],
    milestones: [
      ['Schools Forum agrees the fund for five years', '2026-01-22', '2026-01-22'],
      ['Head teachers’ panel makes its first awards', '2026-05-15', '2026-05-14'],
      ['First evaluation reported to the Forum', '2027-03-11', null],
    ],
    kpis: [
      {
        measure: 'Share of children with EHC plans in mainstream schools (%)',
        baseline: 41.5,
        baselineOn: '2026-01-15',
        target: 48,
        targetOn: '2028-01-20',
        latest: 43.2,
        latestOn: '2026-10-01',
        higherIsBetter: true,
      },
    ],
    agreements: ['MIF-2026'],
  },
  {
    code: 'INC02',
    name: 'Area inclusion partnerships',
    owner: 'Inclusion and AP Manager',
    aim: 'Five area partnerships of schools hold devolved funding and 210 places to keep pupils at risk of exclusion in school.',
    workstream: 'WS1',
    fundingSource: 'hnb',
    savingKind: 'cost_avoidance',
    budget: 0,
    spend: 0,
    forecast: 0,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([150, 300, 500, 650, 800, 950, 1100]),
    delivered: 210_000,
    rags: [
      ['2026-04-30', 'green', 'All five partnerships signed their agreements for the year.'],
      ['2026-10-31', 'amber', 'West partnership’s annual report is late; permanent exclusions down in four areas of five.'],
    ],
    milestones: [
      ['Agreements signed with all five partnerships', '2024-09-01', '2024-08-28'],
      ['Annual reports received from every partnership', '2026-10-31', null],
    ],
    kpis: [
      {
        measure: 'Permanent exclusions a year',
        baseline: 61,
        baselineOn: '2024-08-31',
        target: 35,
        targetOn: '2027-08-31',
        latest: 44,
        latestOn: '2026-08-31',
        higherIsBetter: false,
      },
    ],
    agreements: ['AIP-N-2024', 'AIP-S-2024', 'AIP-E-2024', 'AIP-W-2024', 'AIP-C-2024'],
  },
  {
    code: 'INC03',
    name: 'Education inclusion partnership co-ordinator',
    owner: 'Head of Inclusion',
    aim: 'A co-ordinator, two days a week rising to three and a half, who supports the head teachers’ panel and monitors the budgets and outcomes of its interventions.',
    workstream: 'WS1',
    fundingSource: 'forum_allocation',
    savingKind: 'cost_avoidance',
    budget: 65_000,
    spend: 13_540,
    forecast: 65_000,
    cost: k([32.5, 32.5, 0, 0, 0, 0, 0]),
    target: k([50, 100, 100, 100, 100, 100, 100]),
    delivered: 45_000,
    rags: [['2026-10-31', 'green', 'Contract extended by direct award; the co-ordinator’s days rose to three and a half in October.']],
    milestones: [
      ['Contract extended by direct award', '2025-08-31', '2025-07-14'],
      ['Days rise to three and a half a week', '2026-10-01', '2026-10-01'],
    ],
    agreements: ['EIP-COORD-2025'],
  },
  {
    code: 'INC04',
    name: 'SEND cluster funding',
    owner: 'SEND Finance Business Partner',
    aim: '22 school clusters share £780,830 a year from the council, with about £3.5m from schools, to meet needs without top-up requests.',
    workstream: 'WS1',
    fundingSource: 'hnb',
    savingKind: 'cost_avoidance',
    budget: 2_342_490,
    spend: 1_171_245,
    forecast: 2_342_490,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([150, 350, 550, 750, 900, 1050, 1200]),
    delivered: 180_000,
    rags: [
      ['2026-01-31', 'amber', 'Three clusters have not yet agreed their funding formula.'],
      ['2026-07-31', 'green', 'All 22 clusters operating; first extension taken.'],
      ['2026-10-31', 'amber', 'Top-up requests from two clusters above plan: the co-ordinator is reviewing.'],
    ],
    milestones: [
      ['First 12-month extension decided', '2026-01-31', '2026-01-15'],
      ['Decision on the second extension', '2026-12-31', null],
    ],
    agreements: ['CLU-2025'],
  },
  {
    code: 'ASM01',
    name: 'Graduated approach and early help before assessment',
    owner: 'Head of SEN Services',
    aim: 'Cut requests for EHC needs assessment by a third through the graduated approach, as a peer authority did (requests down 32%, £3.1m–£4.6m of cost avoided).',
    workstream: 'WS2',
    fundingSource: 'council',
    savingKind: 'cost_avoidance',
    budget: 240_000,
    spend: 150_000,
    forecast: 240_000,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([300, 900, 1600, 2300, 3100, 3800, 4600]),
    delivered: 520_000,
    rags: [
      ['2026-01-31', 'amber', 'Graduated approach toolkit delayed by a term.'],
      ['2026-04-30', 'amber', 'Requests down 12% on last year, behind the 20% planned.'],
      ['2026-07-31', 'green', 'Requests down 24% on last year; ahead of the savings target.'],
      ['2026-10-31', 'green', 'Requests down 27%: on track for 32%.'],
    ],
    milestones: [
      ['Graduated approach toolkit published to schools', '2026-01-09', '2026-04-20'],
      ['SENCo network in every area', '2026-09-30', '2026-09-23'],
      ['Requests 32% below 2022-23', '2028-03-31', null],
    ],
    kpis: [
      {
        measure: 'Requests for EHC needs assessment a year',
        baseline: 912,
        baselineOn: '2025-03-31',
        target: 620,
        targetOn: '2028-03-31',
        latest: 666,
        latestOn: '2026-09-30',
        higherIsBetter: false,
      },
      {
        measure: 'EHC plans issued in the year',
        baseline: 224,
        baselineOn: '2025-03-31',
        target: 200,
        targetOn: '2027-03-31',
        latest: 252,
        latestOn: '2026-03-31',
        higherIsBetter: false,
      },
    ],
    agreements: [],
  },
  {
    code: 'ASM02',
    name: 'Panel redesign',
    owner: 'Head of SEN Services',
    aim: 'One multi-agency panel with published banding decisions, as the peer authority that saved £500,000 a year by redesigning its panels.',
    workstream: 'WS2',
    fundingSource: 'council',
    savingKind: 'saving',
    budget: 30_000,
    spend: 30_000,
    forecast: 30_000,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([250, 500, 500, 500, 500, 500, 500]),
    delivered: 240_000,
    rags: [
      ['2026-04-30', 'green', 'New panel in place from April.'],
      ['2026-10-31', 'green', 'Banding decisions published; saving on track.'],
    ],
    milestones: [
      ['New panel terms of reference agreed', '2026-03-01', '2026-02-20'],
      ['First six months reviewed', '2026-10-31', '2026-10-29'],
    ],
    agreements: [],
  },
  {
    code: 'SUF01',
    name: 'SEMH day places framework',
    owner: 'Head of SEND Commissioning',
    aim: 'A framework of approved SEMH day places at below £60,000 a year, in place of spot-purchased independent placements (Safety Valve condition 4).',
    workstream: 'WS3',
    fundingSource: 'hnb',
    savingKind: 'saving',
    budget: 95_000,
    spend: 61_200,
    forecast: 95_000,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([200, 600, 1300, 1900, 2500, 2900, 3300]),
    delivered: 0,
    rags: [
      ['2026-01-31', 'amber', 'Tender returns below the quality threshold in two lots.'],
      ['2026-04-30', 'red', 'Framework to be re-tendered; no saving this year. DfE withheld half the 2025-26 instalment.'],
      ['2026-10-31', 'red', 'Re-tender awarded; the framework starts in the new year. The decision reference is awaited.'],
    ],
    milestones: [
      ['First tender awarded', '2025-12-31', null],
      ['Re-tender awarded', '2026-10-31', '2026-10-12'],
      ['First placements through the framework', '2027-01-31', null],
    ],
    kpis: [
      {
        measure: 'New independent special school placements a year',
        baseline: 48,
        baselineOn: '2025-03-31',
        target: 30,
        targetOn: '2028-03-31',
        latest: 41,
        latestOn: '2026-09-30',
        higherIsBetter: false,
      },
    ],
    agreements: ['SEMH-FW-2026'],
  },
  {
    code: 'SUF02',
    name: 'Resourced provision: 60 new places',
    owner: 'Head of SEND Commissioning',
    aim: 'Sixty places in resourced provision at mainstream schools (place funding and top-ups from the High Needs Block), so children with autism stay local.',
    workstream: 'WS3',
    fundingSource: 'hnb',
    savingKind: 'cost_avoidance',
    budget: 3_600_000,
    spend: 180_000,
    forecast: 3_600_000,
    cost: k([300, 600, 600, 600, 600, 600, 600]),
    target: k([0, 500, 1300, 1900, 2300, 2600, 2900]),
    delivered: 0,
    rags: [
      ['2026-07-31', 'amber', 'Two of the five host schools need building work first.'],
      ['2026-10-31', 'amber', '24 places open in September; 36 more in September 2027.'],
    ],
    milestones: [
      ['Host schools agreed', '2026-03-31', '2026-03-26'],
      ['First 24 places open', '2026-09-01', '2026-09-03'],
      ['All 60 places open', '2027-09-01', null],
    ],
    agreements: [],
  },
  {
    code: 'SUF03',
    name: 'Independent placement review and step-down',
    owner: 'Head of SEND Commissioning',
    aim: 'Review every independent placement at annual review, and step children down to local provision where it meets their needs.',
    workstream: 'WS3',
    fundingSource: 'hnb',
    savingKind: 'saving',
    budget: 0,
    spend: 0,
    forecast: 0,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([300, 500, 700, 800, 900, 1000, 1100]),
    delivered: 310_000,
    rags: [
      ['2026-04-30', 'green', 'Review schedule agreed with the placement team.'],
      ['2026-10-31', 'amber', 'Seven step-downs agreed, two fewer than planned.'],
    ],
    milestones: [['Every placement reviewed once', '2027-03-31', null]],
    agreements: [],
  },
  {
    code: 'PFA01',
    name: 'Post-16 pathways and supported internships',
    owner: 'Post-16 Commissioning Lead',
    aim: 'Supported internships and local college pathways, so fewer young people over 19 stay in high-cost specialist provision.',
    workstream: 'WS4',
    fundingSource: 'hnb',
    savingKind: 'cost_avoidance',
    budget: 360_000,
    spend: 95_000,
    forecast: 360_000,
    cost: k([120, 120, 120, 0, 0, 0, 0]),
    target: k([100, 250, 450, 650, 800, 950, 1100]),
    delivered: 60_000,
    rags: [
      ['2026-07-31', 'green', '18 supported internships agreed with employers.'],
      ['2026-10-31', 'green', 'Internship cohort started in September.'],
    ],
    milestones: [
      ['Employer partners signed up', '2026-06-30', '2026-06-18'],
      ['First cohort completes', '2027-07-31', null],
    ],
    kpis: [
      {
        measure: 'Young people on supported internships',
        baseline: 6,
        baselineOn: '2025-09-01',
        target: 30,
        targetOn: '2027-09-01',
        latest: 18,
        latestOn: '2026-09-01',
        higherIsBetter: true,
      },
    ],
    agreements: [],
  },
  {
    code: 'PRG01',
    name: 'SEND improvement partner',
    owner: 'SEND Recovery Programme Manager',
    aim: 'An improvement partner paid from the council’s £1,000,000 transformation envelope adds programme management and specialist capacity to every workstream.',
    workstream: 'WS5',
    fundingSource: 'transformation_reserve',
    savingKind: 'saving',
    budget: 1_000_000,
    spend: 742_500,
    forecast: 990_000,
    cost: k([330, 0, 0, 0, 0, 0, 0]),
    target: k([0, 0, 0, 0, 0, 0, 0]),
    rags: [
      ['2026-04-30', 'green', 'Partner’s third year started; handover plans agreed for each project.'],
      ['2026-10-31', 'amber', 'Five of the eight original projects will not finish by March 2027: extension to be decided.'],
    ],
    milestones: [
      ['Partner appointed after open tender', '2024-03-31', '2024-02-12'],
      ['Decision on a 12-month extension', '2026-12-31', null],
      ['Every project handed to a named officer', '2028-03-31', null],
    ],
    agreements: ['SIP-2024'],
  },
  {
    code: 'PRG02',
    name: 'Therapies and direct payments commissioning review',
    owner: 'Head of SEND Commissioning',
    aim: 'Commission speech and language and occupational therapy jointly with health, and set clear rates for direct payments.',
    workstream: 'WS5',
    fundingSource: 'hnb',
    savingKind: 'saving',
    budget: 0,
    spend: 0,
    forecast: 0,
    cost: k([0, 0, 0, 0, 0, 0, 0]),
    target: k([100, 200, 300, 400, 450, 500, 550]),
    delivered: 85_000,
    rags: [['2026-10-31', 'green', 'Joint therapy specification agreed with the integrated care board.']],
    milestones: [['New therapy contract in place', '2027-04-01', null]],
    agreements: ['SLT-SLA-2021'],
  },
];
