import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import { bpToEditText } from '../shared/percent';

/**
 * Edits a percentage as text: F2 starts from 3.5 (not the 350 basis points held), typing
 * replaces it, and "3.5" or "3.5%" are both read when the edit is sent.
 */
export function PercentEditor(props: CustomCellEditorProps) {
  const { eventKey, initialValue, onValueChange, colDef } = props;
  const startsTyping = typeof eventKey === 'string' && eventKey.length === 1;
  const [text, setText] = useState(() =>
    startsTyping
      ? eventKey
      : eventKey === 'Backspace' || eventKey === 'Delete'
        ? ''
        : typeof initialValue === 'string'
          ? initialValue
          : bpToEditText(initialValue),
  );
  const input = useRef<HTMLInputElement>(null);

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
      aria-label={`${colDef.headerName ?? 'Growth'}, a percentage`}
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValueChange(e.target.value);
      }}
    />
  );
}
