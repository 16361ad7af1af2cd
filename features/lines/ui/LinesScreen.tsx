import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular, EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { BudgetLineInfo, ProvisionGroupInfo, S251LineInfo } from '../../../electron/shared/types';
import { api } from '../../../renderer/src/api/api';
import { LineHistoryDrawer } from '../../history/ui/HistoryDrawer';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

type Draft = Omit<BudgetLineInfo, 'id' | 'groupName' | 'sortOrder'> & { id?: number };

export function LinesScreen() {
  const { data } = useLoad(async () => {
    const [lines, groups, s251] = await Promise.all([api.listLines({ includeInactive: true }), api.listGroups({}), api.listS251Lines({})]);
    return { lines, groups, s251 };
  }, []);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [history, setHistory] = useState<BudgetLineInfo | null>(null);
  return (
    <section className="screen scroll" aria-labelledby="lines-title">
      <ScreenHead
        titleId="lines-title"
        title="Budget lines"
        sub="Your cost centres, each under a section 251 line and a provision group. Retire a line rather than delete it: its history stays."
      >
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setEditing({ code: '', name: '', s251Code: null, groupId: data?.groups[0]?.id ?? 1, holder: '', active: true })}
        >
          Add line
        </Button>
      </ScreenHead>
      <div className="card">
        <Table aria-label="Budget lines" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '70px' }}>Code</TableHeaderCell>
              <TableHeaderCell style={{ width: '34%' }}>Name</TableHeaderCell>
              <TableHeaderCell style={{ width: '80px' }}>s251 line</TableHeaderCell>
              <TableHeaderCell>Provision group</TableHeaderCell>
              <TableHeaderCell>Budget holder</TableHeaderCell>
              <TableHeaderCell style={{ width: '90px' }}>Status</TableHeaderCell>
              <TableHeaderCell style={{ width: '90px' }}>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data?.lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{l.code}</TableCell>
                <TableCell>{l.name}</TableCell>
                <TableCell>{l.s251Code ?? ''}</TableCell>
                <TableCell>{l.groupName}</TableCell>
                <TableCell>{l.holder}</TableCell>
                <TableCell>
                  {l.active ? (
                    <Badge appearance="tint" color="success">
                      In use
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="subtle">
                      Retired
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${l.code}`} onClick={() => setEditing({ ...l })} />
                  <Button size="small" appearance="subtle" icon={<HistoryRegular />} aria-label={`History of ${l.code}`} onClick={() => setHistory(l)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {editing && data && <LineDialog draft={editing} groups={data.groups} s251={data.s251} onClose={() => setEditing(null)} />}
      <LineHistoryDrawer lineId={history?.id ?? null} title={history ? `${history.code} ${history.name}` : ''} year={null} onClose={() => setHistory(null)} />
    </section>
  );
}

function LineDialog({ draft, groups, s251, onClose }: { draft: Draft; groups: ProvisionGroupInfo[]; s251: S251LineInfo[]; onClose(): void }) {
  const { refresh, reportError, notify } = useApp();
  const [d, setD] = useState(draft);
  const save = async () => {
    try {
      const saved = await api.saveLine({ id: d.id, code: d.code, name: d.name, s251Code: d.s251Code, groupId: d.groupId, holder: d.holder, active: d.active });
      notify('success', `Saved line ${saved.code}`);
      refresh();
      onClose();
    } catch (e) {
      reportError(e);
    }
  };
  const group = groups.find((g) => g.id === d.groupId);
  return (
    <Dialog open onOpenChange={(_, x) => !x.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{d.id ? `Edit ${draft.code}` : 'Add a budget line'}</DialogTitle>
          <DialogContent className="dialog-form">
            <Field label="Code" required>
              <Input value={d.code} onChange={(_, x) => setD({ ...d, code: x.value })} />
            </Field>
            <Field label="Name" required>
              <Input value={d.name} onChange={(_, x) => setD({ ...d, name: x.value })} />
            </Field>
            <Field label="Section 251 line">
              <Dropdown
                value={d.s251Code ? `${d.s251Code} ${s251.find((s) => s.code === d.s251Code)?.name ?? ''}` : 'None'}
                selectedOptions={[d.s251Code ?? '']}
                onOptionSelect={(_, x) => setD({ ...d, s251Code: x.optionValue || null })}
              >
                <Option value="" text="None">
                  None
                </Option>
                {s251.map((s) => (
                  <Option key={s.code} value={s.code} text={`${s.code} ${s.name}`}>
                    {`${s.code} ${s.name}`}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Provision group" required>
              <Dropdown
                value={group?.name ?? ''}
                selectedOptions={[String(d.groupId)]}
                onOptionSelect={(_, x) => x.optionValue && setD({ ...d, groupId: Number(x.optionValue) })}
              >
                {groups.map((g) => (
                  <Option key={g.id} value={String(g.id)} text={g.name}>
                    {g.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Budget holder">
              <Input value={d.holder} onChange={(_, x) => setD({ ...d, holder: x.value })} />
            </Field>
            <Switch label={d.active ? 'In use' : 'Retired'} checked={d.active} onChange={(_, x) => setD({ ...d, active: x.checked })} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" onClick={() => void save()}>
              Save
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
