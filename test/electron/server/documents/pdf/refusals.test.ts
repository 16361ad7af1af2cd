/**
 * What buildPdf refuses, and cancelling. Refusals come before any layout: a fake engine that
 * fails if called proves the browser is never asked. Cancelling is tried on the real browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../electron/shared/errors';
import { playwrightEngine } from '../../../../../electron/server/documents/pdf/browser';
import { buildPdf, MAX_PASSES } from '../../../../../electron/server/documents/pdf/build-pdf';
import type { PdfEngine, PdfInput, PdfPart } from '../../../../../electron/server/documents/pdf/types';
import { appendixPdf, brokenPdf, encryptedPdf } from './fixtures';

const neverCalled: PdfEngine = {
  name: 'never called',
  render: () => Promise.reject(new Error('the engine was asked to lay out a pack that should have been refused')),
  close: async () => undefined,
};

function input(parts: PdfPart[], extra: Partial<PdfInput> = {}): PdfInput {
  return { title: 'Pack', lang: 'en-GB', createdAt: new Date('2026-12-01T00:00:00Z'), footer: 'Forum', css: '', parts, ...extra };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const paper: PdfPart = { kind: 'html', id: 'paper', bookmark: 'Paper', html: '<h1>Paper</h1>' };

describe('appendices that cannot go in', () => {
  it('refuses an encrypted appendix, naming it', async () => {
    const error = await refusal(
      buildPdf(input([paper, { kind: 'pdf', id: 'a', bookmark: 'A', title: 'Appendix 2B: tender prices', bytes: await encryptedPdf() }]), neverCalled),
    );
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toContain('Appendix 2B: tender prices');
    expect(error.message).toContain('encrypted');
  });

  it('refuses a damaged PDF and a file that is not a PDF, naming each', async () => {
    const broken = await refusal(
      buildPdf(input([paper, { kind: 'pdf', id: 'a', bookmark: 'A', title: 'Appendix 1: damaged', bytes: brokenPdf() }]), neverCalled),
    );
    expect(broken.code).toBe('INVALID_FILE');
    expect(broken.message).toContain('Appendix 1: damaged');

    const good = await appendixPdf('Good', 3);
    const truncated = await refusal(
      buildPdf(input([paper, { kind: 'pdf', id: 'a', bookmark: 'A', title: 'Appendix 3: cut short', bytes: good.slice(0, good.length / 2) }]), neverCalled),
    );
    expect(truncated.code).toBe('INVALID_FILE');
    expect(truncated.message).toContain('Appendix 3: cut short');

    const notPdf = await refusal(
      buildPdf(
        input([paper, { kind: 'pdf', id: 'a', bookmark: 'A', title: 'Appendix 4: a workbook', bytes: new TextEncoder().encode('PK\u0003\u0004 not a pdf') }]),
        neverCalled,
      ),
    );
    expect(notPdf.code).toBe('INVALID_FILE');
    expect(notPdf.message).toContain('Appendix 4: a workbook');
    expect(notPdf.message).toContain('not a PDF');
  });
});

describe('input that breaks a rule', () => {
  it('refuses an empty pack, parts with the same id, and a contents that is not an HTML part', async () => {
    expect((await refusal(buildPdf(input([]), neverCalled))).code).toBe('INVALID_INPUT');
    const twice = await refusal(buildPdf(input([paper, { ...paper }]), neverCalled));
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.message).toContain('“paper”');
    const contents = await refusal(
      buildPdf(
        input([paper, { kind: 'pdf', id: 'app', bookmark: 'A', title: 'A', bytes: await appendixPdf('A', 1) }], {
          contentsPartId: 'app',
          renderContents: () => '',
        }),
        neverCalled,
      ),
    );
    expect(contents.code).toBe('INVALID_INPUT');
    expect(contents.details?.issues?.[0]?.field).toBe('contentsPartId');
  });
});

describe('cancelling and contents that never settle (real browser)', () => {
  let engine: PdfEngine;
  beforeAll(async () => {
    engine = playwrightEngine();
    // Launched and warm, so the cancel below lands in a layout rather than in the launch.
    await engine.render('<p>warm</p>', {});
  });
  afterAll(async () => {
    await engine?.close();
  });

  it('does not start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await refusal(buildPdf(input([paper]), neverCalled, { signal: controller.signal }))).code).toBe('CANCELLED');
  });

  it('stops during the layout, at once, and the engine still works afterwards', async () => {
    const long = { ...paper, html: `<h1>Long</h1>${'<p>A long paragraph of the paper that takes the browser a while to lay out.</p>'.repeat(1500)}` };
    const controller = new AbortController();
    const steps: string[] = [];
    let abortedAt = 0;
    const error = await refusal(
      buildPdf(input([long]), engine, {
        signal: controller.signal,
        onProgress: (step) => {
          steps.push(step);
          if (step === 'Laying out the pages')
            setTimeout(() => {
              abortedAt = performance.now();
              controller.abort();
            }, 20);
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(steps).toEqual(['Checking the appendices', 'Laying out the pages']);
    const after = await buildPdf(input([paper]), engine);
    expect(after.pages).toBe(1);
  });

  it('stops between steps', async () => {
    const controller = new AbortController();
    const steps: string[] = [];
    const error = await refusal(
      buildPdf(input([paper]), engine, {
        signal: controller.signal,
        onProgress: (step) => {
          steps.push(step);
          if (step === 'Numbering the pages') controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(steps.at(-1)).toBe('Numbering the pages');
  });

  it(`gives up after ${MAX_PASSES} layouts when the contents keeps changing the pages it lists`, async () => {
    // A contents two pages long while the paper starts on page 2, one page long when it starts later: it
    // moves the paper every time its numbers are put right.
    const contents: PdfPart = { kind: 'html', id: 'contents', bookmark: null, html: '' };
    const renders: Record<string, number>[] = [];
    const error = await refusal(
      buildPdf(
        input([contents, paper], {
          contentsPartId: 'contents',
          renderContents: (starts) => {
            renders.push({ ...starts });
            return (starts.paper as number) <= 2
              ? `<h1>Contents</h1><p style="height: 300mm">Paper ${starts.paper}</p>`
              : `<h1>Contents</h1><p>Paper ${starts.paper}</p>`;
          },
        }),
        engine,
      ),
    );
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('contents');
    expect(renders).toHaveLength(MAX_PASSES);
  });
});
