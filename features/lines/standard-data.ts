/**
 * Standard data a new workspace starts with. Every row is editable afterwards: the DfE changes
 * its s251 lines, and each authority keeps its own cost centres and groupings.
 */
export const S251_LINES: ReadonlyArray<{ code: string; name: string }> = [
  { code: '1.0.2', name: 'High needs place funding within Individual Schools Budget' },
  { code: '1.2.1', name: 'Top-up funding – maintained schools' },
  { code: '1.2.2', name: 'Top-up funding – academies, free schools and colleges' },
  { code: '1.2.3', name: 'Top-up and other funding – non-maintained and independent providers' },
  { code: '1.2.4', name: 'Additional high needs targeted funding for mainstream schools and academies' },
  { code: '1.2.5', name: 'SEN support service' },
  { code: '1.2.6', name: 'Hospital education services' },
  { code: '1.2.7', name: 'Other alternative provision services' },
  { code: '1.2.8', name: 'Support for inclusion' },
  { code: '1.2.9', name: 'Special schools and PRUs in financial difficulty' },
  { code: '1.2.10', name: 'PFI/ BSF costs at special schools, AP/ PRUs and Post 16 institutions only' },
  { code: '1.2.11', name: 'Direct payments (SEN and disability)' },
  { code: '1.2.13', name: 'Therapies and other health related services' },
];

export const PROVISION_GROUPS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'PLACE', name: 'Place funding' },
  { code: 'MAINSTREAM', name: 'Mainstream top-ups' },
  { code: 'RESOURCED', name: 'Resourced provision and units' },
  { code: 'MAINT_SPECIAL', name: 'Maintained special schools' },
  { code: 'SPECIAL_ACAD', name: 'Special academies and free schools' },
  { code: 'INMSS', name: 'Independent and non-maintained special schools' },
  { code: 'POST16', name: 'Post-16 and further education' },
  { code: 'AP', name: 'Alternative provision, PRU and hospital' },
  { code: 'CENTRAL', name: 'Central SEN services' },
  { code: 'DP_THERAPY', name: 'Direct payments and therapies' },
  { code: 'IMPORT_EXPORT', name: 'Import/export adjustment' },
];

/** The authority's lines (cost centres): every s251 line is covered by at least one. */
export const STANDARD_LINES: ReadonlyArray<{ code: string; name: string; s251: string; group: string }> = [
  { code: 'HN01', name: 'Place funding – special schools and academies', s251: '1.0.2', group: 'PLACE' },
  { code: 'HN02', name: 'Place funding – resourced provision and units', s251: '1.0.2', group: 'PLACE' },
  { code: 'HN03', name: 'Place funding – AP and PRUs', s251: '1.0.2', group: 'PLACE' },
  { code: 'HN04', name: 'Top-ups – mainstream maintained schools', s251: '1.2.1', group: 'MAINSTREAM' },
  { code: 'HN05', name: 'Top-ups – mainstream academies', s251: '1.2.2', group: 'MAINSTREAM' },
  { code: 'HN06', name: 'Additional targeted funding for mainstream', s251: '1.2.4', group: 'MAINSTREAM' },
  { code: 'HN07', name: 'Top-ups – resourced provision and units', s251: '1.2.1', group: 'RESOURCED' },
  { code: 'HN08', name: 'Top-ups – maintained special schools', s251: '1.2.1', group: 'MAINT_SPECIAL' },
  { code: 'HN09', name: 'Special schools and PRUs in financial difficulty', s251: '1.2.9', group: 'MAINT_SPECIAL' },
  { code: 'HN10', name: 'Top-ups – special academies and free schools', s251: '1.2.2', group: 'SPECIAL_ACAD' },
  { code: 'HN11', name: 'PFI/BSF costs at special schools', s251: '1.2.10', group: 'SPECIAL_ACAD' },
  { code: 'HN12', name: 'Independent and non-maintained special school placements', s251: '1.2.3', group: 'INMSS' },
  { code: 'HN13', name: 'Post-16 and FE top-ups', s251: '1.2.2', group: 'POST16' },
  { code: 'HN14', name: 'Alternative provision and PRU top-ups', s251: '1.2.7', group: 'AP' },
  { code: 'HN15', name: 'Hospital education services', s251: '1.2.6', group: 'AP' },
  { code: 'HN16', name: 'SEN support service', s251: '1.2.5', group: 'CENTRAL' },
  { code: 'HN17', name: 'Support for inclusion', s251: '1.2.8', group: 'CENTRAL' },
  { code: 'HN18', name: 'Direct payments (SEN and disability)', s251: '1.2.11', group: 'DP_THERAPY' },
  { code: 'HN19', name: 'Therapies and other health related services', s251: '1.2.13', group: 'DP_THERAPY' },
];
