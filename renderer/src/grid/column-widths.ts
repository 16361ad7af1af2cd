/**
 * The pinned name column gives way on a narrow window (zoomed to 150% or 200%), so the figures
 * stay beside the line they belong to; the full name is in its tooltip.
 */
export function pinnedNameWidth(preferred: number, viewportWidth: number): number {
  // 1100 px is where the navigation folds to icons: below it, every column counts.
  return viewportWidth >= 1100 ? preferred : Math.min(preferred, Math.max(140, Math.round(viewportWidth * 0.2)));
}
