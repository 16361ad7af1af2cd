import { Button, Checkbox, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowLeftRegular, DocumentPdfRegular, DismissRegular, SendRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ukLongDate } from '../../../electron/shared/dates';
import { api } from '../../../renderer/src/api/api';
import { errorMessage } from '../../../renderer/src/api/api-error';
import { saveFile } from '../../../renderer/src/api/save-file';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import type { MeetingDetail, PackBuilt } from '../types';
import { MEETING_STATUS_LABELS, type PackVariant } from '../words';
import { PackVersions } from './pack/PackVersions';
import { PdfPager } from './pack/PdfPager';
import { PublishDialog } from './pack/PublishDialog';
import { usePackBuild, usePackProgress } from './pack/use-pack-build';
import { useMeeting } from './paper/data';
import './pack.css';

export default function PackScreen() {
  const params = useParams();
  const meetingId = Number(params.meetingId) || 0;
  const meeting = useMeeting(meetingId || null);
  if (meeting.error) {
    return (
      <section className="screen" aria-labelledby="pack-title">
        <ScreenHead titleId="pack-title" title="Pack" sub="" />
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(meeting.error)}</MessageBarBody>
        </MessageBar>
        <Link to="/meetings">Back to meetings</Link>
      </section>
    );
  }
  if (!meeting.data) return <Spinner className="loading" label="Opening the pack" />;
  return <PackView key={meetingId} detail={meeting.data} />;
}

