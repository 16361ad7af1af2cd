import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { addDays, ukDate, ukLongDate } from '../../../../electron/shared/dates';
import type { AgreementDetail, AgreementSummary } from '../../types';
import { dayNumber, timelineScale, yearIdOf } from './timeline-scale';

export type TermState = 'initial' | 'taken' | 'offered';

export interface TimelineSegment {
  label: string;
  startOn: string;
  endOn: string;
  state: TermState;
  /** Extensions this span holds (each marked off in it): several taken, or several still offered. */
  parts?: number;
}

export interface TimelineRow {
  id: string;
  label: string;
  href?: string;
  segments: TimelineSegment[];
}

export const TERM_STATE_LABELS: Record<TermState, string> = {
  initial: 'Initial term',
  taken: 'Extension taken',
  offered: 'Extension offered, not taken',
};

interface Props {
  /** Names the figure, and its text alternative. */
  caption: string;
  rows: TimelineRow[];
  today: string;
  /** The id the caption is given (two timelines may share a page). */
  id: string;
}

/**
 * Terms on a line of financial years: the initial term solid, extensions taken striped,
 * extensions still offered outlined and dashed (so the three differ without colour), with a line
 * for today. The bars are a picture; the same facts are in the table under "as text".
 */
export function Timeline({ caption, rows, today, id }: Props) {
  const all = rows.flatMap((r) => r.segments);
  if (all.length === 0) return null;
  const scale = timelineScale(
    all.map((s) => s.startOn),
    all.map((s) => s.endOn),
  );
  const todayAt = scale.at(dayNumber(today));
  const showToday = todayAt >= 0 && todayAt <= 100;
  const every = Math.max(1, Math.ceil(scale.years.length / 8));
  return (
    <figure className="agr-timeline" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <ul className="agr-legend" aria-label="Key">
        {(['initial', 'taken', 'offered'] as const).map((s) => (
          <li key={s}>
            <span className={`agr-swatch agr-seg-${s}`} aria-hidden />
            {TERM_STATE_LABELS[s]}
          </li>
        ))}
        <li>
          <span className="agr-swatch agr-swatch-today" aria-hidden />
          Today, {ukLongDate(today)}
        </li>
      </ul>
      <div className="agr-tl-grid">
        <div className="agr-tl-label" aria-hidden />
        <div className="agr-tl-axis" aria-hidden>
          {scale.years.map((y, i) => (
            <span key={y.id} className="agr-tl-year" style={{ left: `${y.from}%`, width: `${y.to - y.from}%` }}>
              {i % every === 0 ? y.id : ''}
            </span>
          ))}
          {showToday && <span className="agr-tl-today" style={{ left: `${todayAt}%` }} />}
        </div>
        {rows.map((r) => (
          <TimelineRowView key={r.id} row={r} at={scale.at} todayAt={showToday ? todayAt : null} />
        ))}
      </div>
      <details className="agr-tl-text">
        <summary>The timeline as text</summary>
        <Table size="small" aria-label={`${caption}, as text`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Agreement</TableHeaderCell>
              <TableHeaderCell>Term</TableHeaderCell>
              <TableHeaderCell>From</TableHeaderCell>
              <TableHeaderCell>To</TableHeaderCell>
              <TableHeaderCell>Financial years</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.flatMap((r) =>
              r.segments.map((s) => (
                <TableRow key={`${r.id}-${s.label}-${s.startOn}`}>
                  <TableCell>{r.label}</TableCell>
                  <TableCell>{s.label}</TableCell>
                  <TableCell>{ukDate(s.startOn)}</TableCell>
                  <TableCell>{ukDate(s.endOn)}</TableCell>
                  <TableCell>{yearIdOf(s.startOn) === yearIdOf(s.endOn) ? yearIdOf(s.startOn) : `${yearIdOf(s.startOn)} to ${yearIdOf(s.endOn)}`}</TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}

function TimelineRowView({ row, at, todayAt }: { row: TimelineRow; at(day: number): number; todayAt: number | null }) {
  return (
    <>
      <div className="agr-tl-label">{row.href ? <Link href={row.href}>{row.label}</Link> : row.label}</div>
      <div className="agr-tl-track" aria-hidden>
        {row.segments.map((s) => {
          const from = at(dayNumber(s.startOn));
          const to = at(dayNumber(s.endOn) + 1);
          const parts = s.parts ?? 1;
          return (
            <span
              key={`${s.label}-${s.startOn}`}
              className={`agr-seg agr-seg-${s.state}`}
              style={{ left: `${from}%`, width: `${Math.max(0.4, to - from)}%` }}
              title={`${s.label}: ${ukDate(s.startOn)} to ${ukDate(s.endOn)}`}
            >
              {Array.from({ length: parts - 1 }, (_, i) => ((i + 1) * 100) / parts).map((at) => (
                <span key={at} className="agr-seg-divide" style={{ left: `${at}%` }} />
              ))}
            </span>
          );
        })}
        {todayAt !== null && <span className="agr-tl-today" style={{ left: `${todayAt}%` }} />}
      </div>
    </>
  );
}

/**
 * An agreement's terms from its summary: the initial term, the extensions taken (one span), and
 * those still offered (one span), each extension marked off inside its span.
 */
export function summaryRow(a: AgreementSummary): TimelineRow {
  const { offered, taken } = a.extensions;
  const segments: TimelineSegment[] = [{ label: 'Initial term', startOn: a.startOn, endOn: a.endOn, state: 'initial' }];
  if (taken > 0)
    segments.push({
      label: taken === 1 ? 'Extension 1, taken' : `Extensions 1 to ${taken}, taken`,
      startOn: addDays(a.endOn, 1),
      endOn: a.currentEndOn,
      state: 'taken',
      parts: taken,
    });
  if (offered > taken)
    segments.push({
      label: offered - taken === 1 ? `Extension ${offered}, offered` : `Extensions ${taken + 1} to ${offered}, offered`,
      startOn: addDays(a.currentEndOn, 1),
      endOn: a.finalEndOn,
      state: 'offered',
      parts: offered - taken,
    });
  return { id: String(a.id), label: a.reference, href: `#/agreements/${a.id}`, segments };
}

/** One agreement's terms as the server lists them: each extension its own span. */
export function detailRow(a: AgreementDetail): TimelineRow {
  return { id: String(a.id), label: a.reference, segments: a.terms.map((t) => ({ label: t.label, startOn: t.startOn, endOn: t.endOn, state: t.state })) };
}
