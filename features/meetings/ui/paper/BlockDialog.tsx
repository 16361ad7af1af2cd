import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PERIODS, periodLongLabel } from '../../../../electron/shared/periods';
import { errorMessage } from '../../../../renderer/src/api/api-error';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { BlockKindInfo } from '../../types';
import { type BlockSettings, useBlockPreview } from './data';
import { useFocusAfter } from './focus-after';

interface Props {
  /** The kind being inserted or changed; null when closed. */
  kind: BlockKindInfo | null;
  /** The settings it has now, when changing one. */
  initial: BlockSettings | null;
  meetingId?: number;
  /** Inserted or changed; `focus` moves the caret to the text when the dialog has gone (rather than back to the button that opened it). */
  onDone(settings: BlockSettings, focus: () => void): void;
  onCancel(): void;
}

type KindField = BlockKindInfo['fields'][number];

const BLANK = '(left blank)';

/** A setting that may be left blank: flagged so, or its label says what blank means ("…when left blank"). */
export function isOptional(f: KindField): boolean {
  return (f as KindField & { optional?: boolean }).optional === true || /left blank|optional/i.test(f.label);
}

/** Sensible first answers: the year and period the app is looking at, the first of any choice. */
function defaults(kind: BlockKindInfo, year: string | null, period: number): BlockSettings {
  const out: BlockSettings = {};
  for (const f of kind.fields) {
    if (isOptional(f)) out[f.key] = null;
    else if (f.type === 'year') out[f.key] = year;
    else if (f.type === 'period') out[f.key] = period;
    else out[f.key] = f.choices?.[0]?.value ?? null;
  }
  return out;
}

/**
 * Asks for a live block's settings (year, period, a choice), showing what the block will read
 * as they are chosen: its caption, and an inline figure's amount.
 */
export function BlockDialog({ kind, initial, meetingId, onDone, onCancel }: Props) {
  const open = kind !== null;
  const focusAfter = useFocusAfter(open);
  const app = useApp();
  const [settings, setSettings] = useState<BlockSettings>({});
  useEffect(() => {
    if (kind) setSettings({ ...defaults(kind, app.year, app.period), ...(initial ?? {}) });
  }, [kind, initial, app.year, app.period]);
  const complete = !!kind && kind.fields.every((f) => isOptional(f) || (settings[f.key] !== null && settings[f.key] !== undefined && settings[f.key] !== ''));
  const preview = useBlockPreview(kind?.kind ?? '', settings, meetingId, open && complete);
  const yearOf = (): string => {
    const yf = kind?.fields.find((f) => f.type === 'year');
    return (yf && typeof settings[yf.key] === 'string' ? (settings[yf.key] as string) : app.year) ?? '';
  };
  const problem = preview.error ? errorMessage(preview.error) : (preview.data?.problem ?? null);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className="block-dialog">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (complete) onDone(settings, focusAfter.elsewhere);
          }}
        >
          <DialogBody>
            <DialogTitle>
              {initial ? 'Change' : 'Insert'} {kind?.inline ? 'live figure' : 'live block'}: {kind?.label}
            </DialogTitle>
            <DialogContent className="block-dialog-content">
              <p>
                {kind?.inline
                  ? 'The figure reads the current data each time the paper is opened, until the pack is published.'
                  : 'The block reads the current data each time the paper is opened, until the pack is published.'}
              </p>
              {kind?.fields.map((f) => {
                const value = settings[f.key];
                const set = (v: string | number | null) => setSettings((s) => ({ ...s, [f.key]: v }));
                if (f.type === 'year') {
                  return (
                    <Field key={f.key} label={f.label} required={!isOptional(f)}>
                      <Dropdown
                        value={typeof value === 'string' && value ? value : isOptional(f) ? BLANK : ''}
                        selectedOptions={typeof value === 'string' ? [value] : isOptional(f) ? [''] : []}
                        onOptionSelect={(_, d) => set(d.optionValue || null)}
                      >
                        {textOptions(
                          app.years.slice().reverse(),
                          (y) => [y.id, y.status === 'closed' ? `${y.id} (closed)` : y.id],
                          isOptional(f) ? BLANK : undefined,
                        )}
                      </Dropdown>
                    </Field>
                  );
                }
                if (f.type === 'period') {
                  const year = yearOf();
                  return (
                    <Field key={f.key} label={f.label} required={!isOptional(f)}>
                      <Dropdown
                        value={typeof value === 'number' && year ? periodLongLabel(year, value) : isOptional(f) ? BLANK : ''}
                        selectedOptions={typeof value === 'number' ? [String(value)] : isOptional(f) ? [''] : []}
                        onOptionSelect={(_, d) => set(d.optionValue ? Number(d.optionValue) : null)}
                      >
                        {textOptions(PERIODS, (p) => [p, year ? periodLongLabel(year, p) : `P${p}`], isOptional(f) ? BLANK : undefined)}
                      </Dropdown>
                    </Field>
                  );
                }
                const choices = f.choices ?? [];
                return (
                  <Field key={f.key} label={f.label} required={!isOptional(f)}>
                    <Dropdown
                      value={choices.find((c) => c.value === value)?.label ?? (isOptional(f) ? BLANK : '')}
                      selectedOptions={typeof value === 'string' ? [value] : isOptional(f) ? [''] : []}
                      onOptionSelect={(_, d) => set(d.optionValue || null)}
                    >
                      {textOptions(choices, (c) => [c.value, c.label], isOptional(f) ? BLANK : undefined)}
                    </Dropdown>
                  </Field>
                );
              })}
              <div className="block-dialog-preview" aria-live="polite">
                {!complete ? null : preview.isFetching && !preview.data ? (
                  <Spinner size="tiny" label="Reading the figures" />
                ) : problem ? (
                  <MessageBar intent="warning">
                    <MessageBarBody>{problem}</MessageBarBody>
                  </MessageBar>
                ) : preview.data ? (
                  <p>
                    Shows: <strong>{preview.data.caption}</strong>
                    {preview.data.text ? ` (${preview.data.text})` : ''}
                  </p>
                ) : null}
              </div>
            </DialogContent>
            <DialogButtons disabled={!complete} onCancel={onCancel}>
              {initial ? 'Change' : 'Insert'}
            </DialogButtons>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
