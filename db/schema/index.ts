/**
 * The whole schema, for drizzle-kit and the workspace client: the core tables here, and each
 * feature's own (one line per feature).
 */
export * from './workspace';
export * from './audit';
export * from './locks';
export * from './imports';
export * from '../../features/years/schema';
export * from '../../features/lines/schema';
export * from '../../features/monitoring/schema';
export * from '../../features/meetings/schema';
export * from '../../features/recovery/schema';
export * from '../../features/allocations/schema';
