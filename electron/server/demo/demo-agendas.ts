/**
 * What happens at the demo's meetings: each agenda with its papers, attendance, votes,
 * declarations and actions, as data that demo-meetings.ts writes. People are named by their key
 * in demo-people.ts.
 */
import type { ActionStatus, AgendaPurpose, MeetingStatus, Outcome, StandingKind, VotingConstituency } from '../../../features/meetings/words';
import { OFFICERS } from './demo-people';
import { BOARD_PAPER, DECEMBER_PAPERS, type DemoPaper, JULY_PAPERS, OCTOBER_PAPERS } from './demo-papers';

/** The forum meeting whose pack demo-packs.ts publishes. */
export const DEMO_PUBLISHED_MEETING = '2026-10-08T14:00';
/** The forum meeting in draft, with every kind of item. */
export const DEMO_NEXT_MEETING = '2026-12-10T14:00';

export const FORUM_VENUE = 'Committee Room 2, Town Hall, Market Street';

export interface DemoItem {
  title: string;
  purpose: AgendaPurpose;
  constituency?: VotingConstituency;
  presenter?: string;
  standing?: StandingKind;
  subItem?: boolean;
  exempt?: { paragraph: number; publicSummary: string };
  paper?: DemoPaper;
  /** When the paper was added: ISO instant. */
  paperAdded?: string;
  lateReason?: string;
  resolution?: string;
  outcome?: Outcome;
  /** Named votes: everyone entitled and attending votes for, except those listed. */
  votes?: { against?: string[]; abstain?: string[] };
  declarations?: Array<{ who: string; interest: string }>;
  actions?: Array<{ description: string; owner: string; due: string; status: ActionStatus; note?: string }>;
}

export interface DemoMeeting {
  startsAt: string;
  venue: string;
  status: MeetingStatus;
  /** Keys of members sending apologies, absent, or sending their named substitute (member -> substitute). */
  apologies?: string[];
  absent?: string[];
  substitutes?: Record<string, string>;
  /** Everyone else in term is recorded present: true for a meeting that has been held. */
  restPresent: boolean;
  items: DemoItem[];
}

const standing = (minutesOf?: string): DemoItem[] => [
  { title: 'Apologies and substitutes', purpose: 'information', standing: 'apologies' },
  { title: 'Declarations of interest', purpose: 'information', standing: 'declarations' },
  { title: minutesOf ? `Minutes of the meeting held on ${minutesOf}` : 'Minutes of the last meeting', purpose: 'decision', standing: 'minutes' },
  { title: 'Matters arising and the action log', purpose: 'information', standing: 'matters_arising' },
];

export const JULY: DemoMeeting = {
  startsAt: '2026-07-09T14:00',
  venue: FORUM_VENUE,
  status: 'approved',
  apologies: ['lowe', 'moran', 'pryce'],
  absent: ['reid'],
  substitutes: { brennan: 'akers' },
  restPresent: true,
  items: [
    ...standing('19 March 2026').map((it) =>
      it.standing === 'minutes'
        ? { ...it, resolution: 'RESOLVED that the minutes of the meeting held on 19 March 2026 be approved as a correct record.', outcome: 'carried' as const }
        : it,
    ),
    {
      title: 'Dedicated Schools Grant outturn 2025-26 and school balances',
      purpose: 'information',
      presenter: OFFICERS.thornton,
      paper: JULY_PAPERS.outturn,
      paperAdded: '2026-06-29T15:10:00.000Z',
      resolution:
        'RESOLVED that the Forum notes the DSG outturn for 2025-26, the cumulative deficit carried forward and the balances held by maintained schools.',
      outcome: 'noted',
      actions: [
        {
          description:
            'Write to the Department for Education asking when the withheld half of the 2025-26 Safety Valve instalment will be released, and report the reply.',
          owner: OFFICERS.thornton,
          due: '2026-09-30',
          status: 'open',
        },
      ],
    },
    {
      title: 'High Needs Block monitoring 2026-27: period 2',
      purpose: 'information',
      presenter: OFFICERS.thornton,
      paper: JULY_PAPERS.monitoring,
      paperAdded: '2026-06-29T15:20:00.000Z',
      resolution: 'RESOLVED that the Forum notes the forecast High Needs position at period 2.',
      outcome: 'noted',
      declarations: [{ who: 'ashton', interest: 'Headteacher of Greenbank School, which receives High Needs place and top-up funding.' }],
      actions: [
        {
          description: 'Bring a breakdown of independent and non-maintained special school placements by primary need to the October meeting.',
          owner: OFFICERS.carter,
          due: '2026-10-08',
          status: 'done',
          note: 'Reported to the meeting on 8 October 2026 (item 7).',
        },
      ],
    },
    {
      title: 'Scheme for Financing Schools: revisions for 2026',
      purpose: 'decision',
      constituency: 'maintained_schools',
      presenter: OFFICERS.adeyemi,
      paper: JULY_PAPERS.scheme,
      paperAdded: '2026-06-30T11:00:00.000Z',
      resolution:
        'RESOLVED that the maintained schools members approve the revisions to the Scheme for Financing Schools set out in the report, to take effect from 1 September 2026.',
      outcome: 'carried',
      votes: { abstain: ['crossley'] },
      declarations: [{ who: 'crossley', interest: "Governor of St Anne's Catholic High School, which holds a licensed deficit under the scheme." }],
      actions: [
        {
          description: 'Send the revised scheme to all maintained schools and publish it on the council’s website.',
          owner: OFFICERS.adeyemi,
          due: '2026-07-31',
          status: 'done',
          note: 'Sent to schools and published on 17 July 2026.',
        },
      ],
    },
    {
      title: 'Falling rolls fund: criteria for 2026-27',
      purpose: 'decision',
      constituency: 'whole_forum',
      presenter: OFFICERS.adeyemi,
      paper: JULY_PAPERS.fallingRolls,
      paperAdded: '2026-06-30T11:30:00.000Z',
      resolution: 'RESOLVED that the Forum approves the falling rolls fund of £250,000 for 2026-27 and the criteria set out in the report.',
      outcome: 'carried',
      votes: { against: ['donnelly'], abstain: ['ellis', 'malik'] },
      actions: [
        {
          description: 'Report the take-up of the falling rolls fund, with the schools that qualified, to the December meeting.',
          owner: OFFICERS.adeyemi,
          due: '2026-12-10',
          status: 'open',
        },
      ],
    },
    {
      title: 'Schools Forum work programme 2026-27',
      purpose: 'information',
      presenter: OFFICERS.clerk,
      resolution: 'RESOLVED that the work programme for 2026-27 be noted.',
      outcome: 'noted',
    },
  ],
};

