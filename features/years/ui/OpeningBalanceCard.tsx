import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { yearStartYear } from '../../../electron/shared/periods';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { MoneyInput } from '../../../renderer/src/components/MoneyInput';
import { useApp } from '../../../renderer/src/state/app-state';
import type { YearInfo } from '../types';
import { useSetOpeningBalance } from './data';

/** The earliest year's opening DSG balance; every later year brings forward the year before's carried forward. */
export function OpeningBalanceCard({ year }: { year: YearInfo }) {
  const { money, notify } = useApp();
  const write = useSetOpeningBalance();
  const [value, setValue] = useState<number | null>(year.openingBalancePence);
  // Read again after a save or an undo.
  useEffect(() => setValue(year.openingBalancePence), [year.openingBalancePence]);
  const closed = year.status === 'closed';
  const now =
    year.openingBalancePence === null ? 'Not entered yet' : `Now ${money.format(year.openingBalancePence, { pence: year.openingBalancePence % 100 !== 0 })}`;
  return (
    <div className="card">
      <h2>DSG balance at 1 April {yearStartYear(year.id)}</h2>
      <p className="muted">
        {year.id} is the earliest year, so it starts from this balance (negative for a deficit); every later year brings forward the year before's carried
        forward.
      </p>
      {closed && <p className="muted">{year.id} is closed: reopen it to change its opening balance.</p>}
      <div className="inline-form">
        <MoneyInput label="Opening balance" pence={year.openingBalancePence} allowNegative disabled={closed} onChange={setValue} hint={now} />
        <BusyButton
          busy={write.busy}
          icon={<SaveRegular />}
          // Not disabled while the field is blank: the amount is read when the field is left, and a
          // button disabled at that moment would be skipped by Tab.
          disabled={closed}
          onClick={() =>
            value === null
              ? notify('error', 'Enter the opening balance to save: 0 if there was none.')
              : void write.run({ year: year.id, openingBalancePence: value })
          }
        >
          Save opening balance
        </BusyButton>
      </div>
    </div>
  );
}
