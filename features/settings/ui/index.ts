import { SettingsRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const settingsUi = featureUi({
  routes: [{ path: '/settings', label: 'Settings', section: 'Set-up', order: 30, icon: SettingsRegular, load: () => import('./SettingsScreen') }],
});
