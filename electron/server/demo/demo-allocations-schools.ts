/**
 * The demo's schools (issue 12, section 6): five area inclusion partnerships, one for each of
 * the demo's AIP cooperation agreements, with 22 clusters of schools inside them (the clusters of
 * the CLU-2025 agreement), about 120 clearly-demo schools (URNs from 990101, every name starting
 * "Demo"), their membership in 2025-26 and 2026-27 (a few schools move), their census figures in
 * both years, and their governing bodies' buy-in decisions for 2026-27. Deterministic: the
 * figures come from a seeded generator keyed on each school's URN, so tests and screenshots are
 * stable and adding a school never moves another's numbers.
 */
import type { SchoolInfo } from '../../../features/allocations/types';
import type { BuyInStatus, Phase, SchoolStatus, SchoolType } from '../../../features/allocations/words';
import { seeded } from './demo-plan';

export const DEMO_ALLOCATION_YEARS = ['2025-26', '2026-27'] as const;
export type DemoAllocationYear = (typeof DEMO_ALLOCATION_YEARS)[number];

const NLT = 'Demo Northern Learning Trust';
const CAT = 'Demo Catholic Academy Trust';
const DST = 'Demo Diocesan Schools Trust';
const VLP = 'Demo Valley Learning Partnership';
const OAK = 'Demo Oak Multi-Academy Trust';
const SST = 'Demo Special Schools Trust';

/** A school as written in the lists below: name (without "Demo "), phase, type and trust. */
type Spec = [name: string, phase: Phase, type: SchoolType, trust?: string];
const pri = (name: string, trust?: string): Spec => [name, 'primary', trust ? 'academy' : 'maintained', trust];
const sec = (name: string, trust?: string): Spec => [name, 'secondary', trust ? 'academy' : 'maintained', trust];

export interface DemoCluster {
  name: string;
  /** How deprived its neighbourhoods are: the share of pupils eligible for free school meals, roughly. */
  fsm: number;
  /** The first school leads the cluster. */
  schools: Spec[];
}

export interface DemoArea {
  /** The letter in the area's agreement reference (AIP-N-2024). */
  letter: string;
  area: string;
  /** Its pupil referral unit or alternative provision: a member of the partnership itself, in no cluster. */
  direct: Spec;
  /** Its special school: funded by places, so in no partnership. */
  special: Spec;
  clusters: DemoCluster[];
}

