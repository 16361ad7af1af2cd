import { Checkbox, Dropdown, Field } from '@fluentui/react-components';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { MEMBER_ROLES, type MemberRole, NON_SCHOOLS_SEATS, ROLE_LABELS, SCHOOLS_SEATS, SEAT_CATEGORIES, SEAT_LABELS, type SeatCategory } from '../../words';
import { DateField, type TypedDate } from '../../../../renderer/src/components/DateField';

/** Which group a seat counts in for a forum's composition, said beside the seat. */
export function seatGroup(seat: SeatCategory): string {
  if (SCHOOLS_SEATS.includes(seat)) return 'schools and academies member';
  if (NON_SCHOOLS_SEATS.includes(seat)) return 'non-schools member';
  return 'neither schools nor non-schools';
}

/** Roles that do not vote unless told otherwise. */
export const NON_VOTING_ROLES: readonly MemberRole[] = ['observer', 'officer_in_attendance'];

export interface TermDraft {
  seat: SeatCategory;
  role: MemberRole;
  voting: boolean;
  start: TypedDate;
  end: TypedDate;
}

interface Props {
  term: TermDraft;
  onChange(t: TermDraft): void;
  onStartText(text: string): void;
  onEndText(text: string): void;
  showErrors: boolean;
}

/** A term's seat, role, voting right and dates: the same fields for a first term and a new one. */
export function TermFields({ term, onChange, onStartText, onEndText, showErrors }: Props) {
  return (
    <>
      <div className="form-grid">
        <Field label="Seat" hint={`Counts as a ${seatGroup(term.seat)}`}>
          <Dropdown
            value={SEAT_LABELS[term.seat]}
            selectedOptions={[term.seat]}
            onOptionSelect={(_, d) => d.optionValue && onChange({ ...term, seat: d.optionValue as SeatCategory })}
          >
            {textOptions(SEAT_CATEGORIES, (s) => [s, SEAT_LABELS[s]])}
          </Dropdown>
        </Field>
        <Field label="Role">
          <Dropdown
            value={ROLE_LABELS[term.role]}
            selectedOptions={[term.role]}
            onOptionSelect={(_, d) => {
              const role = d.optionValue as MemberRole | undefined;
              if (role)
                onChange({
                  ...term,
                  role,
                  voting: NON_VOTING_ROLES.includes(role) ? false : term.role !== role && NON_VOTING_ROLES.includes(term.role) ? true : term.voting,
                });
            }}
          >
            {textOptions(MEMBER_ROLES, (r) => [r, ROLE_LABELS[r]])}
          </Dropdown>
        </Field>
      </div>
      <Checkbox checked={term.voting} onChange={(_, d) => onChange({ ...term, voting: !!d.checked })} label="Voting member" />
      <div className="form-grid">
        <DateField label="Term start" required value={term.start} onText={onStartText} showError={showErrors} />
        <DateField label="Term end" value={term.end} onText={onEndText} showError={showErrors} hint="dd/mm/yyyy; blank if open-ended" />
      </div>
    </>
  );
}
