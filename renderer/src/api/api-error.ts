import type { ErrorInfo, ErrorIssue } from '../../../electron/shared/errors';

/** A refused call, as the renderer sees it: the server's code, message and every issue. */
export class ApiError extends Error {
  readonly code: ErrorInfo['code'];
  readonly issues: ErrorIssue[];

  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.issues = info.details?.issues ?? [];
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
