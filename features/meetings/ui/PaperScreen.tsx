import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ArrowLeftRegular, SaveRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { londonDate, ukDate, ukLongDate } from '../../../electron/shared/dates';
import type { RichDoc } from '../../../electron/shared/rich-doc';
import { api } from '../../../renderer/src/api/api';
import { ApiError, errorMessage } from '../../../renderer/src/api/api-error';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../renderer/src/components/RefusalBar';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import type { AgendaItemInfo, MeetingDetail, PaperDetail } from '../types';
import { Appendices } from './paper/Appendices';
import { useMeeting, useMeetingOfItem, usePaper } from './paper/data';
import { LateReasonDialog } from './paper/LateReasonDialog';
import { headerDefaults, headerTexts, headerToSave, PaperHeader } from './paper/PaperHeader';
import { RichTextEditor } from './paper/RichTextEditor';
import { sectionProblem } from './paper/rich-json';
import { type PaperPart, paperParts, partTitle } from './paper/section-numbers';
import { UnsavedGuard } from './paper/UnsavedGuard';
import './paper.css';

/** The server's refusal asks for a late paper's reason (and nothing else is wrong). */
function needsLateReason(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  if (e.issues.some((i) => i.field === 'lateReason')) return e.issues.every((i) => i.field === 'lateReason');
  return /\blate\b/i.test(e.message) && /\breason\b/i.test(e.message);
}

export default function PaperScreen() {
  const params = useParams();
  const itemId = Number(params.itemId) || 0;
  const [search] = useSearchParams();
  const paper = usePaper(itemId);
  const meetingOf = useMeetingOfItem(itemId, Number(search.get('meeting')) || null, paper.isSuccess ? (paper.data?.meetingId ?? null) : undefined);
  const meeting = useMeeting(meetingOf.id ?? null);
  const failed = paper.error ?? meetingOf.error ?? meeting.error;
  const item = meeting.data?.items.find((i) => i.id === itemId);

  if (failed || meetingOf.id === null || (meeting.data && !item)) {
    return (
      <section className="screen" aria-labelledby="paper-title">
        <ScreenHead titleId="paper-title" title="Paper" sub="" />
        <MessageBar intent="error">
          <MessageBarBody>{failed ? errorMessage(failed) : 'This agenda item no longer exists: it may have been deleted from its meeting.'}</MessageBarBody>
        </MessageBar>
        <Link to="/meetings">Back to meetings</Link>
      </section>
    );
  }
  if (!paper.isSuccess || !meeting.data || !item) return <Spinner className="loading" label="Opening the paper" />;
  return <PaperForm key={itemId} paper={paper.data} meeting={meeting.data} item={item} />;
}

interface FormProps {
  paper: PaperDetail | null;
  meeting: MeetingDetail;
  item: AgendaItemInfo;
}

