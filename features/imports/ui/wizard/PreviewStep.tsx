import {
  Badge,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { CheckmarkRegular, WarningRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ukDateTime } from '../../../../electron/shared/dates';
import type { ImportPreview, KindInfo, PreviewFlag, PreviewRow } from '../../../../electron/shared/workbook-types';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { plural } from './file-read';
import { inSentence, keyField, labelField } from './kind-text';
import { PAGE_SIZE, Pager } from './Pager';
import { StepFrame } from './StepFrame';

type Filter = 'all' | 'added' | 'changed' | 'conflict' | 'missing' | 'unmatched' | 'warnings' | 'errors';
type Choice = 'file' | 'db';

export interface ApplyChoices {
  resolutions: Record<string, Choice>;
  prefer?: Choice;
  deleteMissing: boolean;
}

interface Props {
  preview: ImportPreview;
  /** The preview's kind as the server describes it, for its column headings (may be missing while kinds load). */
  kind: KindInfo | undefined;
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

/** A heading for each kind of flag; the message says the rest. */
export const FLAG_TITLES: Record<PreviewFlag['code'], string> = {
  'matched-by-key': 'Rows matched another way',
  'mostly-unmatched': 'Most rows match nothing',
  'large-moves': 'Large moves',
  'extreme-values': 'Percentages outside the usual range',
};

/** "… remove rows missing from the file", the consequence" → the consequence alone. */
function consequence(note: string | undefined): string | null {
  if (!note) return null;
  const m = /missing from the file"?,\s*(.+)$/i.exec(note);
  return m?.[1] ?? note;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** Every change the file would make, before anything is written: the Grist-style review. */
export function PreviewStep({ preview, kind, busy, error, onApply, onBack, onCancel }: Props) {
  const { counts } = preview;
  const [filter, setFilter] = useState<Filter>(preview.errors.length ? 'errors' : 'all');
  const [page, setPage] = useState(0);
  const [resolutions, setResolutions] = useState<Record<string, Choice>>({});
  const [prefer, setPrefer] = useState<Choice | undefined>();
  const [deleteMissing, setDeleteMissing] = useState(false);

  const rows = useMemo(() => {
    if (filter === 'all' || filter === 'errors') return preview.rows;
    if (filter === 'warnings') return preview.rows.filter((r) => r.warnings?.length);
    return preview.rows.filter((r) => r.status === filter);
  }, [preview.rows, filter]);
  const listed = filter === 'errors' ? preview.errors.length : rows.length;
  const pageRows = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const pageErrors = preview.errors.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const conflictKeys = useMemo(() => preview.rows.filter((r) => r.status === 'conflict').map((r) => r.key), [preview.rows]);
  /** Conflicts beyond the rows listed can only be settled all at once. */
  const unlistedConflicts = Math.max(counts.conflicts - conflictKeys.length, 0);
  const unresolved = prefer ? 0 : Math.max(counts.conflicts - conflictKeys.filter((k) => resolutions[k]).length, 0);
  const takesFromConflicts = conflictKeys.some((k) => (resolutions[k] ?? prefer) === 'file') || (prefer === 'file' && counts.conflicts > 0);
  const nothing = counts.changed + counts.added === 0 && !takesFromConflicts && !(deleteMissing && counts.missing > 0) && counts.conflicts === 0;
  const missingNote = consequence(preview.rows.find((r) => r.status === 'missing')?.note);

  const blocked =
    preview.errors.length > 0
      ? `Apply is not possible while the file has ${plural(preview.errors.length, 'problem')} (listed under Errors). Correct ${preview.errors.length === 1 ? 'it' : 'them'} in Excel, save the file and import it again.`
      : unresolved > 0
        ? `Choose which value to keep for ${plural(unresolved, 'row')} changed both in the workspace and in the file${
            unlistedConflicts > 0 ? `; ${n(unlistedConflicts)} of them are beyond the rows listed, so choose for every conflict at once` : ''
          }.`
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

  const differing = counts.added + counts.changed + counts.conflicts + counts.missing + counts.unmatched;
  // The real counts, from the server: the preview lists at most a few thousand rows.
  const tabs: Array<{ id: Filter; label: string; n: number }> = [
    { id: 'all', label: 'All changes', n: differing },
    { id: 'added', label: 'Added', n: counts.added },
    { id: 'changed', label: 'Changed', n: counts.changed },
    { id: 'conflict', label: 'Conflicts', n: counts.conflicts },
    { id: 'missing', label: 'Missing', n: counts.missing },
    { id: 'unmatched', label: 'Unmatched', n: counts.unmatched },
    { id: 'warnings', label: 'Warnings', n: counts.warnings },
    { id: 'errors', label: 'Errors', n: counts.errors },
  ];
  const total = tabs.find((t) => t.id === filter)?.n ?? listed;
  const tiles: Array<{ label: string; n: number; tone?: 'bad' | 'warn' | 'good' }> = [
    { label: 'changed', n: counts.changed, tone: counts.changed ? 'good' : undefined },
    { label: 'added', n: counts.added, tone: counts.added ? 'good' : undefined },
    { label: 'unchanged', n: counts.unchanged },
    { label: 'missing from file', n: counts.missing },
    { label: counts.conflicts === 1 ? 'conflict' : 'conflicts', n: counts.conflicts, tone: counts.conflicts ? 'warn' : undefined },
    { label: 'unmatched', n: counts.unmatched, tone: counts.unmatched ? 'warn' : undefined },
    { label: counts.warnings === 1 ? 'row with warnings' : 'rows with warnings', n: counts.warnings, tone: counts.warnings ? 'warn' : undefined },
    { label: counts.errors === 1 ? 'error' : 'errors', n: counts.errors, tone: counts.errors ? 'bad' : undefined },
  ];
  const key = keyField(kind);
  const keyHeader = key?.header ?? 'Reference';
  const labelHeader = labelField(kind)?.header ?? 'Name';
  const what = filter === 'errors' ? 'problems' : 'rows';

  return (
    <StepFrame
      className="preview"
      error={error}
      blocked={{ id: 'apply-blocked', text: blocked }}
      actionsClassName="preview-actions"
      onCancel={onCancel}
      cancelDisabled={busy}
      back={onBack && { label: 'Back', disabled: busy, onClick: onBack }}
      next={
        <BusyButton
          appearance="primary"
          busy={busy}
          icon={<CheckmarkRegular />}
          disabledFocusable={!!blocked}
          aria-describedby={blocked ? 'apply-blocked' : undefined}
          onClick={() => onApply({ resolutions, prefer, deleteMissing })}
        >
          {busy ? 'Applying…' : 'Apply'}
        </BusyButton>
      }
    >
      <p className="wizard-lead">
        <strong>{preview.fileName}</strong>: {preview.kindTitle}, {preview.scopeLabel}
        {preview.ours && preview.exportedAt ? `. Exported ${ukDateTime(preview.exportedAt)}${preview.exportedBy ? ` by ${preview.exportedBy}` : ''}.` : '.'}
      </p>
      <p className="wizard-lead" style={{ display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', fontSize: '13px' }}>
        {preview.matchedBy === 'key' ? (
          <>
            <Badge appearance="tint" color={preview.ours ? 'warning' : 'informative'}>
              Matched by {inSentence(keyHeader)}
            </Badge>
            {preview.ours
              ? `The hidden row ids did not agree, so rows were matched to the workspace by their ${inSentence(keyHeader)}. Check the changes before applying.`
              : `Rows are matched to the workspace by their ${inSentence(keyHeader)}.`}
          </>
        ) : (
          <>
            <Badge appearance="tint" color="success">
              Matched by row id
            </Badge>
            Rows are matched to the workspace by the hidden row ids HNB Desk wrote into the file.
          </>
        )}
      </p>
      {preview.flags.length > 0 && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: '6px', flex: 'none' }}>
          {preview.flags.map((f) => (
            <MessageBar key={f.code} intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{FLAG_TITLES[f.code] ?? 'Look again'}</MessageBarTitle>
                {f.message}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      <ul className="import-counts" aria-label="What the file would change">
        {tiles.map((t) => (
          <li key={t.label} className={t.tone ? `count-tile is-${t.tone}` : 'count-tile'}>
            <span className="count-n">{n(t.n)}</span> <span className="count-label">{t.label}</span>
          </li>
        ))}
      </ul>
      {preview.notes.length > 0 && (
        <ul className="import-notes" aria-label="Notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="preview-bar">
        <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => pick(d.value as Filter)} aria-label="Show">
          {tabs.map((t) => (
            <Tab key={t.id} value={t.id} disabled={t.n === 0 && t.id !== 'all' && t.id !== filter}>
              {t.label} ({n(t.n)})
            </Tab>
          ))}
        </TabList>
        {counts.conflicts > 0 && (
          // biome-ignore lint/a11y/useSemanticElements: two buttons that act on every conflict, not a form fieldset
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
      {listed < total && (
        <p className="muted" style={{ margin: 0, fontSize: '13px' }}>
          Showing the first {n(listed)} of {n(total)} {what}: the preview lists only the first {n(preview.rows.length)} rows that differ. The counts cover every
          row, and Apply applies them all.
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll from the keyboard */}
      <section className="preview-frame" aria-label={filter === 'errors' ? 'Problems in the file' : 'Rows the file would change'} tabIndex={0}>
        {filter === 'errors' ? (
          preview.errors.length === 0 ? (
            <p className="muted empty-note">No problems found in the file.</p>
          ) : (
            <ol className="import-errors" start={page * PAGE_SIZE + 1}>
              {pageErrors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for this preview; two problems may read the same
                <li key={page * PAGE_SIZE + i}>{e.message}</li>
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
                <TableHeaderCell style={{ width: '96px' }}>{keyHeader}</TableHeaderCell>
                <TableHeaderCell style={{ width: '22%' }}>{labelHeader}</TableHeaderCell>
                <TableHeaderCell style={{ width: '128px' }}>Status</TableHeaderCell>
                <TableHeaderCell>Changes</TableHeaderCell>
                {counts.conflicts > 0 && <TableHeaderCell style={{ width: '190px' }}>Keep</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {pageRows.map((r) => (
                <TableRow key={r.key} className={`preview-row is-${r.status}`}>
                  <TableCell className="num">{r.fileRow ?? '—'}</TableCell>
                  <TableCell>{r.ref}</TableCell>
                  <TableCell className="preview-name">{r.label}</TableCell>
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
                          aria-label={`Keep for ${r.ref}`}
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
      </section>
      <Pager total={listed} page={page} onPage={setPage} what={what} />
      {counts.missing > 0 && (
        <Checkbox
          className="delete-missing"
          checked={deleteMissing}
          onChange={(_, d) => setDeleteMissing(d.checked === true)}
          label={
            <>
              Remove rows missing from the file ({plural(counts.missing, 'row')})
              {missingNote && <span className="radio-hint"> — if ticked, {missingNote}</span>}
            </>
          }
        />
      )}
    </StepFrame>
  );
}

function CellChanges({ row }: { row: PreviewRow }) {
  const inline = row.status === 'added' || row.status === 'unmatched';
  return (
    <>
      {row.cells.length > 0 && (
        <ul className={inline ? 'cell-changes is-inline' : 'cell-changes'}>
          {row.cells.map((c) => (
            <li key={c.field}>
              <span className="chg-field">{c.header}:</span>{' '}
              {inline ? (
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
      {row.warnings && row.warnings.length > 0 && (
        <ul className="cell-changes" aria-label={`To check on ${row.ref}`} style={{ color: '#8a3707', fontSize: '12px', marginTop: '2px' }}>
          {row.warnings.map((w) => (
            <li key={w} style={{ display: 'flex', gap: '4px', alignItems: 'flex-start' }}>
              <WarningRegular aria-hidden style={{ flex: 'none', marginTop: '2px' }} />
              <span>{w}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
