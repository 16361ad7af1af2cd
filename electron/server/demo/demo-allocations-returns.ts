/**
 * The demo's partnership returns: a complete year of termly returns for 2025-26, received and
 * checked, in which the West Area Inclusion Partnership spent 19.4% less than its allocation
 * (over its agreement's 15% line, with no development plan approved, so the part above the line
 * is flagged for return) while the others stayed within the line or overspent; and for 2026-27
 * the summer returns received (North's checked) and the autumn returns sent out. Spend is in
 * whole pounds, split across the terms and the spending headings in fixed shares.
 */
import type { ReturnPeriod, ReturnStatus } from '../../../features/allocations/words';
import type { DemoAllocationYear } from './demo-allocations-schools';

export interface DemoReturnPlan {
  area: string;
  /** The share of the 2025-26 allocation left unspent at year end (negative: overspent). */
  underspend2025: number;
  /** The share of the 2026-27 allocation spent in the summer term. */
  summer2026: number;
  commentary: Record<'summer' | 'autumn' | 'spring' | 'summer2026', string>;
}

export const DEMO_RETURN_PLANS: DemoReturnPlan[] = [
  {
    area: 'North',
    underspend2025: 0.062,
    summer2026: 0.291,
    commentary: {
      summer: 'Outreach team fully staffed from June; 14 pupils supported back into their own schools.',
      autumn: 'Demand for places highest in Carrow; two extra part-time places commissioned from the PRU.',
      spring: 'Year ends close to budget; the small underspend funds training in the summer term.',
      summer2026: 'Ashworth and Birchley clusters redrawn; Lark Rise now works with Ashworth.',
    },
  },
  {
    area: 'South',
    underspend2025: 0.098,
    summer2026: 0.276,
    commentary: {
      summer: 'Inclusion hub opened at Fairbourne; places filled from week two.',
      autumn: 'Suspensions down a third on last autumn at the hub schools.',
      spring: 'Commissioned speech and language sessions started late, so some spend moves to next year.',
      summer2026: 'Greyholme School has given notice that it leaves the pooled arrangement from April 2027.',
    },
  },
  {
    area: 'East',
    underspend2025: -0.023,
    summer2026: 0.312,
    commentary: {
      summer: 'High demand for Key Stage 3 places; waiting list of six pupils.',
      autumn: 'Two additional mentors appointed to meet demand at Netherby.',
      spring: 'Spend over the allocation by the cost of the extra mentors; met from schools’ own contributions.',
      summer2026: 'Canal Side Primary joined the Larkhill cluster from Central in April.',
    },
  },
  {
    area: 'West',
    underspend2025: 0.194,
    summer2026: 0.268,
    commentary: {
      summer: 'Two outreach posts vacant after resignations in May.',
      autumn: 'Outreach posts still vacant; agency cover for one day a week only.',
      spring: 'Year-end underspend from the vacancies. A development plan for the underspend will follow.',
      summer2026: 'Both outreach posts filled from September; spend back on profile.',
    },
  },
  {
    area: 'Central',
    underspend2025: 0.117,
    summer2026: 0.3,
    commentary: {
      summer: 'Nurture groups running in all four clusters.',
      autumn: 'Attendance work with the Victoria cluster’s families; fewer persistent absentees.',
      spring: 'Some therapy sessions cancelled in March; the rest of the year on budget.',
      summer2026: 'Canal Side Primary moved to the East partnership; boundaries agreed with East.',
    },
  },
];

/** How a year's spend falls across the terms: summer, autumn, then spring takes the rest. */
export const TERM_SHARES: Record<'summer' | 'autumn', number> = { summer: 0.3, autumn: 0.34 };

/** How a return's spend falls across the spending headings, in their order; the last takes the rest. */
export const HEADING_SHARES = [0.46, 0.24, 0.14, 0.1];

export interface DemoReturnDates {
  status: ReturnStatus;
  sentOn: string | null;
  receivedOn: string | null;
  checkedOn: string | null;
}

/** Each return's status and dates, by year and period; the partnership's place in the list staggers the days (West's spring return came in late). */
export function demoReturnDates(year: DemoAllocationYear, period: ReturnPeriod, area: string, index: number): DemoReturnDates {
  const day = (base: number) => String(base + index * 2).padStart(2, '0');
  if (year === '2025-26') {
    if (period === 'summer') return { status: 'checked', sentOn: '2025-07-01', receivedOn: `2025-07-${day(18)}`, checkedOn: `2025-09-${day(10)}` };
    if (period === 'autumn') return { status: 'checked', sentOn: '2025-12-01', receivedOn: `2025-12-${day(10)}`, checkedOn: `2026-01-${day(14)}` };
    if (area === 'West') return { status: 'checked', sentOn: '2026-03-16', receivedOn: '2026-05-06', checkedOn: '2026-06-03' };
    return { status: 'checked', sentOn: '2026-03-16', receivedOn: `2026-04-${day(14)}`, checkedOn: `2026-05-${day(12)}` };
  }
  if (period === 'summer') {
    const receivedOn = `2026-07-${day(17)}`;
    return area === 'North'
      ? { status: 'checked', sentOn: '2026-07-01', receivedOn, checkedOn: '2026-09-15' }
      : { status: 'received', sentOn: '2026-07-01', receivedOn, checkedOn: null };
  }
  if (period === 'autumn') return { status: 'sent', sentOn: '2026-11-27', receivedOn: null, checkedOn: null };
  return { status: 'not_sent', sentOn: null, receivedOn: null, checkedOn: null };
}

/** West's 2025-26: a development plan promised but not yet approved, so its underspend stays flagged. */
export const DEMO_PARTNERSHIP_YEAR = {
  area: 'West',
  year: '2025-26' as DemoAllocationYear,
  note: 'A development plan for the underspend was promised with the spring return; not received by the October deadline. To the Schools Forum when it comes.',
};