function PackView({ detail }: { detail: MeetingDetail }) {
  const app = useApp();
  const queryClient = useQueryClient();
  const meetingId = detail.meeting.id;
  const { state, build, cancel } = usePackBuild(meetingId);
  const [variant, setVariant] = useState<PackVariant>('full');
  const [supplementary, setSupplementary] = useState(false);
  const [page, setPage] = useState(1);
  const [saving, setSaving] = useState<'pdf' | 'xlsx' | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishRefused, setPublishRefused] = useState<string | null>(null);
  const headId = useId();
  const publishProgress = usePackProgress(publishing);
  const versions = detail.packVersions;
  const lateItems = detail.items.filter((i) => i.paper?.late).map((i) => i.number);
  const built = state.status === 'built' ? state.pack : null;
  const reissue = versions.some((v) => !v.supplementary);
  const date = ukLongDate(detail.meeting.startsAt.slice(0, 10));

  const startBuild = () => {
    app.dismissNotice();
    setPage(1);
    void build(variant, supplementary);
  };

  const save = async (pack: PackBuilt, format: 'pdf' | 'xlsx') => {
    app.dismissNotice();
    setSaving(format);
    try {
      const saved = await saveFile(
        format === 'pdf' ? { fileName: pack.pdfFileName, base64: pack.pdfBase64 } : { fileName: pack.workbookFileName, base64: pack.workbookBase64 },
      );
      if (saved) app.notify('success', `Saved ${saved}`);
    } catch (e) {
      app.reportError(e);
    } finally {
      setSaving(null);
    }
  };

  const publish = async (options: { reason?: string; supplementary: boolean }) => {
    app.dismissNotice();
    setPublishRefused(null);
    setPublishing(true);
    try {
      const v = await api.publishPack({
        meetingId,
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.supplementary ? { supplementary: true } : {}),
      });
      setPublishOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: ['undo'] });
      app.notify('success', `Published version ${v.version}${v.supplementary ? ' (supplementary pack)' : ''}`);
    } catch (e) {
      setPublishRefused(errorMessage(e));
    } finally {
      setPublishing(false);
    }
  };

  const exemptLines = (built?.exemptItems ?? detail.items.filter((i) => i.exempt).map((i) => i.number)).map((n) => {
    const item = detail.items.find((i) => i.number === n);
    return { number: n, title: item?.title ?? '', paragraph: item?.exemptParagraph ?? null };
  });

  return (
    <section className="screen scroll pack-screen" aria-labelledby="pack-title">
      <ScreenHead
        titleId="pack-title"
        title={`Pack: ${detail.body.name}, ${date}`}
        sub={
          <>
            {MEETING_STATUS_LABELS[detail.meeting.status]} · {detail.items.length} agenda {detail.items.length === 1 ? 'item' : 'items'} ·{' '}
            {versions.length ? `published version ${versions[versions.length - 1]!.version}` : 'not published yet'}
          </>
        }
      >
        <Link className="back-link" to={`/meetings/${meetingId}`}>
          <ArrowLeftRegular aria-hidden />
          Back to the meeting
        </Link>
        <Button appearance="primary" icon={<SendRegular />} onClick={() => setPublishOpen(true)} disabled={state.status === 'building'}>
          {reissue ? 'Re-issue…' : 'Publish…'}
        </Button>
      </ScreenHead>
      <div className="pack-layout">
        <section className="card" aria-labelledby={`${headId}-preview`}>
          <h2 id={`${headId}-preview`}>Preview</h2>
          <RadioGroup aria-label="Which pack" value={variant} onChange={(_, d) => setVariant(d.value as PackVariant)} disabled={state.status === 'building'}>
            <Radio value="full" label="Full pack (exempt papers marked NOT FOR PUBLICATION)" />
            <Radio value="public" label="Public pack (exempt papers left out)" />
          </RadioGroup>
          {lateItems.length > 0 && (
            <Checkbox
              checked={supplementary}
              disabled={state.status === 'building'}
              onChange={(_, d) => setSupplementary(d.checked === true)}
              label={`Supplementary pack: late items only (${lateItems.join(', ')})`}
            />
          )}
          <div className="pack-actions">
            <BusyButton appearance="primary" icon={<DocumentPdfRegular />} busy={state.status === 'building'} onClick={startBuild}>
              {built ? 'Build the preview again' : 'Build preview'}
            </BusyButton>
            {state.status === 'building' && (
              <Button icon={<DismissRegular />} onClick={() => void cancel()} disabledFocusable={state.cancelling}>
                {state.cancelling ? 'Cancelling…' : 'Cancel'}
              </Button>
            )}
          </div>
          {state.status === 'building' && (
            <div className="pack-progress" aria-live="polite">
              <ProgressBar
                value={state.progress?.active ? (state.progress.fraction ?? undefined) : undefined}
                max={1}
                thickness="large"
                aria-label="Building the pack"
                aria-valuetext={state.progress?.fraction != null ? `${Math.round(state.progress.fraction * 100)}%` : undefined}
              />
              <p className="pack-step">
                {state.cancelling ? 'Stopping the build…' : (state.progress?.active && state.progress.step) || 'Starting'}
                {state.progress?.active && state.progress.fraction != null ? ` (${Math.round(state.progress.fraction * 100)}%)` : ''}
              </p>
            </div>
          )}
          {state.status === 'cancelled' && (
            <MessageBar intent="info">
              <MessageBarBody>The build was cancelled; nothing was kept.</MessageBarBody>
            </MessageBar>
          )}
          {state.status === 'failed' && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>The pack could not be built: {state.message}</MessageBarBody>
            </MessageBar>
          )}
          {built && (
            <>
              <p className="pack-summary">
                {state.status === 'built' && state.supplementary ? 'Supplementary ' : ''}
                {built.variant === 'public' ? 'Public' : 'Full'} pack, {built.pages} {built.pages === 1 ? 'page' : 'pages'}. Not published: this preview reads
                today's figures.
              </p>
              <div className="pack-actions">
                <BusyButton
                  busy={saving === 'pdf'}
                  disabledFocusable={saving === 'xlsx'}
                  icon={<ArrowDownloadRegular />}
                  onClick={() => void save(built, 'pdf')}
                >
                  Save PDF
                </BusyButton>
                <BusyButton
                  busy={saving === 'xlsx'}
                  disabledFocusable={saving === 'pdf'}
                  icon={<ArrowDownloadRegular />}
                  onClick={() => void save(built, 'xlsx')}
                >
                  Save workbook
                </BusyButton>
              </div>
            </>
          )}
        </section>
        <div className="pack-main">
          {built ? (
            <PdfPager base64={built.pdfBase64} label={`${built.variant === 'public' ? 'Public' : 'Full'} pack preview`} page={page} onPage={setPage} />
          ) : (
            <div className="pack-placeholder">
              <DocumentPdfRegular fontSize={40} aria-hidden />
              <p>Build a preview to page through the pack before publishing it.</p>
            </div>
          )}
        </div>
        {built && (
          <section className="card" aria-labelledby={`${headId}-contents`}>
            <h2 id={`${headId}-contents`}>Contents</h2>
            {built.contents.length ? (
              <table className="pack-contents">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Title</th>
                    <th scope="col" className="num">
                      Page
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {built.contents.map((c) => (
                    <tr key={`${c.number}-${c.page}`} className={c.page === page ? 'is-current' : undefined}>
                      <td>{c.number}</td>
                      <td>
                        <Button
                          appearance="transparent"
                          className="contents-link"
                          onClick={() => setPage(c.page)}
                          aria-label={`${c.title}: go to page ${c.page}`}
                        >
                          {c.title}
                        </Button>
                      </td>
                      <td className="num">{c.page}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">No papers in this pack.</p>
            )}
            {built.attachments && built.attachments.length > 0 && (
              <>
                <h3 className="pack-subhead">Workbook appendices (in the pack's folder, beside the PDF)</h3>
                <ul className="pack-exempt">
                  {built.attachments.map((a) => (
                    <li key={`${a.item}-${a.sha256}`}>
                      Item {a.item}: {a.title} ({a.fileName})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
        <section className="card" aria-labelledby={`${headId}-exempt`}>
          <h2 id={`${headId}-exempt`}>Exempt items</h2>
          {exemptLines.length ? (
            <ul className="pack-exempt">
              {exemptLines.map((e) => (
                <li key={e.number}>
                  Item {e.number}
                  {e.title ? `: ${e.title}` : ''}
                  {e.paragraph ? ` (Schedule 12A paragraph ${e.paragraph})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None: every paper is in the public pack.</p>
          )}
          {exemptLines.length > 0 && <p className="muted">Left out of the public pack; the agenda keeps each line with its paragraph and public summary.</p>}
        </section>
      </div>
      <section className="card pack-versions-card" aria-labelledby={`${headId}-versions`}>
        <h2 id={`${headId}-versions`}>Published versions</h2>
        <PackVersions versions={versions} />
      </section>
      <PublishDialog
        open={publishOpen}
        nextVersion={(versions[versions.length - 1]?.version ?? 0) + 1}
        reissue={reissue}
        lateItems={lateItems}
        busy={publishing}
        progress={publishProgress}
        onStop={() => void api.cancelPackBuild({}).catch(() => undefined)}
        refused={publishRefused}
        onPublish={(o) => void publish(o)}
        onCancel={() => {
          setPublishOpen(false);
          setPublishRefused(null);
        }}
      />
    </section>
  );
}
