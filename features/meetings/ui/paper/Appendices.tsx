import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AttachRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { errorMessage } from '../../../../renderer/src/api/api-error';
import { busyProps } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PaperDetail } from '../../types';
import { fileBase64, fileSize } from './files';

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * A paper's appendices: PDF files go into the pack's PDF after the paper, workbooks into the
 * pack's folder. The server checks each is what it says (a real PDF, not encrypted; a real
 * workbook) and keeps it with its hash.
 */
export function Appendices({ paper, itemId }: { paper: PaperDetail | null; itemId: number }) {
  const app = useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState<'add' | number | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const done = (p: PaperDetail) => {
    queryClient.setQueryData(['meetings', 'paper', itemId], p);
    void queryClient.invalidateQueries({ queryKey: ['meetings', 'meeting'] });
  };

  const attach = async (file: File) => {
    if (!paper) return;
    setRefused(null);
    app.dismissNotice();
    if (!/\.(pdf|xlsx)$/i.test(file.name)) {
      setRefused(`${file.name} is not a PDF or an Excel workbook (.xlsx): only those can be attached.`);
      return;
    }
    if (file.size > MAX_BYTES) {
      setRefused(`${file.name} is ${fileSize(file.size)}: an appendix may be at most ${fileSize(MAX_BYTES)}.`);
      return;
    }
    setBusy('add');
    try {
      const base64 = await fileBase64(file);
      const t = title.trim() || file.name.replace(/\.(pdf|xlsx)$/i, '');
      const out = await api.addAppendix({ paperId: paper.id, title: t, file: { fileName: file.name, base64 } });
      done(out);
      setTitle('');
      app.notify('success', `Attached ${file.name} as "${t}"`);
    } catch (e) {
      setRefused(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (id: number, name: string) => {
    setRefused(null);
    app.dismissNotice();
    setBusy(id);
    try {
      done(await api.removeAppendix({ id }));
      app.notify('success', `Removed the appendix ${name}`);
    } catch (e) {
      setRefused(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card paper-appendices" aria-labelledby={titleId}>
      <h2 id={titleId}>Appendices</h2>
      {!paper ? (
        <p className="muted">Save the paper first; then attach its appendices here.</p>
      ) : (
        <>
          {paper.appendices.length === 0 ? (
            <p className="muted">No appendices yet.</p>
          ) : (
            <Table size="small" aria-label="Appendices" className="appendix-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Appendix</TableHeaderCell>
                  <TableHeaderCell>File</TableHeaderCell>
                  <TableHeaderCell className="num">Size</TableHeaderCell>
                  <TableHeaderCell className="num">Pages</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="visually-hidden">Remove</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {paper.appendices.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{a.title}</TableCell>
                    <TableCell>
                      {a.fileName} <span className="muted">({a.format === 'pdf' ? 'PDF, in the pack' : 'workbook, beside the pack'})</span>
                    </TableCell>
                    <TableCell className="num">{fileSize(a.size)}</TableCell>
                    <TableCell className="num">{a.pages ?? ''}</TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle"
                        aria-label={`Remove appendix ${a.title}`}
                        {...busyProps(busy === a.id, <DeleteRegular />, busy !== null && busy !== a.id)}
                        onClick={() => void remove(a.id, a.title)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <div className="inline-form">
            <Field label="Title of the next appendix" hint="Left blank, the file's name is used" className="grow">
              <Input value={title} onChange={(_, d) => setTitle(d.value)} maxLength={200} />
            </Field>
            <input
              ref={input}
              type="file"
              accept=".pdf,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Appendix file"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void attach(file);
              }}
            />
            <Button {...busyProps(busy === 'add', <AttachRegular />, busy !== null && busy !== 'add')} onClick={() => input.current?.click()}>
              Attach PDF or workbook…
            </Button>
          </div>
          <RefusalBar refused={refused} prefix="Not attached: " />
        </>
      )}
    </section>
  );
}
