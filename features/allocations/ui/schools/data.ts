import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { useLabelledWrite } from '../../../../renderer/src/data/use-labelled-write';
import type { WriteOptions } from '../../../../renderer/src/data/use-write';
import { refusalText } from './refusal';

/**
 * The reads and writes of the partnerships and schools screens. Everything sits under the
 * 'allocations' topic: a school moved or its data changed moves the partnerships' counts, the
 * buy-in picture and whether an allocation run's data has changed, so a write reads them all again.
 */
const TOPICS = ['allocations', 'history'];

export const schoolsKey = (year: string) => ['allocations', 'schools', year];
export const partnershipsKey = (year: string) => ['allocations', 'partnerships', year];
export const buyInKey = (year: string) => ['allocations', 'buy-in', year];

export function useSchools(year: string | null) {
  return useQuery({ queryKey: schoolsKey(year ?? ''), queryFn: () => api.listSchools({ year: year! }), enabled: !!year });
}

export function usePartnerships(year: string | null) {
  return useQuery({ queryKey: partnershipsKey(year ?? ''), queryFn: () => api.listPartnerships({ year: year! }), enabled: !!year });
}

export function useBuyIn(year: string | null) {
  return useQuery({ queryKey: buyInKey(year ?? ''), queryFn: () => api.buyInByCluster({ year: year! }), enabled: !!year });
}

/** Agreements a partnership can be funded under, read only when the partnership form asks. */
export function useAgreementChoices(enabled: boolean) {
  return useQuery({ queryKey: ['recovery', 'agreements', 'overview'], queryFn: () => api.getAgreementsOverview({}), enabled });
}

/**
 * A write whose refusal is shown in its own form: `refusal()` gives the server's reason with the
 * field it is about named as the form names it ("URN: 100001 is already Demo Brook Primary's").
 */
export function useFormWrite<I, O>(call: (input: I) => Promise<O>, labels: Record<string, string>, options: Partial<WriteOptions<I, O>> = {}) {
  return useLabelledWrite(call, { topics: TOPICS, ...options }, labels, refusalText);
}

export const SCHOOL_LABELS = { urn: 'URN', name: 'Name', phase: 'Phase', type: 'Type', trust: 'Trust', status: 'Open or closed' };
export const PARTNERSHIP_LABELS = {
  name: 'Name',
  area: 'Area',
  kind: 'Kind',
  parentId: 'Part of',
  leadSchoolId: 'Lead school',
  agreementId: 'Agreement',
  returnFrequency: 'Returns',
  note: 'Note',
};
export const MEMBERSHIP_LABELS = { partnershipId: 'Partnership', schoolId: 'School', year: 'Year' };
export const BUY_IN_LABELS = { status: 'Buy-in', decidedOn: 'Date of the decision', note: 'Note' };
export const COPY_LABELS = { fromYear: 'Copy from', toYear: 'Copy to' };
