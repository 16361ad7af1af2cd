import { DialogBody, DialogContent, DialogTitle, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DialogCloseButton } from '../../../../renderer/src/components/DialogButtons';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import type { PartnershipInfo, SchoolsOverview } from '../../types';
import { SchoolDataForm } from './SchoolDataForm';
import { SchoolDetailsForm } from './SchoolDetailsForm';
import { BuyInForm, MembershipForm } from './SchoolYearForms';

export type SchoolTab = 'details' | 'year' | 'data';

/** The school the dialog shows (null: a new one), and the tab it opens at. */
export interface SchoolOpen {
  id: number | null;
  tab?: SchoolTab;
}

interface Props {
  open: SchoolOpen | null;
  year: string;
  overview: SchoolsOverview | undefined;
  partnerships: PartnershipInfo[];
  onClose(): void;
}

/**
 * One school: its details, its partnership and buy-in in the year, and its data for the year,
 * each on a tab with its own save (each is one change to undo). A new school opens at its
 * details; once added, the dialog goes on to its partnership.
 */
export function SchoolDialog({ open, year, overview, partnerships, onClose }: Props) {
  return (
    <FormDialog open={open !== null} onClose={onClose} className="alloc-dialog">
      {open && <SchoolPanels start={open} year={year} overview={overview} partnerships={partnerships} onClose={onClose} />}
    </FormDialog>
  );
}

function SchoolPanels({ start, year, overview, partnerships, onClose }: { start: SchoolOpen } & Omit<Props, 'open'>) {
  const [id, setId] = useState<number | null>(start.id);
  const [tab, setTab] = useState<SchoolTab>(start.tab ?? 'details');
  const school = id === null ? undefined : overview?.schools.find((s) => s.id === id);
  // A school just added shows once the list has been read again with it.
  const waiting = id !== null && !school;
  // A school deleted elsewhere (undone, say) closes the dialog rather than show nothing.
  useEffect(() => {
    if (waiting && overview && !overview.schools.some((s) => s.id === id)) {
      const t = setTimeout(onClose, 2000);
      return () => clearTimeout(t);
    }
  }, [waiting, overview, id, onClose]);

  const title = school ? `${school.name} (${school.urn})` : id === null ? 'New school' : 'School';
  const tabs: Array<[SchoolTab, string]> = [
    ['details', 'Details'],
    ['year', `Partnership and buy-in, ${year}`],
    ['data', `Data, ${year}`],
  ];
  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className="dialog-form">
        {waiting ? (
          <Spinner label="Reading the school" />
        ) : (
          <>
            {school && (
              <TabList className="school-tabs" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as SchoolTab)} aria-label="What to change">
                {tabs.map(([value, label]) => (
                  <Tab key={value} value={value} id={`school-tab-${value}`}>
                    {label}
                  </Tab>
                ))}
              </TabList>
            )}
            {/* A new school has no tabs yet: its details form stands alone. */}
            <div {...(school ? { role: 'tabpanel', 'aria-labelledby': `school-tab-${tab}` } : {})}>
              {(!school || tab === 'details') && (
                <SchoolDetailsForm
                  key={school?.id ?? 'new'}
                  school={school ?? null}
                  onSaved={(s) => {
                    if (id === null) {
                      setId(s.id);
                      setTab('year');
                    }
                  }}
                  onDeleted={onClose}
                />
              )}
              {school && tab === 'year' && (
                <>
                  <MembershipForm key={`m-${school.id}`} year={year} school={school} partnerships={partnerships} />
                  <BuyInForm key={`b-${school.id}`} year={year} school={school} />
                </>
              )}
              {school && tab === 'data' && <SchoolDataForm key={`d-${school.id}`} year={year} school={school} columns={overview?.columns ?? []} />}
            </div>
          </>
        )}
      </DialogContent>
      <DialogCloseButton onClose={onClose} />
    </DialogBody>
  );
}
