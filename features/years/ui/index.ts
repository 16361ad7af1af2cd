import { CalendarLtrRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const yearsUi = featureUi({
  routes: [{ path: '/years', label: 'Years and funding', section: 'Set-up', order: 10, icon: CalendarLtrRegular, load: () => import('./YearsScreen') }],
});
