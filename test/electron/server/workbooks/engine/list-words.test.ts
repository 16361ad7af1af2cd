/**
 * A list column's other words (`ColumnDef.listWords`): another system's name for one of the
 * list's values (the DfE's "Community school" for Maintained) reads as that value.
 */
import { describe, expect, it } from 'vitest';
import { readListValue } from '../../../../../electron/server/workbooks/engine/cells';

const TYPES = ['Maintained', 'Academy', 'Special'];
const WORDS = { 'community school': 'Maintained', 'closed school': 'Closed' };

describe('reading a list value through other words', () => {
  it('takes the list value itself, in any case, before any other word', () => {
    expect(readListValue(' academy ', TYPES, { listName: 'types', words: WORDS })).toEqual({ ok: true, value: 'Academy' });
  });

  it('reads another word as the value it stands for, whatever its case and spacing', () => {
    expect(readListValue('Community  School', TYPES, { listName: 'types', words: WORDS })).toEqual({ ok: true, value: 'Maintained' });
  });

  it('refuses a word that stands for nothing in the list, naming the values and what was found', () => {
    expect(readListValue('Other independent school', TYPES, { listName: 'type values', words: WORDS })).toEqual({
      ok: false,
      rule: 'must be one of the type values in the list (Maintained, Academy, Special), or a word another system uses for one',
      found: '"Other independent school"',
    });
    // A word whose value is not (or no longer) in the list is refused too.
    expect(readListValue('closed school', TYPES, { listName: 'types', words: WORDS })).toMatchObject({ ok: false });
  });

  it('without other words, keeps the wording every list column has', () => {
    expect(readListValue('Community school', TYPES, { listName: 'types' })).toEqual({
      ok: false,
      rule: 'must be one of the types in the list',
      found: '"Community school"',
    });
  });
});
