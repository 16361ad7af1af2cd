/**
 * The pack as print HTML parts for the PDF engine: cover, agenda, contents, then each paper and
 * its PDF appendices. Every text from the workspace is escaped here; a paper's own HTML comes
 * escaped from renderPaper. Nothing here refers to anything outside the document, so laying it
 * out never reaches the network.
 */
import { ukLongDate } from '../../../electron/shared/dates';
import { isSafeHref } from '../../../electron/shared/rich-doc';
import { partAnchor } from '../../../electron/server/documents/pdf/html';
import type { PdfInput, PdfPart } from '../../../electron/server/documents/pdf/types';
import { escapeHtml } from '../../../electron/server/documents/rich-html';
import { CONSTITUENCY_LABELS, PURPOSE_LABELS } from '../words';
import { type ComposedItem, type ComposedPack, exemptWords } from './compose';
import { meetingDay, meetingTime } from './naming';
import { PACK_CSS } from './print-css';
import type { WorkbookVersion } from './workbook';

const esc = escapeHtml;

export const CONTENTS_PART = 'contents';
const itemPart = (itemId: number) => `item-${itemId}`;
const appendixPart = (itemId: number, n: number) => `item-${itemId}-appendix-${n}`;
/** Appendix A, B, … Z, AA … */
export function appendixLetter(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(65 + (i % 26)) + s;
  return s;
}

/** One line of the contents, and of the CLI's `contents`: the page on which that item's paper starts. */
export interface ContentsEntry {
  number: string;
  title: string;
  partId: string;
}

export interface PackDocument {
  input: PdfInput;
  /** The papers in the order they print. */
  entries: ContentsEntry[];
}

function packTitle(pack: ComposedPack): string {
  const s = pack.snapshot;
  return `${s.body.name}, ${meetingDay(s.meeting.startsAt)}: ${s.supplementary ? 'supplementary agenda and papers' : 'agenda and papers'}`;
}

export function footerText(pack: ComposedPack): string {
  const s = pack.snapshot;
  return `${s.body.name} · ${ukLongDate(s.meeting.startsAt.slice(0, 10))}`;
}

function coverHtml(pack: ComposedPack, version: WorkbookVersion | undefined): string {
  const s = pack.snapshot;
  const facts: Array<[string, string]> = [
    ['Date', esc(meetingDay(s.meeting.startsAt))],
    ['Time', esc(meetingTime(s.meeting.startsAt))],
  ];
  if (s.meeting.venue) facts.push(['Venue', esc(s.meeting.venue)]);
  if (s.meeting.onlineLink) {
    const link = s.meeting.onlineLink;
    facts.push(['Online', isSafeHref(link) ? `<a href="${esc(link)}">${esc(link)}</a>` : esc(link)]);
  }
  const clerk = [s.clerk.name && `<p class="clerk-name">${esc(s.clerk.name)}</p>`];
  if (s.clerk.email) clerk.push(`<p>Email: <a href="mailto:${esc(s.clerk.email)}">${esc(s.clerk.email)}</a></p>`);
  if (s.clerk.phone) clerk.push(`<p>Telephone: ${esc(s.clerk.phone)}</p>`);
  const exempt = pack.exemptItems.length > 0;
  const variant =
    pack.variant === 'public'
      ? `<p class="variant-name">Public pack</p><p>${
          exempt
            ? 'Papers for items exempt from publication under Schedule 12A to the Local Government Act 1972 are not included. Their agenda entries and summaries are.'
            : 'There are no exempt items: this pack holds every paper.'
        }</p>`
      : `<p class="variant-name">Full pack</p><p>${
          exempt
            ? 'Includes papers that are not for publication (Schedule 12A to the Local Government Act 1972), each marked on every page. Do not share them beyond the meeting.'
            : 'There are no exempt items: this pack holds every paper.'
        }</p>`;
  const issued = version
    ? `Version ${version.version}, published ${ukLongDate(version.publishedAt)}${version.version > 1 && version.reason ? `. Reason: ${version.reason}` : ''}`
    : `Published ${ukLongDate(s.takenAt)}`;
  return `<section class="cover">
<p class="cover-authority">${esc(s.authority)}</p>
<h1 class="cover-body">${esc(s.body.name)}</h1>
<p class="cover-kind">${s.supplementary ? 'Supplementary agenda and papers' : 'Agenda and papers'}</p>
<dl class="cover-facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<div class="cover-variant${pack.variant === 'full' && pack.exemptItems.length > 0 ? ' variant-exempt' : ''}">${variant}</div>
<div class="cover-clerk"><h2>Enquiries</h2>${clerk.filter(Boolean).join('') || '<p>The clerk to the meeting</p>'}</div>
<p class="cover-issued">${esc(issued)}</p>
</section>`;
}

