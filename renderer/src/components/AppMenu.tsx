import { Button, Menu, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import { MENU_ITEMS, type MenuCommand } from '../../../electron/shared/menu';
import type { MenuItemDef } from '../../../electron/shared/menu-kit';
import { dispatchCommand } from '../state/commands';

const MENUS: Array<{ menu: MenuItemDef['menu']; title: string }> = [
  { menu: 'file', title: 'File' },
  { menu: 'edit', title: 'Edit' },
];

/** "File > Import workbook…" without the & access-key marks. */
const plain = (label: string) => label.replace(/&/g, '');

/**
 * In the browser there is no window menu: the same File and Edit menus, from the same list,
 * with the same shortcuts shown.
 */
export function AppMenu() {
  return (
    <div className="app-menu">
      {MENUS.map(({ menu, title }) => {
        const items = (MENU_ITEMS as readonly MenuItemDef[]).filter((i) => i.menu === menu).sort((a, b) => a.group - b.group);
        return (
          <Menu key={menu}>
            <MenuTrigger disableButtonEnhancement>
              <Button appearance="subtle" size="small" icon={menu === 'file' ? <NavigationRegular /> : undefined}>
                {title}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {items.map((item, i) => (
                  <Fragment key={item.command}>
                    {i > 0 && items[i - 1]!.group !== item.group && <MenuDivider />}
                    <MenuItem secondaryContent={item.shortcut} onClick={() => dispatchCommand(item.command as MenuCommand)}>
                      {plain(item.label)}
                    </MenuItem>
                  </Fragment>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        );
      })}
    </div>
  );
}