export const DEMO_AREAS: DemoArea[] = [
  {
    letter: 'N',
    area: 'North',
    direct: ['North Pupil Referral Unit', 'not_applicable', 'pru'],
    special: ['Beacon School', 'not_applicable', 'special', SST],
    clusters: [
      {
        name: 'Ashworth Cluster',
        fsm: 0.35,
        schools: [
          sec('Ashworth Academy', NLT),
          pri('Moorside Primary School'),
          pri('St Anne’s CE Primary School'),
          pri('Hollins Park Primary Academy', NLT),
          ['Ashworth Nursery School', 'nursery', 'maintained'],
        ],
      },
      {
        name: 'Birchley Cluster',
        fsm: 0.3,
        schools: [
          sec('Birchley High School'),
          pri('Birchley Infant School'),
          pri('Birchley Junior School'),
          pri('Lark Rise Primary School'),
          pri('St Joseph’s Catholic Primary School', CAT),
        ],
      },
      {
        name: 'Carrow Cluster',
        fsm: 0.38,
        schools: [
          sec('Carrow Community College', NLT),
          pri('Carrow Bridge Primary School'),
          pri('Millbrook Primary School'),
          pri('Ferndale Primary School'),
          pri('Orchard Vale Primary Academy', NLT),
        ],
      },
      {
        name: 'Dunsford Cluster',
        fsm: 0.25,
        schools: [
          ['Dunsford School', 'all_through', 'academy', NLT],
          pri('Westgate Primary School'),
          pri('Dunsford Green Primary School'),
          pri('Hill Top Primary School'),
          pri('Holy Trinity CE Primary School', DST),
        ],
      },
      {
        name: 'Elmstead Cluster',
        fsm: 0.32,
        schools: [
          sec('Elmstead High School'),
          pri('Elmstead Primary School'),
          pri('Cherry Tree Primary School'),
          pri('Long Lane Primary School'),
          pri('Meadowcroft Primary Academy', NLT),
        ],
      },
    ],
  },
  {
    letter: 'S',
    area: 'South',
    direct: ['South Alternative Provision Academy', 'not_applicable', 'ap', OAK],
    special: ['Kingfisher School', 'not_applicable', 'special', SST],
    clusters: [
      {
        name: 'Fairbourne Cluster',
        fsm: 0.26,
        schools: [
          sec('Fairbourne Academy', OAK),
          pri('Fairbourne Primary School'),
          pri('Seaview Primary School'),
          pri('St Peter’s CE Primary School', DST),
          pri('Cliff Park Infant School'),
          pri('Cliff Park Junior School'),
        ],
      },
      {
        name: 'Greyholme Cluster',
        fsm: 0.21,
        schools: [
          sec('Greyholme School', OAK),
          pri('Greyholme Primary School'),
          pri('Bramley Primary Academy', OAK),
          pri('Willow Brook Primary School'),
          pri('Foxdale Primary School'),
        ],
      },
      {
        name: 'Hatherley Cluster',
        fsm: 0.28,
        schools: [
          sec('Hatherley High School'),
          pri('Hatherley Primary School'),
          pri('Stonebridge Primary School'),
          pri('Our Lady’s Catholic Primary School', CAT),
          pri('Applegarth Primary School'),
          pri('Coppice Wood Primary School'),
        ],
      },
      {
        name: 'Kingsmead Cluster',
        fsm: 0.24,
        schools: [
          sec('Kingsmead Academy', OAK),
          pri('Kingsmead Primary School'),
          pri('Rushmere Primary School'),
          pri('Thistle Hill Primary School'),
          pri('All Saints CE Primary School', DST),
        ],
      },
    ],
  },
  {
    letter: 'E',
    area: 'East',
    direct: ['East Pupil Referral Unit', 'not_applicable', 'pru'],
    special: ['Horizon School', 'not_applicable', 'special'],
    clusters: [
      {
        name: 'Larkhill Cluster',
        fsm: 0.31,
        schools: [
          sec('Larkhill School', VLP),
          pri('Larkhill Primary School'),
          pri('Poppyfield Primary School'),
          pri('Greenacres Primary Academy', VLP),
          pri('St Mary’s CE Primary School', DST),
        ],
      },
      {
        name: 'Marshfield Cluster',
        fsm: 0.28,
        schools: [
          sec('Marshfield High School'),
          pri('Marshfield Primary School'),
          pri('Reedbeds Primary School'),
          pri('Fenside Primary School'),
          pri('Heron Way Primary School'),
        ],
      },
      {
        name: 'Netherby Cluster',
        fsm: 0.34,
        schools: [
          sec('Netherby Academy', VLP),
          pri('Netherby Primary School'),
          pri('Riverside Infant School'),
          pri('Riverside Junior School'),
          pri('St Edmund’s Catholic Primary School', CAT),
        ],
      },
      {
        name: 'Oakhurst Cluster',
        fsm: 0.26,
        schools: [
          sec('Oakhurst School'),
          pri('Oakhurst Primary School'),
          pri('Acorn Primary School'),
          pri('Beechwood Primary Academy', VLP),
          pri('Tilbury Lane Primary School'),
        ],
      },
    ],
  },
  {
    letter: 'W',
    area: 'West',
    direct: ['West Pupil Referral Unit', 'not_applicable', 'pru'],
    special: ['Meadow View School', 'not_applicable', 'special', SST],
    clusters: [
      {
        name: 'Pennington Cluster',
        fsm: 0.27,
        schools: [
          sec('Pennington High School'),
          pri('Pennington Primary School'),
          pri('Canal Street Primary School'),
          pri('Sycamore Primary School'),
          pri('St Luke’s CE Primary School', DST),
        ],
      },
      {
        name: 'Queensway Cluster',
        fsm: 0.23,
        schools: [
          sec('Queensway Academy', OAK),
          pri('Queensway Primary School'),
          pri('Bluebell Primary School'),
          pri('Parkfield Primary Academy', OAK),
          pri('Ridgeway Primary School'),
        ],
      },
      {
        name: 'Redcliffe Cluster',
        fsm: 0.3,
        schools: [
          sec('Redcliffe School'),
          pri('Redcliffe Primary School'),
          pri('Quarry Bank Primary School'),
          pri('Ironbridge Primary School'),
          pri('St Theresa’s Catholic Primary School', CAT),
        ],
      },
      {
        name: 'Stanford Cluster',
        fsm: 0.2,
        schools: [
          sec('Stanford Academy', OAK),
          pri('Stanford Primary School'),
          pri('Bell Lane Primary School'),
          pri('Hawthorn Primary School'),
          pri('Kestrel Primary School'),
        ],
      },
      {
        name: 'Thornbury Cluster',
        fsm: 0.25,
        schools: [
          sec('Thornbury High School'),
          pri('Thornbury Primary School'),
          pri('Mill Lane Primary School'),
          pri('Swallowfield Primary School'),
          pri('Wren Park Primary School'),
        ],
      },
    ],
  },
  {
    letter: 'C',
    area: 'Central',
    direct: ['Central Pupil Referral Unit', 'not_applicable', 'pru'],
    special: ['Phoenix School', 'not_applicable', 'special'],
    clusters: [
      {
        name: 'Upton Cluster',
        fsm: 0.27,
        schools: [
          sec('Upton Academy', NLT),
          pri('Upton Primary School'),
          pri('Market Street Primary School'),
          pri('Sacred Heart Catholic Primary School', CAT),
        ],
      },
      {
        name: 'Victoria Cluster',
        fsm: 0.29,
        schools: [
          sec('Victoria Park School'),
          pri('Victoria Primary School'),
          pri('Albert Road Primary School'),
          pri('Jubilee Primary Academy', NLT),
          pri('Station Road Primary School'),
        ],
      },
      {
        name: 'Wellgate Cluster',
        fsm: 0.25,
        schools: [
          sec('Wellgate Community School'),
          pri('Wellgate Primary School'),
          pri('Canal Side Primary School'),
          pri('Foundry Lane Primary School'),
          pri('Christ Church CE Primary School', DST),
        ],
      },
      {
        name: 'Yardley Cluster',
        fsm: 0.24,
        schools: [sec('Yardley Academy', NLT), pri('Yardley Primary School'), pri('Tannery Primary School'), pri('St Patrick’s Catholic Primary School', CAT)],
      },
    ],
  },
];

