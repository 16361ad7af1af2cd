/**
 * Every call between the renderer and the domain server: channel name -> zod input schema ->
 * result type. The server registers one handler per channel, the preload exposes one named
 * function per channel, and the renderer calls them with these types, so a rename breaks the
 * compile rather than the app.
 */
import { z } from 'zod';
import type { ChannelNameList } from './channels';
import { isYearId } from './periods';
import type { Envelope } from './errors';
import type {
  AllocationView,
  BudgetGrid,
  BudgetLineInfo,
  ContributionInfo,
  FileBytes,
  HistoryEntry,
  MonitoringView,
  PositionSummary,
  ProvisionGroupInfo,
  RecentWorkspace,
  S251LineInfo,
  UndoState,
  WorkspaceInfo,
  YearInfo,
} from './types';
import type { ImportApplied, ImportBatchInfo, ImportProgress, ImportPreview, ImportStart, KindInfo, SavedMapping } from './workbook-types';

// ---- field rules, with messages a finance lead can act on ----

const MAX_PENCE = 1_000_000_000_000_00; // £1tn: far beyond any LA budget, well inside 2^53.

export const yearField = z
  .string({ error: 'must be a financial year such as 2024-25' })
  .refine(isYearId, { error: 'must be a financial year such as 2024-25 (April to March)' });

export const periodField = z
  .int({ error: 'must be a period number from 1 (April) to 12 (March)' })
  .min(1, { error: 'must be a period from P1 (April) to P12 (March)' })
  .max(12, { error: 'must be a period from P1 (April) to P12 (March)' });

/** Money in pence that may be negative (adjustments, transfers, balances). */
export const signedPence = z
  .int({ error: 'must be a whole number of pence' })
  .min(-MAX_PENCE, { error: 'is too large' })
  .max(MAX_PENCE, { error: 'is too large' });

/** Money in pence that may not be negative (budgets, forecasts, allocations). */
export const pence = z.int({ error: 'must be a whole number of pence' }).min(0, { error: 'must not be negative' }).max(MAX_PENCE, { error: 'is too large' });