export const OCTOBER: DemoMeeting = {
  startsAt: DEMO_PUBLISHED_MEETING,
  venue: FORUM_VENUE,
  status: 'held',
  apologies: ['hussain', 'fairclough'],
  substitutes: { hargreaves: 'tomlinson' },
  restPresent: true,
  items: [
    ...standing('9 July 2026').map((it) =>
      it.standing === 'minutes'
        ? {
            ...it,
            resolution: 'RESOLVED that the minutes of the meeting held on 9 July 2026 be approved as a correct record and signed by the Chair.',
            outcome: 'carried' as const,
          }
        : it,
    ),
    {
      title: 'High Needs Block monitoring 2026-27: period 5',
      purpose: 'information',
      presenter: OFFICERS.thornton,
      paper: OCTOBER_PAPERS.monitoring,
      paperAdded: '2026-09-28T14:00:00.000Z',
      resolution: 'RESOLVED that the Forum notes the forecast High Needs position at period 5 and the action being taken to manage it.',
      outcome: 'noted',
      actions: [
        {
          description: 'Add a forecast of independent special school placements, child by child in anonymised form, to the December monitoring report.',
          owner: OFFICERS.thornton,
          due: '2026-12-10',
          status: 'open',
        },
      ],
    },
    {
      title: 'DSG deficit management plan: update',
      purpose: 'information',
      presenter: OFFICERS.thornton,
      paper: OCTOBER_PAPERS.managementPlan,
      paperAdded: '2026-09-28T14:30:00.000Z',
      resolution: 'RESOLVED that the Forum notes the forecast DSG position at 31 March 2027 and progress on the deficit management plan.',
      outcome: 'noted',
    },
    {
      title: 'Independent special school placements by primary need',
      purpose: 'information',
      presenter: OFFICERS.carter,
      paper: OCTOBER_PAPERS.placements,
      paperAdded: '2026-09-29T10:00:00.000Z',
      resolution: 'RESOLVED that the Forum notes the breakdown of placements and the commissioning of SEMH day places on a framework.',
      outcome: 'noted',
      declarations: [{ who: 'baxter', interest: 'Principal of Oakfield Special Academy, which takes children placed by the authority.' }],
      actions: [
        {
          description: 'Arrange a briefing for members on the tender for SEMH independent day places.',
          owner: OFFICERS.marsh,
          due: '2026-11-30',
          status: 'done',
          note: 'Held online on 24 November 2026.',
        },
      ],
    },
    {
      title: 'Local funding formula 2027-28: consultation with schools',
      purpose: 'consultation',
      constituency: 'schools_and_academies',
      presenter: OFFICERS.adeyemi,
      paper: OCTOBER_PAPERS.formula,
      paperAdded: '2026-09-29T11:00:00.000Z',
      resolution:
        'RESOLVED that schools and academies members support the issue of the 2027-28 formula proposals for consultation with all schools and academies.',
      outcome: 'carried',
      actions: [
        {
          description: 'Send the formula consultation to all schools and academies, closing on 20 November 2026.',
          owner: OFFICERS.adeyemi,
          due: '2026-10-16',
          status: 'done',
          note: 'Sent on 12 October 2026.',
        },
      ],
    },
    {
      title: 'Schools Forum work programme 2026-27',
      purpose: 'information',
      presenter: OFFICERS.clerk,
      resolution: 'RESOLVED that the work programme be noted.',
      outcome: 'noted',
    },
  ],
};

