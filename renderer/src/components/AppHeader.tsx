import { Badge, Button, Dropdown, Tooltip } from '@fluentui/react-components';
import { ArrowUndoRegular, BuildingGovernmentRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useApp } from '../state/app-state';
import { yearOptions } from './YearOptions';

export function AppHeader() {
  const { workspace, years, year, setYear, undo, runUndo } = useApp();
  const current = years.find((y) => y.id === year);
  return (
    <header className="app-header">
      <div className="brand">
        <BuildingGovernmentRegular fontSize={22} aria-hidden />
        <span className="brand-name">HNB Desk</span>
      </div>
      <div className="workspace-name" title={workspace?.path}>
        {workspace?.name ?? 'No workspace open'}
        {workspace?.isDemo && (
          <Badge appearance="filled" color="warning" className="demo-badge">
            DEMO DATA
          </Badge>
        )}
      </div>
      <div className="header-actions">
        {years.length > 0 && (
          <label className="header-field">
            <span id="year-label">Financial year</span>
            <Dropdown
              aria-labelledby="year-label"
              className="year-dropdown"
              style={{ minWidth: '150px', width: '150px' }}
              size="small"
              value={year ?? ''}
              selectedOptions={year ? [year] : []}
              onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}
            >
              {yearOptions(years)}
            </Dropdown>
          </label>
        )}
        {current?.status === 'closed' && (
          <Tooltip content={`Closed: ${current.statusReason ?? ''}`} relationship="description">
            <Badge appearance="tint" color="informative" icon={<LockClosedRegular />}>
              Closed
            </Badge>
          </Tooltip>
        )}
        <Tooltip
          content={undo.blockedBy ? `Cannot undo "${undo.label}": ${undo.blockedBy}` : undo.label ? `Undo: ${undo.label} (Ctrl+Z)` : 'Nothing to undo'}
          relationship="description"
        >
          <Button appearance="subtle" icon={<ArrowUndoRegular />} disabled={!undo.canUndo} onClick={() => void runUndo()}>
            Undo
          </Button>
        </Tooltip>
      </div>
    </header>
  );
}
