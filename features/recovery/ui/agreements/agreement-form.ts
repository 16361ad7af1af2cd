import { dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { ChannelInput } from '../../../../electron/shared/contract';
import type { AgreementDetail } from '../../types';
import type { AgreementType, DecisionFlagOverride, LegalBasis } from '../../words';

export type SaveAgreementInput = ChannelInput<'saveAgreement'>;

/** An agreement as its form holds it: what was typed, checked when it is sent. */
export interface AgreementFormState {
  reference: string;
  counterparty: string;
  type: AgreementType;
  purpose: string;
  legalBasis: LegalBasis;
  legalBasisOn: string;
  startOn: string;
  endOn: string;
  annualValuePence: number | null;
  extensionsOffered: string;
  extensionMonths: string;
  extensionNoticeDays: string;
  decisionReference: string;
  decisionOn: string;
  forwardPlanReference: string;
  keyDecision: DecisionFlagOverride;
  keyDecisionReason: string;
  callIn: DecisionFlagOverride;
  callInReason: string;
  reportingDuties: string;
  note: string;
}

const overrideOf = (v: boolean | null): DecisionFlagOverride => (v === null ? 'auto' : v ? 'yes' : 'no');
const overrideValue = (v: DecisionFlagOverride): boolean | null => (v === 'auto' ? null : v === 'yes');

export function emptyAgreement(): AgreementFormState {
  return {
    reference: '',
    counterparty: '',
    type: 'cooperation',
    purpose: '',
    legalBasis: 'procurement_act_2023',
    legalBasisOn: '',
    startOn: '',
    endOn: '',
    annualValuePence: null,
    extensionsOffered: '0',
    extensionMonths: '12',
    extensionNoticeDays: '90',
    decisionReference: '',
    decisionOn: '',
    forwardPlanReference: '',
    keyDecision: 'auto',
    keyDecisionReason: '',
    callIn: 'auto',
    callInReason: '',
    reportingDuties: '',
    note: '',
  };
}

export function agreementState(a: AgreementDetail): AgreementFormState {
  return {
    reference: a.reference,
    counterparty: a.counterparty,
    type: a.type,
    purpose: a.purpose,
    legalBasis: a.legalBasis,
    legalBasisOn: dateText(a.legalBasisOn),
    startOn: dateText(a.startOn),
    endOn: dateText(a.endOn),
    annualValuePence: a.annualValuePence,
    extensionsOffered: String(a.extensions.offered),
    extensionMonths: String(a.extensions.months),
    extensionNoticeDays: String(a.extensionNoticeDays),
    decisionReference: a.decisionReference,
    decisionOn: dateText(a.decisionOn),
    forwardPlanReference: a.forwardPlanReference,
    keyDecision: overrideOf(a.keyDecisionOverride),
    keyDecisionReason: a.keyDecisionReason,
    callIn: overrideOf(a.callInOverride),
    callInReason: a.callInReason,
    reportingDuties: a.reportingDuties,
    note: a.note,
  };
}

export type AgreementErrors = Partial<Record<keyof AgreementFormState, string>>;

const whole = (text: string, label: string, min: number, max: number, unit: string): [number, string | undefined] => {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) return [0, `${label} must be a whole number of ${unit} from ${min} to ${max}`];
  return [Number(t), undefined];
};

/**
 * What the form would send, or what stops it: each problem worded for the field it is under.
 * Rules only the server knows (an end before the start, a reference already used) are left to
 * it, so its sentence is the one shown.
 */
export function checkAgreement(s: AgreementFormState, id?: number): { input: SaveAgreementInput | null; errors: AgreementErrors } {
  const errors: AgreementErrors = {};
  if (s.reference.trim() === '') errors.reference = 'Give the agreement a reference, such as "AIP-2025-01"';
  if (s.counterparty.trim() === '') errors.counterparty = 'Name the counterparty: the partnership, council or provider';
  const start = readDate(s.startOn, 'Start', true);
  const end = readDate(s.endOn, 'End', true);
  const basisOn = readDate(s.legalBasisOn, 'Legal basis date', false);
  const decisionOn = readDate(s.decisionOn, 'Decision date', false);
  if (start.error) errors.startOn = start.error;
  if (end.error) errors.endOn = end.error;
  if (basisOn.error) errors.legalBasisOn = basisOn.error;
  if (decisionOn.error) errors.decisionOn = decisionOn.error;
  if (s.annualValuePence === null) errors.annualValuePence = 'Annual value is needed: £0 if it is paid in kind';
  const [offered, offeredError] = whole(s.extensionsOffered, 'Extensions offered', 0, 10, 'extensions');
  const [months, monthsError] = whole(s.extensionMonths, 'Months each', 0, 120, 'months');
  const [notice, noticeError] = whole(s.extensionNoticeDays, 'Notice before an extension', 0, 730, 'days');
  if (offeredError) errors.extensionsOffered = offeredError;
  if (monthsError) errors.extensionMonths = monthsError;
  if (noticeError) errors.extensionNoticeDays = noticeError;
  if (!monthsError && offered > 0 && months === 0) errors.extensionMonths = 'Months each must be more than nought when extensions are offered';
  if (s.keyDecision !== 'auto' && s.keyDecisionReason.trim() === '') errors.keyDecisionReason = 'Say why the key decision flag is set by hand';
  if (s.callIn !== 'auto' && s.callInReason.trim() === '') errors.callInReason = 'Say why the call-in flag is set by hand';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    errors,
    input: {
      id,
      reference: s.reference.trim(),
      counterparty: s.counterparty.trim(),
      type: s.type,
      purpose: s.purpose.trim(),
      legalBasis: s.legalBasis,
      legalBasisOn: basisOn.iso,
      startOn: start.iso!,
      endOn: end.iso!,
      annualValuePence: s.annualValuePence!,
      extensionsOffered: offered,
      extensionMonths: months,
      extensionNoticeDays: notice,
      decisionReference: s.decisionReference.trim(),
      decisionOn: decisionOn.iso,
      forwardPlanReference: s.forwardPlanReference.trim(),
      keyDecisionOverride: overrideValue(s.keyDecision),
      keyDecisionReason: s.keyDecision === 'auto' ? '' : s.keyDecisionReason.trim(),
      callInOverride: overrideValue(s.callIn),
      callInReason: s.callIn === 'auto' ? '' : s.callInReason.trim(),
      reportingDuties: s.reportingDuties.trim(),
      note: s.note.trim(),
    },
  };
}
