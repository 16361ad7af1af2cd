import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useApp } from '../../../../renderer/src/state/app-state';
import { formatBp } from '../../../../renderer/src/components/percent';
import type { PartnershipReturnsYear } from '../../types';
import { returnsIn, shareText } from './figures';

/** The agreement's underspend rule in words, or why there is none. */
export function ruleWords(p: PartnershipReturnsYear): string {
  if (p.thresholdBp === null) return 'No underspend rule: the partnership’s agreement has no underspend condition, or it has no agreement.';
  const basis = p.returnBasis === 'above_threshold' ? 'only the part above it goes back' : 'the whole underspend goes back';
  return `An underspend above ${formatBp(p.thresholdBp)} of the allocation at year end: ${basis}, unless a development plan is approved.`;
}

/**
 * Spend against the allocation, as a bar with the underspend line marked, and the year-end test:
 * flagged for return (how much, and why), or why not.
 */
export function UnderspendTest({ p }: { p: PartnershipReturnsYear }) {
  const { money } = useApp();
  const counted = returnsIn(p);
  const spent = shareText(p.spendPence, p.allocationPence);
  const under = shareText(p.underspendPence, p.allocationPence);
  // The bar stops at the allocation; an overspend fills it and is said in words.
  const fill = p.allocationPence > 0 ? Math.max(0, Math.min(100, (p.spendPence / p.allocationPence) * 100)) : 0;
  const line = p.thresholdBp === null ? null : 100 - p.thresholdBp / 100;
  return (
    <div className="ret-test">
      <div className="ret-bar-row">
        <div className="ret-bar" aria-hidden>
          <div className={`ret-bar-fill${p.flagged ? ' is-flagged' : ''}`} style={{ width: `${fill}%` }} />
          {line !== null && <div className="ret-bar-line" style={{ left: `${line}%` }} />}
        </div>
        <p className="ret-bar-text">
          {money.format(p.spendPence)} spent of {money.format(p.allocationPence)}
          {spent ? ` (${spent})` : ''}, in {counted.in} of {counted.of} return{counted.of === 1 ? '' : 's'} received.{' '}
          {p.underspendPence >= 0
            ? `Underspend ${money.format(p.underspendPence)}${under ? ` (${under})` : ''}.`
            : `Overspent by ${money.format(-p.underspendPence)}.`}
          {line !== null && p.thresholdBp !== null ? ` The line at ${formatBp(10_000 - p.thresholdBp)} spent is marked.` : ''}
        </p>
      </div>
      {p.thresholdBp !== null && <p className="ret-rule">{ruleWords(p)}</p>}
      {p.flagged ? (
        <MessageBar intent="warning" layout="multiline" className="ret-flag">
          <MessageBarBody>
            <MessageBarTitle>Flagged for return: {money.format(p.toReturnPence, { pence: p.toReturnPence % 100 !== 0 })}</MessageBarTitle>
            {p.flagReason}
          </MessageBarBody>
        </MessageBar>
      ) : (
        p.flagReason && (
          <MessageBar intent={p.developmentPlanApprovedOn && p.underspendPence > 0 ? 'success' : 'info'} layout="multiline" className="ret-flag">
            <MessageBarBody>
              <MessageBarTitle>Not flagged</MessageBarTitle>
              {p.flagReason}
            </MessageBarBody>
          </MessageBar>
        )
      )}
    </div>
  );
}