function agendaHtml(pack: ComposedPack): string {
  const rows = pack.items.map(({ item }) => {
    const notes: string[] = [];
    if (item.exempt) {
      notes.push(`<p class="agenda-exempt">${esc(exemptWords(item.exemptParagraph))}</p>`);
      if (item.publicSummary) notes.push(`<p class="agenda-summary">${esc(item.publicSummary)}</p>`);
    }
    if (item.late) notes.push(`<p class="agenda-late">Late paper${item.lateReason ? `: ${esc(item.lateReason)}` : ''}</p>`);
    return `<tr>
<td class="agenda-no">${esc(item.number)}</td>
<td class="agenda-title"><p class="agenda-item-title">${esc(item.title)}</p>${notes.join('')}</td>
<td>${esc(item.presenter) || '–'}</td>
<td>${esc(PURPOSE_LABELS[item.purpose])}</td>
<td>${item.votingConstituency === 'none' ? '–' : esc(CONSTITUENCY_LABELS[item.votingConstituency])}</td>
</tr>`;
  });
  return `<section class="agenda">
<h1>${pack.snapshot.supplementary ? 'Supplementary agenda' : 'Agenda'}</h1>
<table class="agenda-table">
<thead><tr><th scope="col" class="agenda-no">Item</th><th scope="col">Title</th><th scope="col" class="agenda-presenter">Presenter</th><th scope="col" class="agenda-purpose">Purpose</th><th scope="col" class="agenda-vote">Who may vote</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="5">There are no items on this agenda.</td></tr>'}</tbody>
</table>
</section>`;
}

function pdfAppendices(ci: ComposedItem) {
  return (ci.item.paper?.appendices ?? []).map((a, n) => ({ a, n })).filter(({ a }) => a.format === 'pdf');
}

function contentsHtml(pack: ComposedPack, starts: Record<string, number>): string {
  // Each line links to its part, so a reader on screen can jump to a paper.
  const line = (cls: string, number: string, title: string, partId: string | null, note = '') => {
    const text = partId ? `<a href="#${partAnchor(partId)}">${esc(title)}</a>` : esc(title);
    const page = partId ? (starts[partId] ?? '') : '';
    return `<li class="${cls}"><span class="toc-no">${esc(number)}</span><span class="toc-title">${text}${note}</span><span class="toc-leader" aria-hidden="true"></span><span class="toc-page">${page}</span></li>`;
  };
  const lines: string[] = [line('toc-front', '', pack.snapshot.supplementary ? 'Supplementary agenda' : 'Agenda', 'agenda')];
  for (const ci of pack.items) {
    if (ci.paper) {
      lines.push(line('toc-item', ci.item.number, ci.item.title, itemPart(ci.item.id)));
      for (const { a, n } of pdfAppendices(ci)) lines.push(line('toc-appendix', '', `Appendix ${appendixLetter(n)}: ${a.title}`, appendixPart(ci.item.id, n)));
    } else if (ci.withheld) {
      lines.push(
        line(
          'toc-item toc-withheld',
          ci.item.number,
          ci.item.title,
          null,
          `<span class="toc-note">${esc(exemptWords(ci.item.exemptParagraph))}: not in the public pack</span>`,
        ),
      );
    }
  }
  return `<section class="contents"><h1>Contents</h1><ol class="toc">${lines.join('\n')}</ol></section>`;
}

function paperHtml(ci: ComposedItem): string {
  const p = ci.paper!;
  return `<article class="paper${p.wide ? ' paper-wide' : ''}">
<header class="paper-head"><p class="paper-item">Item ${esc(ci.item.number)}</p><h1 class="paper-title">${esc(ci.item.title)}</h1></header>
${p.html}
</article>`;
}

/** The PDF engine's input for a composed pack; appendix bytes are read by their SHA-256. */
export function packDocument(pack: ComposedPack, appendixBytes: (sha256: string) => Uint8Array, createdAt: Date, version?: WorkbookVersion): PackDocument {
  const parts: PdfPart[] = [
    { kind: 'html', id: 'cover', bookmark: null, html: coverHtml(pack, version) },
    { kind: 'html', id: 'agenda', bookmark: pack.snapshot.supplementary ? 'Supplementary agenda' : 'Agenda', html: agendaHtml(pack) },
    { kind: 'html', id: CONTENTS_PART, bookmark: 'Contents', html: contentsHtml(pack, {}) },
  ];
  const entries: ContentsEntry[] = [];
  for (const ci of pack.items) {
    if (!ci.paper) continue;
    const id = itemPart(ci.item.id);
    entries.push({ number: ci.item.number, title: ci.item.title, partId: id });
    const marking = ci.marking ?? undefined;
    parts.push({ kind: 'html', id, bookmark: `Item ${ci.item.number}: ${ci.item.title}`, html: paperHtml(ci), landscape: ci.paper.wide, marking });
    for (const { a, n } of pdfAppendices(ci)) {
      const title = `Item ${ci.item.number}, Appendix ${appendixLetter(n)}: ${a.title}`;
      parts.push({ kind: 'pdf', id: appendixPart(ci.item.id, n), bookmark: title, title, bytes: appendixBytes(a.sha256), marking });
    }
  }
  const s = pack.snapshot;
  return {
    input: {
      title: packTitle(pack),
      subject: `${pack.variant === 'public' ? 'Public' : 'Full'} pack for the meeting of ${s.body.name} on ${meetingDay(s.meeting.startsAt)}`,
      author: s.authority,
      keywords: [s.body.name, 'agenda', 'papers', pack.variant === 'public' ? 'public pack' : 'full pack'],
      lang: 'en-GB',
      createdAt,
      footer: footerText(pack),
      css: PACK_CSS,
      parts,
      contentsPartId: CONTENTS_PART,
      renderContents: (starts) => contentsHtml(pack, starts),
    },
    entries,
  };
}
