import { ChartMultipleRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';
import { exportReport } from './report-export';

export const positionUi = featureUi({
  routes: [{ path: '/position', label: 'DSG position', section: 'High Needs', order: 30, icon: ChartMultipleRegular, load: () => import('./PositionScreen') }],
  commands: {
    'export-monitoring': ({ app }) => exportReport(app),
  },
});
