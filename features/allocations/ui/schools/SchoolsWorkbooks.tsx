import { Menu, MenuButton, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowImportRegular, DocumentTableArrowRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { shortcutOf } from '../../../../electron/shared/menu';
import { busyProps } from '../../../../renderer/src/components/BusyButton';
import { useApp } from '../../../../renderer/src/state/app-state';
import { dispatchCommand } from '../../../../renderer/src/state/commands';
import { exportWorkbookAs } from '../../../imports/ui/export-actions';

/**
 * The schools' round-trip workbooks for the year: the schools with their partnership and buy-in,
 * and their data one column per data column. Either comes back through the import wizard, which
 * also reads a foreign list of schools (the DfE's Get Information about Schools export) by its
 * headings; every change is previewed before it is applied.
 */
export function SchoolsWorkbooks({ year }: { year: string }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const run = async (kind: string) => {
    setBusy(true);
    try {
      await exportWorkbookAs(app, kind, { year });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton {...busyProps(busy, <DocumentTableArrowRightRegular />)}>Workbooks</MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<ArrowDownloadRegular />} onClick={() => void run('schools')}>
            Export the schools for {year}…
          </MenuItem>
          <MenuItem icon={<ArrowDownloadRegular />} onClick={() => void run('school-data')}>
            Export the school data for {year}…
          </MenuItem>
          <MenuDivider />
          <MenuItem icon={<ArrowImportRegular />} secondaryContent={shortcutOf('import-workbook')} onClick={() => dispatchCommand('import-workbook')}>
            Import a workbook…
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
