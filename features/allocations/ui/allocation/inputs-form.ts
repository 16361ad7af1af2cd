/**
 * A run's inputs as they are typed on the screen, and what they mean: the pot and the place rate
 * as money, each factor's weight as a percentage (held as basis points) with its data columns and
 * their weights, and places per partnership. Only what cannot be sent at all (text that is not a
 * number, a blank name, no column chosen) is stopped here; every rule of the formula (weights adding up to 100%, whole pounds,
 * four decimal places) is the server's, so its sentence is the one shown.
 */
import { parseMoney } from '../../../../electron/shared/money';
import { penceToFieldText } from '../../../../renderer/src/grid/MoneyEditor';
import { bpToEditText, parsePercent } from '../../../../renderer/src/components/percent';
import type { DataColumnInfo, FactorInput, RunDetail } from '../../types';
import { PUPILS_COLUMN, WEIGHTS_TOTAL_BP } from '../../words';

export interface ColumnDraft {
  key: number;
  columnId: number | null;
  weight: string;
}

export interface FactorDraft {
  key: number;
  name: string;
  weight: string;
  columns: ColumnDraft[];
}

export interface InputsDraft {
  name: string;
  pot: string;
  rate: string;
  factors: FactorDraft[];
  /** Places typed, by partnership id; blank is none. */
  places: Record<number, string>;
  note: string;
}

/** What a save sends (less the run or year it is for). */
export interface RunInputs {
  name: string;
  formulaPotPence: number;
  placeRatePence: number;
  factors: FactorInput[];
  places: Array<{ partnershipId: number; places: number }>;
  note: string;
}

let nextKey = 1;
/** A key for a factor or column row, so React keeps each one's fields as rows are added and removed. */
export const newKey = () => nextKey++;

export const newColumn = (columnId: number | null = null): ColumnDraft => ({ key: newKey(), columnId, weight: '1' });
export const newFactor = (): FactorDraft => ({ key: newKey(), name: '', weight: '', columns: [newColumn()] });

/** A column's weight inside its factor as it is edited: 1, 0.5, 1.25. */
const weightText = (w: number) => String(Number(w.toFixed(4)));

/** The inputs of a run, to edit or to start another from. */
export function draftOf(run: RunDetail): InputsDraft {
  return {
    name: run.name,
    pot: penceToFieldText(run.formulaPotPence),
    rate: penceToFieldText(run.placeRatePence),
    factors: run.factors.map((f) => ({
      key: newKey(),
      name: f.name,
      weight: bpToEditText(f.weightBp),
      columns: f.columns.map((c) => ({ key: newKey(), columnId: c.columnId, weight: weightText(c.weight) })),
    })),
    places: Object.fromEntries(run.allocations.filter((a) => a.places > 0).map((a) => [a.partnershipId, String(a.places)])),
    note: run.note,
  };
}

/** A formula set up from nothing: one factor, pupil numbers, at 100%; the pot and places still to fill in. */
export function blankDraft(name: string, columns: readonly DataColumnInfo[]): InputsDraft {
  const pupils = columns.find((c) => c.key === PUPILS_COLUMN);
  return {
    name,
    pot: '',
    rate: '',
    factors: [{ key: newKey(), name: 'Pupil numbers', weight: '100', columns: [newColumn(pupils?.id ?? null)] }],
    places: {},
    note: '',
  };
}

export interface DraftReading {
  /** The inputs to send, when every field reads. */
  inputs: RunInputs | null;
  /** Why a field does not read, by field: 'pot', 'rate', 'factor.0.weight', 'factor.0.column.1', 'places.12'. */
  errors: Record<string, string>;
  /** The weights that read, added up, in basis points. */
  weightsBp: number;
}

const WHOLE = /^\d{1,3}(,\d{3})*$|^\d+$/;

/** Places as typed: blank is none; "1,200" reads as 1200. */
function readPlaces(text: string): number | string {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return 0;
  if (!WHOLE.test(t)) return `"${text.trim()}" is not a whole number of places`;
  return Number(t.replace(/,/g, ''));
}

/** A column's weight as typed: 1, 0.5, 1.25. */
function readWeight(text: string): number | string {
  const t = text.trim();
  if (t === '') return 'Give the column a weight, such as 1';
  const n = Number(t);
  if (!/^\d*\.?\d+$|^\d+\.$/.test(t) || !Number.isFinite(n)) return `"${t}" is not a number: write a weight such as 1 or 0.5`;
  return n;
}

export function readDraft(d: InputsDraft, columns: readonly DataColumnInfo[]): DraftReading {
  const errors: Record<string, string> = {};
  const money = (field: string, label: string, text: string): number => {
    if (text.trim() === '') {
      errors[field] = `${label} is needed`;
      return 0;
    }
    const p = parseMoney(text);
    if (!p.ok) errors[field] = `${label} ${p.reason}`;
    return p.ok ? p.pence : 0;
  };
  const formulaPotPence = money('pot', 'The formula pot', d.pot);
  const placeRatePence = d.rate.trim() === '' ? 0 : money('rate', 'The rate per place', d.rate);
  if (d.name.trim() === '') errors.name = 'Give the run a name, such as "2026-27 formula"';

  let weightsBp = 0;
  const factors: FactorInput[] = d.factors.map((f, i) => {
    if (f.name.trim() === '') errors[`factor.${i}.name`] = 'Give the factor a name, such as "Pupil numbers"';
    const w = parsePercent(f.weight);
    if (w.ok) weightsBp += w.bp;
    else errors[`factor.${i}.weight`] = f.weight.trim() === '' ? 'Give the factor a weight, such as 25%' : `The weight ${w.reason}`;
    const cols = f.columns.map((c, j) => {
      const weight = readWeight(c.weight);
      if (c.columnId === null || !columns.some((x) => x.id === c.columnId)) errors[`factor.${i}.column.${j}`] = 'Choose a data column';
      else if (typeof weight === 'string') errors[`factor.${i}.column.${j}`] = weight;
      return { columnId: c.columnId ?? 0, weight: typeof weight === 'number' ? weight : 0 };
    });
    return { name: f.name.trim(), weightBp: w.ok ? w.bp : 0, columns: cols };
  });

  const places: RunInputs['places'] = [];
  for (const [id, text] of Object.entries(d.places)) {
    const n = readPlaces(text);
    if (typeof n === 'string') errors[`places.${id}`] = n;
    else if (n > 0) places.push({ partnershipId: Number(id), places: n });
  }

  const inputs = Object.keys(errors).length === 0 ? { name: d.name.trim(), formulaPotPence, placeRatePence, factors, places, note: d.note.trim() } : null;
  return { inputs, errors, weightsBp };
}

/** 9950 → "99.50%", 10000 → "100%": as the server's refusal writes it. */
export function weightsText(bp: number): string {
  return bp % 100 === 0 ? `${bp / 100}%` : `${(bp / 100).toFixed(2)}%`;
}

export const weightsAddUp = (bp: number) => bp === WEIGHTS_TOTAL_BP;
