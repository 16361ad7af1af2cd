/**
 * The demo's Safety Valve agreement (domain.md section 4), signed in March 2023: £20m towards the
 * historic deficit in five instalments of £4m, which are the safety_valve contributions the demo
 * years already hold (2025-26's part-paid: the DfE withheld half pending conditions 2 and 4); the
 * fifth is due in 2027-28. Six numbered conditions with quarterly monitoring from 2025-26 to
 * 2026-27 Q2, as the DfE's autumn meeting of 18 November 2026 found them (condition 2 on track,
 * condition 4 not yet met). The 2026-27 Q3 return is the one being prepared.
 */
import type { Rag } from '../../../features/recovery/words';

export const DEMO_SV = {
  name: 'Safety Valve agreement (March 2023)',
  signedOn: '2023-03-16',
  total: 20_000_000,
  capital: 8_200_000,
  note: 'Revenue towards the historic deficit in five annual instalments, paid while quarterly monitoring of each condition shows progress; capital for the SEMH free school.',
};

/** Year, expected (pounds), received on (null: due), received (pounds). */
export const DEMO_SV_INSTALMENTS: Array<{ year: string; expected: number; receivedOn: string | null; received: number | null; note: string }> = [
  { year: '2023-24', expected: 4_000_000, receivedOn: '2024-03-22', received: 4_000_000, note: 'Instalment 1 of 5' },
  { year: '2024-25', expected: 4_000_000, receivedOn: '2025-03-21', received: 4_000_000, note: 'Instalment 2 of 5' },
  {
    year: '2025-26',
    expected: 4_000_000,
    receivedOn: '2026-03-20',
    received: 2_000_000,
    note: 'Instalment 3 of 5, part-paid: the DfE withheld half pending conditions 2 and 4',
  },
  {
    year: '2026-27',
    expected: 4_000_000,
    receivedOn: '2026-11-30',
    received: 4_000_000,
    note: 'Instalment 4 of 5, released after the autumn monitoring meeting',
  },
  { year: '2027-28', expected: 4_000_000, receivedOn: null, received: null, note: 'Instalment 5 of 5' },
];

type Quarter = [string, number];
const QUARTERS: Quarter[] = [
  ['2025-26', 1],
  ['2025-26', 2],
  ['2025-26', 3],
  ['2025-26', 4],
  ['2026-27', 1],
  ['2026-27', 2],
];

export interface DemoSvCondition {
  number: number;
  text: string;
  target: string;
  /** One entry per quarter of QUARTERS, oldest first: RAG, narrative, figures. */
  monitoring: Array<[Rag, string, string]>;
}

export const DEMO_SV_CONDITIONS: DemoSvCondition[] = [
  {
    number: 1,
    text: 'Reduce the in-year High Needs deficit each year, reaching an in-year balance by 2029-30.',
    target: 'In-year deficit below £4.0m in 2026-27; in-year balance by 2029-30',
    monitoring: [
      ['amber', 'Outturn forecast above the plan’s trajectory for 2025-26.', 'Forecast in-year deficit £6.1m'],
      ['amber', 'Placement pressure continues; panel redesign savings begin.', 'Forecast in-year deficit £6.0m'],
      ['amber', 'Forecast improved after step-down reviews.', 'Forecast in-year deficit £5.9m'],
      ['red', 'Outturn £5.9m against £4.5m in the plan; SEMH framework delay.', 'In-year deficit £5.88m'],
      ['amber', 'Early 2026-27 forecast within £0.5m of the plan.', 'Forecast in-year deficit £3.9m'],
      ['amber', 'Forecast holding at P5.', 'Forecast in-year deficit £3.6m'],
    ],
  },
  {
    number: 2,
    text: 'Increase the share of children with EHC plans educated in mainstream schools.',
    target: '48% by January 2028 (41.5% in January 2026)',
    monitoring: [
      ['amber', 'Mainstream inclusion fund agreed by the Forum for 2026-27.', '40.8%'],
      ['amber', 'Cluster funding in place in 19 of 22 clusters.', '41.0%'],
      ['amber', 'All clusters operating.', '41.2%'],
      ['amber', 'January census confirms a small rise.', '41.5%'],
      ['green', 'Inclusion fund opened; every secondary school has applied.', '42.4%'],
      ['green', 'On track: the DfE agreed the condition is being met.', '43.2%'],
    ],
  },
  {
    number: 3,
    text: 'Reduce requests for EHC needs assessment through the graduated approach.',
    target: '32% fewer requests than in 2022-23 by 2027-28',
    monitoring: [
      ['red', 'Toolkit delayed by a term.', 'Requests down 6%'],
      ['amber', 'SENCo networks started in two areas.', 'Requests down 10%'],
      ['amber', 'Toolkit published to schools.', 'Requests down 12%'],
      ['amber', 'Requests falling, behind the trajectory.', 'Requests down 15%'],
      ['green', 'Ahead of the trajectory.', 'Requests down 24%'],
      ['green', 'SENCo network in every area.', 'Requests down 27%'],
    ],
  },
  {
    number: 4,
    text: 'Reduce new placements in independent special schools, with a framework for SEMH day places in place.',
    target: 'No more than 35 new independent placements a year; the SEMH framework in place by April 2027',
    monitoring: [
      ['amber', 'Framework tender published.', '46 new placements (rolling year)'],
      ['amber', 'Tender returns below the quality threshold in two lots.', '45 new placements'],
      ['red', 'Framework to be re-tendered.', '44 new placements'],
      ['red', 'No framework at year end: the DfE withheld half the 2025-26 instalment.', '44 new placements'],
      ['red', 'Re-tender under way.', '42 new placements'],
      ['red', 'Re-tender awarded in October; the condition is not yet met.', '41 new placements'],
    ],
  },
  {
    number: 5,
    text: 'Report progress to the Schools Forum each term and to the Department each quarter.',
    target: 'Termly Forum reports; quarterly returns on time',
    monitoring: [
      ['green', 'Reported to the Forum in July.', 'Return sent on time'],
      ['green', 'Reported to the Forum in October.', 'Return sent on time'],
      ['green', 'Reported to the Forum in December.', 'Return sent on time'],
      ['green', 'Reported to the Forum in March.', 'Return sent on time'],
      ['green', 'Reported to the Forum in July.', 'Return sent on time'],
      ['green', 'Reported to the Forum in October.', 'Return sent on time'],
    ],
  },
  {
    number: 6,
    text: 'Open the 80-place SEMH free school with the capital provided.',
    target: 'Opening in September 2027',
    monitoring: [
      ['green', 'Trust appointed by the DfE.', 'Design stage'],
      ['green', 'Planning application submitted.', 'Planning submitted'],
      ['amber', 'Planning decision delayed by three months.', 'Planning pending'],
      ['amber', 'Planning granted in March.', 'Planning granted'],
      ['green', 'Contractor on site.', 'Construction 10%'],
      ['green', 'Construction on programme.', 'Construction 35%'],
    ],
  },
];

export const DEMO_SV_QUARTERS = QUARTERS;
