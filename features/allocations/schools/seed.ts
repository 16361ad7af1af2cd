/**
 * The standard rows every workspace starts with. Migration 0007 inserts them (generated from these
 * lists), so workspaces made before the feature have them too; all are editable afterwards.
 */
import { PUPILS_COLUMN } from '../words';

/** The school data a formula usually weighs (domain.md section 6); users add their own. */
export const STANDARD_COLUMNS: ReadonlyArray<{ key: string; name: string; description: string }> = [
  { key: PUPILS_COLUMN, name: 'Pupils', description: 'Pupils on roll (the census count). Buy-in shares of pupils are worked out from this column.' },
  { key: 'fsm', name: 'Free school meals', description: 'Pupils eligible for free school meals.' },
  ...(['a', 'b', 'c', 'd', 'e', 'f'] as const).map((band) => ({
    key: `idaci_${band}`,
    name: `IDACI band ${band.toUpperCase()}`,
    description: `Pupils living in IDACI band ${band.toUpperCase()} (income deprivation affecting children).`,
  })),
  { key: 'low_prior_attainment', name: 'Low prior attainment', description: 'Pupils with low prior attainment.' },
  { key: 'pupil_premium', name: 'Pupil premium', description: 'Pupils attracting the pupil premium.' },
];

/** Headings partnerships commonly report spend under. */
export const STANDARD_RETURN_CATEGORIES: readonly string[] = [
  'Staffing',
  'Commissioned places',
  'Outreach and specialist support',
  'Training and development',
  'Resources and other costs',
];

/** The outcome measures the issue names, with what each counts. */
export const STANDARD_RETURN_MEASURES: ReadonlyArray<{ name: string; unit: string }> = [
  { name: 'Permanent exclusions', unit: 'pupils' },
  { name: 'Suspensions', unit: 'suspensions' },
  { name: 'Attendance', unit: '%' },
  { name: 'Children back in mainstream', unit: 'pupils' },
];
