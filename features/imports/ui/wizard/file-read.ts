/** A chosen or dropped file's bytes as base64, which is how the window sends a file to the server. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    // A folder that slipped through (some browsers give no way to tell) fails here.
    reader.onerror = () =>
      reject(new Error(`${file.name} could not be read. If it is a folder, choose the .xlsx workbook inside it; otherwise check it is not open elsewhere.`));
    reader.readAsDataURL(file);
  });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

const MB = 1024 * 1024;
/** The largest workbook the server reads (its FILE_LIMITS.maxFileBytes): refused here before 67 MB of base64 is sent. */
export const MAX_FILE_BYTES = 50 * MB;

/** 52.4 MB, as the server says it: the file rounded up and the limit down, so a file just over never reads as equal. */
function sizeText(bytes: number, round: (x: number) => number): string {
  const mb = bytes / MB;
  const step = mb >= 10 ? 1 : mb >= 1 ? 10 : 100;
  return `${(round(mb * step) / step).toLocaleString('en-GB')} MB`;
}

/** Why a chosen file cannot be sent, or null: too large, or empty. */
export function fileProblem(file: File): string | null {
  if (file.size > MAX_FILE_BYTES) {
    return `${file.name} is ${sizeText(file.size, Math.ceil)}; HNB Desk reads workbooks up to ${sizeText(MAX_FILE_BYTES, Math.floor)}. Delete unused sheets or rows, or split it into smaller workbooks, and import again.`;
  }
  if (file.size === 0) return `${file.name} is empty (0 bytes). Check you chose the right file, or save it again in Excel and import the new copy.`;
  return null;
}

/** A folder dropped on the window, or null: only the drop event can tell, through its items. */
export function droppedFolder(items: DataTransferItemList | undefined): string | null {
  const item = items?.[0];
  const entry = item && typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
  return entry?.isDirectory ? entry.name : null;
}
