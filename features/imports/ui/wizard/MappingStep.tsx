import { Dropdown, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { HeaderCell, KindInfo, KindScope, MappingProposal, SavedMapping } from '../../../../electron/shared/workbook-types';
import { api } from '../../../../renderer/src/api/api';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { ErrorBar } from './ErrorBar';
import { inSentence, mappableFields, scopeText } from './kind-text';
import { StepFrame } from './StepFrame';

const NOT_IN_FILE = '— not in this file —';

interface Props {
  kind: KindInfo;
  scope: KindScope;
  proposal: MappingProposal;
  busy: boolean;
  error: unknown;
  onPreview(columns: Record<string, number>): void;
  onHeaderRow(row: number): void;
  onBack(): void;
  onCancel(): void;
}

const headerLabel = (h: HeaderCell) => `${h.letter} · ${h.text}`;
const same = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

/** Which column of the file holds each field: proposed from the headings, confirmed by the user. */
export function MappingStep({ kind, scope, proposal, busy, error, onPreview, onHeaderRow, onBack, onCancel }: Props) {
  const queryClient = useQueryClient();
  // A kind whose columns are the workspace's own (one per data column) sends this scope's fields with the proposal.
  const fields = useMemo(() => mappableFields(proposal.fields ? { ...kind, fields: proposal.fields } : kind), [kind, proposal.fields]);
  const [cols, setCols] = useState<Record<string, number | null>>(() => Object.fromEntries(fields.map((f) => [f.field, proposal.proposed[f.field] ?? null])));
  const [saved, setSaved] = useState<SavedMapping[]>(proposal.savedMappings);
  const [usedMapping, setUsedMapping] = useState('');
  const [mappingNote, setMappingNote] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [headerRow, setHeaderRow] = useState(String(proposal.headerRow));
  /** Which of this step's buttons started the call under way, so that one shows the spinner. */
  const [asked, setAsked] = useState<'headings' | 'preview' | null>(null);

  const byCol = new Map(proposal.headers.map((h, i) => [h.col, { h, i }]));
  const samples = (col: number | null) => {
    const at = col === null ? undefined : byCol.get(col);
    if (!at) return '';
    return proposal.sample
      .map((r) => r[at.i] ?? '')
      .filter((v) => v !== '')
      .slice(0, 3)
      .join(' · ');
  };

  const key = fields.find((f) => f.key);
  const chosen = fields.filter((f) => cols[f.field] != null);
  const clashes = [...new Set(chosen.map((f) => cols[f.field]!))]
    .map((c) => ({ col: c, fields: chosen.filter((f) => cols[f.field] === c) }))
    .filter((c) => c.fields.length > 1);
  const problems = [
    ...(key && cols[key.field] == null ? [`Choose the column holding the ${inSentence(key.header)}: rows are matched on it.`] : []),
    ...(chosen.filter((f) => !f.key).length === 0 ? ['Choose at least one column to import.'] : []),
    ...clashes.map((c) => `Column ${byCol.get(c.col)?.h.letter ?? c.col} is chosen for ${c.fields.map((f) => f.header).join(' and ')}: choose it once.`),
  ];

  const applySaved = (id: string) => {
    const m = saved.find((x) => String(x.id) === id);
    if (!m) return;
    setUsedMapping(id);
    const next: Record<string, number | null> = Object.fromEntries(fields.map((f) => [f.field, null]));
    const lost: string[] = [];
    for (const [text, field] of Object.entries(m.columns)) {
      const h = proposal.headers.find((x) => same(x.text, text));
      if (h && field in next) next[field] = h.col;
      else lost.push(`"${text}"`);
    }
    setCols(next);
    setMappingNote(
      lost.length ? `Not found on this file's heading row, so not used: ${lost.join(', ')}.` : `Columns filled from the saved mapping "${m.name}".`,
    );
  };

  const saveMapping = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const columns: Record<string, string> = {};
      for (const f of chosen) {
        const h = byCol.get(cols[f.field]!)?.h;
        if (h) columns[h.text] = f.field;
      }
      const m = await api.saveMapping({ name: name.trim(), kind: kind.kind, columns, headerRow: proposal.headerRow });
      setSaved((list) => [...list.filter((x) => x.id !== m.id && x.name !== m.name), m]);
      void queryClient.invalidateQueries({ queryKey: ['mappings'] });
      setUsedMapping(String(m.id));
      setMappingNote(`Saved as "${m.name}": choose it for next time's file, whatever order its columns are in.`);
      setName('');
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const columns = (): Record<string, number> => Object.fromEntries(chosen.map((f) => [f.field, cols[f.field]!]));
  const headerRowNumber = Number(headerRow);
  const headerRowValid = Number.isInteger(headerRowNumber) && headerRowNumber >= 1 && headerRowNumber <= 1000;

  return (
    <StepFrame
      className="mapping"
      error={error}
      onCancel={onCancel}
      back={{ label: 'Back', disabled: busy, onClick: onBack }}
      next={
        <BusyButton
          appearance="primary"
          busy={busy && asked === 'preview'}
          disabledFocusable={problems.length > 0 || busy}
          aria-describedby={problems.length > 0 ? 'mapping-problems' : undefined}
          onClick={() => {
            setAsked('preview');
            onPreview(columns());
          }}
        >
          Preview changes
        </BusyButton>
      }
    >
      <p className="wizard-lead">
        {kind.title}, {scopeText(kind, scope)}. Headings found on row <strong>{proposal.headerRow}</strong> of the sheet <strong>{proposal.sheet}</strong>.
        Check which column holds each figure.
      </p>
      <div className="mapping-tools">
        <Field label="Headings are on row" className="header-row-field">
          <Input type="number" min={1} max={1000} value={headerRow} onChange={(_, d) => setHeaderRow(d.value)} />
        </Field>
        <BusyButton
          busy={busy && asked === 'headings'}
          disabled={busy || !headerRowValid || headerRowNumber === proposal.headerRow}
          onClick={() => {
            setAsked('headings');
            onHeaderRow(headerRowNumber);
          }}
        >
          Read headings from this row
        </BusyButton>
        <span className="command-gap" />
        {saved.length > 0 && (
          <Field label="Use a saved mapping" className="saved-mapping-field">
            <Dropdown
              placeholder="Choose a saved mapping"
              value={saved.find((m) => String(m.id) === usedMapping)?.name ?? ''}
              selectedOptions={usedMapping ? [usedMapping] : []}
              onOptionSelect={(_, d) => d.optionValue && applySaved(d.optionValue)}
            >
              {textOptions(saved, (m) => [m.id, m.name])}
            </Dropdown>
          </Field>
        )}
        <Field label="Save this mapping as" className="save-mapping-field">
          <Input value={name} maxLength={100} placeholder="for example: Finance system" onChange={(_, d) => setName(d.value)} />
        </Field>
        <BusyButton busy={saving} icon={<SaveRegular />} disabled={!name.trim() || problems.length > 0} onClick={() => void saveMapping()}>
          Save mapping
        </BusyButton>
      </div>
      {mappingNote && (
        <p className="muted" role="status">
          {mappingNote}
        </p>
      )}
      <Table aria-label="Columns to import" size="small" className="mapping-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '200px' }}>HNB Desk field</TableHeaderCell>
            <TableHeaderCell style={{ width: '300px' }}>Column in the file</TableHeaderCell>
            <TableHeaderCell>First values in that column</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((f) => {
            const col = cols[f.field] ?? null;
            const h = col === null ? undefined : byCol.get(col)?.h;
            return (
              <TableRow key={f.field}>
                <TableCell>
                  <span id={`map-field-${f.field}`}>{f.header}</span>
                  {f.key && <span className="muted"> (matches rows)</span>}
                </TableCell>
                <TableCell>
                  <Dropdown
                    aria-label={`Column for ${f.header}`}
                    className="mapping-dropdown"
                    value={h ? headerLabel(h) : NOT_IN_FILE}
                    selectedOptions={[col === null ? '' : String(col)]}
                    onOptionSelect={(_, d) => setCols((c) => ({ ...c, [f.field]: d.optionValue ? Number(d.optionValue) : null }))}
                  >
                    {textOptions(proposal.headers, (x) => [x.col, headerLabel(x)], NOT_IN_FILE)}
                  </Dropdown>
                </TableCell>
                <TableCell className="sample-values">{samples(col) || <span className="muted">{col === null ? 'left as it is' : 'blank'}</span>}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {problems.length > 0 && (
        <ul className="mapping-problems" id="mapping-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <h3 className="wizard-h3" id="sample-title">
        The first rows of the file
      </h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll from the keyboard */}
      <section className="sample-frame" aria-labelledby="sample-title" tabIndex={0}>
        <table className="sample-table">
          <thead>
            <tr>
              {proposal.headers.map((h) => (
                <th key={h.col} scope="col">
                  <span className="sample-letter">{h.letter}</span> {h.text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {proposal.sample.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the file's first rows, fixed for this mapping
              <tr key={i}>
                {proposal.headers.map((h, j) => (
                  <td key={h.col}>{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ErrorBar error={saveError} />
    </StepFrame>
  );
}
