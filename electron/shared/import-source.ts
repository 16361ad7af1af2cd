/**
 * A window may import only the bytes of a file the user picked; a path it sends is refused, so
 * a compromised page cannot make the server read files from the disk. Hosts check with this.
 */
export function namesAPath(channel: string, input: unknown): boolean {
  if (channel !== 'importFile' || typeof input !== 'object' || input === null) return false;
  const source = (input as { source?: unknown }).source;
  return typeof source === 'object' && source !== null && 'path' in source;
}
