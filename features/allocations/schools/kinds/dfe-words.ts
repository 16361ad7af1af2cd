/**
 * The DfE's words in Get Information about Schools (its "TypeOfEstablishment (name)",
 * "PhaseOfEducation (name)" and "EstablishmentStatus (name)" columns) for the values of our
 * lists, so an extract of establishments imports as it is downloaded. By lower-case text; the
 * list column reads them (ColumnDef.listWords). A word not here (an independent mainstream school,
 * a further education college) is refused by name: HNB Desk does not fund it by formula.
 */
import { PHASE_LABELS, SCHOOL_STATUS_LABELS, SCHOOL_TYPE_LABELS } from '../../words';

const { maintained, academy, special, pru, ap } = SCHOOL_TYPE_LABELS;

export const DFE_TYPE_WORDS: Record<string, string> = {
  'community school': maintained,
  'voluntary aided school': maintained,
  'voluntary controlled school': maintained,
  'foundation school': maintained,
  'local authority nursery school': maintained,
  'academy converter': academy,
  'academy sponsor led': academy,
  'academy 16-19 converter': academy,
  'academy 16 to 19 sponsor led': academy,
  'free schools': academy,
  'free schools 16 to 19': academy,
  'studio schools': academy,
  'university technical college': academy,
  'city technology college': academy,
  'academy special converter': special,
  'academy special sponsor led': special,
  'community special school': special,
  'foundation special school': special,
  'free schools special': special,
  'non-maintained special school': special,
  'other independent special school': special,
  'pupil referral unit': pru,
  'academy alternative provision converter': ap,
  'academy alternative provision sponsor led': ap,
  'free schools alternative provision': ap,
  // Our own short forms, as people type them.
  pru,
  ap,
};

export const DFE_PHASE_WORDS: Record<string, string> = {
  'middle deemed primary': PHASE_LABELS.middle,
  'middle deemed secondary': PHASE_LABELS.middle,
  'all through': PHASE_LABELS.all_through,
  '16+': PHASE_LABELS.sixteen_plus,
  'sixteen plus': PHASE_LABELS.sixteen_plus,
};

/** A school proposed to open is not open yet: a formula run does not count it until it is. */
export const DFE_STATUS_WORDS: Record<string, string> = {
  'open, but proposed to close': SCHOOL_STATUS_LABELS.open,
  'proposed to open': SCHOOL_STATUS_LABELS.closed,
};
