import { useFocusReturn } from '../../../renderer/src/components/focus-return';

/**
 * useFocusReturn, placed just before a Dialog as its sibling. React runs effects child first, so
 * called in the dialog's own component the hook would look for focus only after Fluent's Dialog
 * had moved it inside (its first field) and, the dialog closed, find that field gone. A sibling
 * rendered before the Dialog has its effect run first, while the trigger still has focus.
 */
export function DialogFocusReturn({ open }: { open: boolean }) {
  useFocusReturn(open);
  return null;
}