const id = z.int({ error: 'must be a record id' }).positive({ error: 'must be a record id' });
const text = (max: number) => z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` });
const requiredText = (max: number) => text(max).trim().min(1, { error: 'must not be blank' });
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const empty = z.strictObject({});
const kindField = z.enum(['budget', 'monitoring'], { error: 'must be a workbook kind: budget or monitoring' });
/** Which year, period and lines an export or a foreign import covers. */
const workbookScope = z.strictObject({
  year: yearField,
  period: periodField.optional(),
  holder: text(200).optional(),
  groupId: id.optional(),
});

// ---- channel definitions ----

interface Channel<I extends z.ZodType, O, H extends boolean> {
  input: I;
  /** Handled by the host (Electron main or the web host), not the domain server. */
  host: H;
  /** Phantom: carries the result type only; never set. */
  readonly output?: { value: O };
}

function channel<I extends z.ZodType>(input: I) {
  return {
    returns: <O>(): Channel<I, O, false> => ({ input, host: false }),
    hostReturns: <O>(): Channel<I, O, true> => ({ input, host: true }),
  };
}

export const contract = {
  // workspace
  getWorkspace: channel(empty).returns<WorkspaceInfo>(),
  listRecentWorkspaces: channel(empty).returns<RecentWorkspace[]>(),
  openWorkspace: channel(z.strictObject({ path: requiredText(4096), create: z.boolean().optional() })).returns<WorkspaceInfo>(),
  renameWorkspace: channel(z.strictObject({ name: requiredText(200) })).returns<WorkspaceInfo>(),
  /** Native open/save dialog, then openWorkspace. Null when the user cancels. */
  chooseWorkspace: channel(z.strictObject({ mode: z.enum(['open', 'create']) })).hostReturns<WorkspaceInfo | null>(),
  /** Native save dialog for bytes the server built. Null when the user cancels. */
  saveFileAs: channel(z.strictObject({ fileName: requiredText(255), base64: z.string().max(200_000_000) })).hostReturns<{ savedTo: string } | null>(),

  // years
  listYears: channel(empty).returns<YearInfo[]>(),
  createYear: channel(
    z.strictObject({
      year: yearField,
      openingBalancePence: signedPence.optional(),
      /** Copy the budget lines' revised budgets from this year as the new original budgets. */
      copyBudgetsFrom: yearField.optional(),
    }),
  ).returns<YearInfo>(),
  setYearStatus: channel(z.strictObject({ year: yearField, status: z.enum(['open', 'closed']), reason: requiredText(500) })).returns<YearInfo>(),
  setOpeningBalance: channel(z.strictObject({ year: yearField, openingBalancePence: signedPence })).returns<YearInfo>(),

  // funding
  getAllocations: channel(z.strictObject({ year: yearField })).returns<AllocationView>(),
  saveAllocation: channel(
    z.strictObject({
      year: yearField,
      block: z.enum(['schools', 'cssb', 'hnb', 'early_years']),
      allocationPence: pence,
      deductionsPence: pence,
      adjustmentsPence: signedPence,
      transfersPence: signedPence,
    }),
  ).returns<AllocationView>(),
  addAllocationVersion: channel(z.strictObject({ year: yearField, publishedOn: isoDate, label: requiredText(200) })).returns<AllocationView>(),
  listContributions: channel(z.strictObject({ year: yearField })).returns<ContributionInfo[]>(),
  saveContribution: channel(
    z.strictObject({
      id: id.optional(),
      year: yearField,
      kind: z.enum(['safety_valve', 'council', 'other']),
      amountPence: pence,
      note: text(500),
    }),
  ).returns<ContributionInfo>(),
  deleteContribution: channel(z.strictObject({ id })).returns<{ deleted: number }>(),

  // lines
  listS251Lines: channel(empty).returns<S251LineInfo[]>(),
  listGroups: channel(empty).returns<ProvisionGroupInfo[]>(),
  listLines: channel(z.strictObject({ includeInactive: z.boolean().optional() })).returns<BudgetLineInfo[]>(),
  saveLine: channel(
    z.strictObject({
      id: id.optional(),
      code: requiredText(40),
      name: requiredText(200),
      s251Code: text(20).nullable(),
      groupId: id,
      sortOrder: z.int().min(0).optional(),
      holder: text(200),
      active: z.boolean(),
    }),
  ).returns<BudgetLineInfo>(),

  // budgets and monitoring
  getBudgetGrid: channel(z.strictObject({ year: yearField })).returns<BudgetGrid>(),
  setBudgets: channel(
    z.strictObject({
      year: yearField,
      changes: z
        .array(z.strictObject({ lineId: id, originalPence: pence.optional(), revisedPence: pence.optional() }))
        .min(1, { error: 'must list at least one change' })
        .max(5000),
    }),
  ).returns<BudgetGrid>(),
  getMonitoring: channel(z.strictObject({ year: yearField, period: periodField })).returns<MonitoringView>(),
  setForecasts: channel(
    z.strictObject({
      year: yearField,
      period: periodField,
      changes: z
        .array(
          z.strictObject({
            lineId: id,
            forecastPence: pence.nullable().optional(),
            actualPence: signedPence.nullable().optional(),
            commentary: text(2000).nullable().optional(),
          }),
        )
        .min(1, { error: 'must list at least one change' })
        .max(5000),
    }),
  ).returns<MonitoringView>(),
  getSummary: channel(z.strictObject({ year: yearField, period: periodField.optional() })).returns<PositionSummary>(),
  getPositionSeries: channel(empty).returns<PositionSummary[]>(),
  buildMonitoringWorkbook: channel(z.strictObject({ year: yearField, period: periodField })).returns<FileBytes>(),

  // spreadsheets: export, import with a preview, history of import batches
  listKinds: channel(empty).returns<KindInfo[]>(),
  exportWorkbook: channel(workbookScope.extend({ kind: kindField })).returns<FileBytes>(),
  /**
   * Reads a workbook and answers with a preview (nothing is written), or, for a foreign
   * workbook, the column mapping proposed from its header. `path` only from a host's file
   * dialog or the command line; the window sends the file's bytes.
   */
  importFile: channel(
    z.strictObject({
      source: z.union([z.strictObject({ path: requiredText(4096) }), z.strictObject({ fileName: requiredText(255), base64: z.string().max(200_000_000) })]),
      kind: kindField.optional(),
      year: yearField.optional(),
      period: periodField.optional(),
      holder: text(200).optional(),
      /** Header text -> field, as `hnb import --map` gives it. */
      map: z.record(z.string().max(200), z.string().max(60)).optional(),
      headerRow: z.int().min(1).max(1000).optional(),
      mappingName: text(100).optional(),
    }),
  ).returns<ImportStart>(),
  /** A foreign workbook read earlier: what it holds, and the mapping proposed from its header. */
  mapImport: channel(
    workbookScope.extend({ importId: requiredText(64), kind: kindField, headerRow: z.int().min(1).max(1000).optional() }),
  ).returns<ImportStart>(),
  /** A foreign workbook, read through the mapping the user confirmed. */
  previewMapped: channel(
    workbookScope.extend({
      importId: requiredText(64),
      kind: kindField,
      headerRow: z.int().min(1).max(1000),
      /** field -> 1-based column number */
      columns: z.record(z.string().max(60), z.int().min(1).max(16384)),
    }),
  ).returns<ImportPreview>(),
  applyImport: channel(
    z.strictObject({
      importId: requiredText(64),
      /** Per conflicting row key: keep the database's value or take the file's. */
      resolutions: z.record(z.string().max(64), z.enum(['file', 'db'])).optional(),
      /** For every conflict not resolved row by row. */
      prefer: z.enum(['file', 'db']).optional(),
      /** Rows missing from the file are left alone unless this is ticked. */
      deleteMissing: z.boolean().optional(),
    }),
  ).returns<ImportApplied>(),
  discardImport: channel(z.strictObject({ importId: requiredText(64) })).returns<{ discarded: boolean }>(),
  getImportProgress: channel(empty).returns<ImportProgress>(),
  listImportBatches: channel(empty).returns<ImportBatchInfo[]>(),
  revertImportBatch: channel(z.strictObject({ batchId: id })).returns<ImportBatchInfo[]>(),
  listMappings: channel(z.strictObject({ kind: kindField.optional() })).returns<SavedMapping[]>(),
  saveMapping: channel(
    z.strictObject({
      name: requiredText(100),
      kind: kindField,
      columns: z.record(z.string().max(200), z.string().max(60)),
      headerRow: z.int().min(1).max(1000).nullable().optional(),
    }),
  ).returns<SavedMapping>(),
  deleteMapping: channel(z.strictObject({ id })).returns<{ deleted: number }>(),
  /** Native open dialog, then importFile with the chosen path. Null when the user cancels. */
  chooseImportFile: channel(
    z.strictObject({ kind: kindField.optional(), year: yearField.optional(), period: periodField.optional() }),
  ).hostReturns<ImportStart | null>(),

  // history
  getLineHistory: channel(z.strictObject({ lineId: id, year: yearField.optional() })).returns<HistoryEntry[]>(),
  getUndoState: channel(empty).returns<UndoState>(),
  undo: channel(empty).returns<UndoState & { undone: string }>(),
} as const satisfies { [K in ChannelNameList]: Channel<z.ZodType, unknown, boolean> };

// The reverse check: every name the preload exposes has a definition here.
type MissingFromContract = Exclude<ChannelNameList, keyof typeof contract>;
const _everyNameDefined: MissingFromContract extends never ? true : never = true;
void _everyNameDefined;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsed<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = NonNullable<Contract[K]['output']>['value'];

export type HostChannel = { [K in ChannelName]: Contract[K]['host'] extends true ? K : never }[ChannelName];
export type ServerChannel = Exclude<ChannelName, HostChannel>;

export const CHANNELS = Object.keys(contract) as ChannelName[];
export type Bridge = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<Envelope<ChannelOutput<K>>> };
export const HOST_CHANNELS = CHANNELS.filter((c) => contract[c].host);

/** The renderer's view of the API: one async function per channel that throws ApiError. */
export type Api = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>> };
