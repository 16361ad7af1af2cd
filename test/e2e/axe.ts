import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core's WCAG 2.0-2.2 A/AA rules on the page and returns serious and critical
 * findings. Injected through the DevTools protocol, so the page's CSP still applies to the app.
 *
 * One known false positive is set aside, node by node: Fluent UI's Tabster inserts
 * `<i data-tabster-dummy aria-hidden tabindex=0>` sentinels that only pass focus on, and
 * axe's aria-hidden-focus flags them (microsoft/tabster#288; Microsoft's Accessibility
 * Insights suppresses exactly these). Any other node under that rule still fails.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  // Mid-transition colours (a drawer fading in) are not what a user reads: wait them out. Endless
  // ones (a spinner while the page tries to reconnect) never finish, and change no colours.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  // Fluent hides the page for a moment while a closing dialog restores focus; a page left
  // hidden with no dialog open would time out here and fail the test.
  await page.waitForFunction(() => !!document.querySelector('[role=dialog]') || !document.getElementById('root')?.hasAttribute('aria-hidden'), undefined, {
    timeout: 5000,
  });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return r.violations
      .map((v) => ({
        ...v,
        nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !/data-tabster-dummy/.test((n as unknown as { html: string }).html)) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
