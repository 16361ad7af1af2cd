import { NavDrawer, NavDrawerBody, NavItem, NavSectionHeader } from '@fluentui/react-components';
import {
  ArrowImportRegular,
  CalendarLtrRegular,
  ChartMultipleRegular,
  DataTrendingRegular,
  FolderOpenRegular,
  ListRegular,
  MoneyRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useApp, type ScreenId } from '../state/app-state';

const ITEMS: Array<{ id: ScreenId; label: string; icon: ReactElement }> = [
  { id: 'monitoring', label: 'Monitoring', icon: <DataTrendingRegular /> },
  { id: 'budget', label: 'Budget', icon: <MoneyRegular /> },
  { id: 'position', label: 'DSG position', icon: <ChartMultipleRegular /> },
  { id: 'imports', label: 'Imports', icon: <ArrowImportRegular /> },
];
const SETUP: Array<{ id: ScreenId; label: string; icon: ReactElement }> = [
  { id: 'years', label: 'Years and funding', icon: <CalendarLtrRegular /> },
  { id: 'lines', label: 'Budget lines', icon: <ListRegular /> },
  { id: 'workspaces', label: 'Workspaces', icon: <FolderOpenRegular /> },
];

export function NavRail() {
  const { screen, setScreen } = useApp();
  return (
    <NavDrawer
      open
      type="inline"
      className="nav-rail"
      // NavDrawer's own class fixes 260px; an inline width is the supported way to narrow it.
      style={{ width: '204px', minWidth: '204px' }}
      selectedValue={screen}
      onNavItemSelect={(_, d) => setScreen(d.value as ScreenId)}
      aria-label="Screens"
    >
      <NavDrawerBody>
        <NavSectionHeader>High Needs</NavSectionHeader>
        {ITEMS.map((i) => (
          <NavItem key={i.id} value={i.id} icon={i.icon}>
            {i.label}
          </NavItem>
        ))}
        <NavSectionHeader>Set-up</NavSectionHeader>
        {SETUP.map((i) => (
          <NavItem key={i.id} value={i.id} icon={i.icon}>
            {i.label}
          </NavItem>
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
}
