import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { ukDate, ukLongDate } from '../../../electron/shared/dates';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { MoneyInput } from '../../../renderer/src/components/MoneyInput';
import { useApp } from '../../../renderer/src/state/app-state';
import { type AllocationBlock, BLOCK_NAMES, type DsgBlock } from '../types';
import { AllocationVersionDialog } from './AllocationVersionDialog';
import { useAllocations, useSaveAllocation } from './data';

type Figures = Pick<AllocationBlock, 'allocationPence' | 'deductionsPence' | 'adjustmentsPence' | 'transfersPence'>;
type Field = keyof Figures;
type Drafts = Partial<Record<DsgBlock, Partial<Figures>>>;

const FIELDS: Array<{ field: Field; label: string; allowNegative?: boolean }> = [
  { field: 'allocationPence', label: 'allocation' },
  { field: 'deductionsPence', label: 'deductions' },
  { field: 'adjustmentsPence', label: 'import/export adjustment', allowNegative: true },
  { field: 'transfersPence', label: 'block transfers', allowNegative: true },
];

const netOf = (f: Figures) => f.allocationPence - f.deductionsPence + f.adjustmentsPence + f.transfersPence;

/** What was typed that still differs from the figures saved: a figure the server now holds is no longer a change. */
function stillDifferent(drafts: Drafts, blocks: AllocationBlock[]): Drafts {
  const out: Drafts = {};
  for (const b of blocks) {
    const d = drafts[b.block];
    if (!d) continue;
    const left = Object.fromEntries(Object.entries(d).filter(([k, v]) => v !== b[k as Field])) as Partial<Figures>;
    if (Object.keys(left).length) out[b.block] = left;
  }
  return out;
}

function withoutBlock(drafts: Drafts, block: DsgBlock): Drafts {
  const { [block]: _gone, ...rest } = drafts;
  return rest;
}

/** The year's DSG allocation by block, as in the version in force; each block saved on its own. */
export function AllocationCard({ year, closed }: { year: string; closed: boolean }) {
  const { money } = useApp();
  const { data, isLoading } = useAllocations(year);
  const save = useSaveAllocation();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [saving, setSaving] = useState<DsgBlock | null>(null);
  const [versionOpen, setVersionOpen] = useState(false);
  // When the figures are read again (a save, an undo), what they now hold is no longer a change.
  useEffect(() => {
    if (data) setDrafts((d) => stillDifferent(d, data.blocks));
  }, [data]);

  // A blank figure is nil. A figure typed back to what is saved is no longer a change.
  const set = (b: AllocationBlock, field: Field, pence: number | null) =>
    setDrafts((x) => {
      const { [field]: _old, ...others } = x[b.block] ?? {};
      const next: Partial<Figures> = (pence ?? 0) === b[field] ? others : { ...others, [field]: pence ?? 0 };
      return { ...withoutBlock(x, b.block), ...(Object.keys(next).length ? { [b.block]: next } : {}) };
    });
  const saveBlock = async (b: AllocationBlock) => {
    const d = { ...b, ...drafts[b.block] };
    setSaving(b.block);
    const done = await save.run({
      year,
      block: b.block,
      allocationPence: d.allocationPence,
      deductionsPence: d.deductionsPence,
      adjustmentsPence: d.adjustmentsPence,
      transfersPence: d.transfersPence,
    });
    setSaving(null);
    if (done) setDrafts((x) => withoutBlock(x, b.block));
  };
  const version = data?.version;
  const fmt = (p: number) => money.format(p, { pence: p % 100 !== 0 });
  const draftTotal = data ? data.blocks.reduce((s, b) => s + netOf({ ...b, ...drafts[b.block] }), 0) : 0;

  return (
    <div className="card wide">
      <div className="card-head">
        <h2>DSG allocation {year}</h2>
        <span className="muted">{version ? `In force: ${version.label}, published ${ukLongDate(version.publishedOn)}` : 'No allocation entered yet'}</span>
        <Button size="small" icon={<AddRegular />} disabled={closed} onClick={() => setVersionOpen(true)}>
          New published version…
        </Button>
        {closed && <span className="muted">{year} is closed: reopen it to change its allocation.</span>}
      </div>
      {data && data.versions.length > 1 && (
        <p className="muted">
          {data.versions.length} versions kept: {data.versions.map((v) => `${v.label} (${ukDate(v.publishedOn)})`).join('; ')}. Figures below are the latest
          version's.
        </p>
      )}
      {isLoading && !data ? (
        <Spinner size="small" label="Loading the allocation" />
      ) : (
        <Table aria-label={`DSG allocation ${year}`} size="small" className="alloc-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '170px' }}>Block</TableHeaderCell>
              <TableHeaderCell>Allocation</TableHeaderCell>
              <TableHeaderCell>Deductions (recoupment)</TableHeaderCell>
              <TableHeaderCell>Import/export adjustment</TableHeaderCell>
              <TableHeaderCell>Block transfers (+ in, − out)</TableHeaderCell>
              <TableHeaderCell className="num" style={{ width: '130px' }}>
                Net
              </TableHeaderCell>
              <TableHeaderCell style={{ width: '90px' }}>
                <span className="visually-hidden">Save</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data?.blocks.map((b) => {
              const d = { ...b, ...drafts[b.block] };
              const name = BLOCK_NAMES[b.block];
              const dirty = drafts[b.block] !== undefined;
              const busy = saving === b.block;
              return (
                <TableRow key={b.block}>
                  <TableCell className="alloc-name">{name}</TableCell>
                  {FIELDS.map((f) => (
                    <TableCell key={f.field}>
                      <MoneyInput
                        hideLabel
                        disabled={closed}
                        label={`${name} ${f.label}`}
                        pence={d[f.field]}
                        allowNegative={f.allowNegative}
                        onChange={(p) => set(b, f.field, p)}
                      />
                    </TableCell>
                  ))}
                  <TableCell className="num alloc-net">{fmt(netOf(d))}</TableCell>
                  <TableCell>
                    <BusyButton
                      size="small"
                      appearance={dirty ? 'primary' : 'secondary'}
                      busy={busy}
                      icon={<SaveRegular />}
                      disabled={closed}
                      // Another block's save: still focusable, so the keyboard stays where it was.
                      disabledFocusable={save.busy}
                      aria-label={`Save ${name} block${dirty ? ' (changed)' : ''}`}
                      onClick={() => void saveBlock(b)}
                    >
                      Save
                    </BusyButton>
                  </TableCell>
                </TableRow>
              );
            })}
            <TableRow className="alloc-total">
              <TableCell>Total DSG</TableCell>
              <TableCell />
              <TableCell />
              <TableCell />
              <TableCell />
              <TableCell className="num alloc-net">{data ? fmt(draftTotal) : ''}</TableCell>
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      )}
      <AllocationVersionDialog open={versionOpen} year={year} latest={version ?? null} onClose={() => setVersionOpen(false)} />
    </div>
  );
}
