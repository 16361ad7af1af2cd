import { FolderOpenRegular } from '@fluentui/react-icons';
import { featureUi } from '../../../renderer/src/feature-ui';
import { chooseWorkspace, createDemoWorkspace } from './workspace-actions';

export const workspacesUi = featureUi({
  routes: [{ path: '/workspaces', label: 'Workspaces', section: 'Set-up', order: 40, icon: FolderOpenRegular, load: () => import('./WorkspacesScreen') }],
  commands: {
    'show-workspaces': ({ navigate }) => navigate('/workspaces'),
    // In the browser there is no file dialog: the Workspaces screen offers the recent list and a new workspace by name.
    'open-workspace': (ctx) => chooseWorkspace(ctx, 'open'),
    'new-workspace': (ctx) => chooseWorkspace(ctx, 'create'),
    'new-demo-workspace': (ctx) => createDemoWorkspace(ctx),
  },
});
