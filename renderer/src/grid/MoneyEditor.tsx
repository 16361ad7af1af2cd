import type { CustomCellEditorProps } from 'ag-grid-react';
import { TextCellEditor } from './TextCellEditor';

/** Pence as a person edits them: 1234567 or 1234567.89, no symbols to delete first. */
export function penceToEditText(pence: unknown): string {
  // A value that was refused comes back as the text that was typed: edit it from there.
  if (typeof pence === 'string') return pence;
  if (typeof pence !== 'number') return '';
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

/** Pence for a form field at rest: 1,234,567 or 1,234,567.89; parseMoney reads it back. */
export function penceToFieldText(pence: number | null | undefined): string {
  if (typeof pence !== 'number') return '';
  return (pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 });
}

/**
 * Edits money as text; the grid's edit request receives the text and parses it, so "£1,234",
 * "(1,234)" and "1234.5" all work and a bad entry is reported rather than guessed at.
 */
export function MoneyEditor(props: CustomCellEditorProps) {
  return <TextCellEditor {...props} editText={penceToEditText} label={`${props.colDef.headerName ?? 'Amount'} in pounds`} />;
}
