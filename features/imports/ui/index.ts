import { ArrowImportRegular } from '@fluentui/react-icons';
import { lazy } from 'react';
import { featureUi } from '../../../renderer/src/feature-ui';
import { exportWorkbookAs } from './export-actions';

export const importsUi = featureUi({
  routes: [{ path: '/imports', label: 'Imports', section: 'High Needs', order: 40, icon: ArrowImportRegular, load: () => import('./ImportsScreen') }],
  overlays: [lazy(() => import('./wizard/ImportWizard'))],
  commands: {
    'import-workbook': ({ app }) => {
      if (app.workspace) app.setImporting(true);
    },
    'show-imports': ({ navigate }) => navigate('/imports'),
    'export-budget': ({ app, navigate }) => {
      if (!app.year) return;
      navigate('/budget');
      return exportWorkbookAs(app, 'budget', { year: app.year });
    },
  },
});
