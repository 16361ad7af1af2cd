/** Number formats and fills shared by the workbooks we write. Values are pounds; pence are kept. */
/** Arial is on every Windows desktop, and LibreOffice renders it the same. */
export const FONT = 'Arial';
/** Dark enough to read on white at small sizes (WCAG AA). */
export const OVER_RED = 'FFB10E1C';
export const UNDER_GREEN = 'FF0E700E';
export const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FF1F3864' } };
export const GROUP_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDE5F0' } };
export const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFBFCFE3' } };
export const THIN = { style: 'thin' as const, color: { argb: 'FF8EA2BE' } };

/** A4 landscape, one page wide, as many pages tall as it needs: every table we print. */
export const A4_LANDSCAPE = {
  paperSize: 9,
  orientation: 'landscape' as const,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
