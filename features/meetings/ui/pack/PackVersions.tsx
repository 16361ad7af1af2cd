import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { ukDateTime } from '../../../../electron/shared/dates';
import { api } from '../../../../renderer/src/api/api';
import { saveFile } from '../../../../renderer/src/api/save-file';
import { busyProps } from '../../../../renderer/src/components/BusyButton';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PackVersionInfo } from '../../types';
import { fileSize } from '../paper/files';
import { groupDifferences, shortHash } from './differences';

const VARIANT_LABELS = { full: 'Full', public: 'Public' } as const;

/**
 * The published versions, newest first: who and when, why (a re-issue), the stored files and what
 * changed. A file's name (which carries the meeting's date in sortable form) is the one it is
 * saved under, given by the Save button's name rather than shown as text.
 */
export function PackVersions({ versions }: { versions: PackVersionInfo[] }) {
  const app = useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (v: PackVersionInfo, f: PackVersionInfo['files'][number]) => {
    const key = `${v.id}-${f.variant}-${f.format}`;
    app.dismissNotice();
    setBusy(key);
    try {
      const file = await api.getPackFile({ versionId: v.id, variant: f.variant, format: f.format });
      const saved = await saveFile({ fileName: file.fileName, base64: file.base64 });
      if (saved) app.notify('success', `Saved ${saved}`);
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  };
  if (!versions.length) return <p className="muted">Nothing published yet.</p>;
  return (
    <ol className="pack-versions" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.id} className="pack-version">
          <h3>
            Version {v.version}
            {v.supplementary ? ' (supplementary pack)' : v.version > 1 ? ' (re-issue)' : ''}
          </h3>
          <p className="pack-version-meta">
            Published {ukDateTime(v.publishedAt)} by {v.publishedBy}
            {v.reason ? `. Reason: ${v.reason}` : ''}
          </p>
          <Table size="small" aria-label={`Files of version ${v.version}`} className="pack-files">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell className="num">Size</TableHeaderCell>
                <TableHeaderCell className="num">Pages</TableHeaderCell>
                <TableHeaderCell>SHA-256</TableHeaderCell>
                <TableHeaderCell>
                  <span className="visually-hidden">Download</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {v.files.map((f) => {
                const key = `${v.id}-${f.variant}-${f.format}`;
                return (
                  <TableRow key={key}>
                    <TableCell>
                      {VARIANT_LABELS[f.variant]} pack {f.format === 'pdf' ? 'PDF' : 'workbook'}
                    </TableCell>
                    <TableCell className="num">{fileSize(f.size)}</TableCell>
                    <TableCell className="num">{f.pages ?? ''}</TableCell>
                    <TableCell>
                      <code className="sha" title={f.sha256}>
                        {shortHash(f.sha256)}
                      </code>
                    </TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        {...busyProps(busy === key, <ArrowDownloadRegular />, busy !== null && busy !== key)}
                        aria-label={`Save ${f.fileName} (version ${v.version})`}
                        onClick={() => void download(v, f)}
                      >
                        Save
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {(v.version > 1 || v.differences.length > 0) && <Differences version={v} />}
        </li>
      ))}
    </ol>
  );
}

/** Figures listed under a block before "Show all" (a whole table's lines can move at once). */
const FIRST_MOVES = 8;

function Differences({ version: v }: { version: PackVersionInfo }) {
  const { money } = useApp();
  const [all, setAll] = useState<Set<string>>(new Set());
  const headId = useId();
  const groups = groupDifferences(v.differences, money);
  return (
    <section className="pack-differences" aria-labelledby={headId}>
      <h4 id={headId}>
        Differences from version {v.version - 1}
        {v.differences.length ? ` (${v.differences.length})` : ''}
      </h4>
      {groups.length === 0 ? (
        <p className="muted">No differences in the papers or their figures.</p>
      ) : (
        <ul className="pack-difference-items">
          {groups.map((g) => (
            <li key={g.item}>
              <strong>
                Item {g.item}: {g.title}
              </strong>
              <ul>
                {g.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
                {g.blocks.map((b) => {
                  const key = `${g.item}|${b.block}`;
                  const shown = all.has(key) ? b.moves : b.moves.slice(0, FIRST_MOVES);
                  return (
                    <li key={b.block}>
                      {b.block}: {b.moves.length === 1 ? '1 figure moved' : `${b.moves.length} figures moved`}
                      <ul>
                        {shown.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                      {shown.length < b.moves.length && (
                        <Button size="small" appearance="transparent" className="show-all" onClick={() => setAll((a) => new Set(a).add(key))}>
                          Show all {b.moves.length} figures in {b.block}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
