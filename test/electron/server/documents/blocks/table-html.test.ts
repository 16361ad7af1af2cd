import { describe, expect, it } from 'vitest';
import type { BlockTable } from '../../../../../electron/server/documents/block-kind';
import { blockTableHtml, cellText } from '../../../../../electron/server/documents/blocks/table-html';
import { moneyFormat } from '../../../../../electron/shared/money';

const minus = moneyFormat('minus');
const brackets = moneyFormat('brackets');

const table: BlockTable = {
  title: 'Spend <by> line & group',
  columns: [
    { header: 'Code', kind: 'text' },
    { header: 'Line', kind: 'text' },
    { header: 'Budget', kind: 'money' },
    { header: 'Share', kind: 'percent' },
    { header: 'Places', kind: 'number' },
  ],
  rows: [
    { cells: ['Top-ups', null, null, null, null], style: 'group' },
    { cells: ['HN04', 'Top-ups <script>', 358_910_049, 0.1234, 1234], style: undefined },
    { cells: [null, 'Total top-ups', -12_345_678, null, null], style: 'subtotal' },
    { cells: [null, 'Total', 100, 1, 0], style: 'total' },
  ],
  note: 'Source: "HNB Desk"',
};

describe('blockTableHtml', () => {
  it('writes an accessible table: caption, scoped headers, a tbody per group, the row named by its line', () => {
    const html = blockTableHtml(table, minus, { rowHeader: 1 });
    expect(html).toBe(
      '<table class="block-table"><caption>Spend &lt;by&gt; line &amp; group</caption>' +
        '<thead><tr><th scope="col">Code</th><th scope="col">Line</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Share</th><th scope="col" class="num">Places</th></tr></thead>' +
        '<tbody><tr class="group"><th scope="rowgroup" colspan="5">Top-ups</th></tr>' +
        '<tr><td>HN04</td><th scope="row">Top-ups &lt;script&gt;</th><td class="num">£3,589,100</td><td class="num">12.3%</td><td class="num">1,234</td></tr>' +
        '<tr class="subtotal"><td></td><th scope="row">Total top-ups</th><td class="num neg">-£123,457</td><td class="num"></td><td class="num"></td></tr>' +
        '<tr class="total"><td></td><th scope="row">Total</th><td class="num">£1</td><td class="num">100.0%</td><td class="num">0</td></tr></tbody></table>' +
        '<p class="block-note">Source: &quot;HNB Desk&quot;</p>',
    );
  });

  it('shows negatives in the workspace’s style', () => {
    expect(blockTableHtml(table, brackets)).toContain('<td class="num neg">(£123,457)</td>');
    expect(cellText(-50, 'money', brackets)).toBe('(£1)');
    expect(cellText(null, 'money', minus)).toBe('');
  });
});
