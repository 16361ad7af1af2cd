import { BuildingMultipleRegular, ClipboardTaskListLtrRegular, DataPieRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const allocationsUi = featureUi({
  routes: [
    { path: '/partnerships', label: 'Partnerships', section: 'Partnerships', order: 10, icon: PeopleTeamRegular, load: () => import('./PartnershipsScreen') },
    { path: '/schools', label: 'Schools', section: 'Partnerships', order: 20, icon: BuildingMultipleRegular, load: () => import('./SchoolsScreen') },
    { path: '/allocation', label: 'Allocation runs', section: 'Partnerships', order: 30, icon: DataPieRegular, load: () => import('./AllocationScreen') },
    {
      path: '/returns',
      label: 'Partnership returns',
      section: 'Partnerships',
      order: 40,
      icon: ClipboardTaskListLtrRegular,
      load: () => import('./ReturnsScreen'),
    },
  ],
});
