/**
 * What a feature brings to the window, declared in its ui/index.ts: its screens (routes, loaded
 * only when first shown), the menu commands it answers, and anything it shows over every screen
 * (the import wizard). renderer/src/features.ts lists the features.
 */
import type { FluentIcon } from '@fluentui/react-icons';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { MenuCommand } from '../../electron/shared/menu';
import type { useApp } from './state/app-state';

export interface RouteDef {
  path: string;
  label: string;
  section: 'High Needs' | 'Recovery' | 'Partnerships' | 'Forum and boards' | 'Set-up';
  /** A page reached from another screen (a meeting, a paper), not listed in the navigation. */
  hidden?: boolean;
  /** Place in the navigation, within its section. */
  order: number;
  icon: FluentIcon;
  /** The screen's module, loaded when the route is first visited. */
  load: () => Promise<{ default: ComponentType }>;
}

export interface CommandContext {
  app: ReturnType<typeof useApp>;
  navigate: (path: string) => void;
  queryClient: QueryClient;
}

export interface FeatureUi {
  routes?: RouteDef[];
  commands?: Partial<Record<MenuCommand, (ctx: CommandContext) => void | Promise<void>>>;
  /** Shown over every screen while a workspace is open. */
  overlays?: Array<LazyExoticComponent<ComponentType>>;
}

export function featureUi(f: FeatureUi): FeatureUi {
  return f;
}
