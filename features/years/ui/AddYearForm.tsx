import { Dropdown, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { isYearId, nextYearId, previousYearId, yearIdFromStart, yearStartYear } from '../../../electron/shared/periods';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { MoneyInput } from '../../../renderer/src/components/MoneyInput';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import { useApp } from '../../../renderer/src/state/app-state';
import { useCreateYear } from './data';

/** The financial year today falls in: April onwards is the year starting this calendar year. */
function currentYearId(): string {
  const now = new Date();
  return yearIdFromStart(now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1);
}

/**
 * Adds a year. Years follow on from each other, so once there are some the choice is the next
 * one or the one before the earliest (to enter history). The earliest year holds the opening
 * balance; budgets can start from a year's revised budgets.
 */
export function AddYearForm() {
  const { years, setYear, money, notify } = useApp();
  const create = useCreateYear();
  const earliest = years[0];
  const latest = years[years.length - 1];
  const [where, setWhere] = useState<'next' | 'before'>('next');
  const [typed, setTyped] = useState(currentYearId);
  /** null: the usual choice, the latest year's budgets for the next year, nothing for an earlier one. */
  const [copyChoice, setCopyChoice] = useState<string | null>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const copyFrom = copyChoice ?? (where === 'next' ? (latest?.id ?? '') : '');

  const id = !latest || !earliest ? typed.trim() : where === 'next' ? nextYearId(latest.id) : previousYearId(earliest.id);
  const valid = isYearId(id);
  /** The new year will be the earliest, so it holds the opening balance. */
  const holdsOpening = !earliest || where === 'before';
  const openingHint = !earliest
    ? `The DSG balance at 1 April ${valid ? yearStartYear(id) : 'of that year'}; negative for a deficit. Leave blank to enter it later.`
    : earliest.openingBalancePence !== null
      ? `Negative for a deficit. Leave blank to move ${earliest.id}'s opening balance (${money.format(earliest.openingBalancePence)}) to ${id}.`
      : 'Negative for a deficit. Leave blank to enter it later.';

  const choose = (w: 'next' | 'before') => {
    setWhere(w);
    setCopyChoice(null);
    setOpening(null);
  };

  const add = async () => {
    const openingBalancePence = holdsOpening && opening !== null ? opening : undefined;
    const done = await create.run({ year: id, copyBudgetsFrom: copyFrom || undefined, openingBalancePence });
    if (!done) return;
    const parts = [
      copyFrom ? `budgets copied from ${copyFrom}'s revised budgets` : null,
      openingBalancePence !== undefined ? `opening balance ${money.format(openingBalancePence, { pence: openingBalancePence % 100 !== 0 })}` : null,
    ].filter(Boolean);
    notify('success', `Added ${id}${parts.length ? `, with ${parts.join(' and ')}` : ''}.`);
    // The form stays (and keeps the keyboard's place), offering the year after or before this one.
    setCopyChoice(null);
    setOpening(null);
    setYear(id);
  };

  return (
    <div className="dialog-form">
      {latest && earliest ? (
        <Field label="Add a year">
          <RadioGroup value={where} onChange={(_, d) => choose(d.value as 'next' | 'before')}>
            <Radio value="next" label={`${nextYearId(latest.id)}, the year after ${latest.id}`} />
            <Radio value="before" label={`${previousYearId(earliest.id)}, the year before ${earliest.id} (to enter history)`} />
          </RadioGroup>
        </Field>
      ) : null}
      <div className="inline-form">
        {!latest && (
          <Field
            label="First year"
            validationMessage={valid ? undefined : 'Write it as 2025-26 (April 2025 to March 2026)'}
            validationState={valid ? 'none' : 'error'}
          >
            <Input value={typed} onChange={(_, d) => setTyped(d.value)} placeholder="2025-26" />
          </Field>
        )}
        {holdsOpening && (
          <MoneyInput label={valid ? `Opening balance of ${id}` : 'Opening balance'} pence={opening} allowNegative onChange={setOpening} hint={openingHint} />
        )}
        {years.length > 0 && (
          <Field label="Start budgets from">
            <Dropdown
              value={copyFrom ? `${copyFrom} revised budgets` : 'Nothing (start at nil)'}
              selectedOptions={[copyFrom]}
              onOptionSelect={(_, d) => setCopyChoice(d.optionValue ?? '')}
            >
              {textOptions(years, (y) => [y.id, `${y.id} revised budgets`], 'Nothing (start at nil)')}
            </Dropdown>
          </Field>
        )}
        <BusyButton appearance="primary" busy={create.busy} icon={<AddRegular />} disabled={!valid} onClick={() => void add()}>
          {valid ? `Add ${id}` : 'Add year'}
        </BusyButton>
      </div>
    </div>
  );
}
