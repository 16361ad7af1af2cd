import {
  ArrowTrendingLinesRegular,
  BranchCompareRegular,
  DocumentSignatureRegular,
  ShieldCheckmarkRegular,
  TaskListSquareLtrRegular,
} from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';

export const recoveryUi = featureUi({
  routes: [
    { path: '/plan', label: 'Deficit plan', section: 'Recovery', order: 10, icon: ArrowTrendingLinesRegular, load: () => import('./PlanScreen') },
    { path: '/compare', label: 'Compare scenarios', section: 'Recovery', order: 20, icon: BranchCompareRegular, load: () => import('./CompareScreen') },
    { path: '/register', label: 'Recovery register', section: 'Recovery', order: 30, icon: TaskListSquareLtrRegular, load: () => import('./RegisterScreen') },
    {
      path: '/register/:projectId',
      label: 'Project',
      section: 'Recovery',
      order: 35,
      icon: TaskListSquareLtrRegular,
      hidden: true,
      load: () => import('./ProjectScreen'),
    },
    { path: '/agreements', label: 'Agreements', section: 'Recovery', order: 40, icon: DocumentSignatureRegular, load: () => import('./AgreementsScreen') },
    {
      path: '/agreements/:agreementId',
      label: 'Agreement',
      section: 'Recovery',
      order: 45,
      icon: DocumentSignatureRegular,
      hidden: true,
      load: () => import('./AgreementScreen'),
    },
    { path: '/safety-valve', label: 'Safety Valve', section: 'Recovery', order: 50, icon: ShieldCheckmarkRegular, load: () => import('./SafetyValveScreen') },
  ],
});
