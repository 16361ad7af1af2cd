import {
  Badge,
  Button,
  Checkbox,
  DialogActions,
  DialogContent,
  Radio,
  RadioGroup,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { ArrowLeftRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { periodLongLabel } from '../../../../electron/shared/periods';
import type { ImportPreview, PreviewRow } from '../../../../electron/shared/workbook-types';
import { ErrorBar } from './ErrorBar';
import { plural } from './file-read';
import { Pager, PAGE_SIZE } from './Pager';

type Filter = 'all' | 'added' | 'changed' | 'conflict' | 'missing' | 'unmatched' | 'errors';
type Choice = 'file' | 'db';

export interface ApplyChoices {
  resolutions: Record<string, Choice>;
  prefer?: Choice;
  deleteMissing: boolean;
}

interface Props {
  preview: ImportPreview;
  busy: boolean;
  error: unknown;
  onApply(choices: ApplyChoices): void;
  onBack?: () => void;
  onCancel(): void;
}

const STATUS: Record<PreviewRow['status'], { label: string; color: 'success' | 'brand' | 'warning' | 'danger' | 'informative' | 'subtle' }> = {
  added: { label: 'Added', color: 'success' },
  changed: { label: 'Changed', color: 'brand' },
  conflict: { label: 'Conflict', color: 'warning' },
  missing: { label: 'Missing from file', color: 'informative' },
  unmatched: { label: 'Not matched', color: 'subtle' },
};

/** "… remove rows missing from the file", the consequence" → the consequence alone. */
function consequence(note: string | undefined): string | null {
  if (!note) return null;
  const m = /missing from the file"?,\s*(.+)$/i.exec(note);
  return m?.[1] ?? note;
}

/** Every change the file would make, before anything is written: the Grist-style review. */
export function PreviewStep({ preview, busy, error, onApply, onBack, onCancel }: Props) {
  const { counts } = preview;
  const [filter, setFilter] = useState<Filter>(preview.errors.length ? 'errors' : 'all');
  const [page, setPage] = useState(0);
  const [resolutions, setResolutions] = useState<Record<string, Choice>>({});
  const [prefer, setPrefer] = useState<Choice | undefined>();
  const [deleteMissing, setDeleteMissing] = useState(false);

  const rows = useMemo(
    () => (filter === 'all' || filter === 'errors' ? preview.rows : preview.rows.filter((r) => r.status === filter)),
    [preview.rows, filter],
  );
  const listed = filter === 'errors' ? preview.errors.length : rows.length;
  const pageRows = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const pageErrors = preview.errors.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const conflictKeys = useMemo(() => preview.rows.filter((r) => r.status === 'conflict').map((r) => r.key), [preview.rows]);
  const unresolved = prefer ? 0 : Math.max(counts.conflicts - conflictKeys.filter((k) => resolutions[k]).length, 0);
  const takesFromConflicts = conflictKeys.some((k) => (resolutions[k] ?? prefer) === 'file') || (prefer === 'file' && counts.conflicts > 0);
  const nothing = counts.changed + counts.added === 0 && !takesFromConflicts && !(deleteMissing && counts.missing > 0) && counts.conflicts === 0;
  const missingNote = consequence(preview.rows.find((r) => r.status === 'missing')?.note);

  const blocked =
    preview.errors.length > 0
      ? `Apply is not possible while the file has ${plural(preview.errors.length, 'problem')} (listed under Errors). Correct ${preview.errors.length === 1 ? 'it' : 'them'} in Excel, save the file and import it again.`
      : unresolved > 0
        ? `Choose which value to keep for ${plural(unresolved, 'row')} changed both in the workspace and in the file.`
        : nothing
          ? 'Nothing to import: every row in the file matches the workspace.'
          : null;

  const setAll = (c: Choice) => {
    setPrefer(c);
    setResolutions(Object.fromEntries(conflictKeys.map((k) => [k, c])));
  };
  const choose = (key: string, c: Choice) => setResolutions((r) => ({ ...r, [key]: c }));
  const pick = (f: Filter) => {
    setFilter(f);
    setPage(0);
  };

  const tabs: Array<{ id: Filter; label: string; n: number }> = [
    { id: 'all', label: 'All changes', n: preview.rows.length },
    { id: 'added', label: 'Added', n: counts.added },
    { id: 'changed', label: 'Changed', n: counts.changed },
    { id: 'conflict', label: 'Conflicts', n: counts.conflicts },
    { id: 'missing', label: 'Missing', n: counts.missing },
    { id: 'unmatched', label: 'Unmatched', n: counts.unmatched },
    { id: 'errors', label: 'Errors', n: preview.errors.length },
  ];
  const tiles: Array<{ label: string; n: number; tone?: 'bad' | 'warn' | 'good' }> = [
    { label: 'changed', n: counts.changed, tone: counts.changed ? 'good' : undefined },
    { label: 'added', n: counts.added, tone: counts.added ? 'good' : undefined },
    { label: 'unchanged', n: counts.unchanged },
    { label: 'missing from file', n: counts.missing },
    { label: counts.conflicts === 1 ? 'conflict' : 'conflicts', n: counts.conflicts, tone: counts.conflicts ? 'warn' : undefined },
    { label: 'unmatched', n: counts.unmatched, tone: counts.unmatched ? 'warn' : undefined },
    { label: counts.errors === 1 ? 'error' : 'errors', n: counts.errors, tone: counts.errors ? 'bad' : undefined },
  ];
  const scope = preview.scope.period ? `${preview.scope.year} ${periodLongLabel(preview.scope.year, preview.scope.period)}` : preview.scope.year;

  return (
    <>
      <DialogContent className="wizard-content preview">
        <p className="wizard-lead">
          <strong>{preview.fileName}</strong>: {preview.kindTitle}, {scope}
          {preview.scope.holder ? `, budget holder ${preview.scope.holder}` : ''}
          {preview.ours && preview.exportedAt
            ? `. Exported ${new Date(preview.exportedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}${preview.exportedBy ? ` by ${preview.exportedBy}` : ''}.`
            : '.'}
        </p>
        <ul className="import-counts" aria-label="What the file would change">
          {tiles.map((t) => (
            <li key={t.label} className={t.tone ? `count-tile is-${t.tone}` : 'count-tile'}>
              <span className="count-n">{t.n.toLocaleString('en-GB')}</span> <span className="count-label">{t.label}</span>
            </li>
          ))}
        </ul>
        {preview.notes.length > 0 && (
          <ul className="import-notes" aria-label="Notes">
            {preview.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
        <div className="preview-bar">
          <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => pick(d.value as Filter)} aria-label="Show">
            {tabs.map((t) => (
              <Tab key={t.id} value={t.id} disabled={t.n === 0 && t.id !== 'all' && t.id !== filter}>
                {t.label} ({t.n.toLocaleString('en-GB')})
              </Tab>
            ))}
          </TabList>
          {counts.conflicts > 0 && (
            <div className="bulk-choice" role="group" aria-label="Every conflict">
              <span className="muted">All conflicts:</span>
              <Button size="small" appearance={prefer === 'db' ? 'primary' : 'secondary'} aria-pressed={prefer === 'db'} onClick={() => setAll('db')}>
                Keep workspace values
              </Button>
              <Button size="small" appearance={prefer === 'file' ? 'primary' : 'secondary'} aria-pressed={prefer === 'file'} onClick={() => setAll('file')}>
                Take file values
              </Button>
            </div>
          )}
        </div>
        <div className="preview-frame" role="region" aria-label={filter === 'errors' ? 'Problems in the file' : 'Rows the file would change'} tabIndex={0}>
          {filter === 'errors' ? (
            preview.errors.length === 0 ? (
              <p className="muted empty-note">No problems found in the file.</p>
            ) : (
              <ol className="import-errors" start={page * PAGE_SIZE + 1}>
                {pageErrors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ol>
            )
          ) : rows.length === 0 ? (
            <p className="muted empty-note">{filter === 'all' ? 'The file changes nothing: every row matches the workspace.' : 'None.'}</p>
          ) : (
            <Table size="small" aria-label="Changes" className="preview-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '56px' }}>Row</TableHeaderCell>
                  <TableHeaderCell style={{ width: '84px' }}>Code</TableHeaderCell>
                  <TableHeaderCell style={{ width: '22%' }}>Budget line</TableHeaderCell>
                  <TableHeaderCell style={{ width: '128px' }}>Status</TableHeaderCell>
                  <TableHeaderCell>Changes</TableHeaderCell>
                  {counts.conflicts > 0 && <TableHeaderCell style={{ width: '190px' }}>Keep</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {pageRows.map((r) => (
                  <TableRow key={r.key} className={`preview-row is-${r.status}`}>
                    <TableCell className="num">{r.fileRow ?? '—'}</TableCell>
                    <TableCell>{r.code}</TableCell>
                    <TableCell className="preview-name">{r.name}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={STATUS[r.status].color}>
                        {STATUS[r.status].label}
                      </Badge>
                    </TableCell>
                    <TableCell className="preview-changes">
                      <CellChanges row={r} />
                    </TableCell>
                    {counts.conflicts > 0 && (
                      <TableCell>
                        {r.status === 'conflict' && (
                          <RadioGroup
                            aria-label={`Keep for ${r.code}`}
                            value={resolutions[r.key] ?? prefer ?? ''}
                            onChange={(_, d) => choose(r.key, d.value as Choice)}
                            className="conflict-choice"
                          >
                            <Radio value="db" label="Keep workspace value" />
                            <Radio value="file" label="Take file value" />
                          </RadioGroup>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
        <Pager total={listed} page={page} onPage={setPage} what={filter === 'errors' ? 'problems' : 'rows'} />
        {counts.missing > 0 && (
          <Checkbox
            className="delete-missing"
            checked={deleteMissing}
            onChange={(_, d) => setDeleteMissing(d.checked === true)}
            label={
              <>
                Remove rows missing from the file ({plural(counts.missing, 'line')})
                {missingNote && <span className="radio-hint"> — if ticked, {missingNote}</span>}
              </>
            }
          />
        )}
        <ErrorBar error={error} />
      </DialogContent>
      <DialogActions className="preview-actions">
        {blocked && (
          <p id="apply-blocked" className="apply-blocked">
            {blocked}
          </p>
        )}
        <Button appearance="secondary" onClick={onCancel}>
          Cancel
        </Button>
        {onBack && (
          <Button appearance="secondary" icon={<ArrowLeftRegular />} onClick={onBack}>
            Back
          </Button>
        )}
        <Button
          appearance="primary"
          icon={busy ? <Spinner size="tiny" /> : <CheckmarkRegular />}
          disabledFocusable={!!blocked || busy}
          aria-describedby={blocked ? 'apply-blocked' : undefined}
          onClick={() => onApply({ resolutions, prefer, deleteMissing })}
        >
          Apply
        </Button>
      </DialogActions>
    </>
  );
}

function CellChanges({ row }: { row: PreviewRow }) {
  return (
    <>
      {row.cells.length > 0 && (
        <ul className={row.status === 'added' || row.status === 'unmatched' ? 'cell-changes is-inline' : 'cell-changes'}>
          {row.cells.map((c) => (
            <li key={c.field}>
              <span className="chg-field">{c.header}:</span>{' '}
              {row.status === 'added' || row.status === 'unmatched' ? (
                <ins className="chg-new">{c.new}</ins>
              ) : (
                <>
                  <del className="chg-old">{c.old}</del> → <ins className="chg-new">{c.new}</ins>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {row.note && <span className="chg-note">{row.status === 'missing' ? 'Not in the file' : row.note}</span>}
    </>
  );
}
