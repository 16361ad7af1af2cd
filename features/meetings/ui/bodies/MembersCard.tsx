import { Button, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, ChevronDownRegular, ChevronRightRegular, EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { Fragment, useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import type { BodyInfo, MemberInfo } from '../../types';
import { ROLE_LABELS, SEAT_LABELS } from '../../words';
import { MemberDialog } from './MemberDialog';
import { TermDialog } from './TermDialog';
import { TermHistory } from './TermHistory';

/** "01/09/2025" over "to 31/08/2029": a term in a narrow column. */
function TermText({ m }: { m: MemberInfo }) {
  const t = m.current;
  if (!t) return null;
  return (
    <>
      <span className="nowrap">{ukDate(t.startDate)}</span> <span className="nowrap">to {t.endDate ? ukDate(t.endDate) : 'open-ended'}</span>
    </>
  );
}

/** A body's members: their seat, role, vote and term, their named substitutes, and their terms so far. */
export function MembersCard({ body, members }: { body: BodyInfo; members: MemberInfo[] }) {
  const [showPast, setShowPast] = useState(false);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<MemberInfo | null>(null);
  const [memberOpen, setMemberOpen] = useState(false);
  const [termFor, setTermFor] = useState<MemberInfo | null>(null);
  const [termOpen, setTermOpen] = useState(false);

  const shown = members.filter((m) => showPast || m.inTermToday);
  const principals = shown.filter((m) => m.substituteForId === null);
  const substitutes = shown.filter((m) => m.substituteForId !== null);
  const pastCount = members.filter((m) => !m.inTermToday).length;
  const subsOf = (id: number) => members.filter((m) => m.substituteForId === id && (showPast || m.inTermToday));

  const edit = (m: MemberInfo | null) => {
    setEditing(m);
    setMemberOpen(true);
  };
  const newTerm = (m: MemberInfo) => {
    setTermFor(m);
    setTermOpen(true);
  };
  const toggle = (id: number) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const rows = (list: MemberInfo[], substitute: boolean) =>
    list.map((m) => {
      const open = expanded.has(m.id);
      const subs = substitute ? [] : subsOf(m.id);
      return (
        <Fragment key={m.id}>
          <TableRow className={m.inTermToday ? undefined : 'is-past'}>
            <TableCell>
              <div className="member-name">{m.name}</div>
              {m.organisation && <div className="muted">{m.organisation}</div>}
              {!m.inTermToday && <div className="muted">Not in term today</div>}
              {/* The columns folded away when the window is narrow (zoomed in): shown here instead. */}
              <div className="member-compact muted">
                {m.current?.voting ? 'Voting' : 'Not voting'} · <TermText m={m} />
                {substitute ? ` · for ${m.substituteForName ?? ''}` : subs.length ? ` · substitutes: ${subs.map((x) => x.name).join(', ')}` : ''}
              </div>
            </TableCell>
            <TableCell>{m.current ? SEAT_LABELS[m.current.seatCategory] : ''}</TableCell>
            <TableCell>
              {m.current ? ROLE_LABELS[m.current.role] : ''}
              {m.councillorOrOfficer && <div className="muted">Councillor or officer</div>}
            </TableCell>
            <TableCell className="col-voting">{m.current ? (m.current.voting ? 'Yes' : 'No') : ''}</TableCell>
            <TableCell className="col-term">
              <TermText m={m} />
            </TableCell>
            <TableCell className="col-subs">
              {substitute ? `For ${m.substituteForName ?? ''}` : subs.map((s) => s.name).join(', ') || <span className="muted">None</span>}
            </TableCell>
            <TableCell>
              <div className="row-actions">
                <Button size="small" icon={<EditRegular />} aria-label={`Edit ${m.name}`} onClick={() => edit(m)}>
                  Edit
                </Button>
                <Button size="small" icon={<AddRegular />} aria-label={`New term for ${m.name}`} onClick={() => newTerm(m)}>
                  New term
                </Button>
                {m.terms.length > 1 && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={open}
                    aria-label={`${m.terms.length} terms of ${m.name}`}
                    onClick={() => toggle(m.id)}
                  >
                    {m.terms.length} terms
                  </Button>
                )}
              </div>
            </TableCell>
          </TableRow>
          {open && (
            <TableRow className="terms-row">
              <TableCell colSpan={7}>
                <div className="terms-history">
                  <HistoryRegular aria-hidden className="terms-icon" />
                  <TermHistory member={m} />
                </div>
              </TableCell>
            </TableRow>
          )}
        </Fragment>
      );
    });

  const head = (
    <TableHeader>
      <TableRow>
        <TableHeaderCell className="col-name">Name and organisation</TableHeaderCell>
        <TableHeaderCell className="col-seat">Seat</TableHeaderCell>
        <TableHeaderCell className="col-role">Role</TableHeaderCell>
        <TableHeaderCell className="col-voting">Voting</TableHeaderCell>
        <TableHeaderCell className="col-term">Term</TableHeaderCell>
        <TableHeaderCell className="col-subs">Substitutes</TableHeaderCell>
        <TableHeaderCell className="col-actions">
          <span className="visually-hidden">Actions</span>
        </TableHeaderCell>
      </TableRow>
    </TableHeader>
  );

  return (
    <section className="card" aria-labelledby="members-title">
      <div className="card-head">
        <h2 id="members-title">Members of {body.name}</h2>
        <span className="muted">{body.memberCount} in term today</span>
        <Switch
          checked={showPast}
          onChange={(_, d) => setShowPast(d.checked)}
          label={`Show members whose terms have ended${pastCount ? ` (${pastCount})` : ''}`}
        />
        <Button appearance="primary" size="small" icon={<AddRegular />} onClick={() => edit(null)} className="card-head-end">
          Add member
        </Button>
      </div>
      <Table size="small" aria-labelledby="members-title" className="members-table">
        {head}
        <TableBody>
          {principals.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="muted">
                No members yet: add the first with Add member.
              </TableCell>
            </TableRow>
          )}
          {rows(principals, false)}
        </TableBody>
      </Table>
      {substitutes.length > 0 && (
        <>
          <h3 className="card-subhead" id="substitutes-title">
            Named substitutes
          </h3>
          <Table size="small" aria-labelledby="substitutes-title" className="members-table">
            {head}
            <TableBody>{rows(substitutes, true)}</TableBody>
          </Table>
        </>
      )}
      <MemberDialog open={memberOpen} body={body} member={editing} members={members} onClose={() => setMemberOpen(false)} />
      <TermDialog open={termOpen} member={termFor} onClose={() => setTermOpen(false)} />
    </section>
  );
}
