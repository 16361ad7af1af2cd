/**
 * The demo's papers, in the forum paper and council report templates (features/meetings/bodies/
 * templates.ts). Figures the reader must be able to trust come from live blocks, which read the
 * demo's monitoring; the prose quotes only closed years and the forum's own decisions.
 */
import type { RichDoc } from '../../shared/rich-doc';
import { b, bullets, doc, h, liveBlock, liveFigure, numbered, p, table } from './demo-doc';
import { OFFICERS } from './demo-people';

export interface DemoPaper {
  template: 'forum' | 'council';
  header: Record<string, string>;
  sections: Record<string, RichDoc>;
}

const forum = (date: string, title: string, author: string, sections: Record<string, RichDoc>): DemoPaper => ({
  template: 'forum',
  header: { to: 'Schools Forum', date, title, author },
  sections,
});

const Y = '2026-27';

/** Meeting 1, 9 July 2026. */
export const JULY_PAPERS = {
  outturn: forum('2026-07-09', 'Dedicated Schools Grant outturn 2025-26 and school balances', OFFICERS.thornton, {
    purpose: doc(
      p(
        'To report the final position on the Dedicated Schools Grant (DSG) for 2025-26, the High Needs Block outturn and the balances held by maintained schools at 31 March 2026.',
      ),
    ),
    recommendations: doc(
      p('The Forum is asked to note:'),
      numbered('the DSG outturn for 2025-26 and the cumulative deficit carried forward;', 'the balances held by maintained schools at 31 March 2026.'),
    ),
    reasons: doc(
      p(
        'The Forum must be told each year of the outturn on the central budgets it agreed and of the DSG balance carried forward, which is a condition of the grant.',
      ),
    ),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      h(3, 'High Needs Block'),
      p(
        'High Needs spending in 2025-26 was £59,781,800 against a revised budget of £54,400,000, an overspend of £5,381,800. ',
        'Placements in independent and non-maintained special schools and top-up funding for pupils with education, health and care plans in mainstream schools account for most of it.',
      ),
      p(
        'After the Safety Valve instalment of £2,000,000 (half the sum expected: the Department withheld the rest pending conditions 2 and 4 of the agreement) ',
        'and the council’s contribution of £1,500,000 from its transformation reserve, the cumulative DSG deficit carried into 2026-27 is £23,038,400, 10.2% of the grant.',
      ),
      liveBlock('jul-outturn-position', 'position-table', { year: '2025-26', period: 12 }),
      h(3, 'Maintained school balances'),
      p(
        'Maintained schools held revenue balances of £9.4 million at 31 March 2026 (£10.1 million a year earlier). Eleven schools closed the year in deficit, three more than in 2024-25; ',
        'four of them hold licensed deficits under the scheme for financing schools and are on recovery plans agreed with the authority.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
  monitoring: forum('2026-07-09', `High Needs Block monitoring ${Y}: period 2`, OFFICERS.thornton, {
    purpose: doc(p('To give the Forum the first forecast of High Needs spending for 2026-27, at the end of May 2026.')),
    recommendations: doc(p('The Forum is asked to note the forecast position and the pressures described in section 5.')),
    reasons: doc(p('The Forum receives High Needs monitoring at every meeting so that members see early where spending is moving.')),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      p(
        'At period 2 the forecast overspend is ',
        liveFigure('jul-hn-variance', 'figure', { year: Y, period: 2, measure: 'variance' }),
        '. Two months into the year the forecast leans heavily on last year’s commitments and will move as the summer placements are agreed.',
      ),
      liveBlock('jul-hn-table', 'monitoring-table', { year: Y, period: 2 }),
    ),
    appendices: doc(p('None.')),
  }),
  scheme: forum('2026-07-09', 'Scheme for Financing Schools: revisions for 2026', OFFICERS.adeyemi, {
    purpose: doc(
      p(
        'To ask maintained schools members to approve revisions to the authority’s Scheme for Financing Schools, following the Department for Education’s statutory guidance for 2026.',
      ),
    ),
    recommendations: doc(
      p('Maintained schools members are asked to approve the revisions to the scheme set out in section 5, to take effect from 1 September 2026.'),
    ),
    reasons: doc(
      p(
        'Revisions to the scheme are decided by the maintained schools members of the Forum (Schools Forums (England) Regulations 2012). Three of the changes are directed by the Department; the fourth is proposed by the authority after consultation with schools.',
      ),
    ),
    alternatives: doc(p('Members could decline the authority’s proposed change to licensed deficits. The directed revisions must be made in any case.')),
    supporting_information: doc(
      p('The changes are:'),
      numbered(
        'Section 2.4: schools may now submit their three-year budget plans by 31 May rather than 30 April, to match the academies’ timetable (directed).',
        'Section 4.9: the limit on borrowing without the authority’s consent is removed; schools may still borrow only under the Secretary of State’s schemes (directed).',
        'Section 11: the list of services schools may buy from the authority is brought up to date (directed).',
        'Section 4.10: a licensed deficit may run for up to three years rather than two, where the recovery plan shows it will be cleared in that time (proposed).',
      ),
      p('Forty-two maintained schools were consulted between 2 and 23 June 2026; fourteen replied, all in support of the longer licensed deficit period.'),
    ),
    appendices: doc(p('Appendix A: the scheme with the revisions marked (sent to members by email).')),
  }),
  fallingRolls: forum('2026-07-09', 'Falling rolls fund: criteria for 2026-27', OFFICERS.adeyemi, {
    purpose: doc(p('To agree the criteria for allocating the falling rolls fund in 2026-27.')),
    recommendations: doc(p('The Forum is asked to approve the criteria in section 5, and a fund of £250,000 held centrally from the Schools Block.')),
    reasons: doc(
      p(
        'The fund supports good schools whose numbers are falling for a short time but will be needed again within three years, as the pupil place plan shows. The Forum decides the fund and its criteria each year.',
      ),
    ),
    alternatives: doc(
      p(
        'Not to hold a fund, leaving schools to manage temporary falls from their own balances; some would have to make staff redundant and then recruit again when numbers recover.',
      ),
    ),
    supporting_information: doc(
      p('A school qualifies when all of these apply:'),
      bullets(
        'its October census shows at least a 10% fall in numbers on roll against the year before;',
        'the pupil place plan shows the places will be needed within three years;',
        'it was judged good or better at its last inspection;',
        'its balance at 31 March was less than 8% of its budget.',
      ),
      p('Allocations are £3,200 for each place below last year’s numbers, up to £60,000 for any one school. Five schools are expected to qualify.'),
    ),
    appendices: doc(p('None.')),
  }),
};

/** Meeting 2, 8 October 2026: its pack is published. */
export const OCTOBER_PAPERS = {
  monitoring: forum('2026-10-08', `High Needs Block monitoring ${Y}: period 5`, OFFICERS.thornton, {
    purpose: doc(p('To report the forecast High Needs position for 2026-27 at the end of August 2026.')),
    recommendations: doc(p('The Forum is asked to note the forecast overspend and the action being taken to manage it.')),
    reasons: doc(p('The Forum monitors High Needs spending at every meeting as part of the DSG deficit management plan.')),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      p(
        'At period 5 the forecast overspend on the High Needs Block is ',
        liveFigure('oct-hn-variance', 'figure', { year: Y, period: 5, measure: 'variance' }),
        ', against a revised budget of ',
        liveFigure('oct-hn-budget', 'figure', { year: Y, period: 5, measure: 'budget' }),
        '.',
      ),
      p(
        'The pressure is again in placements in independent and non-maintained special schools, where the number of children placed has risen since April, and in mainstream top-up funding as new plans are issued. ',
        'Line-by-line figures and the budget holders’ commentary are below.',
      ),
      liveBlock('oct-hn-table', 'monitoring-table', { year: Y, period: 5 }),
    ),
    appendices: doc(p('None.')),
  }),
  managementPlan: forum('2026-10-08', 'DSG deficit management plan: update', OFFICERS.thornton, {
    purpose: doc(p('To update the Forum on the DSG deficit and progress against the deficit management plan and the Safety Valve agreement.')),
    recommendations: doc(p('The Forum is asked to note the forecast DSG position at 31 March 2027 and progress on the plan.')),
    reasons: doc(p('The deficit management plan is reported to the Forum at least once a term, as the DSG conditions of grant require.')),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      p(
        'The forecast cumulative DSG balance at 31 March 2027 is ',
        liveFigure('oct-dmp-cf', 'figure', { year: Y, period: 5, measure: 'carriedForward' }),
        ', after the fourth Safety Valve instalment of £4,000,000 due in March 2027.',
      ),
      liveBlock('oct-dmp-position', 'position-table', { year: Y, period: 5 }),
      p('The chart shows High Needs funding and spending since 2022-23 and the cumulative balance.'),
      liveBlock('oct-dmp-chart', 'position-chart', { year: Y }),
      p(
        'The Department has confirmed that it will review conditions 2 and 4 of the agreement (mainstream inclusion and the reduction in independent placements) at its autumn monitoring meeting in November. ',
        'Officers will report the outcome to the December meeting.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
  placements: forum('2026-10-08', 'Independent special school placements by primary need', OFFICERS.carter, {
    purpose: doc(
      p('To answer the Forum’s request in July for a breakdown of independent and non-maintained special school placements by the child’s primary need.'),
    ),
    recommendations: doc(p('The Forum is asked to note the breakdown and the commissioning work described in section 5.')),
    reasons: doc(p('Members asked for this information at the meeting on 9 July 2026 (see the action log).')),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      p('At 31 August 2026 the authority funded 214 placements in independent and non-maintained special schools:'),
      table(
        ['Primary need', 'Day', 'Residential', 'Total', 'Average annual cost'],
        [
          ['Social, emotional and mental health', '71', '9', '80', '£64,200'],
          ['Autism', '58', '14', '72', '£71,900'],
          ['Speech, language and communication', '21', '2', '23', '£48,300'],
          ['Severe or profound and multiple learning difficulties', '12', '8', '20', '£96,500'],
          ['Other', '17', '2', '19', '£52,800'],
          ['Total', '179', '35', '214', '£66,100'],
        ],
      ),
      p(
        'Social, emotional and mental health needs have overtaken autism as the largest group. Commissioning is tendering for SEMH day places on a framework, so that places are bought at agreed prices rather than one at a time; ',
        'the award is expected to come to the Forum in December.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
  formula: forum('2026-10-08', 'Local funding formula 2027-28: consultation with schools', OFFICERS.adeyemi, {
    purpose: doc(p('To consult the Forum on the proposals for the 2027-28 local funding formula before they are sent to all schools and academies.')),
    recommendations: doc(
      p('Schools and academies members are asked to comment on the proposals and to support their issue for consultation with all schools.'),
    ),
    reasons: doc(p('The authority must consult the Forum and all schools on changes to its formula.')),
    alternatives: doc(
      p(
        'To stay at the present formula values; this would leave the formula further from the national funding formula, which the authority must move towards.',
      ),
    ),
    supporting_information: doc(
      p('The proposals are to:'),
      numbered(
        'move each factor a further 10% of the way from its present value to the national funding formula value;',
        'set the minimum funding guarantee at +0.5% per pupil;',
        'consult on a transfer of 0.5% of the Schools Block to the High Needs Block (decided separately at the December meeting).',
      ),
      p('The consultation will run from 12 October to 20 November 2026.'),
    ),
    appendices: doc(p('None.')),
  }),
};

/** Meeting 3, 10 December 2026: the next one, in draft. */
export const DECEMBER_PAPERS = {
  monitoring: forum('2026-12-10', `High Needs Block monitoring ${Y}: period 7`, OFFICERS.thornton, {
    purpose: doc(p('To report the forecast High Needs position for 2026-27 at the end of October 2026, and how it has moved since the Forum last met.')),
    recommendations: doc(
      p('The Forum is asked to:'),
      numbered('note the forecast overspend on the High Needs Block;', 'note the movement since period 5 and the reasons for it.'),
    ),
    reasons: doc(p('The Forum monitors High Needs spending at every meeting as part of the DSG deficit management plan.')),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      p(
        'At period 7 the forecast overspend on the High Needs Block is ',
        liveFigure('dec-hn-variance', 'figure', { year: Y, period: 7, measure: 'variance' }),
        ' against a revised budget of ',
        liveFigure('dec-hn-budget', 'figure', { year: Y, period: 7, measure: 'budget' }),
        '. The forecast outturn is ',
        liveFigure('dec-hn-forecast', 'figure', { year: Y, period: 7, measure: 'forecast' }),
        '.',
      ),
      p(
        'As in previous years, the pressure is in placements in independent and non-maintained special schools and in top-up funding for pupils with plans in mainstream schools. ',
        'The revised budget moved £350,000 from the SEN support service and support for inclusion to independent placements; both services are now forecast to overspend, and officers are holding vacancies to bring them back within budget.',
      ),
      h(3, 'Monitoring at period 7'),
      liveBlock('dec-hn-table', 'monitoring-table', { year: Y, period: 7 }),
      h(3, 'Movement since the last meeting'),
      p('The table below compares the forecast now with the forecast reported to the Forum in October.'),
      liveBlock('dec-hn-movement', 'monitoring-movement', { year: Y, period: 7 }),
    ),
    appendices: doc(p('None.')),
  }),
  position: forum('2026-12-10', 'DSG position and deficit management plan: update', OFFICERS.thornton, {
    purpose: doc(p('To update the Forum on the forecast DSG position at 31 March 2027, the deficit management plan and the Safety Valve agreement.')),
    recommendations: doc(
      p('The Forum is asked to note the forecast DSG position and the outcome of the Department’s autumn monitoring of the Safety Valve agreement.'),
    ),
    reasons: doc(p('The deficit management plan is reported to the Forum at least once a term.')),
    alternatives: doc(p('None: this report is for information.')),
    supporting_information: doc(
      p(
        'The in-year deficit on the High Needs Block is forecast at ',
        liveFigure('dec-pos-inyear', 'figure', { year: Y, period: 7, measure: 'inYear' }),
        '. With the Safety Valve instalment of £4,000,000 received on 30 November, the cumulative DSG balance at 31 March 2027 is forecast at ',
        liveFigure('dec-pos-cf', 'figure', { year: Y, period: 7, measure: 'carriedForward' }),
        '.',
      ),
      liveBlock('dec-pos-table', 'position-table', { year: Y, period: 7 }),
      liveBlock('dec-pos-chart', 'position-chart', { year: Y }),
      h(3, 'Deficit management plan'),
      p(
        'The plan sent to the Department in November 2026 runs from the 2025-26 outturn to 2032-33. Without the recovery plan the deficit keeps growing; with it the High Needs Block reaches an in-year surplus in 2029-30. ',
        'The chart and table show the plan as submitted; the recovery register reports how each project is delivering against it.',
      ),
      // Scenario 2 is the mitigated scenario as sent to the DfE, the first mitigated one the demo plan writes (demo-recovery-plan.ts).
      liveBlock('dec-dmp-chart', 'plan-chart', { scenario: 2 }),
      liveBlock('dec-dmp-table', 'plan-table', { scenario: 2 }),
      h(3, 'Safety Valve monitoring'),
      p(
        'At its monitoring meeting on 18 November 2026 the Department agreed that condition 2 (mainstream inclusion) is on track. Condition 4 (reducing new independent placements) is not yet met; ',
        'the Department will release the withheld half of the 2025-26 instalment if the framework for SEMH day places (item 11) is in place by April 2027.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
  deDelegation: forum('2026-12-10', 'De-delegation of funding for maintained schools 2027-28', OFFICERS.adeyemi, {
    purpose: doc(
      p(
        'To ask maintained primary members, and separately maintained secondary members, whether funding for the services listed in section 5 should be de-delegated from maintained schools’ budgets in 2027-28.',
      ),
    ),
    recommendations: doc(
      numbered(
        [b('Maintained primary members'), ' (item 7) are asked to agree de-delegation for 2027-28 of each service in table 1, at the rates shown.'],
        [b('Maintained secondary members'), ' (item 7a) are asked to agree de-delegation for 2027-28 of each service in table 1, at the rates shown.'],
      ),
    ),
    reasons: doc(
      p(
        'De-delegation must be decided each year, service by service, by the maintained members of the Forum for their own phase. Pooling these costs protects small schools from the full cost of, for example, a long-term suspension or a school in financial difficulty.',
      ),
    ),
    alternatives: doc(
      p('Not to de-delegate a service. Its funding would then stay in each school’s budget and schools would buy the service, or meet the cost, themselves.'),
    ),
    supporting_information: doc(
      p(
        'Table 1: services proposed for de-delegation in 2027-28, per pupil, with the total for each phase (October 2026 census: 12,410 primary and 2,310 secondary pupils in maintained schools).',
      ),
      table(
        ['Service', 'Rate per pupil', 'Primary total', 'Secondary total', '2026-27 rate'],
        [
          ['Contingency for schools in financial difficulty', '£12.50', '£155,125', '£28,875', '£12.00'],
          ['Trade union facilities time', '£4.10', '£50,881', '£9,471', '£4.00'],
          ['Free school meals eligibility checks', '£2.35', '£29,164', '£5,429', '£2.35'],
          ['Behaviour support service', '£18.00', '£223,380', '£41,580', '£17.50'],
          ['Support for minority ethnic pupils and underachieving groups', '£9.60', '£119,136', '£22,176', '£9.60'],
        ],
      ),
      p(
        'The contingency rises by 50p a pupil because calls on it rose in 2026-27: four schools drew £131,000 between them. The other rises reflect the 2026 pay awards. ',
        'Academies may buy each service at the same rate.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
  transfer: forum('2026-12-10', 'Transfer from the Schools Block to the High Needs Block 2027-28', OFFICERS.thornton, {
    purpose: doc(p('To ask the Forum to decide whether 0.5% of the 2027-28 Schools Block should be transferred to the High Needs Block.')),
    recommendations: doc(p('The Forum is asked to agree a transfer of 0.5% of the Schools Block, about £1.25 million, to the High Needs Block in 2027-28.')),
    reasons: doc(
      p(
        'The deficit management plan assumes a transfer of 0.5% in each year to 2027-28. Without it the plan’s trajectory, and with it the Safety Valve agreement, would not be met. ',
        'The Forum may agree a transfer of up to 0.5%; if it does not, the authority may ask the Secretary of State to allow it.',
      ),
    ),
    alternatives: doc(
      numbered(
        'No transfer: schools keep about £1.25 million, and the High Needs deficit grows by the same amount.',
        'A smaller transfer of 0.25%: proposed by three respondents; it would meet half the plan’s assumption.',
      ),
    ),
    supporting_information: doc(
      p('All schools and academies were consulted between 12 October and 20 November 2026. Forty-one of the 96 schools replied:'),
      table(
        ['Response', 'Primary', 'Secondary', 'Special and AP', 'Total'],
        [
          ['Support a transfer of 0.5%', '17', '4', '3', '24'],
          ['Oppose any transfer', '11', '3', '1', '15'],
          ['No view', '2', '0', '0', '2'],
        ],
      ),
      p(
        'Schools that opposed the transfer were most concerned about the pay awards and rising energy costs. Under the proposed formula with the transfer, every school would still receive at least the minimum funding guarantee of +0.5% per pupil.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
  contract: forum('2026-12-10', 'SEMH independent day places: award of places on a framework', OFFICERS.marsh, {
    purpose: doc(
      p(
        'To consult the Forum on the award of places on a framework for independent day provision for children with social, emotional and mental health needs, paid from the High Needs Block.',
      ),
    ),
    recommendations: doc(
      p(
        'The Forum is asked to support the award of places on the framework to the three providers ranked highest in table 1, from 1 April 2027 for three years with an option to extend by one.',
      ),
    ),
    reasons: doc(
      p(
        'The Forum is consulted on contracts paid from the schools budget. The framework is condition 4 of the Safety Valve agreement and should bring the average cost of a place below £60,000 a year.',
      ),
    ),
    alternatives: doc(p('Continuing to buy places one at a time: the average cost has risen by 9% a year since 2023-24.')),
    supporting_information: doc(
      p('Seven providers bid; five met the quality threshold. Bids were scored 60% quality and 40% price.'),
      p('Table 1: bids that met the quality threshold, ranked by total score.'),
      table(
        ['Rank', 'Provider', 'Places offered', 'Price per place a year', 'Quality score', 'Total score'],
        [
          ['1', 'Elmwood Learning Ltd', '24', '£55,800', '54.0', '91.5'],
          ['2', 'Brightpath Schools Ltd', '18', '£57,400', '52.5', '88.9'],
          ['3', 'Harbour House Education', '12', '£59,950', '51.0', '85.1'],
          ['4', 'Northern Outreach Schools Ltd', '20', '£63,100', '49.5', '81.2'],
          ['5', 'Aspire Therapeutic Education', '10', '£68,700', '48.0', '76.6'],
        ],
      ),
      p(
        'The three highest-ranked providers offer 54 places at a weighted average of £57,300 a year, a saving of about £375,000 a year against present prices for the same number of children.',
      ),
    ),
    appendices: doc(p('None.')),
  }),
};

/** The SEND Programme Board's paper, a council report going on to Cabinet. */
export const BOARD_PAPER: DemoPaper = {
  template: 'council',
  header: {
    report_of: "Director of Children's Services",
    report_to: 'SEND Programme Board (for recommendation to Cabinet on 13 January 2027)',
    date: '2026-12-15',
    title: 'SEND Recovery Plan: extension of the delivery partner contract by direct award',
    key_decision: 'yes',
    forward_plan_ref: 'FP/281126',
    wards_affected: 'All',
    contact_officers: 'Louise Carter, Head of SEND, louise.carter@demo-mbc.example.gov.uk, 0161 496 0452; Steven Marsh, Head of Commissioning, 0161 496 0467',
  },
  sections: {
    summary: doc(
      p(
        'The SEND Recovery Plan is delivered with an external partner whose contract ends on 31 March 2027. The plan’s projects, which the Board oversees, run to March 2028. ',
        'This report proposes extending the contract for twelve months by direct award, at £357,000, funded by the Schools Forum’s investment in the plan.',
      ),
    ),
    summary_recommendations: doc(
      p('The Board is asked to recommend that Cabinet:'),
      numbered(
        'approves the extension of the SEND Recovery Plan delivery partner contract by direct award for twelve months from 1 April 2027, at a cost of £357,000;',
        'notes that the extension is funded from the High Needs Block, as mandated by the Schools Forum.',
      ),
    ),
    purpose: doc(p('To seek the Board’s recommendation to Cabinet on extending the delivery partner contract for the SEND Recovery Plan.')),
    background: doc(
      p(
        'The SEND Recovery Plan was agreed by Cabinet in July 2023 alongside the Safety Valve agreement. It began with eight projects and now has twelve in five workstreams, from the graduated approach in mainstream schools to the commissioning of specialist places. ',
        'A delivery partner was appointed in 2024 after open tender to provide programme management and specialist capacity.',
      ),
    ),
    main_issues: doc(
      p(
        'Five of the eight original projects will not finish by March 2027, chiefly because the SEMH framework (condition 4 of the Safety Valve agreement) was re-tendered in 2026. ',
        'Re-procuring a partner now would take at least six months and lose the team’s knowledge of the projects at the point they are being handed to the service.',
      ),
      bullets(
        'The partner’s rates are unchanged from 2024.',
        'The extension is permitted by the contract and by the Procurement Act 2023 for a modification of this size.',
        'The partner will hand over each project to a named officer by 31 March 2028.',
      ),
    ),
    corporate_considerations: doc(),
    consultation: doc(
      p(
        'The Schools Forum supported the continued investment in the plan at its meeting on 9 July 2026. The Parent Carer Forum has been consulted on the projects the extension covers.',
      ),
    ),
    equality: doc(
      p(
        'An equality impact assessment was completed for the plan in 2023 and reviewed in October 2026. The extension has no new impact; the projects are intended to improve outcomes for disabled children and young people.',
      ),
    ),
    council_policies: doc(p('The plan supports the council plan’s priority that every child has the best start in life and is educated close to home.')),
    resources: doc(
      p(
        'The cost of £357,000 is met from the Schools Forum’s investment in the recovery plan within the High Needs Block. The plan’s savings in 2027-28 are forecast at £2.1 million.',
      ),
    ),
    legal: doc(
      p(
        'This is a key decision and has been on the forward plan (FP/281126) for 28 clear days. It will be open to call-in for five working days after the decision is published. ',
        'The report contains no exempt information.',
      ),
    ),
    risk: doc(p('The main risk is that projects slip beyond March 2028. The Board will receive a quarterly report on each project against its handover date.')),
    conclusions: doc(
      p('Extending the contract is the quickest and least costly way to finish the recovery plan’s projects and to meet the Safety Valve conditions.'),
    ),
    recommendations: doc(p('As set out at the start of this report.')),
    background_documents: doc(
      bullets('SEND Recovery Plan, Cabinet, 12 July 2023.', 'Safety Valve agreement, March 2023.', 'Schools Forum minutes, 9 July 2026.'),
    ),
  },
};
