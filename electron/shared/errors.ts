/** One problem with an input: a field of a call, or a cell of a workbook. */
export interface ErrorIssue {
  field?: string;
  sheet?: string;
  cell?: string;
  rule: string;
  message: string;
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CLOSED_YEAR'
  | 'LOCKED'
  | 'NEEDS_CONFIRMATION'
  | 'READ_ONLY'
  | 'NOTHING_TO_REDO'
  | 'DUPLICATE'
  | 'NOTHING_TO_UNDO'
  | 'NO_WORKSPACE'
  | 'NOT_SQLITE'
  | 'NOT_WORKSPACE'
  | 'DAMAGED'
  | 'NEWER_VERSION'
  | 'FILE_BUSY'
  | 'INVALID_FILE'
  | 'CONFLICT'
  | 'NOT_AVAILABLE'
  | 'CANCELLED'
  | 'UNAUTHORIZED'
  | 'INTERNAL';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: { issues?: ErrorIssue[]; [key: string]: unknown };
}

/** What crosses every boundary (IPC, HTTP, CLI): never a thrown Error, always this. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorInfo['details'];

  constructor(code: ErrorCode, message: string, details?: ErrorInfo['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static invalid(issues: ErrorIssue[]): AppError {
    const first = issues[0];
    const message = issues.length === 1 && first ? first.message : `${issues.length} problems: ${issues.map((i) => i.message).join('; ')}`;
    return new AppError('INVALID_INPUT', message, { issues });
  }

  toInfo(): ErrorInfo {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
