import { DataTrendingRegular, MoneyRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const monitoringUi = featureUi({
  routes: [
    { path: '/monitoring', label: 'Monitoring', section: 'High Needs', order: 10, icon: DataTrendingRegular, load: () => import('./MonitoringScreen') },
    { path: '/budget', label: 'Budget', section: 'High Needs', order: 20, icon: MoneyRegular, load: () => import('./BudgetScreen') },
  ],
  commands: {
    // The return can be for every line or one budget holder's: the Monitoring screen asks which.
    'export-monitoring-return': ({ app, navigate }) => {
      if (!app.year) return;
      navigate('/monitoring');
      app.setIntent('choose-return-holder');
    },
  },
});
