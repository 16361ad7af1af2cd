import { themeQuartz } from 'ag-grid-community';

/** AG Grid dressed as a Windows app: Segoe UI, Fluent's blue, compact Excel-like rows. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Segoe UI', 'Segoe UI Web (West European)', '-apple-system', 'system-ui', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  accentColor: '#0f6cbd',
  foregroundColor: '#242424',
  headerTextColor: '#242424',
  headerBackgroundColor: '#f0f0f0',
  borderColor: '#d1d1d1',
  rowHeight: 30,
  headerHeight: 34,
  wrapperBorderRadius: 4,
  spacing: 6,
  cellHorizontalPadding: 8,
  rowHoverColor: '#f5f9fd',
  selectedRowBackgroundColor: '#e6f0fb',
  oddRowBackgroundColor: '#ffffff',
  columnBorder: { style: 'solid', color: '#ececec' },
});
