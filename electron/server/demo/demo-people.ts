/**
 * The demo's Schools Forum and SEND Programme Board: invented people and schools in the seat
 * categories a metropolitan forum has (domain.md section 7). Terms start between 2023 and 2025;
 * two end early in 2027, within 90 days of the demo's December, so the composition check shows
 * them. Everything else about the forum's make-up is in order.
 */
import type { MemberRole, SeatCategory } from '../../../features/meetings/words';

export interface DemoTerm {
  seat: SeatCategory;
  role: MemberRole;
  voting: boolean;
  start: string;
  end: string | null;
}

export interface DemoPerson {
  /** How the demo's meetings refer to them. */
  key: string;
  name: string;
  organisation: string;
  email: string;
  officer?: boolean;
  /** Earliest first: a re-appointed member keeps the old term in their history. */
  terms: DemoTerm[];
  /** The key of the member this person substitutes for. */
  substituteFor?: string;
}

const term = (seat: SeatCategory, start: string, end: string | null, role: MemberRole = 'member'): DemoTerm => ({
  seat,
  role,
  voting: role !== 'officer_in_attendance' && role !== 'observer',
  start,
  end,
});

export const FORUM_PEOPLE: DemoPerson[] = [
  {
    key: 'whitfield',
    name: 'Rachel Whitfield',
    organisation: 'Headteacher, Brook Lane Primary School',
    email: 'head@brooklane.example.sch.uk',
    terms: [term('maintained_primary_head', '2023-09-01', '2027-08-31', 'chair')],
  },
  {
    key: 'okafor',
    name: 'David Okafor',
    organisation: 'Headteacher, Hollins Green Primary School',
    email: 'd.okafor@hollinsgreen.example.sch.uk',
    terms: [term('maintained_primary_head', '2021-09-01', '2025-08-31'), term('maintained_primary_head', '2025-09-01', '2029-08-31')],
  },
  {
    key: 'pickering',
    name: 'Joanne Pickering',
    organisation: 'Headteacher, Moorside Community Primary School',
    email: 'j.pickering@moorside.example.sch.uk',
    terms: [term('maintained_primary_head', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'hargreaves',
    name: 'Peter Hargreaves',
    organisation: 'Chair of Governors, Cedar Park Primary School',
    email: 'governors@cedarpark.example.sch.uk',
    terms: [term('maintained_primary_governor', '2023-09-01', '2027-08-31')],
  },
  {
    key: 'hussain',
    name: 'Amina Hussain',
    organisation: 'Governor, Westfield Infant School',
    email: 'a.hussain@westfield.example.sch.uk',
    terms: [term('maintained_primary_governor', '2023-02-01', '2027-01-31')],
  },
  {
    key: 'brennan',
    name: 'Mark Brennan',
    organisation: 'Headteacher, Kingsway High School',
    email: 'm.brennan@kingsway.example.sch.uk',
    terms: [term('maintained_secondary_head', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'crossley',
    name: 'Helen Crossley',
    organisation: "Governor, St Anne's Catholic High School",
    email: 'h.crossley@stannes.example.sch.uk',
    terms: [term('maintained_secondary_governor', '2025-01-01', '2028-12-31')],
  },
  {
    key: 'ellis',
    name: 'Jonathan Ellis',
    organisation: 'Chief Executive, Pennine Learning Trust',
    email: 'j.ellis@penninelearning.example.org.uk',
    terms: [term('academy', '2023-09-01', '2027-08-31', 'vice_chair')],
  },
  {
    key: 'shah',
    name: 'Priya Shah',
    organisation: 'Principal, Northgate Academy',
    email: 'p.shah@northgate.example.sch.uk',
    terms: [term('academy', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'lowe',
    name: 'Graham Lowe',
    organisation: 'Headteacher, Ashworth Primary Academy',
    email: 'g.lowe@ashworth.example.sch.uk',
    terms: [term('academy', '2025-09-01', '2029-08-31')],
  },
  {
    key: 'donnelly',
    name: 'Claire Donnelly',
    organisation: 'Chief Finance Officer, Three Rivers Multi-Academy Trust',
    email: 'c.donnelly@threerivers.example.org.uk',
    terms: [term('academy', '2024-01-01', '2027-12-31')],
  },
  {
    key: 'fairclough',
    name: 'Tom Fairclough',
    organisation: 'Principal, Riverside Church of England Academy',
    email: 't.fairclough@riverside.example.sch.uk',
    terms: [term('academy', '2023-09-01', '2027-08-31')],
  },
  {
    key: 'baxter',
    name: 'Dr Lorraine Baxter',
    organisation: 'Principal, Oakfield Special Academy',
    email: 'l.baxter@oakfield.example.sch.uk',
    terms: [term('special_academy', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'reid',
    name: 'Marcus Reid',
    organisation: 'Headteacher, Horizons Alternative Provision Academy',
    email: 'm.reid@horizons.example.sch.uk',
    terms: [term('ap_academy', '2025-09-01', '2029-08-31')],
  },
  {
    key: 'ashton',
    name: 'Susan Ashton',
    organisation: 'Headteacher, Greenbank School (maintained special)',
    email: 's.ashton@greenbank.example.sch.uk',
    terms: [term('maintained_special', '2023-09-01', '2027-08-31')],
  },
  {
    key: 'moran',
    name: 'Kate Moran',
    organisation: 'Headteacher, Little Acorns Nursery School',
    email: 'k.moran@littleacorns.example.sch.uk',
    terms: [term('maintained_nursery', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'walsh',
    name: 'Andrew Walsh',
    organisation: 'Headteacher, The Bridge Pupil Referral Unit',
    email: 'a.walsh@thebridge.example.sch.uk',
    terms: [term('pru', '2023-09-01', '2027-08-31')],
  },
  {
    key: 'briggs',
    name: 'Nicola Briggs',
    organisation: 'Manager, Sunflowers Day Nursery (private, voluntary and independent early years)',
    email: 'nicola@sunflowers.example.co.uk',
    terms: [term('early_years_provider', '2024-04-01', '2028-03-31')],
  },
  {
    key: 'malik',
    name: 'Imran Malik',
    organisation: 'Vice-Principal (Finance and Resources), Moorland College',
    email: 'i.malik@moorland.example.ac.uk',
    terms: [term('post16_provider', '2023-03-01', '2027-02-28')],
  },
  {
    key: 'sutton',
    name: 'Revd Canon Philip Sutton',
    organisation: 'Director of Education, Diocese of Ravensmoor (Church of England)',
    email: 'education@ravensmoor.example.org.uk',
    terms: [term('diocese', '2023-09-01', '2027-08-31')],
  },
  {
    key: 'quinn',
    name: 'Bernadette Quinn',
    organisation: 'Schools Adviser, Catholic Diocese of Carlbury Education Service',
    email: 'b.quinn@carlbury-catholic.example.org.uk',
    terms: [term('diocese', '2025-01-01', '2028-12-31')],
  },
  {
    key: 'pryce',
    name: 'Gareth Pryce',
    organisation: 'National Education Union, for the joint consultative committee of teaching and support staff unions',
    email: 'g.pryce@jcc.example.org.uk',
    terms: [term('union', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'thornton',
    name: 'Michael Thornton',
    organisation: "Head of Finance (Children's Services), Demo Metropolitan Borough Council",
    email: 'michael.thornton@demo-mbc.example.gov.uk',
    officer: true,
    terms: [term('officer', '2023-04-01', null, 'officer_in_attendance')],
  },
  {
    key: 'tomlinson',
    name: 'Lesley Tomlinson',
    organisation: 'Governor, Cedar Park Primary School',
    email: 'l.tomlinson@cedarpark.example.sch.uk',
    substituteFor: 'hargreaves',
    terms: [term('maintained_primary_governor', '2023-09-01', '2027-08-31')],
  },
  {
    key: 'akers',
    name: 'Dr Simon Akers',
    organisation: 'Deputy Headteacher, Kingsway High School',
    email: 's.akers@kingsway.example.sch.uk',
    substituteFor: 'brennan',
    terms: [term('maintained_secondary_head', '2024-09-01', '2028-08-31')],
  },
  {
    key: 'whitworth',
    name: 'Daniel Whitworth',
    organisation: 'Vice-Principal, Northgate Academy',
    email: 'd.whitworth@northgate.example.sch.uk',
    substituteFor: 'shah',
    terms: [term('academy', '2024-09-01', '2028-08-31')],
  },
];

export const BOARD_PEOPLE: DemoPerson[] = [
  {
    key: 'moss',
    name: 'Catherine Moss',
    organisation: "Director of Children's Services",
    email: 'catherine.moss@demo-mbc.example.gov.uk',
    officer: true,
    terms: [term('officer', '2024-04-01', null, 'chair')],
  },
  {
    key: 'hollings',
    name: 'Cllr Janet Hollings',
    organisation: 'Cabinet Member for Children and Families',
    email: 'cllr.hollings@demo-mbc.example.gov.uk',
    officer: true,
    terms: [term('councillor', '2024-05-20', null, 'vice_chair')],
  },
  {
    key: 'carter',
    name: 'Louise Carter',
    organisation: 'Head of SEND',
    email: 'louise.carter@demo-mbc.example.gov.uk',
    officer: true,
    terms: [term('officer', '2024-04-01', null)],
  },
  {
    key: 'thornton',
    name: 'Michael Thornton',
    organisation: "Head of Finance (Children's Services)",
    email: 'michael.thornton@demo-mbc.example.gov.uk',
    officer: true,
    terms: [term('officer', '2024-04-01', null)],
  },
  {
    key: 'marsh',
    name: 'Steven Marsh',
    organisation: 'Head of Commissioning (Children and Families)',
    email: 'steven.marsh@demo-mbc.example.gov.uk',
    officer: true,
    terms: [term('officer', '2024-04-01', null)],
  },
  {
    key: 'mehta',
    name: 'Dr Anil Mehta',
    organisation: 'Designated Clinical Officer, NHS Demo Integrated Care Board',
    email: 'anil.mehta@demo-icb.example.nhs.uk',
    terms: [term('other', '2024-04-01', null)],
  },
  {
    key: 'green',
    name: 'Sophie Green',
    organisation: 'Chair, Demo Parent Carer Forum',
    email: 'chair@demo-pcf.example.org.uk',
    terms: [term('other', '2024-04-01', null)],
  },
  {
    key: 'whitfield',
    name: 'Rachel Whitfield',
    organisation: 'Headteacher, Brook Lane Primary School, for the Schools Forum',
    email: 'head@brooklane.example.sch.uk',
    terms: [term('maintained_primary_head', '2025-09-01', null)],
  },
];

/** Officers who present papers; not members of the forum. */
export const OFFICERS = {
  thornton: "Michael Thornton, Head of Finance (Children's Services)",
  adeyemi: 'Ruth Adeyemi, Schools Funding Manager',
  carter: 'Louise Carter, Head of SEND',
  marsh: 'Steven Marsh, Head of Commissioning',
  clerk: 'Hannah Prescott, Clerk to the Forum',
  moss: "Catherine Moss, Director of Children's Services",
} as const;