/** The paper as last read or saved (the query's data, so an appendix attached shows at once); the fields and text start from it once. */
function PaperForm({ paper, meeting, item }: FormProps) {
  const app = useApp();
  const queryClient = useQueryClient();
  const [loaded] = useState(paper);
  const template = paper?.template ?? meeting.body.paperTemplate;
  const parts = useMemo(() => paperParts(template), [template]);
  const [header, setHeader] = useState<Record<string, string>>(() => ({
    ...headerDefaults(template.fields, meeting, item),
    ...headerTexts(template.fields, loaded?.header ?? {}),
  }));
  const [tried, setTried] = useState(false);
  const docs = useRef<Record<string, RichDoc>>({ ...(loaded?.sections ?? {}) });
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [lateAsk, setLateAsk] = useState<string | null>(null);
  const [lateRefused, setLateRefused] = useState<string | null>(null);
  const meetingId = meeting.meeting.id;
  const pastDeadline = londonDate(new Date()) > meeting.meeting.papersDeadline;

  const save = useCallback(
    async (lateReason?: string): Promise<boolean> => {
      app.dismissNotice();
      setRefused(null);
      setLateRefused(null);
      setTried(true);
      const head = headerToSave(template.fields, header);
      if ('problem' in head) {
        setRefused(head.problem);
        return false;
      }
      const sections: Record<string, RichDoc> = {};
      for (const p of parts) {
        if (!p.key) continue;
        const doc = docs.current[p.key] ?? { type: 'doc', content: [] };
        const problem = sectionProblem(partTitle(p), doc);
        if (problem) {
          setRefused(problem);
          return false;
        }
        sections[p.key] = doc;
      }
      setSaving(true);
      try {
        const out = await api.savePaper({ itemId: item.id, header: head.header, sections, ...(lateReason ? { lateReason } : {}) });
        setDirty(false);
        setLateAsk(null);
        queryClient.setQueryData(['meetings', 'paper', item.id], out);
        void queryClient.invalidateQueries({ queryKey: ['meetings', 'meeting'] });
        void queryClient.invalidateQueries({ queryKey: ['undo'] });
        app.notify('success', out.late && lateReason ? 'Paper saved, marked late with its reason' : 'Paper saved');
        return true;
      } catch (e) {
        if (lateReason !== undefined) setLateRefused(errorMessage(e));
        else if (needsLateReason(e)) setLateAsk(errorMessage(e));
        else {
          setRefused(errorMessage(e));
          app.reportError(e);
        }
        return false;
      } finally {
        setSaving(false);
      }
    },
    [app, header, item.id, parts, queryClient, template.fields],
  );

  const onEdit = useCallback(
    (key: string) => (doc: RichDoc) => {
      docs.current[key] = doc;
      setDirty(true);
    },
    [],
  );
  const editHandlers = useMemo(() => Object.fromEntries(parts.filter((p) => p.key).map((p) => [p.key!, onEdit(p.key!)])), [parts, onEdit]);

  return (
    <section
      className="screen scroll paper-screen"
      aria-labelledby="paper-title"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          e.stopPropagation();
          if (!saving) void save();
        }
      }}
    >
      <ScreenHead
        titleId="paper-title"
        title={`Paper for item ${item.number}: ${item.title}`}
        sub={
          <>
            {meeting.body.name}, {ukLongDate(meeting.meeting.startsAt.slice(0, 10))} · {template.name}
          </>
        }
      >
        <Link className="back-link" to={`/meetings/${meetingId}`}>
          <ArrowLeftRegular aria-hidden />
          Back to the meeting
        </Link>
        <span className="save-state" aria-live="polite">
          {dirty ? 'Changes not saved' : paper ? 'All changes saved' : 'Not saved yet'}
        </span>
        <BusyButton appearance="primary" icon={<SaveRegular />} busy={saving} onClick={() => void save()} aria-keyshortcuts="Control+S" title="Save (Ctrl+S)">
          Save paper
        </BusyButton>
      </ScreenHead>
      <RefusalBar refused={refused} prefix="Not saved: " />
      {paper?.late ? (
        <MessageBar intent="warning" className="late-bar">
          <MessageBarBody>
            <MessageBarTitle>Late paper</MessageBarTitle>
            Added on {ukDate(paper.addedAt)}, after the papers deadline of {ukLongDate(meeting.meeting.papersDeadline)}. Reason:{' '}
            {paper.lateReason || 'none recorded'}
          </MessageBarBody>
        </MessageBar>
      ) : !paper && pastDeadline ? (
        <MessageBar intent="info">
          <MessageBarBody>
            The papers deadline ({ukLongDate(meeting.meeting.papersDeadline)}) has passed: this paper will be marked late, and you will be asked for the reason
            when you save it.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {item.exempt && (
        <MessageBar intent="info">
          <MessageBarBody>
            Exempt item (Schedule 12A paragraph {item.exemptParagraph ?? '?'}): this paper is left out of the public pack, and marked NOT FOR PUBLICATION in the
            full pack.
          </MessageBarBody>
        </MessageBar>
      )}
      <section className="card paper-head" aria-labelledby="paper-head-title">
        <h2 id="paper-head-title">Paper details</h2>
        <PaperHeader
          fields={template.fields}
          values={header}
          showErrors={tried}
          onChange={(k, v) => {
            setHeader((h) => ({ ...h, [k]: v }));
            setDirty(true);
          }}
        />
      </section>
      {parts.map((p) => (
        <PaperSection
          key={p.key ?? `h-${p.number}`}
          part={p}
          initial={p.key ? (loaded?.sections[p.key] ?? null) : null}
          onChange={p.key ? editHandlers[p.key] : undefined}
          meetingId={meetingId}
        />
      ))}
      <Appendices paper={paper} itemId={item.id} />
      <LateReasonDialog
        why={lateAsk}
        busy={saving}
        refused={lateRefused}
        onSave={(reason) => void save(reason)}
        onCancel={() => {
          setLateAsk(null);
          setRefused('a late paper needs its reason recorded.');
        }}
      />
      <UnsavedGuard dirty={dirty} saving={saving} onSave={() => save()} what={`The paper for item ${item.number}`} />
    </section>
  );
}

function PaperSection({
  part,
  initial,
  onChange,
  meetingId,
}: {
  part: PaperPart;
  initial: RichDoc | null;
  onChange?: (doc: RichDoc) => void;
  meetingId: number;
}) {
  const id = `part-${part.key ?? part.number}`;
  const Heading = part.level === 2 ? 'h2' : 'h3';
  if (!part.key || !onChange) {
    return (
      <div className="paper-group-head">
        <Heading id={id}>{partTitle(part)}</Heading>
      </div>
    );
  }
  return (
    <section className={`card paper-section level-${part.level}`} aria-labelledby={id}>
      <Heading id={id}>{partTitle(part)}</Heading>
      <RichTextEditor initial={initial} onChange={onChange} label={partTitle(part)} meetingId={meetingId} />
    </section>
  );
}
