/** Number formats and fills shared by the workbooks we write. Values are pounds; pence are kept. */
export const GBP = '"£"#,##0;-"£"#,##0;"£"0';
/** Overspend (positive) in red, underspend in green: how forum papers show variance. */
export const GBP_VARIANCE = '[Red]"£"#,##0;[Color10]-"£"#,##0;"£"0';
export const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FF1F3864' } };
export const GROUP_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDE5F0' } };
export const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFBFCFE3' } };
export const THIN = { style: 'thin' as const, color: { argb: 'FF8EA2BE' } };
