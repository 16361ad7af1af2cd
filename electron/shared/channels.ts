/**
 * The channel names alone, for the sandboxed preload, which should not carry zod. contract.ts
 * checks at compile time that its keys are exactly these.
 */
export const CHANNEL_NAMES = [
  'getWorkspace',
  'listRecentWorkspaces',
  'openWorkspace',
  'renameWorkspace',
  'chooseWorkspace',
  'saveFileAs',
  'listYears',
  'createYear',
  'setYearStatus',
  'setOpeningBalance',
  'getAllocations',
  'saveAllocation',
  'addAllocationVersion',
  'listContributions',
  'saveContribution',
  'deleteContribution',
  'listS251Lines',
  'listGroups',
  'listLines',
  'saveLine',
  'getBudgetGrid',
  'setBudgets',
  'getMonitoring',
  'setForecasts',
  'getSummary',
  'getPositionSeries',
  'buildMonitoringWorkbook',
  'listKinds',
  'exportWorkbook',
  'importFile',
  'mapImport',
  'previewMapped',
  'applyImport',
  'discardImport',
  'getImportProgress',
  'listImportBatches',
  'revertImportBatch',
  'listMappings',
  'saveMapping',
  'deleteMapping',
  'chooseImportFile',
  'getLineHistory',
  'getUndoState',
  'undo',
] as const;

export type ChannelNameList = (typeof CHANNEL_NAMES)[number];

/** Menu commands main sends to the window. */
export const MENU_COMMANDS = [
  'undo',
  'export-monitoring',
  'export-budget',
  'export-monitoring-return',
  'import-workbook',
  'show-imports',
  'open-workspace',
  'new-workspace',
  'show-workspaces',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The Content Security Policy for the renderer, in Electron and in the web host alike.
 * Styles allow inline because Fluent UI and AG Grid inject their CSS at run time; scripts
 * never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
