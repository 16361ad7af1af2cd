import type { CustomCellEditorProps } from 'ag-grid-react';
import { TextCellEditor } from '../../../../renderer/src/grid/TextCellEditor';
import { bpToEditText } from '../../../../renderer/src/components/percent';

// A value that was refused comes back as the text that was typed: edit it from there.
const editText = (value: unknown) => (typeof value === 'string' ? value : bpToEditText(value as number | null | undefined));

/**
 * Edits a percentage as text: F2 starts from 3.5 (not the 350 basis points held), typing
 * replaces it, and "3.5" or "3.5%" are both read when the edit is sent.
 */
export function PercentEditor(props: CustomCellEditorProps) {
  return <TextCellEditor {...props} editText={editText} label={`${props.colDef.headerName ?? 'Growth'}, a percentage`} />;
}
