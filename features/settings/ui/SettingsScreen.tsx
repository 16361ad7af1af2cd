import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { moneyFormat } from '../../../electron/shared/money';
import { api } from '../../../renderer/src/api/api';
import { errorMessage } from '../../../renderer/src/api/api-error';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useWrite } from '../../../renderer/src/data/use-write';
import { useApp } from '../../../renderer/src/state/app-state';
import { useSummary } from '../../position/ui/data';
import type { NegativeStyle, WorkspaceSettings } from '../types';

const STYLES: NegativeStyle[] = ['minus', 'brackets'];
const STYLE_NAMES: Record<NegativeStyle, string> = { minus: 'With a minus sign', brackets: 'In brackets' };
/** The example every option shows, whatever the workspace holds: -£1,234 or (£1,234). */
const SAMPLE_PENCE = -123_400;
/** The forecast the large-move example is worked on. */
const EXAMPLE_FORECAST = 10_000_000;

/** What is wrong with the percentage typed, in words that say what to fix; null when it is a whole number from 1 to 1000. */
function percentProblem(text: string): string | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (t === '') return 'Enter a whole percentage from 1 to 1000, such as 50.';
  if (!/^-?\d+(\.\d+)?$/.test(t)) return `"${text.trim()}" is not a number: enter a whole percentage from 1 to 1000, such as 50.`;
  if (!/^-?\d+$/.test(t)) return 'Enter a whole percentage, without decimals (from 1 to 1000).';
  const n = Number(t);
  if (n < 1) return 'Enter at least 1%.';
  if (n > 1000) return 'Enter at most 1000%.';
  return null;
}

function percentOf(text: string): number {
  return Number(text.trim().replace(/%$/, '').trim());
}

export default function SettingsScreen() {
  const { workspace } = useApp();
  // The same query the app shell reads its money format from, so a save shows at once everywhere.
  const { data: saved, isLoading, error } = useQuery({ queryKey: ['settings', workspace?.path], queryFn: () => api.getSettings({}), enabled: !!workspace });
  return (
    <section className="screen scroll" aria-labelledby="settings-title">
      <ScreenHead
        titleId="settings-title"
        title="Settings"
        sub="How this workspace shows money and checks imports. Settings are kept in the workspace file, so they apply to every screen, exported workbook and pack, for everyone who uses this workspace file."
      />
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>The settings could not be read: {errorMessage(error)}</MessageBarBody>
        </MessageBar>
      ) : isLoading || !saved ? (
        <Spinner label="Loading settings" />
      ) : (
        <SettingsForm saved={saved} workspacePath={workspace?.path} />
      )}
    </section>
  );
}

function SettingsForm({ saved, workspacePath }: { saved: WorkspaceSettings; workspacePath: string | undefined }) {
  const { year, period } = useApp();
  const { data: summary } = useSummary(year, period);
  // Only what has been changed here; the rest follows the workspace (an undo, another save).
  const [style, setStyle] = useState<NegativeStyle | null>(null);
  const [percentText, setPercentText] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const percentRef = useRef<HTMLInputElement>(null);
  const save = useWrite(api.saveSettings, {
    put: (out) => [[['settings', workspacePath], out]],
    topics: ['settings', 'monitoring', 'budget', 'position', 'history', 'imports'],
    success: (out) =>
      `Settings saved: negative amounts shown as ${moneyFormat(out.negativeStyle).format(SAMPLE_PENCE)}; imports flag forecasts that move by more than ${out.largeMovePercent}%.`,
  });

  const negativeStyle = style ?? saved.negativeStyle;
  const text = percentText ?? String(saved.largeMovePercent);
  const problem = percentProblem(text);
  const showProblem = problem !== null && (tried || percentText !== null);
  const changed = negativeStyle !== saved.negativeStyle || text.trim() !== String(saved.largeMovePercent);

  // A real figure from the workspace, when there is a negative one to show: the chosen year's balance or in-year position.
  const real =
    summary && year
      ? summary.carriedForwardPence < 0
        ? { label: `${year} balance carried forward at P${period}`, pence: summary.carriedForwardPence }
        : summary.inYearPence < 0
          ? { label: `${year} in-year position at P${period}`, pence: summary.inYearPence }
          : null
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.busy) return;
    setTried(true);
    if (problem !== null) {
      percentRef.current?.focus();
      return;
    }
    const out = await save.run({ negativeStyle, largeMovePercent: percentOf(text) });
    if (out) {
      setStyle(null);
      setPercentText(null);
      setTried(false);
    }
  };

  const percent = problem === null ? percentOf(text) : saved.largeMovePercent;
  const fmt = moneyFormat(negativeStyle);
  const over = EXAMPLE_FORECAST + Math.round((EXAMPLE_FORECAST * percent) / 100);
  const under = EXAMPLE_FORECAST - Math.round((EXAMPLE_FORECAST * percent) / 100);

  return (
    <form className="card-stack" onSubmit={(e) => void submit(e)} noValidate>
      <div className="card">
        <h2>Money</h2>
        <Field label="Negative amounts shown as">
          <RadioGroup value={negativeStyle} onChange={(_, d) => setStyle(d.value as NegativeStyle)}>
            {STYLES.map((s) => (
              <Radio
                key={s}
                value={s}
                label={
                  <>
                    {STYLE_NAMES[s]}: <span className="num neg">{moneyFormat(s).format(SAMPLE_PENCE)}</span>
                    {real && (
                      <span className="radio-hint">
                        {' '}
                        (your {real.label}: <span className="num neg">{moneyFormat(s).format(real.pence)}</span>)
                      </span>
                    )}
                  </>
                }
              />
            ))}
          </RadioGroup>
        </Field>
        <p className="muted">
          Deficits, overspends and money moved out of a line are negative. Positive amounts are always shown as {fmt.format(-SAMPLE_PENCE)}.
        </p>
      </div>
      <div className="card">
        <h2>Imports</h2>
        <Field
          label="Flag an import when a forecast moves by more than"
          required
          validationState={showProblem ? 'error' : 'none'}
          validationMessage={showProblem ? problem : undefined}
          hint="A whole percentage from 1 to 1000. Before an import is applied, its preview flags every figure it would change by more than this share of the figure held now, for you to check."
        >
          <Input
            ref={percentRef}
            inputMode="numeric"
            contentAfter="%"
            value={text}
            onChange={(_, d) => setPercentText(d.value)}
            style={{ maxWidth: '140px' }}
          />
        </Field>
        <p className="muted" aria-live="polite">
          At {percent}%, a forecast of {fmt.format(EXAMPLE_FORECAST)} is flagged if an import makes it more than {fmt.format(over)} or less than{' '}
          {fmt.format(under)}.
        </p>
      </div>
      <div className="inline-form tight">
        <BusyButton type="submit" appearance="primary" busy={save.busy} icon={<SaveRegular />}>
          {save.busy ? 'Saving…' : 'Save settings'}
        </BusyButton>
        <span className="muted" aria-live="polite">
          {changed ? 'You have changes not saved yet.' : 'Nothing changed since the last save.'}
        </span>
      </div>
      <p className="muted">A change to the settings is recorded in the history with your name, and can be undone like any other change.</p>
    </form>
  );
}
