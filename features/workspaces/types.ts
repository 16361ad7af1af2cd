export interface WorkspaceInfo {
  id: string;
  path: string;
  name: string;
  isDemo: boolean;
  schemaVersion: number;
  createdAt: string;
  /** Set when this open migrated an older file: where the copy taken beforehand is. */
  backupPath: string | null;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
  /** Another recent workspace has the same name: show the folder to tell them apart. */
  sameNameAsAnother: boolean;
}
