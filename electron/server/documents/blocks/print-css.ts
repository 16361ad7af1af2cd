/**
 * Print styles for what blocks write (tables, charts, inline figures, the note for missing data).
 * The pack's stylesheet includes these; the block preview carries them so it looks as printed.
 */
export const BLOCK_PRINT_CSS = `
.block { margin: 0.8em 0; }
/* A chart and its caption stay on one page; a long table may run on, its header repeating. */
figure.block { break-inside: avoid; page-break-inside: avoid; }
.block-table caption, figure.block figcaption { break-after: avoid; page-break-after: avoid; }
.block-table { border-collapse: collapse; width: 100%; font-size: 9pt; font-variant-numeric: tabular-nums; }
.block-table caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.3em; }
.block-table th, .block-table td { border-bottom: 0.5pt solid #b3b3b3; padding: 2pt 4pt; vertical-align: top; text-align: left; font-weight: normal; }
.block-table thead th { background: #1f3864; color: #fff; font-weight: 600; vertical-align: bottom; }
.block-table thead { display: table-header-group; }
.block-table tr { break-inside: avoid; }
.block-table .num { text-align: right; white-space: nowrap; }
.block-table tr.group th { background: #dde4f0; color: #1f3864; font-weight: 600; }
.block-table tr.subtotal th, .block-table tr.subtotal td { font-weight: 600; border-top: 0.75pt solid #595959; }
.block-plan-table tbody th, .block-plan-chart tbody th, .block-scenario-compare tbody th { white-space: nowrap; }
.block-table tr.total th, .block-table tr.total td { font-weight: 700; border-top: 1pt solid #242424; border-bottom: 1.5pt double #242424; }
.block-note { font-size: 8pt; color: #424242; margin: 0.3em 0 0; }
.block-chart { display: block; max-width: 100%; height: auto; }
.block figure { margin: 0; }
.block figcaption { font-weight: 600; margin-bottom: 0.3em; }
.live-figure { font-variant-numeric: tabular-nums; white-space: nowrap; }
.block-problem { border: 1pt solid #a4262c; color: #a4262c; padding: 2pt 4pt; font-weight: 600; }
`;
