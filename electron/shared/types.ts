/** Result shapes that belong to no one feature. Money is always integer pence. */

export interface FileBytes {
  fileName: string;
  /** base64, so it crosses IPC and HTTP alike. */
  base64: string;
}