/** Opened in September 2026, so a member only from 2026-27, in this cluster. */
export const DEMO_NEW_SCHOOL = { spec: pri('Riverside Free School', VLP), cluster: 'Netherby Cluster' } as const;
/** Closed in August 2025 when it joined its junior school: on the list, in no partnership, with no figures. */
export const DEMO_CLOSED_SCHOOL: Spec = ['Old Mill Infant School', 'primary', 'maintained'];

/** Schools that change cluster (or area) from 2025-26 to 2026-27, as the partnerships redrew their boundaries. */
export const DEMO_MOVES: Record<string, string> = {
  'Demo Lark Rise Primary School': 'Ashworth Cluster',
  'Demo Ferndale Primary School': 'Elmstead Cluster',
  'Demo Canal Side Primary School': 'Larkhill Cluster',
  'Demo Ridgeway Primary School': 'Redcliffe Cluster',
};

export const FIRST_DEMO_URN = 990101;

/** A school as the workspace holds it (but for its id, given when it is added), with its years. */
export interface DemoSchool extends Omit<SchoolInfo, 'id'> {
  /** The cluster, or the area partnership for a school in none, by name; null for no partnership. */
  member: Record<DemoAllocationYear, string | null>;
  /** Figures by data column key; an empty record for a year the school has none. */
  data: Record<DemoAllocationYear, Record<string, number>>;
}

