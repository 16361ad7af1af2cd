/** The features the window is made of: one line each (each feature's ui/index.ts). */
import { allocationsUi } from '../../features/allocations/ui';
import { historyUi } from '../../features/history/ui';
import { importsUi } from '../../features/imports/ui';
import { linesUi } from '../../features/lines/ui';
import { meetingsUi } from '../../features/meetings/ui';
import { monitoringUi } from '../../features/monitoring/ui';
import { positionUi } from '../../features/position/ui';
import { recoveryUi } from '../../features/recovery/ui';
import { settingsUi } from '../../features/settings/ui';
import { workspacesUi } from '../../features/workspaces/ui';
import { yearsUi } from '../../features/years/ui';
import type { FeatureUi, RouteDef } from './feature-ui';

export const FEATURE_UI: readonly FeatureUi[] = [
  monitoringUi,
  positionUi,
  recoveryUi,
  allocationsUi,
  meetingsUi,
  importsUi,
  yearsUi,
  linesUi,
  settingsUi,
  workspacesUi,
  historyUi,
];

const SECTIONS: Array<RouteDef['section']> = ['High Needs', 'Recovery', 'Partnerships', 'Forum and boards', 'Set-up'];

/** Every screen, in the order the navigation shows them. */
export const ROUTES: RouteDef[] = FEATURE_UI.flatMap((f) => f.routes ?? []).sort(
  (a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.order - b.order,
);
