import { BuildingGovernmentRegular, CalendarLtrRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const meetingsUi = featureUi({
  routes: [
    { path: '/meetings', label: 'Meetings', section: 'Forum and boards', order: 10, icon: CalendarLtrRegular, load: () => import('./MeetingsScreen') },
    {
      path: '/bodies',
      label: 'Bodies and members',
      section: 'Forum and boards',
      order: 20,
      icon: BuildingGovernmentRegular,
      load: () => import('./BodiesScreen'),
    },
    {
      path: '/meetings/:meetingId',
      label: 'Meeting',
      section: 'Forum and boards',
      order: 30,
      icon: CalendarLtrRegular,
      hidden: true,
      load: () => import('./MeetingScreen'),
    },
    {
      path: '/papers/:itemId',
      label: 'Paper',
      section: 'Forum and boards',
      order: 40,
      icon: CalendarLtrRegular,
      hidden: true,
      load: () => import('./PaperScreen'),
    },
    {
      path: '/meetings/:meetingId/pack',
      label: 'Pack',
      section: 'Forum and boards',
      order: 50,
      icon: CalendarLtrRegular,
      hidden: true,
      load: () => import('./PackScreen'),
    },
  ],
});