/** The area partnership's name, as its agreement's counterparty reads. */
export const partnershipName = (area: string) => `${area} Area Inclusion Partnership`;

/** Pupil numbers by kind of school: [smallest, largest]. */
function rollRange(spec: Spec): [number, number] {
  const [name, phase, type] = spec;
  if (type === 'pru' || type === 'ap') return [34, 62];
  if (type === 'special') return [95, 180];
  if (phase === 'nursery') return [60, 90];
  if (phase === 'secondary') return [780, 1420];
  if (phase === 'all_through') return [1350, 1600];
  if (/Infant|Junior/.test(name)) return [170, 270];
  return [195, 460];
}

/**
 * One school's census figures for a year. Deprivation follows its cluster's free school meals
 * rate: more pupils live in the funded IDACI bands, leaning towards A where that rate is high; low prior
 * attainment and pupil premium rise with it. Counts are whole pupils; a nursery's roll is
 * full-time equivalent, to the half.
 */
function figures(spec: Spec, urn: number, fsmRate: number, yearIndex: number): Record<string, number> {
  const base = seeded(urn * 7919);
  const [lo, hi] = rollRange(spec);
  let roll = lo + (hi - lo) * base();
  const rand = seeded(urn * 7919 + 104729 * (yearIndex + 1));
  // Rolls are falling a little across the borough; deprivation rising a little.
  if (yearIndex > 0) roll *= 0.955 + 0.06 * rand();
  const pru = spec[2] === 'pru' || spec[2] === 'ap';
  const rate = Math.min(0.75, (pru ? fsmRate + 0.3 : fsmRate) * (0.8 + 0.4 * base()) + 0.012 * yearIndex + 0.02 * (rand() - 0.5));
  const pupils = spec[1] === 'nursery' ? Math.round(roll * 2) / 2 : Math.round(roll);
  const whole = Math.floor(pupils);
  const fsm = Math.round(whole * rate);
  // Share of pupils in IDACI bands A–F (G, the least deprived, is not funded).
  const deprived = Math.min(0.92, 0.18 + rate * 1.5);
  // Band A (the most deprived) is the smallest in most places and leads only where deprivation is deepest.
  const tilt = (rate - 0.32) * 3;
  const weights = [0, 1, 2, 3, 4, 5].map((i) => Math.exp(-i * tilt) * (0.9 + 0.2 * rand()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: Record<string, number> = { pupils, fsm };
  ['a', 'b', 'c', 'd', 'e', 'f'].forEach((band, i) => {
    out[`idaci_${band}`] = Math.round((whole * deprived * weights[i]!) / sum);
  });
  out.low_prior_attainment = Math.round(whole * (0.1 + rate * 0.38) * (0.9 + 0.2 * rand()));
  out.pupil_premium = Math.min(whole, Math.round(fsm * 1.17 + whole * 0.025 * rand()));
  return out;
}

/** Every demo school, in URN order, with its membership and figures for both years. */
export function demoSchools(): DemoSchool[] {
  const out: DemoSchool[] = [];
  let urn = FIRST_DEMO_URN;
  const add = (spec: Spec, member: DemoSchool['member'], fsmRate: number | null, status: SchoolStatus = 'open') => {
    const [name, phase, type, trust] = spec;
    const full = `Demo ${name}`;
    const data = { '2025-26': {}, '2026-27': {} } as DemoSchool['data'];
    if (fsmRate !== null) {
      DEMO_ALLOCATION_YEARS.forEach((year, i) => {
        if (member[year] !== null || type === 'special') data[year] = figures(spec, urn, fsmRate, i);
      });
    }
    out.push({ urn, name: full, phase, type, trust: trust ?? '', status, member, data });
    urn += 1;
  };
  const fsmOf = new Map(DEMO_AREAS.flatMap((a) => a.clusters.map((c) => [c.name, c.fsm] as const)));
  for (const a of DEMO_AREAS) {
    const mean = a.clusters.reduce((s, c) => s + c.fsm, 0) / a.clusters.length;
    for (const c of a.clusters) {
      for (const spec of c.schools) {
        const moved = DEMO_MOVES[`Demo ${spec[0]}`];
        // A school that moves keeps its own neighbourhood's deprivation.
        add(spec, { '2025-26': c.name, '2026-27': moved ?? c.name }, c.fsm);
      }
    }
    add(a.direct, { '2025-26': partnershipName(a.area), '2026-27': partnershipName(a.area) }, mean);
    add(a.special, { '2025-26': null, '2026-27': null }, mean);
  }
  add(DEMO_NEW_SCHOOL.spec, { '2025-26': null, '2026-27': DEMO_NEW_SCHOOL.cluster }, fsmOf.get(DEMO_NEW_SCHOOL.cluster)!);
  add(DEMO_CLOSED_SCHOOL, { '2025-26': null, '2026-27': null }, null, 'closed');
  return out;
}

export interface DemoBuyIn {
  status: BuyInStatus;
  decidedOn: string | null;
  note: string;
}

/**
 * Governing bodies' decisions on pooling their own money into their cluster for 2026-27: most
 * bought back in over the spring and summer terms; a few are yet to decide, a few are leaving,
 * and two have sent nothing (no decision recorded, so they count as undecided).
 */
export const DEMO_BUY_IN_EXCEPTIONS: Record<string, DemoBuyIn | 'none'> = {
  'Demo Hollins Park Primary Academy': {
    status: 'leaving',
    decidedOn: '2026-06-24',
    note: 'The trust’s board decided to pool its schools’ inclusion money centrally from April 2027.',
  },
  'Demo Meadowcroft Primary Academy': {
    status: 'leaving',
    decidedOn: '2026-06-24',
    note: 'The trust’s board decided to pool its schools’ inclusion money centrally from April 2027.',
  },
  'Demo Greyholme School': { status: 'leaving', decidedOn: '2026-07-08', note: 'Governors prefer to commission their own outreach.' },
  'Demo Foxdale Primary School': {
    status: 'undecided',
    decidedOn: null,
    note: 'Governors will decide at their meeting on 21 January 2027, after the Schools Forum.',
  },
  'Demo Reedbeds Primary School': { status: 'undecided', decidedOn: null, note: 'Waiting for the cluster’s revised offer.' },
  'Demo Beechwood Primary Academy': { status: 'undecided', decidedOn: null, note: 'The trust is reviewing all its pooled budgets.' },
  'Demo Quarry Bank Primary School': { status: 'undecided', decidedOn: null, note: 'New head teacher from January 2027; decision deferred.' },
  'Demo Kestrel Primary School': { status: 'undecided', decidedOn: null, note: '' },
  'Demo Station Road Primary School': { status: 'undecided', decidedOn: null, note: 'Governors asked for the cluster’s 2025-26 outcomes first.' },
  'Demo Riverside Free School': { status: 'bought_in', decidedOn: '2026-09-16', note: 'Bought in at its first full governing body meeting.' },
  'Demo Heron Way Primary School': 'none',
  'Demo Tannery Primary School': 'none',
};

/** The spring and summer 2026 governing body meetings the decisions were taken at. */
const DECISION_DATES = ['2026-02-11', '2026-03-04', '2026-03-18', '2026-05-13', '2026-06-10', '2026-07-01'];

/** A school's buy-in for 2026-27, or null for none recorded. */
export function demoBuyIn(school: DemoSchool): DemoBuyIn | null {
  const exception = DEMO_BUY_IN_EXCEPTIONS[school.name];
  if (exception === 'none') return null;
  if (exception) return exception;
  return { status: 'bought_in', decidedOn: DECISION_DATES[school.urn % DECISION_DATES.length]!, note: '' };
}
