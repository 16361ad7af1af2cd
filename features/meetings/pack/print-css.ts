/**
 * The pack's print stylesheet. The PDF engine supplies the page size, margins, footer and the
 * embedded fonts; this sets the hierarchy a council pack is read by: a plain cover, a ruled
 * agenda, a contents page with leaders, papers with numbered sections and tables whose header
 * rows repeat on every page. Colours pass WCAG AA on white.
 */
import { BLOCK_PRINT_CSS } from '../../../electron/server/documents/blocks/print-css';

export const PACK_CSS = `${BLOCK_PRINT_CSS}
:root { --navy: #1f3864; --rule: #8ea2be; --pale: #dde5f0; --mid: #bfcfe3; --ink: #1a1a1a; --muted: #4a4a4a; --red: #b10e1c; }
html { color: var(--ink); font-size: 10.5pt; line-height: 1.4; }
body { margin: 0; }
h1, h2, h3, h4 { color: var(--navy); line-height: 1.2; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 17pt; margin: 0 0 10pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
h4 { font-size: 10.5pt; margin: 10pt 0 4pt; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 6pt; padding-left: 18pt; }
li { margin-bottom: 2pt; }
a { color: var(--navy); }
hr { border: 0; border-top: 0.75pt solid var(--rule); margin: 10pt 0; }

table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9pt; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.rich-table th, .rich-table td, .agenda-table th, .agenda-table td { border: 0.5pt solid var(--rule); padding: 3pt 5pt; vertical-align: top; text-align: left; }
.rich-table thead th, .agenda-table thead th { background: var(--navy); color: #fff; font-weight: bold; vertical-align: bottom; }
.rich-table p, .agenda-table p { margin: 0; }
.block-table th[scope='row'] { font-weight: normal; }
/* A group of lines stays with its heading and subtotal; figures take the width they need and text the rest. */
/* (not the first, which may start at the foot of a page: the column headings must not be left there alone) */
.block-table tbody + tbody { break-inside: avoid; page-break-inside: avoid; }
.block-table .num { width: 1%; }
.block-table thead th.num { white-space: normal; min-width: 19mm; }
.block-table tr.subtotal th, .block-table tr.total th { font-weight: bold; }
.block-table tr.total th, .block-table tr.total td { background: var(--pale); }
figure { margin: 6pt 0 10pt; break-inside: avoid; }
figcaption, .table-note, .block-note { font-size: 8.5pt; color: var(--muted); }
svg { max-width: 100%; height: auto; }

/* Cover */
.cover { display: flex; flex-direction: column; min-height: 240mm; }
.cover-authority { font-size: 12pt; color: var(--muted); letter-spacing: 0.02em; margin: 0 0 30mm; border-bottom: 2pt solid var(--navy); padding-bottom: 6pt; }
.cover-body { font-size: 30pt; margin: 0 0 6pt; }
.cover-kind { font-size: 16pt; color: var(--navy); margin: 0 0 16mm; }
.cover-facts { display: grid; grid-template-columns: 28mm 1fr; row-gap: 5pt; margin: 0 0 14mm; font-size: 12pt; }
.cover-facts dt { font-weight: bold; color: var(--navy); }
.cover-facts dd { margin: 0; overflow-wrap: anywhere; }
.cover-variant { border-left: 4pt solid var(--navy); background: var(--pale); padding: 8pt 12pt; margin: 0 0 14mm; }
.cover-variant.variant-exempt { border-left-color: var(--red); }
.cover-variant .variant-name { font-size: 13pt; font-weight: bold; color: var(--navy); margin-bottom: 4pt; }
.cover-variant.variant-exempt .variant-name { color: var(--red); }
.cover-clerk { margin-top: auto; border-top: 0.75pt solid var(--rule); padding-top: 8pt; }
.cover-clerk h2 { font-size: 11pt; margin: 0 0 4pt; }
.cover-clerk p { margin: 0 0 2pt; }
.clerk-name { font-weight: bold; }
.cover-issued { font-size: 9pt; color: var(--muted); margin-top: 8pt; }

/* Agenda */
.agenda-table { font-size: 9.5pt; table-layout: fixed; }
.agenda-table .agenda-no { width: 12mm; text-align: center; font-weight: bold; }
.agenda-table .agenda-presenter { width: 34mm; }
.agenda-table .agenda-purpose { width: 25mm; }
.agenda-table .agenda-vote { width: 34mm; }
.agenda-item-title { font-weight: bold; margin: 0; }
.agenda-exempt { color: var(--red); font-weight: bold; margin: 2pt 0 0; }
.agenda-summary { margin: 2pt 0 0; font-style: italic; }
.agenda-late { margin: 2pt 0 0; color: var(--muted); }

/* Contents */
.toc { list-style: none; padding: 0; margin: 0; }
.toc li { display: flex; align-items: baseline; gap: 6pt; padding: 3pt 0; break-inside: avoid; }
.toc a { color: inherit; text-decoration: none; }
.toc-no { flex: 0 0 10mm; font-weight: bold; }
.toc-title { flex: 0 1 auto; }
.toc-leader { flex: 1 1 auto; border-bottom: 1pt dotted var(--muted); min-width: 8mm; transform: translateY(-3pt); }
.toc-page { flex: 0 0 auto; min-width: 8mm; text-align: right; font-variant-numeric: tabular-nums; }
.toc-front .toc-title, .toc-item .toc-title { font-weight: bold; }
.toc-appendix { padding-left: 16mm !important; font-size: 9.5pt; }
.toc-appendix .toc-no { display: none; }
.toc-withheld .toc-title { font-weight: normal; }
.toc-note { display: block; color: var(--red); font-size: 9pt; }

/* Papers */
.paper-head { border-bottom: 2pt solid var(--navy); margin-bottom: 10pt; padding-bottom: 6pt; break-after: avoid; }
.paper-item { font-size: 11pt; font-weight: bold; color: var(--muted); margin: 0 0 2pt; }
.paper-title { font-size: 18pt; margin: 0; }
.paper-fields { width: auto; min-width: 60%; margin: 0 0 12pt; font-size: 10pt; }
.paper-fields th, .paper-fields td { border: 0; border-bottom: 0.5pt solid var(--rule); padding: 3pt 8pt 3pt 0; text-align: left; vertical-align: top; }
.paper-fields th { color: var(--navy); font-weight: bold; width: 45mm; }
.paper-section, .paper-preamble { margin-bottom: 4pt; }
.paper-section h2, .paper-preamble h2 { border-bottom: 0.75pt solid var(--rule); padding-bottom: 2pt; }
.section-number { display: inline-block; min-width: 9mm; }
.paper-subsection h3 .section-number { min-width: 11mm; }
.paper-appendices { list-style: none; padding-left: 0; }
.paper-empty { color: var(--muted); font-style: italic; }
`;
