export * from './workspace';
export * from './years';
export * from './funding';
export * from './lines';
export * from './monitoring';
export * from './audit';
export * from './imports';
