export * from './workspace';
export * from '../../features/years/schema';
export * from '../../features/years/funding-schema';
export * from '../../features/lines/schema';
export * from '../../features/monitoring/schema';
export * from './audit';
export * from './imports';
