import type { FileBytes } from '../../../electron/shared/types';
import { api, isDesktop } from './api';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Desktop: the native save dialog. Browser host: an ordinary download. */
export async function saveWorkbook(file: FileBytes): Promise<string | null> {
  return saveFile(file);
}

/** A workbook or a PDF the server built, saved as saveWorkbook does (the type follows the file's name). */
export async function saveFile(file: FileBytes): Promise<string | null> {
  if (isDesktop) {
    const r = await api.saveFileAs(file);
    return r ? r.savedTo : null;
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[file.fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.fileName;
}
