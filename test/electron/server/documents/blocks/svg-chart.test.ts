import { describe, expect, it } from 'vitest';
import { barLineChartSvg } from '../../../../../electron/server/documents/blocks/svg-chart';
import { moneyFormat } from '../../../../../electron/shared/money';

const minus = moneyFormat('minus');

describe('barLineChartSvg', () => {
  const chart = () =>
    barLineChartSvg(
      {
        title: 'Funding & spend',
        description: 'Bars for "funding" and spend',
        categories: ['2025-26', '2026-27 <P7>'],
        bars: [
          { name: 'Funding', colour: '#0f6cbd', values: [100_00, 200_00] },
          { name: 'Spend', colour: '#c4314b', values: [150_00, -50_00] },
        ],
        line: { name: 'Balance', colour: '#242424', values: [-10_00, -30_00] },
        leftTicks: [-100_00, 0, 100_00, 200_00],
        rightTicks: [-40_00, -20_00, 0],
      },
      minus,
    );

  it('is an image with a title and a label, escaped, and nothing that runs or fetches', () => {
    const svg = chart();
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="block-chart" viewBox="0 0 680 330" width="680" height="330" role="img" aria-label="Funding &amp; spend. Bars for &quot;funding&quot; and spend"/,
    );
    expect(svg).toContain('<title>Funding &amp; spend</title>');
    expect(svg).toContain('2026-27 &lt;P7&gt;');
    expect(svg).not.toMatch(/<script|on[a-z]+=|<image|<use|<foreignObject|url\(/i);
  });

  it('draws a bar for each value, a negative one below the axis, and a point for each balance', () => {
    const svg = chart();
    expect(svg.match(/<rect /g)!.length).toBe(4 + 2); // four bars, two legend swatches
    expect(svg.match(/<circle /g)!.length).toBe(2);
    const rects = [...svg.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"/g)].slice(0, 4);
    const zeroY = 258 - (100 / 300) * (258 - 14); // the plot runs from y=14 to y=258; zero is a third of the way up
    const negative = rects[3]!;
    expect(Number(negative[1])).toBeCloseTo(zeroY, 0);
  });
});
