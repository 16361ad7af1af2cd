import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditEntry } from '../../../db/schema';
import { addDays } from '../../../electron/shared/dates';
import type { Workspace } from '../../../electron/server/workspace';
import { bankHoliday } from '../schema';
import type { BankHolidayInfo } from '../types';

/** The years pre-filled: back far enough for past meetings' deadlines, forward to the end of 2030 as the issue asks. */
export const FIRST_HOLIDAY_YEAR = 2020;
export const LAST_HOLIDAY_YEAR = 2030;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first Monday on or after a day. */
function mondayFrom(date: string): string {
  return addDays(date, (8 - weekday(date)) % 7);
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): string {
  const last = addDays(month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1), -1);
  return addDays(last, -((weekday(last) + 6) % 7));
}

/** Holidays moved or added by proclamation, which no rule predicts. */
const PROCLAIMED: Record<number, { moved?: Record<string, BankHolidayInfo>; added?: BankHolidayInfo[] }> = {
  2020: { moved: { 'Early May bank holiday': { date: '2020-05-08', name: 'Early May bank holiday (VE day)' } } },
  2022: {
    moved: { 'Spring bank holiday': { date: '2022-06-02', name: 'Spring bank holiday' } },
    added: [
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: { added: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }] },
};

/** England and Wales bank holidays for one year, substitute days included, as gov.uk lists them. */
export function englishBankHolidays(year: number): BankHolidayInfo[] {
  const easter = easterSunday(year);
  const out: BankHolidayInfo[] = [];
  const newYear = iso(year, 1, 1);
  const ny = weekday(newYear);
  out.push(ny === 0 || ny === 6 ? { date: mondayFrom(newYear), name: "New Year's Day (substitute day)" } : { date: newYear, name: "New Year's Day" });
  out.push({ date: addDays(easter, -2), name: 'Good Friday' });
  out.push({ date: addDays(easter, 1), name: 'Easter Monday' });
  out.push({ date: mondayFrom(iso(year, 5, 1)), name: 'Early May bank holiday' });
  out.push({ date: lastMonday(year, 5), name: 'Spring bank holiday' });
  out.push({ date: lastMonday(year, 8), name: 'Summer bank holiday' });
  const christmas = iso(year, 12, 25);
  const boxing = iso(year, 12, 26);
  switch (weekday(christmas)) {
    case 5: // Friday: Boxing Day falls on Saturday and moves to Monday.
      out.push({ date: christmas, name: 'Christmas Day' }, { date: addDays(christmas, 3), name: 'Boxing Day (substitute day)' });
      break;
    case 6: // Saturday: both move, to Monday and Tuesday.
      out.push({ date: addDays(christmas, 2), name: 'Christmas Day (substitute day)' }, { date: addDays(christmas, 3), name: 'Boxing Day (substitute day)' });
      break;
    case 0: // Sunday: Boxing Day stays on Monday and Christmas moves to Tuesday.
      out.push({ date: boxing, name: 'Boxing Day' }, { date: addDays(christmas, 2), name: 'Christmas Day (substitute day)' });
      break;
    default:
      out.push({ date: christmas, name: 'Christmas Day' }, { date: boxing, name: 'Boxing Day' });
  }
  const proclaimed = PROCLAIMED[year];
  const moved = proclaimed?.moved ?? {};
  const list = out.map((h) => moved[h.name] ?? h).concat(proclaimed?.added ?? []);
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** Every English bank holiday the app starts with. */
export function standardBankHolidays(): BankHolidayInfo[] {
  const out: BankHolidayInfo[] = [];
  for (let y = FIRST_HOLIDAY_YEAR; y <= LAST_HOLIDAY_YEAR; y++) out.push(...englishBankHolidays(y));
  return out;
}

/** A new workspace's bank holidays (the feature's seed, inside the creating transaction). */
export function seedBankHolidays(db: Db): void {
  const rows = standardBankHolidays().map((h) => ({ id: h.date, name: h.name }));
  db.insert(bankHoliday).values(rows).run();
}

/**
 * A workspace made before bank holidays were data has an empty table that nobody emptied. Until
 * someone changes one, it reads as the standard list; the first change writes that list in first.
 * An empty table that has been audited was emptied on purpose, and stays empty.
 */
export function holidaysAreStandardUntilChanged(db: Db): boolean {
  if (db.select({ id: bankHoliday.id }).from(bankHoliday).limit(1).get()) return false;
  return !db.select({ id: auditEntry.id }).from(auditEntry).where(eq(auditEntry.entity, 'bank_holiday')).limit(1).get();
}

export function listHolidays(db: Db): BankHolidayInfo[] {
  if (holidaysAreStandardUntilChanged(db)) return standardBankHolidays();
  return db
    .select()
    .from(bankHoliday)
    .orderBy(asc(bankHoliday.id))
    .all()
    .map((r) => ({ date: r.id, name: r.name }));
}

/** The workspace's bank holidays, for working-day sums. */
export function bankHolidayDates(ws: Workspace): Set<string> {
  return new Set(listHolidays(ws.db).map((h) => h.date));
}

/** Writes the standard list into a workspace that has never held it, as the app's own change (not undoable). */
export function materialiseBankHolidays(ws: Workspace): void {
  if (!holidaysAreStandardUntilChanged(ws.db)) return;
  ws.write('system', 'English bank holidays to the end of 2030 added', (rec) => {
    for (const h of standardBankHolidays()) rec.insert(bankHoliday, { id: h.date, name: h.name });
  });
}
