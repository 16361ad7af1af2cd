import { Menu, MenuButton, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ArrowImportRegular, DocumentTableArrowRightRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { shortcutOf } from '../../../../electron/shared/menu';
import { dispatchCommand } from '../../../../renderer/src/state/commands';
import { KIND_TITLES, type RegisterKind } from './kinds';

const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

/**
 * The register's round-trip workbooks: project leads update RAG, spend, savings and KPIs in Excel
 * and send them back, read through the import wizard (every change previewed before it is applied).
 */
export function RegisterWorkbooks({ workstreamId }: { workstreamId: number | null }) {
  const [kind, setKindState] = useState<RegisterKind | null>(null);
  const [used, setUsed] = useState(false);
  const setKind = (k: RegisterKind | null) => {
    if (k) setUsed(true);
    setKindState(k);
  };
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton icon={<DocumentTableArrowRightRegular />}>Workbooks</MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {(Object.keys(KIND_TITLES) as RegisterKind[]).map((k) => (
              <MenuItem key={k} onClick={() => setKind(k)}>
                Export the {KIND_TITLES[k]}…
              </MenuItem>
            ))}
            <MenuDivider />
            <MenuItem icon={<ArrowImportRegular />} secondaryContent={shortcutOf('import-workbook')} onClick={() => dispatchCommand('import-workbook')}>
              Import a returned workbook…
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {used && (
        <Suspense fallback={null}>
          <ExportDialog kind={kind} workstreamId={workstreamId} onClose={() => setKind(null)} />
        </Suspense>
      )}
    </>
  );
}
