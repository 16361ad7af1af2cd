import { ListRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const linesUi = featureUi({
  routes: [{ path: '/lines', label: 'Budget lines', section: 'Set-up', order: 20, icon: ListRegular, load: () => import('./LinesScreen') }],
});
