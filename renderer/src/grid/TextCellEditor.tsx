import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';

interface Props extends CustomCellEditorProps {
  /** The held value as a person edits it: 1234.5 for pence, 3.5 for basis points. */
  editText(value: unknown): string;
  /** What the input is called to a screen reader: the column and what to type. */
  label: string;
}

/**
 * A cell edited as plain text, the base of the money and percentage editors. A typed character
 * starts the edit from itself, Backspace or Delete from nothing, anything else (F2, Enter, a
 * double click) from `editText` of the value, selected. The grid's edit request receives the
 * text and reads it, so a bad entry is reported rather than guessed at.
 */
export function TextCellEditor({ eventKey, initialValue, onValueChange, editText, label }: Props) {
  const startsTyping = typeof eventKey === 'string' && eventKey.length === 1;
  const [text, setText] = useState(() => (startsTyping ? eventKey : eventKey === 'Backspace' || eventKey === 'Delete' ? '' : editText(initialValue)));
  const input = useRef<HTMLInputElement>(null);

  // Only on mount: later changes go through onChange.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the editor opens
  useEffect(() => {
    onValueChange(text);
    const el = input.current;
    if (!el) return;
    el.focus();
    if (startsTyping) el.setSelectionRange(el.value.length, el.value.length);
    else el.select();
  }, []);

  return (
    <input
      ref={input}
      className="money-editor"
      aria-label={label}
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValueChange(e.target.value);
      }}
    />
  );
}
