import {
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { MoneyInput } from '../../../renderer/src/components/MoneyInput';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import { useApp } from '../../../renderer/src/state/app-state';
import type { BudgetRow } from '../types';

interface Move {
  key: number;
  lineId: number | null;
  pence: number | null;
}

interface Props {
  open: boolean;
  lines: BudgetRow[];
  busy: boolean;
  onSave(changes: Array<{ lineId: number; revisedPence: number }>): Promise<boolean>;
  onClose(): void;
}

let nextKey = 1;
const blank = (): Move => ({ key: nextKey++, lineId: null, pence: null });

/**
 * A virement moves budget between lines: amounts in and out, which should net to nothing. The
 * dialog keeps the running net in view, and a virement that does not balance is said to be one
 * before it can be saved, and needs a tick to save it so.
 */
export function VirementDialog({ open, lines, busy, onSave, onClose }: Props) {
  const { money } = useApp();
  const [moves, setMoves] = useState<Move[]>([blank(), blank()]);
  const [unbalancedOk, setUnbalancedOk] = useState(false);
  useFocusReturn(open);
  const filled = moves.filter((m) => m.lineId !== null && m.pence !== null && m.pence !== 0);
  const net = filled.reduce((s, m) => s + (m.pence ?? 0), 0);
  const repeated = filled.some((m, i) => filled.findIndex((x) => x.lineId === m.lineId) !== i);
  const balanced = net === 0;
  const canSave = filled.length > 0 && !repeated && (balanced || unbalancedOk);
  const set = (key: number, patch: Partial<Move>) => setMoves((ms) => ms.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const close = () => {
    setMoves([blank(), blank()]);
    setUnbalancedOk(false);
    onClose();
  };
  const save = async () => {
    const byId = new Map(lines.map((l) => [l.lineId, l]));
    const ok = await onSave(filled.map((m) => ({ lineId: m.lineId!, revisedPence: byId.get(m.lineId!)!.revisedPence + m.pence! })));
    if (ok) close();
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface className="virement-dialog">
        <DialogBody>
          <DialogTitle>Virement between lines</DialogTitle>
          <DialogContent>
            <p>
              Move budget from one line to another: a positive amount adds to a line's revised budget, a negative one takes from it. The moves should add up to
              nothing.
            </p>
            <table className="virement-table">
              <thead>
                <tr>
                  <th scope="col">Budget line</th>
                  <th scope="col">Amount (+ in, − out)</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {moves.map((m, i) => (
                  <tr key={m.key}>
                    <td>
                      <Dropdown
                        aria-label={`Line ${i + 1}`}
                        placeholder="Choose a line"
                        value={
                          lines.find((l) => l.lineId === m.lineId)
                            ? `${lines.find((l) => l.lineId === m.lineId)!.code} ${lines.find((l) => l.lineId === m.lineId)!.name}`
                            : ''
                        }
                        selectedOptions={m.lineId === null ? [] : [String(m.lineId)]}
                        onOptionSelect={(_, d) => set(m.key, { lineId: d.optionValue ? Number(d.optionValue) : null })}
                      >
                        {textOptions(lines, (l) => [l.lineId, `${l.code} ${l.name}`])}
                      </Dropdown>
                    </td>
                    <td>
                      <MoneyInput label={`Amount for line ${i + 1}`} hideLabel allowNegative pence={m.pence} onChange={(p) => set(m.key, { pence: p })} />
                    </td>
                    <td>
                      <Button
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Remove line ${i + 1}`}
                        disabled={moves.length <= 1}
                        onClick={() => setMoves((ms) => ms.filter((x) => x.key !== m.key))}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button icon={<AddRegular />} onClick={() => setMoves((ms) => [...ms, blank()])}>
              Add a line
            </Button>
            <div aria-live="polite" className="virement-net">
              {repeated ? (
                <MessageBar intent="error">
                  <MessageBarBody>A line appears twice: put its whole move on one row.</MessageBarBody>
                </MessageBar>
              ) : balanced ? (
                <MessageBar intent={filled.length ? 'success' : 'info'}>
                  <MessageBarBody>
                    Net: {money.format(0)}. {filled.length ? 'The virement balances.' : 'Choose the lines and amounts.'}
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    Net: {money.format(net, { pence: net % 100 !== 0 })}. This does not balance: the total revised budget would {net > 0 ? 'rise' : 'fall'} by{' '}
                    {money.format(Math.abs(net), { pence: net % 100 !== 0 })}.
                    <Checkbox
                      className="unbalanced-ok"
                      checked={unbalancedOk}
                      onChange={(_, d) => setUnbalancedOk(d.checked === true)}
                      label="Save it anyway (an in-year budget change, not a virement)"
                    />
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
          </DialogContent>
          <DialogButtons busy={busy} disabled={!canSave} onConfirm={() => void save()} onCancel={close}>
            {balanced ? 'Save virement' : 'Save unbalanced change'}
          </DialogButtons>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
