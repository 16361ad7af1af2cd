/** The register's round-trip workbook kinds (features/recovery/register/kinds/), as the screens name them. */
export type RegisterKind = 'projects' | 'project-kpis';

export const KIND_TITLES: Record<RegisterKind, string> = {
  projects: 'Projects workbook',
  'project-kpis': 'KPIs workbook',
};
