import { Badge, Button, Dropdown, Tooltip } from '@fluentui/react-components';
import { ArrowRedoRegular, ArrowUndoRegular, BuildingGovernmentRegular, LockClosedRegular } from '@fluentui/react-icons';
import { shortcutOf } from '../../../electron/shared/menu';
import { isDesktop } from '../api/api';
import { useApp } from '../state/app-state';
import { dispatchCommand } from '../state/commands';
import { AppMenu } from './AppMenu';
import { yearOptions } from './YearOptions';

export function AppHeader() {
  const { workspace, years, year, setYear, undo } = useApp();
  const current = years.find((y) => y.id === year);
  const undoTip = undo.blockedBy
    ? `Cannot undo "${undo.label}": ${undo.blockedBy}`
    : undo.label
      ? `Undo: ${undo.label} (${shortcutOf('undo')})`
      : 'Nothing to undo';
  const redoTip = undo.redoLabel ? `Redo: ${undo.redoLabel} (${shortcutOf('redo')})` : 'Nothing to redo';
  return (
    <header className="app-header">
      <div className="brand">
        <BuildingGovernmentRegular fontSize={22} aria-hidden />
        <span className="brand-name">HNB Desk</span>
      </div>
      {!isDesktop && <AppMenu />}
      <div className="workspace-name" title={workspace?.path}>
        <span className="workspace-text">{workspace?.name ?? 'No workspace open'}</span>
        {workspace?.isDemo && (
          <Badge appearance="filled" color="warning" className="demo-badge">
            DEMO DATA
          </Badge>
        )}
      </div>
      <div className="header-actions">
        {years.length > 0 && (
          <div className="header-field">
            <span id="year-label" className="header-field-label">
              Financial year
            </span>
            <Dropdown
              aria-labelledby="year-label"
              className="year-dropdown"
              // Fluent's own minimum width is 250px; the year needs a fraction of it.
              style={{ minWidth: '120px', width: '130px' }}
              size="small"
              value={year ?? ''}
              selectedOptions={year ? [year] : []}
              onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}
            >
              {yearOptions(years)}
            </Dropdown>
          </div>
        )}
        {current?.status === 'closed' && (
          <Tooltip content={`Closed: ${current.statusReason ?? ''}`} relationship="description">
            <Badge appearance="tint" color="informative" icon={<LockClosedRegular />}>
              Closed
            </Badge>
          </Tooltip>
        )}
        <Tooltip content={undoTip} relationship="description">
          <Button appearance="subtle" icon={<ArrowUndoRegular />} disabledFocusable={!undo.canUndo} onClick={() => dispatchCommand('undo')}>
            <span className="header-button-text">Undo</span>
          </Button>
        </Tooltip>
        <Tooltip content={redoTip} relationship="description">
          <Button appearance="subtle" icon={<ArrowRedoRegular />} disabledFocusable={!undo.canRedo} onClick={() => dispatchCommand('redo')} aria-label="Redo">
            <span className="header-button-text">Redo</span>
          </Button>
        </Tooltip>
      </div>
    </header>
  );
}