export const DECEMBER: DemoMeeting = {
  startsAt: DEMO_NEXT_MEETING,
  venue: FORUM_VENUE,
  status: 'draft',
  apologies: ['lowe', 'briggs'],
  substitutes: { shah: 'whitworth' },
  restPresent: false,
  items: [
    ...standing('8 October 2026'),
    {
      title: 'High Needs Block monitoring 2026-27: period 7',
      purpose: 'information',
      presenter: OFFICERS.thornton,
      paper: DECEMBER_PAPERS.monitoring,
      paperAdded: '2026-11-26T16:00:00.000Z',
      declarations: [{ who: 'ashton', interest: 'Headteacher of Greenbank School, which receives High Needs place and top-up funding.' }],
    },
    {
      title: 'DSG position and deficit management plan: update',
      purpose: 'information',
      presenter: OFFICERS.thornton,
      paper: DECEMBER_PAPERS.position,
      paperAdded: '2026-11-26T16:30:00.000Z',
    },
    {
      title: 'De-delegation of funding for maintained schools 2027-28: maintained primary schools',
      purpose: 'decision',
      constituency: 'maintained_primary',
      presenter: OFFICERS.adeyemi,
      paper: DECEMBER_PAPERS.deDelegation,
      paperAdded: '2026-11-27T10:00:00.000Z',
      declarations: [
        { who: 'hargreaves', interest: 'Chair of Governors of Cedar Park Primary School, which drew on the de-delegated contingency in 2026-27.' },
      ],
    },
    {
      title: 'De-delegation of funding for maintained schools 2027-28: maintained secondary schools',
      purpose: 'decision',
      constituency: 'maintained_secondary',
      presenter: OFFICERS.adeyemi,
      subItem: true,
    },
    {
      title: 'Transfer from the Schools Block to the High Needs Block 2027-28',
      purpose: 'decision',
      constituency: 'whole_forum',
      presenter: OFFICERS.thornton,
      paper: DECEMBER_PAPERS.transfer,
      paperAdded: '2026-11-27T11:00:00.000Z',
    },
    { title: 'Schools Forum work programme 2027', purpose: 'information', presenter: OFFICERS.clerk },
    {
      title: 'Exclusion of the press and public',
      purpose: 'decision',
      constituency: 'whole_forum',
      presenter: 'The Chair',
    },
    {
      title: 'SEMH independent day places: award of places on a framework',
      purpose: 'consultation',
      constituency: 'whole_forum',
      presenter: OFFICERS.marsh,
      exempt: {
        paragraph: 3,
        publicSummary:
          'The Forum is consulted on the award of places on a framework for independent SEMH day provision from April 2027. The paper names the bidders and their prices, so it is not for publication.',
      },
      paper: DECEMBER_PAPERS.contract,
      paperAdded: '2026-12-03T09:15:00.000Z',
      lateReason: 'The tender evaluation was moderated on 1 December 2026; the paper could not be completed before the papers deadline.',
      declarations: [
        {
          who: 'reid',
          interest:
            'Headteacher of Horizons Alternative Provision Academy, whose trust subcontracts places to one of the bidders. Will leave the room for the item.',
        },
      ],
    },
  ],
};

export const BOARD_MEETING: DemoMeeting = {
  startsAt: '2026-12-15T10:00',
  venue: 'Room 4.12, Civic Centre',
  status: 'draft',
  apologies: ['mehta'],
  restPresent: false,
  items: [
    ...standing(),
    {
      title: 'SEND Recovery Plan: extension of the delivery partner contract by direct award',
      purpose: 'decision',
      presenter: OFFICERS.carter,
      paper: BOARD_PAPER,
      paperAdded: '2026-12-01T10:00:00.000Z',
    },
    { title: 'SEND Recovery Plan: project highlight report, quarter 2', purpose: 'information', presenter: OFFICERS.marsh },
  ],
};
