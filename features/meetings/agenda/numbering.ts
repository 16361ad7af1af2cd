/**
 * Agenda numbers are worked out from the order, never stored, so a move renumbers everything
 * at once: 1, 2, 2a, 2b, 3. A sub-item with no main item above it is numbered as a main item.
 */
export function agendaNumbers(items: ReadonlyArray<{ subItem: boolean }>): string[] {
  let main = 0;
  let sub = 0;
  return items.map((item) => {
    if (item.subItem && main > 0) {
      sub += 1;
      return `${main}${subLetters(sub)}`;
    }
    main += 1;
    sub = 0;
    return String(main);
  });
}

/** a … z, then aa, ab: an agenda never needs more, but the numbering must never repeat. */
function subLetters(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(97 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}
